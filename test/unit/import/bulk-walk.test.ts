import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectTargets, fsReason } from '../../../main/import/walk';

let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-walk-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function touch(...parts: string[]): void {
  const path = join(dir, ...parts);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'client\n');
}

describe('collectTargets', () => {
  it('takes .ovpn and .conf files from folders, recursively, in byte order of names', async () => {
    touch('provider', 'us', 'b.ovpn');
    touch('provider', 'us', 'A.OVPN');
    touch('provider', 'de.conf');
    touch('provider', 'ca.crt');
    touch('provider', 'README.txt');
    touch('provider', 'udp', 'de-1.ovpn');
    const found = await collectTargets(['provider'], dir);
    expect(found.map((t) => t.display)).toEqual([
      'provider/de.conf',
      'provider/udp/de-1.ovpn',
      'provider/us/A.OVPN',
      'provider/us/b.ovpn',
    ]);
    expect(found[0]?.path).toBe(join(dir, 'provider/de.conf'));
  });

  it('skips hidden files and folders, such as macOS resource forks in zip archives', async () => {
    touch('p', '._a.ovpn');
    touch('p', '.git', 'x.conf');
    touch('p', 'a.ovpn');
    expect((await collectTargets(['p'], dir)).map((t) => t.display)).toEqual(['p/a.ovpn']);
  });

  it('takes a named file whatever its extension, and keeps the order of the arguments', async () => {
    touch('work.txt');
    touch('z.ovpn');
    const found = await collectTargets(['z.ovpn', 'work.txt'], dir);
    expect(found.map((t) => t.display)).toEqual(['z.ovpn', 'work.txt']);
    expect(found.every((t) => !('problem' in t))).toBe(true);
  });

  it('reports a missing path, a folder without configurations and a broken link as problems', async () => {
    mkdirSync(join(dir, 'empty'));
    touch('links', 'ok.ovpn');
    symlinkSync(join(dir, 'nowhere.ovpn'), join(dir, 'links', 'gone.ovpn'));
    const found = await collectTargets(['missing.ovpn', 'empty', 'links'], dir);
    expect(found).toEqual([
      {
        path: join(dir, 'missing.ovpn'),
        display: 'missing.ovpn',
        problem: 'no such file or folder',
      },
      {
        path: join(dir, 'empty'),
        display: 'empty',
        problem: 'the folder holds no .ovpn or .conf file',
      },
      { path: join(dir, 'links/gone.ovpn'), display: 'links/gone.ovpn', problem: 'a broken link' },
      { path: join(dir, 'links/ok.ovpn'), display: 'links/ok.ovpn' },
    ]);
  });

  it('follows linked folders once, so a link back up the tree ends', async () => {
    touch('tree', 'a.ovpn');
    symlinkSync(join(dir, 'tree'), join(dir, 'tree', 'loop'));
    symlinkSync(join(dir, 'tree', 'a.ovpn'), join(dir, 'tree', 'b.ovpn'));
    const found = await collectTargets(['tree'], dir);
    expect(found.map((t) => t.display)).toEqual(['tree/a.ovpn', 'tree/b.ovpn']);
  });
});

describe('fsReason', () => {
  it('words common errors without Node noise', () => {
    const err = Object.assign(new Error("EACCES: permission denied, open '/x'"), {
      code: 'EACCES',
    });
    expect(fsReason(err)).toBe('permission denied');
    expect(fsReason(new Error('odd'))).toBe('odd');
  });
});
