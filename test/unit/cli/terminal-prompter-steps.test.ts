import { describe, expect, it } from 'vitest';
import type { PromptRequest } from '../../../main/agent/prompter';
import { TerminalPrompter } from '../../../main/cli/terminal-prompter';
import { capturedStreams } from '../../support/captured-streams';
import { promptRequest } from '../../builders/prompt-request';

// The steps of an OpenConnect login on a pipe: a choice, a certificate to accept, a browser wait.

function request(over: Partial<PromptRequest>): PromptRequest {
  return promptRequest({
    id: 'r1',
    connectionUuid: 'u',
    connectionId: 'work',
    vpnType: 'openconnect',
    title: 'Log in to work',
    message: '',
    fields: [],
    ...over,
  });
}

const streams = capturedStreams;

const group = { key: 'form:GROUP', label: 'GROUP', secret: false, options: ['staff', 'guests'] };

describe('TerminalPrompter: login steps without a terminal', () => {
  it('lists a choice and takes its number or its label', async () => {
    const { input, output, written } = streams();
    const prompter = new TerminalPrompter(input, output);
    input.write('2\nstaff\n');
    const signal = new AbortController().signal;
    expect(await prompter.prompt(request({ fields: [group] }), signal)).toEqual({
      values: { 'form:GROUP': 'guests' },
      save: false,
    });
    expect((await prompter.prompt(request({ fields: [group] }), signal))?.values).toEqual({
      'form:GROUP': 'staff',
    });
    expect(written()).toContain('  1) staff\n  2) guests\n');
  });

  it('offers a saved user name or choice: an empty line takes it, anything typed replaces it', async () => {
    const { input, output, written } = streams();
    const prompter = new TerminalPrompter(input, output);
    const user = { key: 'form:main:username', label: 'Username', secret: false, initial: 'bob' };
    input.write('\n\nalice\n');
    const signal = new AbortController().signal;
    const ask = async (field: PromptRequest['fields'][number]) =>
      (await prompter.prompt(request({ fields: [field] }), signal))?.values;
    expect(await ask({ ...group, initial: 'guests' })).toEqual({ 'form:GROUP': 'guests' });
    expect(await ask(user)).toEqual({ 'form:main:username': 'bob' });
    expect(await ask(user)).toEqual({ 'form:main:username': 'alice' });
    expect(written()).toContain('GROUP [guests]: ');
    expect(written()).toContain('Username [bob]: ');
  });

  it('shows a certificate and accepts it only on "yes"', async () => {
    const { input, output, written } = streams();
    const prompter = new TerminalPrompter(input, output);
    const certificate = {
      host: 'vpn.example',
      reason: 'signer not found',
      fingerprint: 'pin-sha256:AAA=',
    };
    input.write('yes\nno\n');
    const signal = new AbortController().signal;
    const cert = request({ reason: 'certificate', certificate });
    expect(await prompter.prompt(cert, signal)).toEqual({ values: {}, save: false });
    expect(await prompter.prompt(cert, signal)).toBeNull();
    expect(written()).toContain('The certificate of vpn.example is not trusted: signer not found.');
    expect(written()).toContain('pin-sha256:AAA=');
  });

  it('waits for a browser login without reading, until the login withdraws the prompt', async () => {
    const { input, output, written } = streams();
    const prompter = new TerminalPrompter(input, output);
    input.write('typed-ahead\n');
    const controller = new AbortController();
    const waiting = prompter.prompt(
      request({ reason: 'browser', message: 'Log in in your browser.' }),
      controller.signal,
    );
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(settled).toBe(false);
    controller.abort();
    expect(await waiting).toBeNull();
    expect(written()).toContain('Log in in your browser.');
    // The line typed meanwhile still answers the next field.
    const next = await prompter.prompt(
      request({ fields: [{ key: 'k', label: 'Code', secret: false }] }),
      new AbortController().signal,
    );
    expect(next?.values).toEqual({ k: 'typed-ahead' });
  });
});
