import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import { activate, findProfile } from '../../main/nm/actions';
import type { BusLink } from '../../main/nm/model';
import { CliProcess, runCli } from '../support/run-cli';
import { ScriptedPrompter } from '../support/scripted-prompter';
import { startSandbox, type Sandbox } from './sandbox';
import { waitFor } from './wait';

// Issue 11, item 9: the system bus going away under a running core (the app's, and `tunnelbar
// watch`'s). The bus daemon is stopped and a new one started on the same socket; NetworkManager,
// which does not outlive its bus, is started again on the new one.

let sb: Sandbox;
let cert: { uuid: string; id: string };
let password: { uuid: string; id: string };

beforeAll(async () => {
  sb = await startSandbox();
  cert = await sb.addOpenvpnProfile('cert');
  password = await sb.addOpenvpnProfile('password');
});

afterAll(async () => {
  // beforeAll may have failed half-way.
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

/** The bus daemon's own count of match rules held by one connection. */
function matchRules(uniqueName: string): number {
  const out = execFileSync(
    'dbus-send',
    [
      `--bus=${sb.busAddress}`,
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.Debug.Stats.GetConnectionStats',
      `string:${uniqueName}`,
    ],
    { encoding: 'utf8' },
  );
  const m = /"MatchRules"\s*\n?\s*variant\s+uint32 (\d+)/.exec(out);
  if (!m?.[1]) throw new Error(`no MatchRules in stats:\n${out}`);
  return Number(m[1]);
}

/** The bus daemon goes away and comes back; NetworkManager is started again on the new one. */
async function restartBusAndNm(afterStop: () => Promise<void>): Promise<void> {
  await sb.stopBus();
  await afterStop();
  await sb.startBus();
  await sb.stopNetworkManager('SIGTERM');
  await sb.startNetworkManager();
}

describe('the system bus goes away and comes back', () => {
  it('the core says so, reconnects, reloads its model and registers its agent again', async () => {
    const prompter = new ScriptedPrompter();
    const core: Core = await openCore({
      busAddress: sb.busAddress,
      agent: { identifier: 'tunnelbar.test.busloss', prompter, sessionBusAddress: null },
    });
    const nmEvents: [boolean, BusLink | undefined][] = [];
    core.model.on('nm', (running, bus) => nmEvents.push([running, bus]));
    const watcher = new CliProcess(['watch', '--json'], sb.env);
    try {
      // The watcher is ready when it has its first snapshot; it prints nothing until a change.
      await new Promise((r) => setTimeout(r, 1500));
      const nameBefore = core.bus.uniqueName;
      await restartBusAndNm(async () => {
        await watcher.waitForLine((l) => l.includes('"bus-lost"'));
        // The daemon may drop NetworkManager first (an owner change, seen before the loss).
        expect(nmEvents.at(-1)).toEqual([false, 'lost']);
        expect(core.model.nmRunning).toBe(false);
        expect(core.agent?.isRegistered).toBe(false);
        // A call meanwhile fails at once with its own word, instead of waiting 25 s.
        await expect(core.bus.call({ path: '/', iface: 'x.y', member: 'Z' })).rejects.toMatchObject(
          { word: 'bus-lost' },
        );
      });
      await watcher.waitForLine((l) => l.includes('"bus-reconnected"'));
      await waitFor('the model loaded again', () => core.model.nmRunning, 60_000);
      await waitFor('the agent registered again', () => core.agent?.isRegistered === true, 30_000);
      expect(nmEvents.at(-1)?.[0]).toBe(true);
      expect(nmEvents.some(([, bus]) => bus === 'reconnected')).toBe(true);
      expect(core.model.profiles().map((p) => p.uuid)).toEqual(
        expect.arrayContaining([cert.uuid, password.uuid]),
      );
      // A new connection, with the same fixed set of match rules.
      expect(core.bus.uniqueName).not.toBe('');
      expect(core.bus.uniqueName === nameBefore && nameBefore !== '').toBe(false);
      expect(matchRules(core.bus.uniqueName)).toBe(6);
      // NetworkManager asks the re-registered agent.
      await activate(core.bus, findProfile(core.model, password.id));
      const prompt = await prompter.next();
      expect(prompt.request.connectionUuid).toBe(password.uuid);
      prompt.cancel();
      // The watcher carries on: it sees NetworkManager and a tunnel on the new bus.
      await watcher.waitForLine((l) => l.includes('"nm-started"'));
      expect((await runCli(['up', cert.id], sb.env)).code).toBe(0);
      await watcher.waitForLine(
        (l) => l.includes(`"${cert.uuid}"`) && l.includes('"state":"connected"'),
      );
      expect((await runCli(['down', cert.id], sb.env)).code).toBe(0);
    } finally {
      await watcher.stop();
      await core.close();
    }
  });

  it('a core opened with reconnect off closes for good', async () => {
    const core = await openCore({ busAddress: sb.busAddress, reconnect: false });
    const closed = new Promise<void>((resolve) => core.bus.once('closed', resolve));
    try {
      await restartBusAndNm(async () => {
        await closed;
      });
      expect(core.bus.isClosed).toBe(true);
      await expect(core.bus.call({ path: '/', iface: 'x.y', member: 'Z' })).rejects.toMatchObject({
        word: 'bus-closed',
      });
    } finally {
      await core.close();
    }
  });
});
