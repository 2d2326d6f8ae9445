/**
 * The usage text in English (`cli.usage.text` in locales/), in a module of its own with no
 * imports: the launcher (launcher.ts) prints it for `tunnelbar --help` without loading the
 * i18n machinery or the rest of the program. usage-strings.ts gives it its catalogue id.
 */
export const USAGE_TEXT_ID = 'cli.usage.text';

export const englishUsage = `Usage: tunnelbar <command> [options]

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
                                     the VPN servers, or (if allowed) to the networks it is
                                     directly on; it is a NetworkManager connection: it holds
                                     without Tunnelbar and after a reboot, until \`lockdown off\`
  lockdown on --allow-lan|--block-lan
                                     allow the local network, or block it too (the default; the
                                     gateway and VPN servers on it stay open); without either,
                                     lockdown that is on keeps its choice
  lockdown hook install|remove       (as root) install or remove lockdown's NetworkManager
                                     dispatcher hook: it puts lockdown's routes back when a link
                                     reconnects and removes a block left after a NetworkManager
                                     restart, without Tunnelbar running
  dns [--json]                       the DNS servers NetworkManager uses, for which domains,
                                     through which link, and a warning when queries leak past a
                                     VPN that carries everything

Exit status: 0 done, 1 the VPN failed (import: some file not added), 2 usage error or
NetworkManager unavailable.
The bus is DBUS_SYSTEM_BUS_ADDRESS, else the system bus.`;
