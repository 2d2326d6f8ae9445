// The CLI speaks the session's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), and most tests
// assert its English. So a `tunnelbar` a test starts does not inherit the locale of the shell the
// tests run in: a test that wants another language sets it in the env it passes (a value that
// differs from this process's own), and that one is kept.

const LOCALE_VARS = ['LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

export function withTestLocale(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inherited = new Set<string>(LOCALE_VARS.filter((name) => env[name] === process.env[name]));
  const out = Object.fromEntries(Object.entries(env).filter(([name]) => !inherited.has(name)));
  out.LANG ??= 'C.UTF-8';
  return out;
}
