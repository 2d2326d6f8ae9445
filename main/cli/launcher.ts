#!/usr/bin/env node
// The `tunnelbar` command as installed (bundled to out/main/cli/tunnelbar.js). `--help` and
// `--version` are answered here, from a small file (mostly the catalogues, as strings V8 only
// scans, read for the language asked for); every other command line loads
// the whole program (tunnelbar.ts, bundled to tunnelbar-full.js). Compiling and initialising the
// whole bundle (its schemas, the message formatter, the D-Bus library) is most of what a start
// costs beyond Node's own, and --help needs none of it.
import { localeFromEnv, type Locale } from '../i18n/locale';
import { englishUsage, USAGE_TEXT_ID } from './usage-text';
import { version } from './version';

/** The usage text in `locale`, from the same catalogues as the rest of the program. */
function usageIn(locale: Locale): string {
  // Read only for the language asked for: the catalogues are most of this file's size.
  const catalogue = (): Readonly<Record<string, string>> => {
    switch (locale) {
      case 'en':
        return {};
      case 'de':
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when asked for
        return require('../../locales/de.json') as Record<string, string>;
      case 'en-XA':
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when asked for
        return require('../../locales/en-XA.json') as Record<string, string>;
    }
  };
  return catalogue()[USAGE_TEXT_ID] ?? englishUsage;
}

/** The answer to a command line that needs no NetworkManager, as parseArgs reads it. */
function quickAnswer(argv: readonly string[]): string | null {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    return usageIn(localeFromEnv(process.env));
  }
  if (first === 'help' && argv.length === 1) return usageIn(localeFromEnv(process.env));
  if (first === '--version') return `tunnelbar ${version()}`;
  return null;
}

const argv = process.argv.slice(2);
const answer = quickAnswer(argv);
if (answer !== null) {
  process.stdout.write(`${answer}\n`);
} else {
  // The whole program, loaded only now; scripts/bundle.ts points this at tunnelbar-full.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, late load
  (require('./tunnelbar') as typeof import('./tunnelbar')).runAsProgram(argv);
}
