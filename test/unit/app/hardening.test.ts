import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/desktop/csp';
import { isTrustedSender, type SenderInfo } from '../../../main/app/sender';
import { windowOptions, type WindowKind } from '../../../main/app/window-options';

const root = join(__dirname, '..', '..', '..');
const paths = { preload: '/app/out/preload/index.js', icon: '/app/assets/icons/256x256.png' };

describe('window options', () => {
  it.each<WindowKind>(['editor', 'prompt'])('the %s window is hardened explicitly', (kind) => {
    const options = windowOptions(kind, paths);
    expect(options.webPreferences).toEqual({
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    });
    // Shown once drawn, never as an empty frame.
    expect(options.show).toBe(false);
  });

  it('makes the prompt small, fixed and in front of other windows', () => {
    const prompt = windowOptions('prompt', paths);
    expect(prompt).toMatchObject({ alwaysOnTop: true, resizable: false, minimizable: false });
    expect(prompt.width).toBeLessThanOrEqual(480);
    expect(windowOptions('editor', paths).alwaysOnTop).toBeUndefined();
  });
});

describe('content security policy', () => {
  const directives = CONTENT_SECURITY_POLICY.split('; ');

  it("starts from default-src 'none' and allows nothing inline, evaluated or remote", () => {
    expect(directives[0]).toBe("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*|data:.*script/);
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("base-uri 'none'");
  });

  it('is the policy the renderer page carries in its meta tag', () => {
    const html = join(root, 'renderer', 'index.html');
    expect(existsSync(html)).toBe(true);
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
      readFileSync(html, 'utf8'),
    );
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('isTrustedSender', () => {
  const trusted = {
    rendererUrl: 'file:///opt/Tunnelbar/resources/app.asar/out/renderer/index.html',
    windowIds: new Set([3, 7]),
  };
  const ours: SenderInfo = {
    frameUrl: `${trusted.rendererUrl}#prompt/abc`,
    isTopFrame: true,
    webContentsId: 7,
  };

  it('accepts our page, at any route, in one of our windows', () => {
    expect(isTrustedSender(ours, trusted)).toBe(true);
    expect(isTrustedSender({ ...ours, frameUrl: trusted.rendererUrl }, trusted)).toBe(true);
  });

  it.each<[string, Partial<SenderInfo>]>([
    ['a web page', { frameUrl: 'https://evil.example/index.html' }],
    ['another local file', { frameUrl: 'file:///tmp/index.html' }],
    ['our page with a query', { frameUrl: `${trusted.rendererUrl}?x=1` }],
    [
      'a file on another host',
      { frameUrl: 'file://evil/opt/Tunnelbar/resources/app.asar/out/renderer/index.html' },
    ],
    ['a data URL', { frameUrl: 'data:text/html,<script>1</script>' }],
    // Same path, another scheme: a custom protocol some other code registered.
    [
      'the same path on another scheme',
      { frameUrl: 'app:///opt/Tunnelbar/resources/app.asar/out/renderer/index.html' },
    ],
    ['about:blank', { frameUrl: 'about:blank' }],
    ['not a URL', { frameUrl: 'index.html' }],
    ['a destroyed frame', { frameUrl: null }],
    ['a sub-frame of our page', { isTopFrame: false }],
    ['a window that is not ours', { webContentsId: 99 }],
  ])('refuses %s', (_name, change) => {
    expect(isTrustedSender({ ...ours, ...change }, trusted)).toBe(false);
  });
});
