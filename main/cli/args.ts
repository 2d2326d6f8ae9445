/** The command line of `tunnelbar`, parsed. Small on purpose: a few commands, a few flags. */

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
  lockdown: ['--json'],
  dns: ['--json'],
  help: [],
  version: [],
};

export const USAGE = `Usage: tunnelbar <command> [options]

Commands:
  list [--json]                      every VPN profile with its state
  up <name|uuid> [--ask [--save]] [--timeout S] [--stay [--json]]
                                     connect and wait until connected (exit 0) or failed (exit 1);
                                     --ask prompts for passwords (one line per secret from stdin
                                     when it is not a terminal; end of input cancels); a
                                     password saved in the keyring is used without asking;
                                     --save keeps what --ask asked for there; --stay then keeps
                                     it up, reconnecting after drops, one line per change, until
                                     interrupted, stopped by request (exit 0) or given up (exit 1)
  down <name|uuid>                   disconnect
  status [--json]                    the active VPNs: addresses, gateway, routes, DNS, domains
  watch [--json]                     one line per change of any VPN, until interrupted
  import <files or folders...> [--json] [--dry-run] [--allow-duplicates]
                                     add .ovpn and wg-quick .conf files (folders: recursively)
                                     as profiles; a file whose profile exists is reported as a
                                     duplicate unless --allow-duplicates; --dry-run adds nothing
  export <name|uuid> [--output FILE] [--json]
                                     write an OpenVPN profile as a self-contained .ovpn, or a
                                     WireGuard profile as a wg-quick .conf (mode 0600); without
                                     --output, <name>.ovpn or <interface>.conf here, never
                                     replacing a file that exists
  lockdown on|off|status [--json]    while on, nothing leaves this machine but through a VPN, to
                                     the VPN servers, or to the networks it is directly on; it
                                     is a NetworkManager connection: it holds without Tunnelbar
                                     and after a reboot, until \`lockdown off\`
  dns [--json]                       the DNS servers NetworkManager uses, for which domains,
                                     through which link, and a warning when queries leak past a
                                     VPN that carries everything

Exit status: 0 done, 1 the VPN failed (import: some file not added), 2 usage error or
NetworkManager unavailable.
The bus is DBUS_SYSTEM_BUS_ADDRESS, else the system bus.`;

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
  if (!isCommand(first)) throw new UsageError(`Unknown command "${first}".`);
  args.command = first;
  const imports: ImportArgs = { paths: [], dryRun: false, allowDuplicates: false };
  if (first === 'import') args.import = imports;
  const allowed = FLAGS_BY_COMMAND[first];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? '';
    if (word.startsWith('--')) {
      const [flag = '', inline] = word.split('=', 2);
      if (!allowed.includes(flag)) throw new UsageError(`"${first}" takes no option ${flag}.`);
      if (flag === '--json') args.json = true;
      else if (flag === '--ask') args.ask = true;
      else if (flag === '--save') args.save = true;
      else if (flag === '--stay') args.stay = true;
      else if (flag === '--dry-run') imports.dryRun = true;
      else if (flag === '--allow-duplicates') imports.allowDuplicates = true;
      else if (flag === '--output') {
        const value = inline ?? rest[++i];
        if (value === undefined || value === '')
          throw new UsageError('--output takes a file name.');
        args.output = value;
      } else {
        const value = inline ?? rest[++i];
        const seconds = Number(value);
        if (value === undefined || !Number.isFinite(seconds) || seconds <= 0) {
          throw new UsageError('--timeout takes a number of seconds greater than 0.');
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
      throw new UsageError(`Unexpected argument "${word}".`);
    }
  }
  if (NEEDS_PROFILE.has(first) && args.profile === null) {
    throw new UsageError(`"${first}" needs a profile name or UUID.`);
  }
  if (args.save === true && !args.ask) throw new UsageError('--save needs --ask.');
  if (first === 'up' && args.json && args.stay !== true)
    throw new UsageError('--json needs --stay.');
  if (first === 'lockdown' && args.lockdown === undefined)
    throw new UsageError('"lockdown" needs on, off or status.');
  if (first === 'import' && imports.paths.length === 0) {
    throw new UsageError('"import" needs at least one file or folder.');
  }
  return args;
}
