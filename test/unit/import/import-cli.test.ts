// The pure parts of `tunnelbar import`: its arguments, the --json entries, the human lines and
// the progress bar.

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../main/cli/args';
import { describeOutcome, importEntry, settingsLines } from '../../../main/cli/import-format';
import { ProgressBar, renderBar } from '../../../main/cli/progress-bar';
import type { FileOutcome } from '../../../main/import/types';

const UUID = '2b7e1c00-3333-4444-8555-a66677778888';
const OTHER = '9c1d2e00-3333-4444-8555-a66677778888';
const warning = { line: 7, directive: 'verb', message: '"verb" has no effect' };

const added: FileOutcome = {
  status: 'added',
  index: 0,
  file: 'p/a.ovpn',
  kind: 'openvpn',
  uuid: UUID,
  id: 'a',
  warnings: [warning],
  repairs: [],
  inlineFiles: ['/h/.cert/nm-openvpn/x-ca.pem'],
};
const failed: FileOutcome = {
  status: 'failed',
  stage: 'parse',
  index: 1,
  file: 'p/b.ovpn',
  error: { file: 'p/b.ovpn', line: 3, message: 'no "remote"' },
};
const duplicate: FileOutcome = {
  status: 'duplicate',
  index: 2,
  file: 'p/c.ovpn',
  kind: 'openvpn',
  duplicateOf: { uuid: OTHER, id: 'c' },
  warnings: [],
  repairs: [],
};

describe('import arguments', () => {
  it('takes files and folders and its three flags', () => {
    expect(parseArgs(['import', 'a.ovpn', 'dir', '--json', '--dry-run'])).toMatchObject({
      command: 'import',
      json: true,
      import: { paths: ['a.ovpn', 'dir'], dryRun: true, allowDuplicates: false },
    });
    expect(parseArgs(['import', '--allow-duplicates', 'x']).import?.allowDuplicates).toBe(true);
  });

  it.each([
    [['import'], /needs at least one file/],
    [['import', 'a', '--ask'], /takes no option --ask/],
    [['list', '--dry-run'], /takes no option --dry-run/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('--json entries', () => {
  it('has the documented shape for added, failed and duplicate files', () => {
    expect(importEntry(added)).toEqual({
      file: 'p/a.ovpn',
      ok: true,
      uuid: UUID,
      id: 'a',
      warnings: [warning],
      repairs: [],
    });
    expect(importEntry(failed)).toEqual({
      file: 'p/b.ovpn',
      ok: false,
      error: 'p/b.ovpn:3: no "remote"',
      line: 3,
    });
    expect(importEntry(duplicate)).toEqual({
      file: 'p/c.ovpn',
      ok: false,
      error: `p/c.ovpn: duplicate of "c" (${OTHER}), not added; --allow-duplicates adds it anyway`,
      line: null,
      duplicateOf: OTHER,
    });
  });
});

describe('human lines', () => {
  it('gives one line per file with its notes indented', () => {
    expect(describeOutcome(added)).toEqual([
      `p/a.ovpn: added "a" (${UUID})`,
      '  warning, line 7: "verb" has no effect',
    ]);
    expect(describeOutcome(failed)).toEqual(['p/b.ovpn:3: error: no "remote"']);
  });

  it('prints settings as setting.property lines, addresses and routes in one', () => {
    expect(
      settingsLines({
        connection: { id: 'a', type: 'vpn' },
        vpn: { data: { remote: 'x:1194:udp' } },
        ipv4: {
          method: 'auto',
          routes: [{ dest: '10.1.0.0', prefix: 16, 'next-hop': '10.8.0.1', metric: 5 }],
          dns: ['10.0.0.1', '10.0.0.2'],
        },
      }),
    ).toEqual([
      'connection.id: a',
      'connection.type: vpn',
      'vpn.data.remote: x:1194:udp',
      'ipv4.method: auto',
      'ipv4.routes[0]: 10.1.0.0/16 via 10.8.0.1 metric 5',
      'ipv4.dns: 10.0.0.1, 10.0.0.2',
    ]);
  });
});

class Capture extends Writable {
  text = '';
  isTTY: boolean;
  columns = 60;
  constructor(tty: boolean) {
    super();
    this.isTTY = tty;
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('progress bar', () => {
  it('renders the share done and cuts the label to the width', () => {
    expect(renderBar(5, 10, 'a.ovpn', 80)).toBe(
      `[${'#'.repeat(20)}${'-'.repeat(20)}]  5/10  a.ovpn`,
    );
    expect(renderBar(1, 2, 'x'.repeat(200), 40)).toHaveLength(39);
  });

  it('draws only on a terminal, and clears itself around report lines and at the end', () => {
    expect(ProgressBar.forStream(new Capture(false), 3)).toBeNull();
    const tty = new Capture(true);
    const bar = ProgressBar.forStream(tty, 3);
    bar?.update(3, 'last.ovpn');
    expect(tty.text).toContain('3/3  last.ovpn');
    let during = '';
    bar?.above(() => (during = tty.text));
    expect(during.endsWith('\r\x1b[K')).toBe(true);
    bar?.finish();
    expect(tty.text.endsWith('\r\x1b[K')).toBe(true);
  });
});
