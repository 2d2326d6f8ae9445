// The NetworkManager dispatcher script lockdown's hook installs. Pure: no file system.
//
// NetworkManager's dispatcher runs every root-owned executable in its dispatcher.d as root on
// each network event, with the interface as $1 and the action as $2. The script only hands both
// to `tunnelbar lockdown hook-run` under the absolute node binary and CLI file that installed it
// (no PATH lookup: the dispatcher's environment is not a login shell's, and a PATH entry is one
// more thing someone could write to). It sits in no-wait.d, linked from dispatcher.d: the
// dispatcher then runs it beside other scripts instead of making them wait behind it.

/** The script's file name, in no-wait.d and as the link in dispatcher.d. */
export const HOOK_NAME = '90-tunnelbar-lockdown';
/** Marks the file as Tunnelbar's: `hook remove` deletes only a file that carries it. */
export const HOOK_MARK = '# tunnelbar-lockdown-hook';

/** One word for sh, whatever it holds: single quotes, a single quote as '\''. */
export function shQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function hookScript(nodePath: string, cliPath: string): string {
  return `#!/bin/sh
${HOOK_MARK}
# Installed by \`tunnelbar lockdown hook install\`; \`tunnelbar lockdown hook remove\` removes it.
# NetworkManager's dispatcher runs it as root on network events. While lockdown is on it puts
# lockdown's routes back on a link that (re)activated; when lockdown's profile is deleted it
# removes a block NetworkManager left in the kernel. See Tunnelbar's README, "Lockdown".
# Other events (connectivity, hostname, VPNs) need nothing: no node is started for them.
case "$2" in
  up|down|dhcp4-change|dhcp6-change|reapply) ;;
  *) exit 0 ;;
esac
exec ${shQuote(nodePath)} ${shQuote(cliPath)} lockdown hook-run "$1" "$2"
`;
}
