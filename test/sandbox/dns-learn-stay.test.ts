import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LineProcess } from '../support/line-process';
import { CLI } from '../support/run-cli';
import { ownDomainsUnlearnt, savedDns, startDnsSandbox } from './infra/dns-sandbox';
import { killClient } from './infra/openvpn-client';
import type { Sandbox } from './infra/sandbox';
import { waitFor } from './infra/wait';

// `tunnelbar up --stay` on an 'own-domains' VPN whose profile lacks the domain its server pushes
// (cert.tunnelbar.test): it learns it at the first connection and again at each reconnection
// (main/cli/stay-command.ts with main/dns/learn-pushed.ts). What NetworkManager stored decides.

const pushed = 'cert.tunnelbar.test';
const learnt = ['200', `~${pushed}`, '200', `~${pushed}`];
const unlearnt = ['200', '', '200', ''];
let sb: Sandbox;
let cert: { uuid: string; id: string };
const running: LineProcess[] = [];

beforeAll(async () => {
  ({ sb, cert } = await startDnsSandbox());
});

afterAll(async () => {
  for (const p of running) p.child.kill('SIGKILL');
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

/** ownDomainsUnlearnt, and checked. */
async function ownDomainsWithoutPushed(): Promise<void> {
  await ownDomainsUnlearnt(sb, cert.uuid);
  expect(await savedDns(sb, cert.uuid)).toEqual(unlearnt);
}

function waitForLearnt(what: string): Promise<true> {
  return waitFor(
    what,
    async () => ((await savedDns(sb, cert.uuid)).join(',') === learnt.join(',') ? true : undefined),
    30_000,
    200,
  );
}

describe('"only its own domains" with tunnelbar up --stay', () => {
  it('learns the pushed domain at the first connection and again after a reconnection', async () => {
    await ownDomainsWithoutPushed();
    const stay = new LineProcess(
      'tunnelbar up --stay',
      process.execPath,
      [CLI, 'up', cert.id, '--stay', '--json'],
      sb.env,
    );
    running.push(stay);
    // `up` learns before it returns, and --stay prints its first line after that.
    await stay.waitFor((t) => t.includes('"connected"'), 0, 60_000);
    expect(await savedDns(sb, cert.uuid)).toEqual(learnt);

    // Removed again while the tunnel is down between attempts (the choice is still
    // 'own-domains'): only the reconnection can bring it back, and only --stay runs to learn it.
    // Not before the drop: the dying tunnel is still reported connected, with its domains.
    const mark = stay.mark;
    killClient(sb, 'cert');
    await stay.waitFor((t) => t.includes('"waitingFor":"timer"'), mark, 15_000);
    const afterDrop = stay.mark;
    await ownDomainsWithoutPushed();
    // The next attempt is about 2 s away; nmcli answers well before it connects.
    expect(stay.lines(afterDrop).map((l) => l.text)).not.toContainEqual(
      expect.stringContaining('"connected"'),
    );
    await stay.waitFor((t) => t.includes('"connected"'), afterDrop, 60_000);
    await waitForLearnt('the pushed domain learnt again after the reconnection');

    // Stopped by request: --stay ends, and no write was refused.
    await sb.nmcli(['connection', 'down', 'id', cert.id]);
    expect(await stay.whenExited()).toBe(0);
    expect(stay.errorText).not.toMatch(/pushed/);
    expect(await savedDns(sb, cert.uuid)).toEqual(learnt);
  });
});
