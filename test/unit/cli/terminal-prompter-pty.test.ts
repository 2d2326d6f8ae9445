import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PromptAnswer, PromptRequest, SecretField } from '../../../main/agent/prompter';
import { PtyProcess } from '../../support/pty-process';

// The terminal prompter on a real pseudo-terminal: a stream cannot show what goes wrong when two
// readers share one TTY (raw mode, echo, a reader left attached queueing a password as a line).

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const PROGRAM = join(ROOT, 'test', 'support', 'prompter-on-pty.ts');

const USER: SecretField = { key: 'username', label: 'User name', secret: false };
const PASSWORD: SecretField = { key: 'password', label: 'Password', secret: true };
const ECHOED_CODE: SecretField = {
  key: 'x-dynamic-challenge-echo:Enter the code',
  label: 'Code',
  secret: false,
};

function request(reason: PromptRequest['reason'], fields: SecretField[]): PromptRequest {
  return {
    id: `r-${reason}`,
    connectionUuid: 'u',
    connectionId: 'work',
    vpnType: 'openvpn',
    title: 'Secrets for work',
    message: reason === 'challenge' ? 'Enter the code' : 'Authentication is required.',
    reason,
    fields,
    canSave: false,
  };
}

let dir = '';
let pty: PtyProcess | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-pty-'));
});

afterEach(async () => {
  await pty?.stop();
  pty = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the prompter on a pty with these requests; the answers land in a file. */
function start(requests: PromptRequest[]): { pty: PtyProcess; answers: () => PromptAnswer[] } {
  const file = join(dir, 'answers.jsonl');
  pty = new PtyProcess([TSX, PROGRAM, JSON.stringify(requests), file], process.env);
  const answers = (): PromptAnswer[] =>
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as PromptAnswer);
  return { pty, answers };
}

/** Waits for a field's label (the n-th time it is shown), then types the answer and Enter. */
async function answer(p: PtyProcess, label: string, n: number, typed: string): Promise<void> {
  await p.waitFor(`${label}: `, n);
  p.type(`${typed}\r`);
}

describe('TerminalPrompter on a real terminal', () => {
  it('a rejected password asked again with the user name: each field gets what was typed for it', async () => {
    const { pty: p, answers } = start([
      request('initial', [USER, PASSWORD]),
      request('rejected', [USER, PASSWORD]),
    ]);
    await answer(p, 'User name', 1, 'alice');
    await answer(p, 'Password', 1, 'first-secret');
    await answer(p, 'User name', 2, 'alice');
    await answer(p, 'Password', 2, 'second-secret');
    await p.waitFor('ALL ANSWERED');

    expect(answers()).toEqual([
      { values: { username: 'alice', password: 'first-secret' }, save: false },
      { values: { username: 'alice', password: 'second-secret' }, save: false },
    ]);
    // The user name is echoed as typed; no password ever appears on the terminal.
    expect(p.screen).toContain('User name: alice');
    expect(p.screen).not.toContain('first-secret');
    expect(p.screen).not.toContain('second-secret');
    expect(p.screen).toContain('The previous answer was rejected');
  });

  it('an echoed challenge after a hidden password gets the code, not the password', async () => {
    const { pty: p, answers } = start([
      request('initial', [PASSWORD]),
      request('challenge', [ECHOED_CODE]),
      request('rejected', [PASSWORD]),
      request('challenge', [ECHOED_CODE]),
    ]);
    await answer(p, 'Password', 1, 'the-secret');
    await answer(p, 'Code', 1, '000000');
    await answer(p, 'Password', 2, 'the-secret');
    await answer(p, 'Code', 2, '424242');
    await p.waitFor('ALL ANSWERED');

    expect(answers().map((a) => Object.values(a.values))).toEqual([
      ['the-secret'],
      ['000000'],
      ['the-secret'],
      ['424242'],
    ]);
    expect(p.screen).toContain('Code: 424242');
    expect(p.screen).not.toContain('the-secret');
  });

  it('offers a known user name as the default: Enter alone takes it, typing replaces it', async () => {
    const known: SecretField = { ...USER, initial: 'alice' };
    const { pty: p, answers } = start([
      request('initial', [known, { ...PASSWORD, initial: 'not-shown' }]),
      request('rejected', [known, PASSWORD]),
    ]);
    await answer(p, 'User name [alice]', 1, '');
    await answer(p, 'Password', 1, 'first-secret');
    await answer(p, 'User name [alice]', 2, 'bob');
    await answer(p, 'Password', 2, 'second-secret');
    await p.waitFor('ALL ANSWERED');

    expect(answers()).toEqual([
      { values: { username: 'alice', password: 'first-secret' }, save: false },
      { values: { username: 'bob', password: 'second-secret' }, save: false },
    ]);
    // A secret's value is never offered, not even as a default.
    expect(p.screen).not.toContain('not-shown');
    expect(p.screen).toContain('User name [alice]: bob');
  });
});
