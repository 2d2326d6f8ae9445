// The world of the keyring suites: a sandbox NetworkManager, a real gnome-keyring, and a core
// whose secret agent (with a scripted prompter) answers NetworkManager from that keyring. Hooks
// are registered by useKeyringWorld; the parts are read once beforeAll has made them.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openCore, type Core } from '../../../main/core';
import type { Prompter } from '../../../main/agent/prompter';
import { startKeyring, type Keyring } from './keyring';
import { startSandbox, type Sandbox } from './sandbox';
import { waitFor } from './wait';

export interface KeyringWorld {
  readonly sb: Sandbox;
  readonly keyring: Keyring;
  readonly core: Core;
  /** Closes the core and puts `next` (or none) in its place, for a test that needs its own. */
  replaceCore(next: () => Promise<Core> | undefined): Promise<void>;
}

export interface KeyringWorldOptions {
  onWarning?: (text: string) => void;
  /** More to print when a test fails, after the sandbox's and the keyring's logs. */
  failureLog?: () => string;
}

function made<T>(part: T | undefined, name: string): T {
  if (part === undefined) throw new Error(`no ${name}: the keyring world did not start`);
  return part;
}

export function useKeyringWorld(
  identifier: string,
  prompter: Prompter,
  opts: KeyringWorldOptions = {},
): KeyringWorld {
  let sb: Sandbox | undefined;
  let keyring: Keyring | undefined;
  let core: Core | undefined;

  beforeAll(async () => {
    [sb, keyring] = await Promise.all([startSandbox(), startKeyring()]);
    const opened = await openCore({
      busAddress: sb.busAddress,
      agent: { identifier, prompter, sessionBusAddress: keyring.address },
      ...(opts.onWarning ? { onWarning: opts.onWarning } : {}),
    });
    core = opened;
    await waitFor('the agent registered', () => opened.agent?.isRegistered === true);
  });

  afterAll(async () => {
    // beforeAll may have failed half-way.
    await core?.close();
    await Promise.all([sb?.stop(), keyring?.stop()]);
  });

  afterEach((ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    if (sb) console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
    if (keyring)
      console.log(`--- keyring log ---\n${readFileSync(keyring.logFile, 'utf8').slice(-3000)}`);
    if (opts.failureLog) console.log(opts.failureLog());
  });

  return {
    get sb() {
      return made(sb, 'sandbox');
    },
    get keyring() {
      return made(keyring, 'keyring');
    },
    get core() {
      return made(core, 'core');
    },
    async replaceCore(next) {
      await core?.close();
      core = undefined;
      core = await next();
    },
  };
}
