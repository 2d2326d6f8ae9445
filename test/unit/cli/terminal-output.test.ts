// Untrusted text on the CLI's human output: names, server texts, file names and file lines reach
// the terminal with every control character escaped (terminal-text.ts), wherever they are printed.

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { PromptRequest } from '../../../main/agent/prompter';
import { describeState, describeStatus, statusEntry } from '../../../main/cli/format';
import { describeOutcome } from '../../../main/cli/import-format';
import { renderBar } from '../../../main/cli/progress-bar';
import { TerminalPrompter } from '../../../main/cli/terminal-prompter';
import type { FileOutcome } from '../../../main/import/types';
import { reasonFromActivationError } from '../../../main/nm/reasons';

/** Clears the screen and sets the window title: what a hostile name would try. */
const HOSTILE = 'x\u001b[2J\u001b]0;owned\u0007\u009b31m\r\u202e';
/** A control character (but tab and newline), DEL, C1, or a bidi override. */
/* eslint-disable no-control-regex -- looking for control characters is the point */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/* eslint-enable no-control-regex */

describe('human output of states and status', () => {
  it('escapes a hostile name, banner, domain and reason', () => {
    const text = describeStatus(
      statusEntry(
        { uuid: 'u', id: `work${HOSTILE}` },
        {
          kind: 'connected',
          ip4: {
            addresses: ['10.8.0.2/24'],
            gateway: null,
            routes: [],
            dns: [],
            domains: [`corp${HOSTILE}`],
          },
          ip6: null,
          since: 0,
          banner: `Welcome\n${HOSTILE}`,
        },
      ),
      0,
    );
    expect(text).not.toMatch(RAW);
    expect(text).toContain('workx\\x1b[2J');
    // A banner keeps its lines; a name never gets a line of its own.
    expect(text).toContain('banner: Welcome\n');
    // NetworkManager's own error text is quoted in the reason sentence.
    const reason = reasonFromActivationError('org.example.Error', `refused${HOSTILE}`);
    const failed = describeState({ kind: 'failed', reason });
    expect(failed).not.toMatch(RAW);
  });
});

describe('import report', () => {
  it('escapes file names, names and file lines, and keeps one line per entry', () => {
    const added: FileOutcome = {
      status: 'added',
      index: 0,
      file: `p/a${HOSTILE}\nfake: added.ovpn`,
      kind: 'openvpn',
      uuid: 'u',
      id: `a${HOSTILE}`,
      warnings: [{ line: 7, directive: 'verb', message: `"verb${HOSTILE}" has no effect` }],
      repairs: [],
      inlineFiles: [],
    };
    const failed: FileOutcome = {
      status: 'failed',
      stage: 'parse',
      index: 1,
      file: 'p/b.ovpn',
      error: { file: 'p/b.ovpn', line: 3, message: `unknown "${HOSTILE}"` },
    };
    for (const line of [...describeOutcome(added), ...describeOutcome(failed)]) {
      expect(line).not.toMatch(RAW);
      expect(line).not.toContain('\n');
    }
    expect(describeOutcome(added)[0]).toContain('\\nfake: added.ovpn');
  });

  it('escapes the file name on the progress bar', () => {
    expect(renderBar(1, 2, `a${HOSTILE}.ovpn`, 200)).not.toMatch(RAW);
  });
});

describe('terminal prompter', () => {
  it('escapes the title, the server’s question and the labels', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (c: Buffer) => (written += c.toString()));
    const request: PromptRequest = {
      id: 'r',
      connectionUuid: 'u',
      connectionId: `work${HOSTILE}`,
      vpnType: 'openvpn',
      title: `work${HOSTILE} asks for a code`,
      message: `Enter the code${HOSTILE}`,
      reason: 'challenge',
      fields: [{ key: 'x-dynamic-challenge:c', label: `Code${HOSTILE}`, secret: true }],
      canSave: false,
    };
    input.write('424242\n');
    await new TerminalPrompter(input, output).prompt(request, new AbortController().signal);
    expect(written).toContain('The server asks: Enter the code');
    expect(written).not.toMatch(RAW);
  });
});
