import { describe, expect, it } from 'vitest';
import type { CallName, CallResults } from '../../../preload/contract';
import { routeWindowCall, type WindowCallRoute } from '../../../main/desktop/window-calls';
import { profile, snapshot } from '../../builders/views';

const OFFICE = profile('Office').uuid;
const MIRROR = snapshot([profile('Office')]);

/**
 * Records, in order, what reached the server and the app core's reactions; the server answers
 * each call with `answer` (its name) or refuses the ones in `refused`.
 */
function recordingRoute(refused: readonly string[] = []): {
  route: WindowCallRoute;
  log: string[];
} {
  const log: string[] = [];
  const route: WindowCallRoute = {
    server: {
      handle: (name) => {
        log.push(`server ${name}`);
        if (refused.includes(name)) return Promise.reject(new Error(`${name} refused`));
        return Promise.resolve(name as unknown as CallResults[CallName]);
      },
    },
    mirror: () => MIRROR,
    tunnels: {
      userStopped: (uuid) => log.push(`stopped ${uuid}`),
      promptCancelled: (requestId) => log.push(`cancelled ${requestId}`),
      settingsChanged: () => log.push('settings changed'),
    },
    lockdown: {
      changed: () => {
        log.push('lockdown read');
        return Promise.resolve();
      },
    },
  };
  return { route, log };
}

describe('a window’s call', () => {
  it('the snapshot is the app core’s mirror; the server is not asked', async () => {
    const { route, log } = recordingRoute();
    expect(await routeWindowCall(route, 'state:snapshot', [])).toBe(MIRROR);
    expect(log).toEqual([]);
  });

  it('a disconnect is the person’s stop before the server carries it out', async () => {
    const { route, log } = recordingRoute();
    await routeWindowCall(route, 'tunnel:disconnect', [{ uuid: OFFICE }]);
    expect(log).toEqual([`stopped ${OFFICE}`, 'server tunnel:disconnect']);
  });

  it('a cancelled prompt is noted before the server withdraws it', async () => {
    const { route, log } = recordingRoute();
    await routeWindowCall(route, 'prompt:cancel', [{ requestId: 'r1' }]);
    expect(log).toEqual(['cancelled r1', 'server prompt:cancel']);
  });

  it('calls whose arguments do not parse are not noted: the server refuses them', async () => {
    const { route, log } = recordingRoute();
    await routeWindowCall(route, 'tunnel:disconnect', [{ uuid: 'not-a-uuid' }]);
    await routeWindowCall(route, 'prompt:cancel', ['r1']);
    expect(log).toEqual(['server tunnel:disconnect', 'server prompt:cancel']);
  });

  it('the reconnect policy hears of a setting once it is saved', async () => {
    const { route, log } = recordingRoute();
    await routeWindowCall(route, 'settings:set', [{ reconnect: false }]);
    await routeWindowCall(route, 'profile:set-reconnect', [{ uuid: OFFICE, reconnect: null }]);
    expect(log).toEqual([
      'server settings:set',
      'settings changed',
      'server profile:set-reconnect',
      'settings changed',
    ]);
  });

  it('lockdown is read again after a change, a refused one too, before the answer', async () => {
    const { route, log } = recordingRoute(['lockdown:set']);
    await expect(routeWindowCall(route, 'lockdown:set', [{ on: true }])).rejects.toThrow(
      'lockdown:set refused',
    );
    expect(log).toEqual(['server lockdown:set', 'lockdown read']);
  });

  it('any other call goes to the server as it is', async () => {
    const { route, log } = recordingRoute();
    expect(await routeWindowCall(route, 'tunnel:connect', [{ uuid: OFFICE }])).toBe(
      'tunnel:connect',
    );
    expect(log).toEqual(['server tunnel:connect']);
  });
});
