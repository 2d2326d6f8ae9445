import { describe, expect, it } from 'vitest';
import type { PromptRequest } from '../../../main/agent/prompter';
import { TerminalPrompter } from '../../../main/cli/terminal-prompter';
import { capturedStreams } from '../../support/captured-streams';
import { promptRequest } from '../../builders/prompt-request';

function request(over: Partial<PromptRequest> = {}): PromptRequest {
  return promptRequest({
    id: 'r1',
    connectionUuid: 'u',
    connectionId: 'work',
    title: 'Secrets for work',
    message: 'A password is needed to connect to work.',
    canSave: true,
    ...over,
  });
}

const streams = capturedStreams;

describe('TerminalPrompter without a terminal', () => {
  it('reads one line per field', async () => {
    const { input, output } = streams();
    const prompter = new TerminalPrompter(input, output);
    input.write('s3cret\n');
    const answer = await prompter.prompt(request(), new AbortController().signal);
    expect(answer).toEqual({ values: { password: 's3cret' }, save: false });
  });

  it('with --save asks to keep the answer, but only where saving is allowed', async () => {
    const { input, output } = streams();
    const prompter = new TerminalPrompter(input, output, true);
    input.write('s3cret\n424242\n');
    const signal = new AbortController().signal;
    expect((await prompter.prompt(request(), signal))?.save).toBe(true);
    expect(
      (await prompter.prompt(request({ reason: 'challenge', canSave: false }), signal))?.save,
    ).toBe(false);
  });

  it('says why it asks again and shows the server’s question', async () => {
    const { input, output, written } = streams();
    const prompter = new TerminalPrompter(input, output);
    input.write('a\nb\n');
    await prompter.prompt(request({ reason: 'rejected' }), new AbortController().signal);
    await prompter.prompt(
      request({ reason: 'challenge', message: 'Enter code' }),
      new AbortController().signal,
    );
    expect(written()).toContain('The previous answer was rejected');
    expect(written()).toContain('The server asks: Enter code');
  });

  it('takes a field’s known value when the answer is empty, and shows it as the default', async () => {
    const { input, output, written } = streams();
    const prompter = new TerminalPrompter(input, output);
    input.write('\ns3cret\n');
    const answer = await prompter.prompt(
      request({
        fields: [
          { key: 'username', label: 'User name', secret: false, initial: 'alice' },
          { key: 'password', label: 'Password', secret: true },
        ],
      }),
      new AbortController().signal,
    );
    expect(answer?.values).toEqual({ username: 'alice', password: 's3cret' });
    expect(written()).toContain('User name [alice]: ');
  });

  it('cancels at the end of input', async () => {
    const { input, output } = streams();
    const prompter = new TerminalPrompter(input, output);
    input.end();
    expect(await prompter.prompt(request(), new AbortController().signal)).toBeNull();
  });

  it('cancels when NetworkManager withdraws the request', async () => {
    const { input, output } = streams();
    const prompter = new TerminalPrompter(input, output);
    const controller = new AbortController();
    const pending = prompter.prompt(request(), controller.signal);
    controller.abort();
    expect(await pending).toBeNull();
    // The next line still goes to the next prompt.
    input.write('later\n');
    expect(await prompter.prompt(request(), new AbortController().signal)).toEqual({
      values: { password: 'later' },
      save: false,
    });
  });

  it('never echoes the secret to its output', async () => {
    const { input, output, written } = streams();
    const prompter = new TerminalPrompter(input, output);
    input.write('hunter2\n');
    await prompter.prompt(request(), new AbortController().signal);
    expect(written()).not.toContain('hunter2');
  });
});
