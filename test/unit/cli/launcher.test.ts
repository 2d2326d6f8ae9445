// The built `tunnelbar` command (out/main/cli/tunnelbar.js, main/cli/launcher.ts) answers --help
// and --version without loading the whole CLI: its answers must be the whole CLI's, byte for byte,
// in every language. Needs `npm run build`, as packaging.test.ts does.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Each test starts several Node processes: slow on a loaded machine.
const SPAWNING = { timeout: 30_000 };

const cliDir = join(__dirname, '..', '..', '..', 'out', 'main', 'cli');
const LAUNCHER = join(cliDir, 'tunnelbar.js');
const WHOLE_CLI = join(cliDir, 'tunnelbar-full.js');

function run(program: string, args: string[], lang: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...lang };
  const out = spawnSync(process.execPath, [program, ...args], { env, encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const languages: Record<string, Record<string, string>> = {
  English: { LANG: 'C.UTF-8' },
  German: { LANG: 'de_DE.UTF-8' },
  pseudo: { LANG: 'en_US.UTF-8', LANGUAGE: 'en_XA' },
};

describe('the launcher', () => {
  for (const [name, lang] of Object.entries(languages)) {
    it(`prints the whole CLI's usage in ${name}, for every way of asking`, SPAWNING, () => {
      const whole = run(WHOLE_CLI, ['--help'], lang);
      expect(whole.code).toBe(0);
      for (const args of [[], ['--help'], ['-h'], ['help'], ['--help', 'list']]) {
        expect(run(LAUNCHER, args, lang), args.join(' ')).toEqual(whole);
      }
    });
  }

  it('speaks German when asked, from the German catalogue', SPAWNING, () => {
    expect(run(LAUNCHER, ['--help'], languages.German ?? {}).stdout).toMatch(
      /^Aufruf: tunnelbar <Befehl> \[Optionen\]\n/,
    );
  });

  it("prints the whole CLI's version", SPAWNING, () => {
    const whole = run(WHOLE_CLI, ['--version'], {});
    expect(whole.stdout).toMatch(/^tunnelbar \d+\.\d+\.\d+\n$/);
    expect(run(LAUNCHER, ['--version'], {})).toEqual(whole);
  });

  it('hands every other command line to the whole CLI', SPAWNING, () => {
    const lang = languages.German ?? {};
    const launched = run(LAUNCHER, ['help', 'extra'], lang);
    expect(launched.code).toBe(2);
    expect(launched).toEqual(run(WHOLE_CLI, ['help', 'extra'], lang));
    expect(run(LAUNCHER, ['frobnicate'], lang).stderr).toMatch(/^Unbekannter Befehl „frobnicate“/);
  });
});
