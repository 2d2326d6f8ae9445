import { defineStrings, fmt } from '../i18n/define';

/**
 * `tunnelbar help` and the argument errors, in English: the `cli.usage.` ids in locales/. The
 * command words and flags inside the usage text are what is typed, so translations keep them.
 * The usage is a plain text, not an ICU message: its `<name|uuid>` would read as a tag.
 */
const english = {
  text: `Usage: tunnelbar <command> [options]

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
  lockdown on --allow-lan|--block-lan
                                     allow the local network (the default) or block it too (the
                                     gateway and VPN servers on it stay open); without either,
                                     lockdown that is on keeps its choice
  dns [--json]                       the DNS servers NetworkManager uses, for which domains,
                                     through which link, and a warning when queries leak past a
                                     VPN that carries everything

Exit status: 0 done, 1 the VPN failed (import: some file not added), 2 usage error or
NetworkManager unavailable.
The bus is DBUS_SYSTEM_BUS_ADDRESS, else the system bus.`,
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
  lockdownNeedsAction: '"lockdown" needs on, off or status.',
  lanNeedsOn: '--allow-lan and --block-lan go with "lockdown on".',
  lanEitherOr: 'Give --allow-lan or --block-lan, not both.',
  importNeedsPath: '"import" needs at least one file or folder.',
};

export const usageStrings = defineStrings('cli.usage', english);
