// What Export writes and where (issue 11, items 6 and 7): an inline block cannot be closed early by
// the file it holds (a certificate file with "</ca>" and a script line is refused, nothing is
// written); a file the export names itself is created new, never through a link; and a normal
// profile still exports to a file that imports back to the same profile.
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportProfile, type ExportCore } from '../../../main/export/export-profile';
import { InlineBlockRefused, exportOvpn } from '../../../main/vpn/openvpn/export';
import { parseOvpn } from '../../../main/vpn/openvpn/parse';
import type { OpenVpnProfile } from '../../../main/vpn/profile';
import { readReferencedFile } from '../../../main/import/read-bounded';
import { toSettingsDict } from '../../../main/vpn/settings-dict';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';
import { profileFromSettings, type Profile } from '../../../main/nm/profile';
import { FIXTURES } from '../../fixtures/corpus';
import { FakeImportBus } from '../../fakes/fake-import-bus';

const CA = readFileSync(join(FIXTURES, 'ovpn', 'ca.crt'), 'utf8');
const INJECTION = 'script-security 2\nup /tmp/evil.sh';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-export-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A TLS profile whose ca is `caText`, written to a file in the test folder. */
function profileWithCa(caText: string): OpenVpnProfile {
  writeFileSync(join(dir, 'ca.crt'), caText);
  const text = 'client\nremote vpn.example.com 1194 udp\nca ca.crt\n';
  const parsed = parseOvpn(text, {
    fileName: join(dir, 'work.ovpn'),
    readFile: readReferencedFile,
  });
  if (!parsed.ok || !('vpn' in parsed.profile)) throw new Error('fixture');
  return parsed.profile;
}

function nmProfile(profile: OpenVpnProfile): Profile {
  const found = profileFromSettings('/s/1', toSettingsDict(profile, 'uuid-ovpn'));
  if (found === null) throw new Error('not a VPN');
  return found;
}

function coreWith(profile: Profile): ExportCore {
  return { bus: new FakeImportBus(), model: { nmRunning: true, profiles: () => [profile] } };
}

async function refusal(run: () => Promise<unknown>): Promise<TunnelbarError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof TunnelbarError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('inline blocks', () => {
  it.each([
    ['its closing tag on a line', `${CA}</ca>\n${INJECTION}\n<ca>\n`],
    ['the closing tag after spaces', `${CA}   </ca>\n${INJECTION}\n`],
    ['the closing tag inside a line', `${CA}x</ca>\n${INJECTION}\n`],
  ])('a certificate file with %s is refused, not written', (_what, caText) => {
    const profile = profileWithCa(caText);
    const ca = join(dir, 'ca.crt');
    expect(() => exportOvpn(profile, { inline: true, readFile: readReferencedFile })).toThrow(
      new InlineBlockRefused(ca, 'ca'),
    );
    expect(new InlineBlockRefused(ca, 'ca').message).toBe(
      `${ca} holds "</ca>", which would end the <ca> block early and make the rest of the file directives`,
    );
  });

  it('Export refuses the profile and writes nothing', async () => {
    const profile = nmProfile(profileWithCa(`${CA}</ca>\n${INJECTION}\n`));
    const err = await refusal(() =>
      exportProfile(coreWith(profile), profile.uuid, () => Promise.resolve(join(dir, 'out.ovpn'))),
    );
    expect(err.word).toBe('export-refused');
    expect(err.message).toBe(
      `The profile was not exported: ${join(dir, 'ca.crt')} holds "</ca>", which would end the <ca> block early and make the rest of the file directives. Check that file; it is not a certificate or key as it should be.`,
    );
    expect(existsSync(join(dir, 'out.ovpn'))).toBe(false);
  });

  it('a normal certificate exports inline and imports back to the same profile', () => {
    const profile = profileWithCa(CA);
    const out = exportOvpn(profile, { inline: true, readFile: readReferencedFile });
    expect(out.warnings).toEqual([]);
    expect(out.text).toContain(`<ca>\n${CA}</ca>`);
    const again = parseOvpn(out.text, {
      fileName: join(dir, 'work.ovpn'),
      readFile: readReferencedFile,
    });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.inlineFiles.map((f) => [f.tag, f.content.toString()])).toEqual([['ca', CA]]);
    const rest: Record<string, string> = { ...profile.vpn.data };
    Reflect.deleteProperty(rest, 'ca');
    expect(again.profile.vpn.data).toEqual(rest);
    expect({ ...again.profile, vpn: undefined }).toEqual({ ...profile, vpn: undefined });
  });
});

describe('a file Export names itself', () => {
  it('is not written through a dangling link at its name', async () => {
    const profile = nmProfile(profileWithCa(CA));
    const target = join(dir, 'work.ovpn');
    const victim = join(dir, 'victim.ovpn');
    symlinkSync(victim, target);
    const err = await refusal(() =>
      exportProfile(coreWith(profile), profile.uuid, () => Promise.resolve(target), {
        createNew: true,
      }),
    );
    expect(err.word).toBe('export-file-exists');
    expect(err.message).toBe(
      `${target} exists already; remove it, or name another file with --output.`,
    );
    expect(existsSync(victim)).toBe(false);
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
  });

  it('is not written over an existing file, and is created 0600 when new', async () => {
    const profile = nmProfile(profileWithCa(CA));
    writeFileSync(join(dir, 'old.ovpn'), 'keep me');
    const err = await refusal(() =>
      exportProfile(coreWith(profile), profile.uuid, () => Promise.resolve(join(dir, 'old.ovpn')), {
        createNew: true,
      }),
    );
    expect(err.word).toBe('export-file-exists');
    expect(readFileSync(join(dir, 'old.ovpn'), 'utf8')).toBe('keep me');

    const result = await exportProfile(
      coreWith(profile),
      profile.uuid,
      () => Promise.resolve(join(dir, 'new.ovpn')),
      { createNew: true },
    );
    expect(result?.path).toBe(join(dir, 'new.ovpn'));
    expect(statSync(join(dir, 'new.ovpn')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'new.ovpn'), 'utf8')).toContain(`<ca>\n${CA}</ca>`);
  });
});
