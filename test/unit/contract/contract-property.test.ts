import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuiPrompter } from '../../../main/contract/gui-prompter';
import { PreferencesStore } from '../../../main/contract/preferences';
import { ContractServer } from '../../../main/contract/server';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';
import { CALL_NAMES, contract } from '../../../preload/contract';
import { fakeCore } from '../../fakes/fake-core';
import { FakeNmBus } from '../../fakes/fake-nm-bus';
import { derive } from './zod-arbitrary';
import { promptRequest } from '../../builders/prompt-request';

// Issue 11, "beyond the list": for every call of the contract, payloads derived from its schema
// (valid, almost valid, or anything at all) never crash main and are answered either with a value
// or with a TunnelbarError carrying a word, without any secret of the payload in its sentence.

const UUID = '0f9d3f52-7d5e-4c57-9a3b-2b7c0d1e4f11';
const OPEN_REQUEST = 'req-open';
/** Strings that take a call past "unknown profile" or "prompt gone" into deeper code. */
const POOL = [UUID, OPEN_REQUEST, 'password', 'remote', 'a.ovpn', 'ca.crt', 'openvpn'];
/** Keys whose values are secrets a call may carry. */
const SECRET_KEYS = new Set(['values', 'newSecrets', 'key', 'newPresharedKey', 'base64']);
const WORD = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const CALL_TIME_LIMIT_MS = 5_000;

let dir = '';
let server: ContractServer;
let prompter: GuiPrompter;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-contract-property-'));
  const bus = new FakeNmBus();
  bus.addVpnProfile(1, UUID, 'Office');
  prompter = new GuiPrompter();
  server = new ContractServer({
    core: await fakeCore(bus),
    prompter,
    preferences: new PreferencesStore(join(dir, 'preferences.json')),
    diagnostics: () => Promise.resolve(['a log line']),
    setAutostart: () => undefined,
    home: join(dir, 'home'),
  });
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A prompt is always open under OPEN_REQUEST, so prompt:answer reaches the prompter. */
function keepPromptOpen(): void {
  if (prompter.open().some((r) => r.id === OPEN_REQUEST)) return;
  void prompter.prompt(
    promptRequest({ id: OPEN_REQUEST, connectionUuid: UUID }),
    new AbortController().signal,
  );
}

/**
 * Every string under a secret-carrying key, long enough not to match a sentence by chance (the
 * pool's strings are not secrets: they also stand for public keys and names).
 */
function secretsIn(value: unknown, underSecret = false, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (underSecret && value.trim().length >= 8 && !POOL.includes(value)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) secretsIn(item, underSecret, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value))
      secretsIn(v, underSecret || SECRET_KEYS.has(k), out);
  }
  return out;
}

type Answer =
  { ok: true; value: unknown } | { ok: false; err: unknown } | { ok: false; hung: true };

async function handleOnce(name: string, args: unknown): Promise<Answer> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<Answer>((resolve) => {
    timer = setTimeout(() => {
      resolve({ ok: false, hung: true });
    }, CALL_TIME_LIMIT_MS);
  });
  try {
    return await Promise.race([
      server.handle(name, args).then(
        (value: unknown): Answer => ({ ok: true, value }),
        (err: unknown): Answer => ({ ok: false, err }),
      ),
      hung,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function isInvalidPayload(err: unknown): boolean {
  return err instanceof TunnelbarError && err.word === 'invalid-payload';
}

/** The sentence of the schema's refusal for `name`, asked with a payload no schema takes. */
async function refusalOf(name: string): Promise<string> {
  const answer = await handleOnce(name, [() => 0]);
  if (answer.ok || !('err' in answer) || !(answer.err instanceof TunnelbarError))
    throw new Error(`${name} took a function as its arguments`);
  return answer.err.message;
}

/**
 * `fixedText` is what the message says whatever the payload: a generated "secret" found in it
 * (fast-check once made the key "rguments", inside "arguments") is not an echo of the payload.
 */
function expectTypedAnswer(answer: Answer, args: unknown, fixedText: string): void {
  // A call carried out answers a value (null for "done"), never nothing: undefined would mean no
  // handler took it.
  if (answer.ok) {
    expect(answer.value).not.toBeUndefined();
    return;
  }
  expect(answer).not.toHaveProperty('hung');
  if (!('err' in answer)) return;
  const err = answer.err;
  expect(err).toBeInstanceOf(TunnelbarError);
  if (!(err instanceof TunnelbarError)) return;
  expect(err.word).toMatch(WORD);
  expect(err.message.length).toBeGreaterThan(0);
  for (const secret of secretsIn(args)) {
    if (!fixedText.includes(secret)) expect(err.message).not.toContain(secret);
  }
}

describe('every contract call, with arbitrary payloads', () => {
  it.each(CALL_NAMES)('%s answers a value or a TunnelbarError with a word', async (name) => {
    const schema = contract.calls[name].args;
    const payload = fc.oneof(
      derive(schema, { junkOneIn: 0, pool: POOL }),
      derive(schema, { junkOneIn: 20, pool: POOL }),
      fc.array(fc.anything(), { maxLength: 3 }),
      fc.anything(),
    );
    let validated = 0;
    const refusal = await refusalOf(name);
    await fc.assert(
      fc.asyncProperty(payload, async (args) => {
        keepPromptOpen();
        const answer = await handleOnce(name, args);
        expectTypedAnswer(answer, args, refusal);
        if (answer.ok || ('err' in answer && !isInvalidPayload(answer.err))) validated++;
      }),
      { numRuns: 150 },
    );
    // The derived payloads do reach main's handlers, not only the schema's refusal.
    expect(validated).toBeGreaterThan(0);
  });

  it('prompt:answer with a field that was not asked for is refused with its own word', async () => {
    keepPromptOpen();
    const args = [
      { requestId: OPEN_REQUEST, values: { password: 'pw', remote: 'x' }, save: false },
    ];
    await expect(server.handle('prompt:answer', args)).rejects.toMatchObject({
      word: 'prompt-unasked-field',
    });
    expect(prompter.open().map((r) => r.id)).toContain(OPEN_REQUEST);
  });

  it('a name outside the contract, whatever its payload, is an unknown-call', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((s) => !Object.hasOwn(contract.calls, s)),
        fc.anything(),
        async (name, args) => {
          const answer = await handleOnce(name, args);
          expect(answer.ok).toBe(false);
          if ('err' in answer) expect(answer.err).toMatchObject({ word: 'unknown-call' });
        },
      ),
      { numRuns: 200 },
    );
  });
});
