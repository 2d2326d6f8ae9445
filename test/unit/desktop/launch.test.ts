import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../main/desktop/launch-args';
import { appPaths, routeUrl } from '../../../main/app/paths';
import { parseRoute, routeHash } from '../../../preload/routes';

describe('parseLaunchArgs', () => {
  it('finds autostart’s flag and the profiles a file manager passes, skipping switches', () => {
    expect(
      parseLaunchArgs(
        [
          '/opt/Tunnelbar/tunnelbar-app',
          '--hidden',
          '--no-sandbox',
          'work.ovpn',
          '/tmp/wg0.CONF',
          'notes.txt',
        ],
        '/home/ada',
      ),
    ).toEqual({ hidden: true, files: ['/home/ada/work.ovpn', '/tmp/wg0.CONF'] });
    expect(parseLaunchArgs(['electron', '.'], '/src')).toEqual({ hidden: false, files: [] });
  });
});

describe('routes', () => {
  it('round-trips every route through the hash, the prompt id encoded', () => {
    for (const route of [
      { kind: 'editor' as const },
      { kind: 'search' as const },
      { kind: 'prompt' as const, requestId: '5f0c/ä #?' },
    ]) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(routeHash({ kind: 'prompt', requestId: 'a b' })).toBe('#prompt/a%20b');
  });

  it('falls back to the editor for anything it does not know', () => {
    expect(parseRoute('#prompt/')).toEqual({ kind: 'editor' });
    expect(parseRoute('#prompt/%E0%A4%A')).toEqual({ kind: 'editor' });
    expect(parseRoute('#elsewhere')).toEqual({ kind: 'editor' });
  });

  it('opens windows at the built renderer’s file URL', () => {
    const paths = appPaths('/opt/Tunnelbar/resources/app.asar');
    expect(paths.rendererUrl).toBe(
      'file:///opt/Tunnelbar/resources/app.asar/out/renderer/index.html',
    );
    expect(paths.preload).toBe('/opt/Tunnelbar/resources/app.asar/out/preload/index.js');
    expect(routeUrl(paths.rendererUrl, { kind: 'prompt', requestId: 'r1' })).toBe(
      'file:///opt/Tunnelbar/resources/app.asar/out/renderer/index.html#prompt/r1',
    );
  });
});
