/** The command line of `tunnelbar`, parsed. Small on purpose: a few commands, a few flags. */
import type { LanChoice } from '../../preload/privacy-types';
import { usageStrings as u } from './usage-strings';

/** The usage text, in the session's language (read when shown, not at load). */
export function usage(): string {
  return u.text;
}

export type Command =
  | 'list'
  | 'up'
  | 'down'
  | 'status'
  | 'watch'
  | 'import'
  | 'export'
  | 'lockdown'
  | 'dns'
  | 'help'
  | 'version';

export type LockdownAction = 'on' | 'off' | 'status';
/** `lockdown hook install|remove`: lockdown's NetworkManager dispatcher hook (root only). */
export type HookAction = 'install' | 'remove';

export interface CliArgs {
  command: Command;
  /** The profile (name or UUID) for up/down/export. */
  profile: string | null;
  json: boolean;
  ask: boolean;
  /** `up --save`: keep what --ask asked for in the keyring. Set only when given. */
  save?: boolean;
  /** `up --stay`: keep it up, reconnecting after drops, until interrupted. Set only when given. */
  stay?: boolean;
  timeoutSeconds: number | null;
  /** Only for `import`. */
  import?: ImportArgs;
  /** `export --output FILE`; without it, the suggested name in the current folder. */
  output?: string;
  /** `lockdown on|off|status`. */
  lockdown?: LockdownAction;
  /** `lockdown on --allow-lan|--block-lan`. Set only when given. */
  lan?: LanChoice;
  /** `lockdown hook install|remove`. Set only when given. */
  hook?: HookAction;
  /**
   * `lockdown hook-run <iface> <action>`: what NetworkManager's dispatcher runs (hook-script.ts),
   * its two arguments as given (either may be empty). Not in the usage: not for people.
   */
  hookRun?: { iface: string; action: string };
}

export interface ImportArgs {
  /** Files and folders, as given. */
  paths: string[];
  dryRun: boolean;
  allowDuplicates: boolean;
}

export class UsageError extends Error {}

const COMMANDS = new Set<Command>([
  'list',
  'up',
  'down',
  'status',
  'watch',
  'import',
  'export',
  'lockdown',
  'dns',
  'help',
  'version',
]);
const NEEDS_PROFILE = new Set<Command>(['up', 'down', 'export']);
const FLAGS_BY_COMMAND: Record<Command, readonly string[]> = {
  list: ['--json'],
  status: ['--json'],
  watch: ['--json'],
  up: ['--ask', '--save', '--timeout', '--stay', '--json'],
  import: ['--json', '--dry-run', '--allow-duplicates'],
  export: ['--json', '--output'],
  down: [],
  lockdown: ['--json', '--allow-lan', '--block-lan'],
  dns: ['--json'],
  help: [],
  version: [],
};

/** Reads the words after `lockdown hook` / `lockdown hook-run` (the rest of the line). */
function parseHookWords(
  first: 'hook' | 'hook-run',
  words: readonly string[],
): Pick<CliArgs, 'hook' | 'hookRun'> {
  if (first === 'hook-run') {
    const [iface, action, ...extra] = words;
    if (iface === undefined || action === undefined) throw new UsageError(u.hookRunNeedsArgs);
    if (extra[0] !== undefined) throw new UsageError(u.unexpected(extra[0]));
    return { hookRun: { iface, action } };
  }
  const [action, ...extra] = words;
  if (action !== 'install' && action !== 'remove') throw new UsageError(u.hookNeedsAction);
  if (extra[0] !== undefined) throw new UsageError(u.unexpected(extra[0]));
  return { hook: action };
}

function isLockdownAction(word: string): word is LockdownAction {
  return word === 'on' || word === 'off' || word === 'status';
}

function isCommand(word: string): word is Command {
  return COMMANDS.has(word as Command);
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    command: 'help',
    profile: null,
    json: false,
    ask: false,
    timeoutSeconds: null,
  };
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return args;
  if (first === '--version') return { ...args, command: 'version' };
  if (!isCommand(first)) throw new UsageError(u.unknownCommand(first));
  args.command = first;
  const imports: ImportArgs = { paths: [], dryRun: false, allowDuplicates: false };
  if (first === 'import') args.import = imports;
  const allowed = FLAGS_BY_COMMAND[first];
  // The hook's words come as they are: an interface name or action is never a flag here.
  if (first === 'lockdown' && (rest[0] === 'hook' || rest[0] === 'hook-run'))
    return { ...args, ...parseHookWords(rest[0], rest.slice(1)) };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? '';
    if (word.startsWith('--')) {
      const [flag = '', inline] = word.split('=', 2);
      if (!allowed.includes(flag)) throw new UsageError(u.noSuchOption(first, flag));
      if (flag === '--json') args.json = true;
      else if (flag === '--ask') args.ask = true;
      else if (flag === '--save') args.save = true;
      else if (flag === '--stay') args.stay = true;
      else if (flag === '--dry-run') imports.dryRun = true;
      else if (flag === '--allow-duplicates') imports.allowDuplicates = true;
      else if (flag === '--allow-lan' || flag === '--block-lan') {
        const lan = flag === '--allow-lan' ? 'allow' : 'block';
        if (args.lan !== undefined && args.lan !== lan) throw new UsageError(u.lanEitherOr);
        args.lan = lan;
      } else if (flag === '--output') {
        const value = inline ?? rest[++i];
        if (value === undefined || value === '') throw new UsageError(u.outputNeedsFile);
        args.output = value;
      } else {
        const value = inline ?? rest[++i];
        const seconds = Number(value);
        if (value === undefined || !Number.isFinite(seconds) || seconds <= 0) {
          throw new UsageError(u.timeoutNeedsSeconds);
        }
        args.timeoutSeconds = seconds;
      }
    } else if (NEEDS_PROFILE.has(first) && args.profile === null) {
      args.profile = word;
    } else if (first === 'import') {
      imports.paths.push(word);
    } else if (first === 'lockdown' && args.lockdown === undefined && isLockdownAction(word)) {
      args.lockdown = word;
    } else {
      throw new UsageError(u.unexpected(word));
    }
  }
  if (NEEDS_PROFILE.has(first) && args.profile === null) {
    throw new UsageError(u.needsProfile(first));
  }
  if (args.save === true && !args.ask) throw new UsageError(u.saveNeedsAsk);
  if (first === 'up' && args.json && args.stay !== true) throw new UsageError(u.jsonNeedsStay);
  if (first === 'lockdown' && args.lockdown === undefined)
    throw new UsageError(u.lockdownNeedsAction);
  if (args.lan !== undefined && args.lockdown !== 'on') throw new UsageError(u.lanNeedsOn);
  if (first === 'import' && imports.paths.length === 0) {
    throw new UsageError(u.importNeedsPath);
  }
  return args;
}
