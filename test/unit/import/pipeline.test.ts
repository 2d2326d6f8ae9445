import { DBusError, Variant } from 'dbus-next';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport, type ImportRunOptions } from '../../../main/import/pipeline';
import type { ExistingProfile } from '../../../main/import/existing-index';
import type { ImportEvent, FileOutcome } from '../../../main/import/types';
import { collectTargets } from '../../../main/import/walk';
import type { SettingsDict, VariantMap } from '../../../main/nm/dbus-types';
import { FIXTURES } from '../../fixtures/corpus';
import { FakeImportBus, invalidProperty, type AddCall } from '../../fakes/fake-import-bus';

let dir = '';
let home = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-import-'));
  home = join(dir, 'home');
  mkdirSync(home);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const CA = join(FIXTURES, 'ovpn/ca.crt');

/** An .ovpn file with an inline <ca> and <tls-crypt> (two files to write), in `dir`. */
function ovpnFile(name: string, remote = `${name}.example.net`): string {
  const ca = readFileText(CA);
  const text = `client\ndev tun\nremote ${remote} 1194 udp\n<ca>\n${ca}</ca>\n<tls-crypt>\n${ca}</tls-crypt>\n`;
  const path = join(dir, `${name}.ovpn`);
  writeFileSync(path, text);
  return path;
}

function readFileText(path: string): string {
  return readFileSync(path, 'utf8');
}

function certFiles(): string[] {
  try {
    return readdirSync(join(home, '.cert/nm-openvpn')).sort();
  } catch {
    return [];
  }
}

/** What GetSettings would give for a profile the fake bus took: the same, without secrets. */
function asStoredByNm(call: AddCall, index: number): ExistingProfile {
  const settings: SettingsDict = {};
  for (const [name, props] of Object.entries(call.settings)) {
    const copy: VariantMap = { ...props };
    delete copy.secrets;
    delete copy['private-key'];
    if (name === 'wireguard' && copy.peers !== undefined) {
      const peers = (copy.peers.value as VariantMap[]).map((p) => {
        const q = { ...p };
        delete q['preshared-key'];
        return q;
      });
      copy.peers = new Variant('aa{sv}', peers);
    }
    settings[name] = copy;
  }
  return { path: `/settings/${index}`, uuid: call.uuid, id: call.id, settings };
}

async function run(
  paths: string[],
  bus: FakeImportBus,
  opts: Partial<ImportRunOptions> = {},
  existing: ExistingProfile[] = [],
): Promise<{ outcomes: FileOutcome[]; events: ImportEvent[]; fatal: string | null }> {
  const events: ImportEvent[] = [];
  const summary = await runImport(
    await collectTargets(paths, dir),
    { bus, existing },
    {
      home,
      ...opts,
      onEvent: (e) => {
        events.push(e);
        opts.onEvent?.(e);
      },
    },
  );
  const outcomes = events.flatMap((e) => (e.type === 'file' ? [e.outcome] : []));
  return { outcomes, events, fatal: summary.fatal };
}

describe('runImport', () => {
  it('adds every file, saved to disk with autoconnect blocked, pipelined, reported in order', async () => {
    const paths = Array.from({ length: 30 }, (_, i) => ovpnFile(`f${String(i).padStart(2, '0')}`));
    const bus = new FakeImportBus();
    // Later files answer first.
    bus.delayFor = (id) => 30 - Number(id.slice(1));
    const { outcomes, events } = await run(paths, bus, { window: 8 });
    expect(events[0]).toEqual({ type: 'start', total: 30 });
    expect(outcomes.map((o) => o.index)).toEqual([...Array(30).keys()]);
    expect(events.slice(1).map((e) => (e.type === 'file' ? e.done : -1))).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    expect(outcomes.every((o) => o.status === 'added')).toBe(true);
    expect(bus.added).toHaveLength(30);
    expect(new Set(bus.added.map((a) => a.flags))).toEqual(new Set([0x21]));
    expect(bus.maxInFlight).toBeGreaterThan(1);
    expect(bus.maxInFlight).toBeLessThanOrEqual(8);
    expect(certFiles()).toHaveLength(60);
  });

  it('writes inline files only for files that parse, and removes them when NetworkManager refuses', async () => {
    const good = ovpnFile('good');
    const refused = ovpnFile('refused');
    const broken = join(dir, 'broken.ovpn');
    const brokenText = `client\n<ca>\n${readFileText(CA)}</ca>\nproto sctp\nremote x\n`;
    writeFileSync(broken, brokenText);
    const protoLine = brokenText.split('\n').indexOf('proto sctp') + 1;
    const bus = new FakeImportBus();
    bus.refuse.set('refused', invalidProperty('vpn.data: invalid'));
    const { outcomes } = await run([good, broken, refused], bus);
    expect(outcomes.map((o) => o.status)).toEqual(['added', 'failed', 'failed']);
    const [added, parseError, addError] = outcomes;
    expect(parseError).toMatchObject({
      stage: 'parse',
      error: { file: broken, line: protoLine },
    });
    expect(addError).toMatchObject({ stage: 'add', error: { file: refused } });
    if (addError?.status === 'failed')
      expect(addError.error.message).toContain('vpn.data: invalid');
    if (added?.status !== 'added') throw new Error('not added');
    expect(certFiles()).toEqual([`${added.uuid}-ca.pem`, `${added.uuid}-tls-crypt.pem`]);
  });

  it('reports a second import of the same content as a duplicate, unless allowed', async () => {
    const a = ovpnFile('a');
    const bus = new FakeImportBus();
    await run([a], bus);
    const existing = bus.added.map(asStoredByNm);
    const before = certFiles();
    // The same file, a renamed copy, and one with another server.
    copyFileSync(a, join(dir, 'a (1).ovpn'));
    const other = ovpnFile('other');
    const second = await run([a, join(dir, 'a (1).ovpn'), other], bus, {}, existing);
    const uuid = bus.added[0]?.uuid ?? '';
    expect(second.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'added']);
    expect(second.outcomes[0]).toMatchObject({ duplicateOf: { uuid, id: 'a' } });
    expect(certFiles()).toHaveLength(before.length + 2);

    const allowed = await run([a], bus, { allowDuplicates: true }, existing);
    const twin = allowed.outcomes[0];
    if (twin?.status !== 'added') throw new Error('not added');
    expect(twin.warnings).toEqual([
      {
        line: null,
        directive: null,
        message: `another profile is already named "a" (${uuid}); refer to this one by its UUID`,
      },
    ]);
  });

  it('compares certificate contents, not paths: a changed file is no duplicate', async () => {
    const a = ovpnFile('a');
    const bus = new FakeImportBus();
    await run([a], bus);
    const existing = bus.added.map(asStoredByNm);
    const [caFile] = certFiles();
    writeFileSync(join(home, '.cert/nm-openvpn', caFile ?? ''), 'another CA\n');
    const again = await run([a], bus, {}, existing);
    expect(again.outcomes[0]?.status).toBe('added');
  });

  it('adds a file given twice in one run once, unless the first copy is refused', async () => {
    const a = ovpnFile('a');
    const bus = new FakeImportBus();
    bus.delayFor = () => 20;
    const { outcomes } = await run([a, a], bus);
    expect(outcomes.map((o) => o.status)).toEqual(['added', 'duplicate']);
    expect(outcomes[1]).toMatchObject({ duplicateOf: { uuid: bus.added[0]?.uuid } });

    const refusing = new FakeImportBus();
    refusing.refuse.set('a', invalidProperty('no'));
    const twice = await run([a, a], refusing);
    expect(twice.outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
  });

  it('compares WireGuard keys through GetSecrets: a new private key is a new profile', async () => {
    const wg = join(dir, 'wg0.conf');
    copyFileSync(join(FIXTURES, 'wg/wg0.conf'), wg);
    const bus = new FakeImportBus();
    await run([wg], bus);
    const [call] = bus.added;
    if (call === undefined) throw new Error('not added');
    const existing = [asStoredByNm(call, 1)];
    const secrets = (key: string): SettingsDict => ({
      wireguard: {
        'private-key': new Variant('s', key),
        peers: call.settings.wireguard?.peers ?? new Variant('aa{sv}', []),
      },
    });
    const privateKey = String(call.settings.wireguard?.['private-key']?.value);
    bus.secrets.set('/settings/1', secrets(privateKey));
    expect((await run([wg], bus, {}, existing)).outcomes[0]?.status).toBe('duplicate');
    expect(bus.members).toContain('GetSecrets');
    bus.secrets.set('/settings/1', secrets('uJ0gGGzRZsKaK0XvnhD8NKRtXVj7ajZNcbEt9WH1G1c='));
    expect((await run([wg], bus, {}, existing)).outcomes[0]?.status).toBe('added');
  });

  it('stops starting files after a fatal error and reports the rest as skipped', async () => {
    const paths = ['a', 'b', 'c'].map((n) => ovpnFile(n));
    const bus = new FakeImportBus();
    bus.refuse.set(
      'a',
      new DBusError(
        'org.freedesktop.NetworkManager.Settings.PermissionDenied',
        'Insufficient privileges',
      ),
    );
    const { outcomes, fatal } = await run(paths, bus, { window: 1 });
    expect(fatal).toMatch(/^permission-denied/);
    expect(outcomes.map((o) => (o.status === 'failed' ? o.stage : o.status))).toEqual([
      'add',
      'skipped',
      'skipped',
    ]);
    expect(certFiles()).toEqual([]);
  });

  it('stops when interrupted; files in flight finish', async () => {
    const paths = ['a', 'b', 'c'].map((n) => ovpnFile(n));
    const bus = new FakeImportBus();
    const stop = new AbortController();
    const { outcomes, fatal } = await run(paths, bus, {
      window: 1,
      signal: stop.signal,
      onEvent: (e) => {
        if (e.type === 'file') stop.abort();
      },
    });
    expect(fatal).toBe('interrupted');
    expect(outcomes.map((o) => (o.status === 'failed' ? o.stage : o.status))).toEqual([
      'added',
      'skipped',
      'skipped',
    ]);
    expect(bus.added.map((a) => a.id)).toEqual(['a']);
  });

  it('--dry-run adds nothing and writes nothing, and still finds duplicates', async () => {
    const a = ovpnFile('a');
    const bus = new FakeImportBus();
    const { outcomes } = await run([a, a, join(dir, 'missing.ovpn')], bus, { dryRun: true });
    expect(bus.members).toEqual([]);
    expect(certFiles()).toEqual([]);
    const [planned, duplicate, missing] = outcomes;
    if (planned?.status !== 'planned') throw new Error('not planned');
    expect(planned.inlineFiles.map((f) => f.path)).toEqual([
      join(home, '.cert/nm-openvpn', `${planned.uuid}-ca.pem`),
      join(home, '.cert/nm-openvpn', `${planned.uuid}-tls-crypt.pem`),
    ]);
    expect(planned.profile.connection.id).toBe('a');
    expect(duplicate).toMatchObject({ status: 'duplicate', duplicateOf: { uuid: planned.uuid } });
    expect(missing).toMatchObject({
      status: 'failed',
      error: { message: 'no such file or folder', line: null },
    });
  });
});
