import { uuidOf } from '../builders/views';
import {
  contract,
  type CallArgs,
  type CallFailure,
  type CallName,
  type CallResults,
  type EventName,
  type EventPayloads,
  type PromptView,
  type SnapshotView,
  type TunnelbarApi,
  type TunnelStateView,
} from '../../preload/contract';

/**
 * Calls the real contract would have refused since the last check: main validates every payload
 * against the contract's schemas, so a view that sends one is broken even if the fake would answer it.
 * test/component/support/setup.ts fails every test that leaves one here.
 */
export const contractViolations: string[] = [];

export interface RecordedCall {
  name: CallName;
  args: unknown[];
}

/** Answers a call (null: the default answer), or refuses it with refusal(). */
type Responder = (name: CallName, args: unknown[]) => unknown;

/**
 * A stand-in for the preload: answers calls from a snapshot and defaults (or a test's responder),
 * records every call, and lets the test emit any contract event.
 */
export class FakeApi implements TunnelbarApi {
  readonly calls: RecordedCall[] = [];
  respond: Responder | null = null;
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  constructor(public snapshot: SnapshotView) {}

  call<C extends CallName>(name: C, ...args: CallArgs<C>): Promise<CallResults[C]> {
    this.calls.push({ name, args });
    const checked = contract.calls[name].args.safeParse(args);
    if (!checked.success) {
      const violation = `${name} ${JSON.stringify(args)}: ${checked.error.message}`;
      contractViolations.push(violation);
      return Promise.reject(new Error(`refused by the contract: ${violation}`));
    }
    const answer = this.respond?.(name, args) ?? this.defaultAnswer(name);
    if (answer instanceof Refusal) {
      // As the preload does: a plain {word, sentence}, not an Error.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(answer.failure);
    }
    return Promise.resolve(answer as CallResults[C]);
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    this.listeners.set(name, set);
    const entry = listener as (payload: unknown) => void;
    set.add(entry);
    return () => set.delete(entry);
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  callsOf(name: CallName): unknown[][] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args);
  }

  private defaultAnswer(name: CallName): unknown {
    switch (name) {
      case 'state:snapshot':
        return this.snapshot;
      case 'tunnel:diagnostics':
        return { lines: [] };
      case 'settings:get':
      case 'settings:set':
        return { autostart: false, reconnect: true };
      case 'tunnel:connect':
      case 'tunnel:disconnect':
      case 'profile:set-favourite':
      case 'profile:set-reconnect':
      case 'prompt:answer':
      case 'prompt:cancel':
      case 'profile:set-dns':
        return null;
      case 'lockdown:get':
      case 'lockdown:set':
        return {
          on: false,
          active: false,
          uuid: null,
          servers: [],
          unresolved: [],
          routes: [],
          routesError: null,
        };
      case 'dns:get':
      case 'dns:fix':
        return { mode: 'default', rcManager: 'unmanaged', entries: [], leaks: [] };
      case 'profile:get':
        // A test that opens the editor answers with its own profile.
        return refusal('unknown-profile', 'There is no such profile.');
      case 'profile:create':
        return { uuid: uuidOf('new') };
      case 'profile:save':
      case 'profile:delete':
      case 'profiles:import-stop':
        return null;
      case 'profile:base-connections':
        return [];
      case 'profiles:selection-action':
      case 'profiles:import-files':
      case 'profile:export':
      case 'cert:store':
      case 'cert:inspect':
        // A test of these views answers with what its case needs.
        return refusal('not-answered', `This test does not answer ${name}.`);
    }
  }
}

/** A responder's answer that makes the call reject with {word, sentence}, as main's refusals do. */
export class Refusal {
  constructor(readonly failure: CallFailure) {}
}

export function refusal(word: string, sentence: string): Refusal {
  return new Refusal({ word, sentence });
}

// The same builders of profiles and snapshots as the shell's tests.
export { profile, snapshot, uuidOf } from '../builders/views';

export const connectedState: Extract<TunnelStateView, { kind: 'connected' }> = {
  kind: 'connected',
  ip4: {
    addresses: ['10.8.0.2/24'],
    gateway: '10.8.0.1',
    routes: [
      { dest: '10.20.0.0/16', nextHop: '10.8.0.1', metric: 50 },
      { dest: '10.8.0.0/24', nextHop: null, metric: null },
    ],
    dns: ['10.20.0.53'],
    domains: ['corp.example'],
  },
  ip6: {
    addresses: ['fd00:8::2/64', 'fe80::1/64'],
    gateway: null,
    routes: [{ dest: 'fd00:20::/48', nextHop: null, metric: 50 }],
    dns: [],
    domains: [],
  },
  since: Date.now(),
  banner: 'Welcome to the corporate network.',
};

export function prompt(extra: Partial<PromptView> = {}): PromptView {
  return {
    id: 'req-1',
    connectionUuid: uuidOf('office'),
    connectionId: 'office',
    vpnType: 'openvpn',
    title: 'Secrets for office',
    message: 'A password is needed to connect to office.',
    reason: 'initial',
    fields: [{ key: 'password', label: 'Password', secret: true }],
    canSave: true,
    ...extra,
  };
}
