import { describe, expect, it } from 'vitest';
import { importNotification } from '../../../main/desktop/notifications';
import type { ImportSummary, FileOutcome } from '../../../main/import/types';

const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
  total: 1,
  added: 0,
  planned: 0,
  duplicates: 0,
  failed: 0,
  fatal: null,
  ...over,
});

const added = (index: number, id: string): FileOutcome => ({
  status: 'added',
  index,
  file: `${id}.ovpn`,
  kind: 'openvpn',
  uuid: `u${index}`,
  id,
  warnings: [],
  repairs: [],
  inlineFiles: [],
});

describe('importNotification', () => {
  it('names what was added', () => {
    const text = importNotification({
      summary: summary({ total: 2, added: 2 }),
      outcomes: [added(0, 'work'), added(1, 'home')],
    });
    expect(text).toEqual({ title: '2 VPN profiles imported', body: 'Added: work, home.' });
  });

  it('shows the first problem with its file and line, and counts the rest', () => {
    const failed: FileOutcome = {
      status: 'failed',
      index: 1,
      file: 'broken.ovpn',
      stage: 'parse',
      error: { file: 'broken.ovpn', line: 3, message: 'no "remote" line' },
    };
    const duplicate: FileOutcome = {
      status: 'duplicate',
      index: 2,
      file: 'work (1).ovpn',
      kind: 'openvpn',
      warnings: [],
      repairs: [],
      duplicateOf: { uuid: 'u0', id: 'work' },
    };
    const text = importNotification({
      summary: summary({ total: 3, added: 1, failed: 1, duplicates: 1 }),
      outcomes: [added(0, 'work'), failed, duplicate],
    });
    expect(text.title).toBe('2 files were not imported');
    expect(text.body).toMatch(/^broken\.ovpn:3: .*no "remote" line.* \(\+1 more\)$/);
  });

  it('says why the whole import stopped', () => {
    const text = importNotification({
      summary: summary({ fatal: 'NetworkManager is not running.' }),
      outcomes: [],
    });
    expect(text.body).toBe('The import stopped: NetworkManager is not running.');
  });
});
