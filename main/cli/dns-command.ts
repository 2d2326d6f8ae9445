// `tunnelbar dns [--json]`: what NetworkManager's resolver configuration is now, and leaks.
import type { Core } from '../core';
import { dnsView } from '../dns/dns-view';
import { nmNotRunning } from '../nm/errors';
import type { DnsView } from '../../preload/privacy-types';
import type { ExitCode, Io } from './commands';
import { runStrings } from './run-strings';
import { terminalSafe as safe } from './terminal-text';

export function describeDns(view: DnsView): string {
  const d = runStrings.dns;
  const lines = [d.mode(safe(view.mode), safe(view.rcManager))];
  if (view.entries.length === 0) lines.push(d.none);
  for (const e of view.entries) {
    const domains = e.domains.length === 0 ? d.noDomains : e.domains.map((x) => safe(x)).join(' ');
    const use = e.general ? d.allNames : d.ownDomains;
    const servers = e.nameservers.map((n) => safe(n)).join(' ');
    lines.push(
      `${safe(e.interface || '-')}${e.vpn ? d.vpn : ''}\t${servers}\t${domains}\t${d.priority(e.priority)}\t${use}`,
    );
  }
  for (const leak of view.leaks) {
    lines.push(d.leak(safe(leak.id), leak.leakingInterfaces.map((i) => safe(i)).join(', ')));
  }
  return `${lines.join('\n')}\n`;
}

export async function dnsCommand(core: Core, io: Io, json: boolean): Promise<ExitCode> {
  if (!core.model.nmRunning) throw nmNotRunning();
  const view = await dnsView(core.bus, core.model);
  io.stdout.write(json ? `${JSON.stringify(view, null, 2)}\n` : describeDns(view));
  return 0;
}
