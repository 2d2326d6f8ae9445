import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { planDist } from '../../../scripts/dist-identity';

const root = join(__dirname, '..', '..', '..');
const identity = {
  TUNNELBAR_HOMEPAGE: 'https://tunnelbar.example.org/',
  TUNNELBAR_MAINTAINER: 'Ada Lovelace <ada@example.org>',
};

/** electron-builder's `-c.a.b=v` arguments as the configuration object they override. */
function asConfig(overrides: readonly string[]): Record<string, Record<string, string>> {
  const config: Record<string, Record<string, string>> = {};
  for (const arg of overrides) {
    const match = /^-c\.(\w+)\.(\w+)=(.*)$/.exec(arg);
    if (match === null) throw new Error(`not a config override: ${arg}`);
    const [, section = '', key = '', value = ''] = match;
    config[section] = { ...config[section], [key]: value };
  }
  return config;
}

describe('npm run dist', () => {
  it('refuses deb and rpm without the publisher’s identity, saying what to set', () => {
    const request = planDist([], {});
    expect(request.ok).toBe(false);
    if (request.ok) return;
    expect(request.message).toContain('TUNNELBAR_HOMEPAGE');
    expect(request.message).toContain('TUNNELBAR_MAINTAINER');
    expect(request.message).toContain('--appimage');
  });

  it('refuses a maintainer without an e-mail address', () => {
    const request = planDist([], { ...identity, TUNNELBAR_MAINTAINER: 'Ada Lovelace' });
    expect(request.ok).toBe(false);
  });

  it('builds the AppImage alone without any identity', () => {
    expect(planDist(['--appimage'], {})).toEqual({
      ok: true,
      plan: { targets: ['AppImage'], overrides: [] },
    });
  });

  it('gives electron-builder the homepage and maintainer its deb and rpm targets require', async () => {
    const request = planDist([], identity);
    expect(request.ok).toBe(true);
    if (!request.ok) return;
    expect(request.plan.targets).toEqual(['AppImage', 'deb', 'rpm']);
    const overrides = asConfig(request.plan.overrides);
    expect(overrides.extraMetadata?.homepage).toBe(identity.TUNNELBAR_HOMEPAGE);
    expect(overrides.linux?.maintainer).toBe(identity.TUNNELBAR_MAINTAINER);
    // The overridden configuration is still one electron-builder accepts.
    const base = await getConfig(root, null, null);
    const merged = {
      ...base,
      extraMetadata: overrides.extraMetadata,
      linux: { ...base.linux, ...overrides.linux },
    } as Configuration;
    await expect(validateConfiguration(merged, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
