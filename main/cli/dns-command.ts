// `tunnelbar dns [--json]`: what NetworkManager's resolver configuration is now, and leaks.
import type { Core } from '../core';
import { dnsView } from '../dns/dns-view';
import { nmNotRunning } from '../nm/errors';
import type { DnsView } from '../../preload/privacy-types';
import type { ExitCode, Io } from './commands';
import { terminalSafe as safe } from './terminal-text';

export function describeDns(view: DnsView): string {
  const lines = [`NetworkManager DNS mode ${safe(view.mode)}, resolv.conf ${safe(view.rcManager)}`];
  if (view.entries.length === 0) lines.push('No DNS servers are configured.');
  for (const e of view.entries) {
    const domains = e.domains.length === 0 ? 'no domains' : e.domains.map((d) => safe(d)).join(' ');
    const use = e.general ? 'all names' : 'its domains only';
    lines.push(
      `${safe(e.interface || '-')}${e.vpn ? ' (VPN)' : ''}\t${e.nameservers.map((n) => safe(n)).join(' ')}\t${domains}\tpriority ${e.priority}\t${use}`,
    );
  }
  for (const leak of view.leaks) {
    lines.push(
      `warning: ${safe(leak.id)} carries all traffic, but DNS queries still go to the resolvers of ${leak.leakingInterfaces.map((i) => safe(i)).join(', ')}. ` +
        `Fix: "Send all DNS queries through this VPN" in its DNS options, then reconnect.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function dnsCommand(core: Core, io: Io, json: boolean): Promise<ExitCode> {
  if (!core.model.nmRunning) throw nmNotRunning();
  const view = await dnsView(core.bus, core.model);
  io.stdout.write(json ? `${JSON.stringify(view, null, 2)}\n` : describeDns(view));
  return 0;
}
