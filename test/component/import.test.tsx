// The window's import: the toolbar's file and folder inputs, dropping files and folders on the
// window, the import view's progress bar, its per-file report and problem filter, and refusals.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DroppedFile, ImportReportView } from '../../preload/library';
import { FakeApi, profile, refusal, snapshot, uuidOf } from '../fakes/fake-api';
import { emit, renderApp } from './support/render-app';

const OVPN = 'client\nremote vpn.example.net 1194\nca ca.crt\n';

function file(name: string, text: string | Uint8Array<ArrayBuffer>, relativePath?: string): File {
  const f = new File([text], name);
  if (relativePath !== undefined) {
    Object.defineProperty(f, 'webkitRelativePath', { value: relativePath });
  }
  return f;
}

const report: ImportReportView = {
  total: 3,
  added: 1,
  duplicates: 1,
  failed: 1,
  fatal: null,
  files: [
    {
      file: 'provider/de.ovpn',
      status: 'added',
      uuid: uuidOf('de'),
      id: 'de',
      warnings: [],
      repairs: ['Line 9 (compress): Compress stub is written as compression off.'],
      error: null,
    },
    {
      file: 'provider/fr.ovpn',
      status: 'duplicate',
      uuid: uuidOf('office'),
      id: 'office',
      warnings: [],
      repairs: [],
      error: null,
    },
    {
      file: 'provider/broken.ovpn',
      status: 'failed',
      uuid: null,
      id: null,
      warnings: [],
      repairs: [],
      error: 'provider/broken.ovpn:2: unknown protocol "sctp"',
    },
  ],
};

/** An api whose import call waits until the test answers it. */
function pendingImport(api: FakeApi): (answer: ImportReportView) => Promise<void> {
  let answer: (r: ImportReportView) => void = () => undefined;
  const pending = new Promise<ImportReportView>((resolve) => {
    answer = resolve;
  });
  api.respond = (name) => (name === 'profiles:import-files' ? pending : null);
  return async (r) => {
    await act(async () => {
      answer(r);
      await pending;
    });
  };
}

function decode(base64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

/** What the import call carried, decoded. */
function sent(api: FakeApi): { path: string; text: string }[] {
  const [args] = api.callsOf('profiles:import-files');
  const files = (args?.[0] as { files: DroppedFile[] }).files;
  return files.map((f) => ({ path: f.path, text: decode(f.base64) }));
}

/** Waits, with testing-library's deadline, until `check` passes: files are read asynchronously. */
async function settled(check: () => void): Promise<void> {
  await waitFor(check);
}

/** The window with one picked file being imported: main has not answered yet. */
async function importStarted(): Promise<{
  api: FakeApi;
  answer: (report: ImportReportView) => Promise<void>;
  dialog: HTMLElement;
}> {
  const api = new FakeApi(snapshot([]));
  const answer = pendingImport(api);
  await renderApp(api);
  fireEvent.change(screen.getByLabelText('Profile files to import'), {
    target: { files: [file('de.ovpn', OVPN)] },
  });
  await settled(() => {
    expect(api.callsOf('profiles:import-files')).toHaveLength(1);
  });
  return { api, answer, dialog: screen.getByRole('dialog', { name: 'Import' }) };
}

describe('the toolbar’s import inputs', () => {
  it('offers Import… for .ovpn/.conf files and Import folder… for a whole folder', async () => {
    await renderApp(new FakeApi(snapshot([profile('office')])));
    expect(screen.getByRole('button', { name: 'Import…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import folder…' })).toBeTruthy();
    const files = screen.getByLabelText<HTMLInputElement>('Profile files to import');
    expect(files.type).toBe('file');
    expect(files.multiple).toBe(true);
    expect(files.accept).toBe('.ovpn,.conf');
    const folder = screen.getByLabelText<HTMLInputElement>('Folder to import');
    expect(folder.hasAttribute('webkitdirectory')).toBe(true);
  });

  it('sends picked files’ contents, and a picked folder’s files with their paths in it', async () => {
    const api = new FakeApi(snapshot([]));
    const answer = pendingImport(api);
    await renderApp(api);
    const folder = screen.getByLabelText('Folder to import');
    fireEvent.change(folder, {
      target: {
        files: [
          file('de.ovpn', OVPN, 'provider/de.ovpn'),
          file('ca.crt', 'CA BYTES', 'provider/ca.crt'),
        ],
      },
    });
    await settled(() => {
      expect(sent(api)).toEqual([
        { path: 'provider/de.ovpn', text: OVPN },
        { path: 'provider/ca.crt', text: 'CA BYTES' },
      ]);
    });
    // One import at a time: the buttons wait for this one.
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import…' }).disabled).toBe(true);
    await answer(report);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import…' }).disabled).toBe(false);
  });
});

describe('the import view', () => {
  it('shows the progress, then the counts and each file; the filter keeps only problems', async () => {
    const { api, answer, dialog } = await importStarted();
    emit(api, 'import:progress', { done: 2, total: 3 });
    const bar = within(dialog).getByRole('progressbar', { name: 'Import progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(bar.getAttribute('aria-valuemax')).toBe('3');
    expect(within(dialog).getByText('2 of 3 files')).toBeTruthy();
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Close' }).disabled).toBe(
      true,
    );

    await answer(report);
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
    expect(within(dialog).getByRole('status').textContent).toBe(
      '1 added, 1 already there, 1 failed',
    );
    const list = within(dialog).getByRole('list', { name: 'Imported files' });
    const lines = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list);
    expect(lines.map((li) => li.querySelector('.import-file-name')?.textContent)).toEqual([
      'provider/de.ovpn',
      'provider/fr.ovpn',
      'provider/broken.ovpn',
    ]);
    expect(lines[0]?.textContent).toContain('Added as “de”');
    expect(
      within(dialog).getByRole('list', { name: 'Repairs for provider/de.ovpn' }).textContent,
    ).toContain('Line 9 (compress)');
    expect(lines[1]?.textContent).toContain('Already there as “office”');
    expect(lines[2]?.textContent).toContain('provider/broken.ovpn:2: unknown protocol "sctp"');

    await userEvent.click(within(dialog).getByLabelText('Show only files with problems'));
    const filtered = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list);
    expect(filtered.map((li) => li.querySelector('.import-file-name')?.textContent)).toEqual([
      'provider/fr.ovpn',
      'provider/broken.ovpn',
    ]);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Import' })).toBeNull();
  });

  it('stops on request: Stop asks main once, then waits for the report', async () => {
    const { api, answer, dialog } = await importStarted();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stop' }));
    expect(api.callsOf('profiles:import-stop')).toEqual([[]]);
    const stopping = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Stopping…' });
    expect(stopping.disabled).toBe(true);
    await answer({ ...report, fatal: 'You stopped the import.' });
    expect(within(dialog).queryByRole('button', { name: 'Stopping…' })).toBeNull();
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'The import stopped early: You stopped the import.',
    );
  });

  it('takes the focus, and Escape closes it only once the import is over', async () => {
    const { answer, dialog } = await importStarted();
    expect(dialog.contains(document.activeElement)).toBe(true);
    // Escape while it runs would lose the report: the dialog stays.
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(screen.getByRole('dialog', { name: 'Import' })).toBe(dialog);
    await answer(report);
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog', { name: 'Import' })).toBeNull();
  });

  it('says why nothing was imported when main refuses, and that the import stopped early', async () => {
    const api = new FakeApi(snapshot([]));
    api.respond = (name) =>
      name === 'profiles:import-files'
        ? refusal('nm-not-running', 'NetworkManager is not running. Start it and try again.')
        : null;
    await renderApp(api);
    fireEvent.change(screen.getByLabelText('Profile files to import'), {
      target: { files: [file('de.ovpn', OVPN)] },
    });
    await settled(() => {
      expect(screen.getByRole('alert').textContent).toBe(
        'Nothing was imported: NetworkManager is not running. Start it and try again.',
      );
    });
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));

    api.respond = (name) =>
      name === 'profiles:import-files'
        ? { ...report, fatal: 'Permission denied: ask an administrator.' }
        : null;
    fireEvent.change(screen.getByLabelText('Profile files to import'), {
      target: { files: [file('de.ovpn', OVPN)] },
    });
    await settled(() => {
      expect(screen.getByRole('alert').textContent).toBe(
        'The import stopped early: Permission denied: ask an administrator.',
      );
    });
  });

  it('does not send a file over 3 MiB, and reports it', async () => {
    const api = new FakeApi(snapshot([]));
    api.respond = (name) =>
      name === 'profiles:import-files' ? { ...report, files: [], added: 1, total: 1 } : null;
    await renderApp(api);
    const big = file('huge.ovpn', new Uint8Array(3 * 1024 * 1024 + 1));
    fireEvent.change(screen.getByLabelText('Profile files to import'), {
      target: { files: [big, file('de.ovpn', OVPN)] },
    });
    await settled(() => {
      expect(sent(api).map((f) => f.path)).toEqual(['de.ovpn']);
    });
    const dialog = screen.getByRole('dialog', { name: 'Import' });
    await settled(() => {
      expect(within(dialog).getByRole('status').textContent).toBe(
        '1 added, 1 already there, 2 failed',
      );
    });
    expect(within(dialog).getByText(/huge\.ovpn: larger than 3 MiB/)).toBeTruthy();
  });
});

/** A folder entry as Chromium's webkitGetAsEntry gives it, answering readEntries in two batches. */
function folderEntry(name: string, files: File[]): object {
  const entries = files.map((f) => ({
    isFile: true,
    isDirectory: false,
    fullPath: `/${name}/${f.name}`,
    file: (ok: (f: File) => void) => {
      ok(f);
    },
  }));
  const batches = [entries.slice(0, 1), entries.slice(1), []];
  return {
    isFile: false,
    isDirectory: true,
    fullPath: `/${name}`,
    createReader: () => ({
      readEntries: (ok: (batch: object[]) => void) => {
        ok(batches.shift() ?? []);
      },
    }),
  };
}

describe('dropping on the window', () => {
  it('shows a drop overlay while files are dragged over it', async () => {
    const { container } = await renderApp(new FakeApi(snapshot([])));
    const app = container.querySelector('.app');
    if (app === null) throw new Error('no .app');
    fireEvent.dragEnter(app, { dataTransfer: { types: ['Files'] } });
    expect(screen.getByText(/Drop \.ovpn or WireGuard \.conf files/)).toBeTruthy();
    fireEvent.dragLeave(app, { dataTransfer: { types: ['Files'] } });
    expect(screen.queryByText(/Drop \.ovpn or WireGuard \.conf files/)).toBeNull();
  });

  it('walks a dropped folder, every file in it sent with its path', async () => {
    const api = new FakeApi(snapshot([]));
    api.respond = (name) => (name === 'profiles:import-files' ? report : null);
    const { container } = await renderApp(api);
    const app = container.querySelector('.app');
    if (app === null) throw new Error('no .app');
    const folder = folderEntry('provider', [file('de.ovpn', OVPN), file('ca.crt', 'CA')]);
    fireEvent.drop(app, {
      dataTransfer: {
        types: ['Files'],
        files: [],
        items: [{ kind: 'file', webkitGetAsEntry: () => folder }],
      },
    });
    await settled(() => {
      expect(sent(api)).toEqual([
        { path: 'provider/de.ovpn', text: OVPN },
        { path: 'provider/ca.crt', text: 'CA' },
      ]);
    });
    expect(screen.getByRole('dialog', { name: 'Import' })).toBeTruthy();
  });

  it('without the entries API takes the dropped files as they are', async () => {
    const api = new FakeApi(snapshot([]));
    api.respond = (name) => (name === 'profiles:import-files' ? report : null);
    const { container } = await renderApp(api);
    const app = container.querySelector('.app');
    if (app === null) throw new Error('no .app');
    fireEvent.drop(app, {
      dataTransfer: { types: ['Files'], files: [file('wg0.conf', '[Interface]\n')], items: [] },
    });
    await settled(() => {
      expect(sent(api)).toEqual([{ path: 'wg0.conf', text: '[Interface]\n' }]);
    });
  });
});
