// The import's parse errors and warnings, the editor's refusals and the CLI's import report in
// German, as `LANG=de_DE.UTF-8` selects them. The English of the same sentences is what the
// import and editor tests assert.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Variant } from 'dbus-next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../main/cli/tunnelbar';
import { applyEdit, editFromSettings } from '../../../main/editor/apply';
import { inspectCert } from '../../../main/editor/certs';
import { setLocale } from '../../../main/i18n/catalogue';
import { localeFromEnv } from '../../../main/i18n/locale';
import { parseOvpn } from '../../../main/vpn/openvpn/parse';
import { formatImportError, type ImportResult } from '../../../main/vpn/result';
import { parseWgQuick } from '../../../main/vpn/wireguard/parse';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { capturedStreams } from '../../support/captured-streams';

afterEach(() => {
  setLocale('en');
  vi.unstubAllEnvs();
});

function german(): void {
  setLocale(localeFromEnv({ LANG: 'de_DE.UTF-8' }));
}

const noFiles = (): Buffer => {
  throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
};

function ovpn(text: string): ImportResult {
  return parseOvpn(text, { fileName: '/p/büro.ovpn', dir: '/p', readFile: noFiles });
}

function errorOf(r: ImportResult): string {
  if (r.ok) throw new Error('expected the file to be rejected');
  return formatImportError(r.error);
}

const CLIENT = 'client\nremote vpn.example.com 1194\ndev tun\n';

describe('a malformed .ovpn or wg-quick file in German', () => {
  it('says why the file is rejected, with values where German puts them', () => {
    german();
    expect(errorOf(ovpn(`${CLIENT}proto carrier-pigeon\n`))).toBe(
      '/p/büro.ovpn:4: „proto“ erwartet ein Protokoll wie „udp“ oder „tcp“, nicht „carrier-pigeon“',
    );
    expect(errorOf(ovpn(`${CLIENT}<ca>\nMIIB\n`))).toBe(
      '/p/büro.ovpn:4: dem eingebetteten Block <ca> fehlt </ca>',
    );
    expect(errorOf(ovpn(`${CLIENT}route 10.0.0.0 255.0.0.0 gw.example.com\n`))).toBe(
      '/p/büro.ovpn:4: das 3. Argument von „route“ („gw.example.com“) sieht wie ein Hostname aus; nur IPv4-Adressen werden unterstützt',
    );
    expect(errorOf(ovpn(`${CLIENT}tun-mtu\n`))).toBe(
      '/p/büro.ovpn:4: „tun-mtu“ nimmt genau 1 Argument',
    );
    expect(errorOf(ovpn(CLIENT))).toBe(
      '/p/büro.ovpn: keine gültige OpenVPN-Client-Konfiguration: sie enthält kein „ca“',
    );
    expect(errorOf(ovpn('remote vpn.example.com\n'))).toBe(
      '/p/büro.ovpn: keine gültige OpenVPN-Client-Konfiguration: sie enthält weder „client“ noch „secret“',
    );
    const wg = parseWgQuick('[Interface]\nPrivateKey = nope\n', { fileName: '/p/wg0.conf' });
    expect(errorOf(wg)).toBe(
      '/p/wg0.conf:2: ungültiger Schlüssel für PrivateKey: 32 Bytes in Base64 erwartet',
    );
  });

  it('reports dropped lines and repairs in German, the directive names as written', () => {
    german();
    const r = ovpn(`${CLIENT}ca /p/ca.crt\nverb 3\nroute-ipv6 ::/0\ncompress stub\n`);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'die Datei „/p/ca.crt“ kann nicht gelesen werden; das Profil behält den Pfad, aber das Verbinden schlägt fehl, bis die Datei da ist',
      '„verb“ wirkt nicht bei einem Client, den NetworkManager ausführt',
      '„route-ipv6“ wird nicht importiert: IPv6-Routen werden nicht unterstützt',
    ]);
    expect(r.repairs.map((w) => w.message)).toEqual([
      '„compress stub“ wird von NetworkManager-openvpn 1.10.2 nicht akzeptiert; als bloßes „compress“ importiert, das OpenVPN als denselben Platzhalter behandelt (keine Kompression, gleiche Rahmung)',
    ]);
  });
});

function stored(): SettingsDict {
  return {
    connection: {
      id: new Variant('s', 'büro'),
      uuid: new Variant('s', 'u1'),
      type: new Variant('s', 'vpn'),
    },
    vpn: {
      'service-type': new Variant('s', 'org.freedesktop.NetworkManager.openvpn'),
      data: new Variant('a{ss}', { remote: 'gw.example.com', 'connection-type': 'password' }),
    },
    ipv4: { method: new Variant('s', 'auto') },
    ipv6: { method: new Variant('s', 'auto') },
  };
}

describe('the editor’s refusals in German', () => {
  it('refuses a nameless profile, a bad address and a bad value in German, the word unchanged', () => {
    german();
    const current = stored();
    const base = editFromSettings(current);
    const nameless = { ...structuredClone(base), name: ' ' };
    expect(() => applyEdit(current, base, nameless)).toThrow(
      expect.objectContaining({ word: 'edit-refused', message: 'Ein Profil braucht einen Namen.' }),
    );
    const badAddress = structuredClone(base);
    badAddress.ipv4.addresses = ['10.0.0.300/24'];
    expect(() => applyEdit(current, base, badAddress)).toThrow(
      '„10.0.0.300/24“ ist keine IPv4-Adresse mit Präfix.',
    );
    const badPort = structuredClone(base);
    if (badPort.vpn.kind !== 'plugin') throw new Error('expected a plugin profile');
    badPort.vpn.data.port = '99999';
    expect(() => applyEdit(current, base, badPort)).toThrow(
      'Die OpenVPN-Einstellung „port“ wurde nicht gespeichert: sie verlangt eine ganze Zahl von 1 bis 65535, und sonst würde das Plugin das Verbinden verweigern.',
    );
  });

  it('says in German why a certificate path cannot be shown', async () => {
    german();
    expect(await inspectCert('ca.crt')).toEqual({
      kind: 'unreadable',
      sentence: 'Geben Sie den vollständigen Pfad der Datei an, beginnend mit /.',
    });
    expect(await inspectCert('/nonexistent/tunnelbar/ca.crt')).toEqual({
      kind: 'unreadable',
      sentence:
        'Unter diesem Pfad gibt es keine Datei; prüfen Sie ihn oder wählen Sie die Datei aus.',
    });
  });
});

describe('tunnelbar import of a broken file with LANG=de_DE.UTF-8', () => {
  it('reports the error in German; --json keeps it English', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-de-import-'));
    try {
      const file = join(dir, 'kaputt.ovpn');
      writeFileSync(file, `${CLIENT}proto carrier-pigeon\n`);
      vi.stubEnv('LANG', 'de_DE.UTF-8');
      vi.stubEnv('LC_ALL', '');
      vi.stubEnv('LC_MESSAGES', '');
      vi.stubEnv('LANGUAGE', '');
      // No NetworkManager: --dry-run then only skips the duplicate check, and says so.
      vi.stubEnv('DBUS_SYSTEM_BUS_ADDRESS', `unix:path=${join(dir, 'no-bus')}`);
      const out = capturedStreams();
      const err = capturedStreams();
      const io = { stdout: out.output, stderr: err.output };
      expect(await main(['import', '--dry-run', file], io)).toBe(1);
      expect(out.written()).toContain(
        `${file}:4: Fehler: „proto“ erwartet ein Protokoll wie „udp“ oder „tcp“, nicht „carrier-pigeon“`,
      );
      expect(out.written()).toContain('1 Datei: 0 würden hinzugefügt, 1 fehlgeschlagen');

      const json = capturedStreams();
      const jsonIo = { stdout: json.output, stderr: capturedStreams().output };
      expect(await main(['import', '--dry-run', '--json', file], jsonIo)).toBe(1);
      const entries = JSON.parse(json.written()) as { error?: string }[];
      expect(entries.map((e) => e.error)).toEqual([
        `${file}:4: "proto" expects a protocol such as "udp" or "tcp", not "carrier-pigeon"`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
