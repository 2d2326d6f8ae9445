import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/run-cli';
import { PtyProcess } from '../support/pty-process';
import { startSandbox, type Sandbox } from './infra/sandbox';

// `tunnelbar up --ask` on a real pseudo-terminal, against the sandbox's challenge server: what a
// person sees and types, raw mode and echo included. The unit test on a pty
// (test/unit/cli/terminal-prompter-pty.test.ts) covers echoed fields, which NM-openvpn 1.10 never
// asks for here (NetworkManager fills in the user name; a challenge is asked as a password).

let sb: Sandbox;
let challenge: { uuid: string; id: string };
let pty: PtyProcess | null = null;

beforeAll(async () => {
  sb = await startSandbox();
  challenge = await sb.addOpenvpnProfile('challenge');
});

afterAll(async () => {
  await (sb as Sandbox | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(
      `--- sandbox log ---\n${sb.readLog().slice(-6000)}\n--- terminal ---\n${pty?.screen}`,
    );
  await pty?.stop();
  pty = null;
});

describe('tunnelbar up --ask on a terminal', () => {
  it('password, a wrong code, the password again, the right code: connected, nothing echoed', async () => {
    const { password, otp } = sb.credentials;
    const p = new PtyProcess(
      [process.execPath, CLI, 'up', challenge.id, '--ask', '--timeout', '60'],
      sb.env,
    );
    pty = p;
    const answer = async (n: number, typed: string): Promise<void> => {
      await p.waitFor('Password: ', n);
      p.type(`${typed}\r`);
    };
    await answer(1, password);
    await answer(2, '000000');
    await answer(3, password);
    await answer(4, otp);

    expect(await p.exited).toBe(0);
    expect(p.screen).toMatch(/connected 10\.\d+\.\d+\.\d+\/24/);
    expect(p.screen.split(`The server asks: ${sb.credentials.challengeQuestion}`)).toHaveLength(3);
    expect(p.screen).toContain('The previous answer was rejected');
    // Echo was off for every answer: none of them is on the screen.
    for (const typed of [password, otp, '000000']) expect(p.screen).not.toContain(typed);
    expect((await runCli(['down', challenge.uuid], sb.env)).code).toBe(0);
  });
});
