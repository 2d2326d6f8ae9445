import { defineStrings, fmt } from '../i18n/define';
import { englishUsage } from './usage-text';

/**
 * `tunnelbar help` and the argument errors, in English: the `cli.usage.` ids in locales/. The
 * command words and flags inside the usage text are what is typed, so translations keep them.
 * The usage is a plain text, not an ICU message: its `<name|uuid>` would read as a tag.
 */
const english = {
  text: englishUsage,
  unknownCommand: fmt('Unknown command "{word}".', (word: string) => ({ word })),
  noSuchOption: fmt('"{command}" takes no option {flag}.', (command: string, flag: string) => ({
    command,
    flag,
  })),
  outputNeedsFile: '--output takes a file name.',
  timeoutNeedsSeconds: '--timeout takes a number of seconds greater than 0.',
  unexpected: fmt('Unexpected argument "{word}".', (word: string) => ({ word })),
  needsProfile: fmt('"{command}" needs a profile name or UUID.', (command: string) => ({
    command,
  })),
  saveNeedsAsk: '--save needs --ask.',
  jsonNeedsStay: '--json needs --stay.',
  lockdownNeedsAction: '"lockdown" needs on, off, status or hook.',
  hookNeedsAction: '"lockdown hook" needs install or remove.',
  hookRunNeedsArgs: '"lockdown hook-run" needs the interface and the action.',
  lanNeedsOn: '--allow-lan and --block-lan go with "lockdown on".',
  lanEitherOr: 'Give --allow-lan or --block-lan, not both.',
  importNeedsPath: '"import" needs at least one file or folder.',
};

export const usageStrings = defineStrings('cli.usage', english);
