import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { carryOut, type AnswerContext } from '../../../main/agent/answer';
import type { Prompter } from '../../../main/agent/prompter';
import type { VpnPluginInfo } from '../../../main/agent/vpn-plugins';
import { runWindowedDialog, WindowedOutput } from '../../../main/agent/windowed-dialog';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { MemoryStore } from '../../fakes/memory-store';
import { v } from '../../builders/variant';

// A plugin without external UI mode: its dialog (a script here) is run as nm-applet runs it.

const service = 'org.example.windowed';
const connection: SettingsDict = {
  connection: { id: v('s', 'corp'), uuid: v('s', 'u7') },
  vpn: {
    'service-type': v('s', service),
    data: v('a{ss}', { gateway: 'vpn.corp.example', user: 'ann' }),
    secrets: v('a{ss}', { password: 'old' }),
  },
};

const dir = mkdtempSync(join(tmpdir(), 'tb-windowed-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a dialog script: it records its arguments and input, then runs `body`. */
function dialogScript(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `#!/bin/sh
printf '%s\\n' "$@" > "${dir}/${name}.args"
# The connection, up to DONE and its empty line.
while IFS= read -r line; do
  printf '%s\\n' "$line" >> "${dir}/${name}.stdin"
  [ "$line" = DONE ] && { read -r _; break; }
done
${body}
`,
  );
  chmodSync(path, 0o755);
  return path;
}

function plugin(dialog: string): VpnPluginInfo {
  return {
    name: 'windowed',
    serviceType: service,
    authDialog: dialog,
    supportsExternalUi: false,
    supportsHints: true,
  };
}

// Answers, then waits for QUIT as real dialogs do, and notes that it came.
const answering = dialogScript(
  'answering',
  `printf 'password\\nn3w-secret\\nuser\\nann\\n\\n\\n'
while IFS= read -r line; do [ "$line" = QUIT ] && { echo quit > "${dir}/answering.quit"; exit 0; }; done
exit 3`,
);
const cancelling = dialogScript('cancelling', 'exit 1');
// Never answers; a helper in its process group must end with it.
const hanging = dialogScript(
  'hanging',
  `sleep 600 &
echo $! > "${dir}/hanging.helper"
echo $$ > "${dir}/hanging.pid"
wait`,
);

/** Running (a zombie waiting for a reaper that may not exist here counts as ended). */
const alive = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${String(pid)}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function waitForFile(path: string): Promise<string> {
  for (let i = 0; i < 200 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 20));
  return readFileSync(path, 'utf8').trim();
}

describe('the windowed auth-dialog protocol', () => {
  it('pairs non-empty output lines as key and value; two empty lines end the answer', () => {
    const out = new WindowedOutput();
    expect(out.feed('pass')).toBe(false);
    expect(out.feed('word\nsec')).toBe(false);
    expect(out.feed('ret\n\n')).toBe(false);
    expect(out.feed('\n')).toBe(true);
    expect(out.feed('\n')).toBe(false);
    expect(out.secrets()).toEqual({ password: 'secret' });
  });

  it('runs the dialog without external UI mode, feeds the connection, reads secrets, says QUIT', async () => {
    const result = await runWindowedDialog(plugin(answering), answering, {
      connection,
      hints: ['password'],
      flags: 0x1,
      signal: new AbortController().signal,
    });
    expect(result).toEqual({ secrets: { password: 'n3w-secret', user: 'ann' } });
    const args = readFileSync(join(dir, 'answering.args'), 'utf8').split('\n');
    expect(args).toEqual(['-u', 'u7', '-n', 'corp', '-s', service, '-i', '-t', 'password', '']);
    expect(readFileSync(join(dir, 'answering.stdin'), 'utf8')).toBe(
      'DATA_KEY=gateway\nDATA_VAL=vpn.corp.example\n\nDATA_KEY=user\nDATA_VAL=ann\n\n' +
        'SECRET_KEY=password\nSECRET_VAL=old\n\nDONE\n',
    );
    // QUIT came only after the answer: the dialog exited 0 on it.
    expect(readFileSync(join(dir, 'answering.quit'), 'utf8')).toBe('quit\n');
  });

  it('a dialog that exits unsuccessfully was cancelled by the person', async () => {
    const signal = new AbortController().signal;
    const dialog = plugin(cancelling);
    expect(
      await runWindowedDialog(dialog, cancelling, { connection, hints: [], flags: 1, signal }),
    ).toBeNull();
  });

  it('an abort (CancelGetSecrets) ends the dialog and its process group', async () => {
    const controller = new AbortController();
    const run = runWindowedDialog(plugin(hanging), hanging, {
      connection,
      hints: [],
      flags: 1,
      signal: controller.signal,
    });
    const pid = Number(await waitForFile(join(dir, 'hanging.pid')));
    const helper = Number(await waitForFile(join(dir, 'hanging.helper')));
    expect(alive(pid) && alive(helper)).toBe(true);
    controller.abort();
    expect(await run).toBeNull();
    // The group is signalled as the run ends; the processes are gone a moment later.
    for (let i = 0; i < 200 && (alive(pid) || alive(helper)); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(alive(pid)).toBe(false);
    expect(alive(helper)).toBe(false);
  });
});

describe('the agent picks the windowed dialog', () => {
  const nameFile = (dialog: string, folder: string): void => {
    writeFileSync(
      join(folder, 'windowed.name'),
      `[VPN Connection]\nname=windowed\nservice=${service}\n\n[GNOME]\nauth-dialog=${dialog}\nsupports-hints=true\n`,
    );
  };
  const neverAsked: Prompter = {
    prompt: () => Promise.reject(new Error('the windowed dialog is the prompt')),
  };
  const ctx = (): AnswerContext => ({
    connection,
    settingName: 'vpn',
    hints: [],
    flags: 1,
    signal: new AbortController().signal,
  });
  const plan = { kind: 'auth-dialog', serviceType: service } as const;

  it('answers NetworkManager with what the dialog printed', async () => {
    const folder = mkdtempSync(join(dir, 'plugins-'));
    nameFile(answering, folder);
    const opts = { prompter: neverAsked, store: new MemoryStore(), pluginDirs: [folder] };
    const outcome = await carryOut(plan, ctx(), opts);
    expect('secrets' in outcome && outcome.secrets.vpn?.secrets?.value).toEqual({
      password: 'n3w-secret',
      user: 'ann',
    });
    // A process that may not prompt does not open windows either.
    const quiet = await carryOut(plan, ctx(), { ...opts, prompter: null });
    expect('error' in quiet && quiet.text).toMatch(/may not prompt/);
  });

  it('a request NetworkManager withdrew is AgentCanceled, not the person cancelling', async () => {
    const folder = mkdtempSync(join(dir, 'plugins-'));
    nameFile(hanging, folder);
    const opts = { prompter: neverAsked, store: new MemoryStore(), pluginDirs: [folder] };
    const withdrawn = new AbortController();
    const pending = carryOut(plan, { ...ctx(), signal: withdrawn.signal }, opts);
    withdrawn.abort();
    expect(await pending).toEqual({
      error: 'org.freedesktop.NetworkManager.SecretAgent.AgentCanceled',
      text: 'The request was cancelled.',
    });
  });

  it('a cancelled dialog is the person cancelling; a missing one names the package', async () => {
    const folder = mkdtempSync(join(dir, 'plugins-'));
    nameFile(cancelling, folder);
    const opts = { prompter: neverAsked, store: new MemoryStore(), pluginDirs: [folder] };
    const cancelled = await carryOut(plan, ctx(), opts);
    expect(cancelled).toEqual({
      error: 'org.freedesktop.NetworkManager.SecretAgent.UserCanceled',
      text: 'The user cancelled.',
    });
    nameFile(join(dir, 'not-installed'), folder);
    const missing = await carryOut(plan, ctx(), opts);
    expect('error' in missing && missing.notice).toMatch(
      /network-manager-windowed-gnome \(Debian, Ubuntu\) or NetworkManager-windowed-gnome/,
    );
  });
});
