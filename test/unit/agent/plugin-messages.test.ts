import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openvpnPluginMessages, parseMo } from '../../../main/agent/plugin-messages';

/** A gettext .mo file (little-endian, no hash table) holding these translations. */
function mo(entries: [string, string][]): Buffer {
  const header = 28;
  const tables = entries.length * 16;
  let offset = header + tables;
  const ids: Buffer[] = [];
  const strs: Buffer[] = [];
  const idTable = Buffer.alloc(entries.length * 8);
  const strTable = Buffer.alloc(entries.length * 8);
  entries.forEach(([id], i) => {
    const bytes = Buffer.from(`${id}\0`);
    idTable.writeUInt32LE(bytes.length - 1, i * 8);
    idTable.writeUInt32LE(offset, i * 8 + 4);
    offset += bytes.length;
    ids.push(bytes);
  });
  entries.forEach(([, str], i) => {
    const bytes = Buffer.from(`${str}\0`);
    strTable.writeUInt32LE(bytes.length - 1, i * 8);
    strTable.writeUInt32LE(offset, i * 8 + 4);
    offset += bytes.length;
    strs.push(bytes);
  });
  const head = Buffer.alloc(header);
  head.writeUInt32LE(0x950412de, 0);
  head.writeUInt32LE(0, 4);
  head.writeUInt32LE(entries.length, 8);
  head.writeUInt32LE(header, 12);
  head.writeUInt32LE(header + entries.length * 8, 16);
  return Buffer.concat([head, idTable, strTable, ...ids, ...strs]);
}

let dir = '';
afterEach(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('the OpenVPN plugin’s own re-prompt texts', () => {
  it('reads a gettext catalogue', () => {
    expect(parseMo(mo([['A password is required.', 'Ein Passwort ist notwendig.']]))).toEqual(
      new Map([['A password is required.', 'Ein Passwort ist notwendig.']]),
    );
    expect(parseMo(Buffer.from('not a catalogue at all'))).toEqual(new Map());
  });

  it('knows them in English and in each language the plugin is installed with', () => {
    dir = mkdtempSync(join(tmpdir(), 'tunnelbar-locale-'));
    const write = (language: string, content: Buffer): void => {
      mkdirSync(join(dir, language, 'LC_MESSAGES'), { recursive: true });
      writeFileSync(join(dir, language, 'LC_MESSAGES', 'NetworkManager-openvpn.mo'), content);
    };
    write('de', mo([['A password is required.', 'Ein Passwort ist notwendig.']]));
    write('fr', mo([['A password is required.', 'Un mot de passe est requis.']]));
    write('xx', Buffer.from('broken'));
    const known = openvpnPluginMessages(dir);
    expect(known.has('A password is required.')).toBe(true);
    expect(known.has('Ein Passwort ist notwendig.')).toBe(true);
    expect(known.has('Un mot de passe est requis.')).toBe(true);
    // A server's question is none of them.
    expect(known.has('Enter the 6-digit code')).toBe(false);
  });

  it('has only the English texts where there are no catalogues', () => {
    expect(openvpnPluginMessages('/nonexistent').size).toBe(6);
  });
});
