import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TunnelStateView } from '../../preload/contract';
import { startAppWorld, type AppWorld } from './infra/app-world';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { waitFor } from './infra/wait';

// The desktop app and an OpenVPN profile without a user name: the agent ends the first attempt to
// start it again with the typed name (openvpn-username.test.ts shows the agent's side). The ending
// attempt is the agent's doing, not news: no "failed" notification, no failed state shown.

let sb: Sandbox;
let world: AppWorld;
let uuid = '';

beforeAll(async () => {
  sb = await startSandbox();
  ({ uuid } = await sb.addOpenvpnProfile('password', { withoutUserName: true }));
  world = await startAppWorld(sb);
});

afterAll(async () => {
  await (world as AppWorld | undefined)?.close();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

function connectedAddress(state: TunnelStateView): string | false {
  if (state.kind !== 'connected') return false;
  return state.ip4?.addresses[0] ?? false;
}

describe('the app and a profile without a user name', () => {
  it('one prompt, then connected; the attempt the agent ended is neither shown failed nor announced', async () => {
    const answered = new Promise<void>((resolve) => {
      const off = world.prompter.onEvent((event) => {
        if (event.kind !== 'open') return;
        off();
        world.prompter.answer(event.request.id, {
          values: { username: sb.credentials.username, password: sb.credentials.password },
          save: false,
        });
        resolve();
      });
    });
    const from = world.platform.states.length;
    await world.app.handle('tunnel:connect', [{ uuid }]);
    await answered;
    const address = await waitFor('connected', () => connectedAddress(world.shown(uuid)), 60_000);
    // From the password server, whose script accepts only this user name.
    const prefix = sb.servers.password.subnet.split('.').slice(0, 3).join('.');
    expect(address.startsWith(`${prefix}.`)).toBe(true);
    const kinds = world.platform.states
      .slice(from)
      .flatMap((s) => (s.uuid === uuid ? [s.state.kind] : []));
    expect(kinds).not.toContain('failed');
    expect(kinds).not.toContain('reconnecting');
    const titles = world.platform.notifications.map((n) => n.title);
    expect(titles.filter((t) => t.includes('failed'))).toEqual([]);
    expect(titles.filter((t) => t.includes('connected'))).toHaveLength(1);
  });
});
