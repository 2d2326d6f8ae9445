import { spawn } from 'node:child_process';
import * as dbus from 'dbus-next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import { activate, findProfile } from '../../main/nm/actions';
import { NmBus } from '../../main/nm/bus';
import type { BusLink } from '../../main/nm/model';
import { CliProcess, runCli } from '../support/run-cli';
import { BusMonitor } from '../support/bus-monitor';
import { ScriptedPrompter } from '../fakes/scripted-prompter';
import { matchRules } from './infra/match-rules';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { waitForSubscribed } from './infra/bus-peer';
import { waitFor } from './infra/wait';

// NetworkManager and the system bus going away and coming back, and the dbus-next faults the core
// works around.

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

describe('NetworkManager restarts', () => {
  it('a watcher reports NetworkManager gone and back, and a new connect works after it', async () => {
    const watcher = new CliProcess(['watch', '--json'], sb.env);
    try {
      // The watcher prints nothing until a change: it is ready once it receives NM's signals.
      await waitForSubscribed(sb.busAddress, watcher.child.pid ?? 0);
      await sb.stopNetworkManager('SIGKILL');
      await watcher.waitForLine((l) => l.includes('"nm-stopped"'));
      const mark = watcher.lines().length;
      await sb.startNetworkManager();
      await watcher.waitForLine((l) => l.includes('"nm-started"'), mark);
      const up = await runCli(['up', cert.id], sb.env);
      expect(up.code).toBe(0);
      const line = await watcher.waitForLine(
        (l) => l.includes(`"${cert.uuid}"`) && l.includes('"state":"connected"'),
        mark,
      );
      expect(JSON.parse(line)).toMatchObject({ event: 'tunnel', id: cert.id, state: 'connected' });
      expect((await runCli(['down', cert.id], sb.env)).code).toBe(0);
    } finally {
      await watcher.stop();
    }
  });

  it('the core reloads and its agent registers again, so prompts work after a restart', async () => {
    const prompter = new ScriptedPrompter();
    const core = await openCore({
      busAddress: sb.busAddress,
      agent: { identifier: 'tunnelbar.test.restart', prompter, sessionBusAddress: null },
    });
    try {
      const rulesBefore = matchRules(sb.busAddress, core.bus.uniqueName);
      await sb.stopNetworkManager('SIGTERM');
      expect(core.model.nmRunning).toBe(false);
      await sb.startNetworkManager();
      await core.model.ready();
      expect(core.model.nmRunning).toBe(true);
      await waitFor('the agent registered again', () => core.agent?.isRegistered === true);
      // Nothing piles up across restarts.
      expect(matchRules(sb.busAddress, core.bus.uniqueName)).toBe(rulesBefore);
      await activate(core.bus, findProfile(core.model, password.id));
      const prompt = await prompter.next();
      expect(prompt.request.connectionUuid).toBe(password.uuid);
      prompt.cancel();
    } finally {
      await core.close();
    }
  });
});

describe('dbus-next 0.10.2 faults, worked around in main/nm/bus.ts', () => {
  it('match rules stay a fixed set however many tunnels come and go', async () => {
    const core = await openCore({ busAddress: sb.busAddress });
    try {
      const before = matchRules(sb.busAddress, core.bus.uniqueName);
      for (let i = 0; i < 3; i++) {
        expect((await runCli(['up', cert.id], sb.env)).code).toBe(0);
        expect((await runCli(['down', cert.id], sb.env)).code).toBe(0);
      }
      expect(matchRules(sb.busAddress, core.bus.uniqueName)).toBe(before);
      // main/nm/bus.ts adds exactly six rules, once.
      expect(before).toBe(6);
    } finally {
      await core.close();
    }
  });

  it('a call that is never answered times out with a clear error', async () => {
    // The system bus policy forbids calls between arbitrary peers, so this one runs on a private
    // session bus, with a peer that takes calls and never replies.
    const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const address = await new Promise<string>((resolve) => {
        daemon.stdout.once('data', (c: Buffer) => {
          resolve(c.toString().trim());
        });
      });
      const silent = dbus.sessionBus({ busAddress: address });
      await new Promise<void>((resolve) => silent.once('connect', resolve));
      silent.addMethodHandler(() => true);
      const bus = await NmBus.connect(address);
      try {
        const peer = (silent as unknown as { name: string }).name;
        const started = Date.now();
        await expect(
          bus.call({
            destination: peer,
            path: '/x',
            iface: 'org.example.X',
            member: 'Hang',
            timeoutMs: 300,
          }),
        ).rejects.toMatchObject({ word: 'bus-timeout' });
        expect(Date.now() - started).toBeLessThan(2_000);
      } finally {
        bus.close();
        silent.disconnect();
      }
    } finally {
      daemon.kill();
    }
  });

  it('closing the core while NetworkManager waits on a prompt neither crashes nor leaves the prompt open', async () => {
    const prompter = new ScriptedPrompter();
    const core = await openCore({
      busAddress: sb.busAddress,
      agent: { identifier: 'tunnelbar.test.close', prompter, sessionBusAddress: null },
    });
    await activate(core.bus, findProfile(core.model, password.id));
    const prompt = await prompter.next();
    await core.close();
    await prompt.withdrawn;
    // NetworkManager is done with the attempt once the agent is gone (it has no other agent): by
    // then any late reply attempt has surfaced as an unhandled rejection (vitest fails on one).
    await waitFor('the attempt ended', async () => {
      const state = await sb.nmcli(['-g', 'GENERAL.STATE', 'connection', 'show', password.uuid]);
      return state.trim() === '';
    });
    expect(core.bus.isClosed).toBe(true);
  });
});

/** How long an idle core is watched for sending anything. */
const IDLE_WINDOW_MS = 3_000;

describe('an idle core', () => {
  it('sends nothing on the bus, as the bus daemon sees it', async () => {
    const core = await openCore({
      busAddress: sb.busAddress,
      agent: { identifier: 'tunnelbar.test.idle', prompter: null, sessionBusAddress: null },
    });
    // A bus monitor (dbus-monitor) sees every message the core sends; a probe connection marks
    // the start and end of the idle window with calls of its own.
    const probe = await NmBus.connect(sb.busAddress);
    const monitor = await BusMonitor.start(
      sb.busAddress,
      sb.env,
      [core.bus.uniqueName, probe.uniqueName],
      probe,
    );
    try {
      const start = await monitor.mark(probe);
      // Not a wait for something to happen: the idle window itself, in which nothing may.
      await new Promise((r) => setTimeout(r, IDLE_WINDOW_MS));
      const end = await monitor.mark(probe);
      const fromCore = monitor.between(start, end).filter((m) => m.sender === core.bus.uniqueName);
      expect(fromCore).toEqual([]);
      // The monitor does see the core when it does send something.
      const before = await monitor.mark(probe);
      await core.bus.call({
        path: '/org/freedesktop/NetworkManager',
        iface: 'org.freedesktop.DBus.Peer',
        member: 'Ping',
      });
      const after = await monitor.mark(probe);
      expect(
        monitor.between(before, after).filter((m) => m.sender === core.bus.uniqueName),
      ).toHaveLength(1);
    } finally {
      await monitor.stop();
      probe.close();
      await core.close();
    }
  });
});

// Issue 11, item 9: the system bus going away under a running core (the app's, and `tunnelbar
// watch`'s). The bus daemon is stopped and a new one started on the same socket; NetworkManager,
// which does not outlive its bus, is started again on the new one.

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
      // The watcher prints nothing until a change: it is ready once it receives NM's signals.
      await waitForSubscribed(sb.busAddress, watcher.child.pid ?? 0);
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
      expect(matchRules(sb.busAddress, core.bus.uniqueName)).toBe(6);
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
