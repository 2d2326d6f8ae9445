// `tunnelbar lockdown on|off|status [--json]`.
import type { Core } from '../core';
import { lockdownOff, lockdownOn, lockdownStatus } from '../lockdown/lockdown';
import type { LanChoice, LockdownStatus } from '../lockdown/types';
import type { LockdownAction } from './args';
import type { ExitCode, Io } from './commands';
import { runStrings } from './run-strings';
import { terminalSafe as safe } from './terminal-text';

/** The text form: one line for the state, then each profile that cannot connect under lockdown. */
export function describeLockdown(status: LockdownStatus): string {
  const l = runStrings.lockdown;
  const lines: string[] = [];
  if (!status.on) lines.push(l.off);
  else if (status.active) lines.push(status.lan === 'block' ? l.onBlockLan : l.on);
  else lines.push(l.pending);
  const failed = status.servers.filter((s) => s.error !== null);
  if (status.on && failed.length > 0) {
    lines.push(l.cannotConnect);
    for (const s of failed) lines.push(`  ${safe(s.id)}\t${safe(s.host)}\t${safe(s.error ?? '')}`);
  }
  if (status.on && status.routesError !== null) lines.push(safe(status.routesError));
  if (status.on)
    for (const r of status.routes)
      lines.push(
        `Routed to the VPN servers through ${safe(r.gateway)} on ${safe(r.interface)}: ${r.addresses.map((a) => safe(a)).join(', ')}`,
      );
  if (status.on) lines.push(status.hook ? l.hookOn : l.hookOff);
  if (status.on)
    for (const b of status.lanBlocks)
      lines.push(
        l.lanBlocked(
          safe(b.interface),
          b.blocked.join(', '),
          b.open.length === 0 ? l.nothing : b.open.join(', '),
        ),
      );
  return `${lines.join('\n')}\n`;
}

export async function lockdownCommand(
  core: Core,
  io: Io,
  action: LockdownAction,
  json: boolean,
  lan?: LanChoice,
): Promise<ExitCode> {
  let status: LockdownStatus;
  switch (action) {
    case 'on':
      status = await lockdownOn(core.bus, core.model, undefined, lan);
      break;
    case 'off':
      status = await lockdownOff(core.bus, core.model);
      break;
    case 'status':
      status = await lockdownStatus(core.bus, core.model);
      break;
  }
  io.stdout.write(json ? `${JSON.stringify(status, null, 2)}\n` : describeLockdown(status));
  return 0;
}
