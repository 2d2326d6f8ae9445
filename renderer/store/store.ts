import type {
  CallFailure,
  EventName,
  EventPayloads,
  TunnelbarApi,
  TunnelStateView,
} from '../../preload/contract';
import { toCallFailure } from '../api';
// From preload, not ../tunnel-state: the store starts in the page's first, small chunk (main.tsx),
// without the strings.
import { DISCONNECTED } from '../../preload/tunnel-types';
import { isOnOrComingUp } from '../../preload/tunnel-view';
import { omitKey, withoutPrompt, type ContractEvent } from '../../preload/mirror';
import { applyEvent, applySnapshot, initialState, type StoreState } from './state';

const STATE_EVENTS: readonly EventName[] = [
  'state:nm',
  'state:profiles',
  'state:tunnel',
  'state:lockdown',
];
const ALL_EVENTS: readonly EventName[] = [...STATE_EVENTS, 'prompt:open', 'prompt:close'];

/**
 * The renderer's one source of state: `state:snapshot` once, then events, nothing else (main is
 * the truth, the renderer never guesses). Also the home of the calls that change something, so
 * their failures land in the state the views draw.
 */
export class Store {
  private state: StoreState = initialState;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribes: (() => void)[] = [];
  private snapshotApplied = false;

  constructor(readonly api: TunnelbarApi) {}

  /**
   * Subscribes at once (synchronously, before the first render: a prompt window's request may be
   * delivered as soon as the page has loaded), then asks for the snapshot.
   */
  start(): void {
    for (const name of ALL_EVENTS) {
      this.unsubscribes.push(
        this.api.on(name, (payload: EventPayloads[typeof name]) => {
          this.onEvent({ name, payload } as ContractEvent);
        }),
      );
    }
    this.api.call('state:snapshot').then(
      (snapshot) => {
        this.snapshotApplied = true;
        this.set(applySnapshot(this.state, snapshot));
      },
      (err: unknown) => {
        this.set({ ...this.state, phase: 'failed', loadFailure: toCallFailure(err) });
      },
    );
  }

  stop(): void {
    for (const undo of this.unsubscribes.splice(0)) undo();
  }

  readonly getState = (): StoreState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  tunnel(uuid: string): TunnelStateView {
    return this.state.tunnels[uuid] ?? DISCONNECTED;
  }

  /** Connects when the switch is off, disconnects when it is on (or coming up). */
  toggle(uuid: string): Promise<void> {
    return isOnOrComingUp(this.tunnel(uuid)) ? this.disconnect(uuid) : this.connect(uuid);
  }

  connect(uuid: string): Promise<void> {
    return this.tunnelCall(uuid, () => this.api.call('tunnel:connect', { uuid }));
  }

  disconnect(uuid: string): Promise<void> {
    return this.tunnelCall(uuid, () => this.api.call('tunnel:disconnect', { uuid }));
  }

  async setFavourite(uuid: string, favourite: boolean): Promise<void> {
    try {
      await this.api.call('profile:set-favourite', { uuid, favourite });
    } catch (err) {
      this.setActionFailure(uuid, toCallFailure(err));
    }
  }

  /** Resolves with null when sent, or the failure to show in the prompt. */
  async answerPrompt(
    requestId: string,
    values: Record<string, string>,
    save: boolean,
  ): Promise<CallFailure | null> {
    return this.promptCall(requestId, () =>
      this.api.call('prompt:answer', { requestId, values, save }),
    );
  }

  cancelPrompt(requestId: string): Promise<CallFailure | null> {
    return this.promptCall(requestId, () => this.api.call('prompt:cancel', { requestId }));
  }

  private async promptCall(
    requestId: string,
    call: () => Promise<null>,
  ): Promise<CallFailure | null> {
    try {
      await call();
      // main closes it too (prompt:close); dropping it now saves a flash of the old dialog.
      this.set(withoutPrompt(this.state, requestId));
      return null;
    } catch (err) {
      const failure = toCallFailure(err);
      if (failure.word === 'prompt-gone') this.set(withoutPrompt(this.state, requestId));
      return failure;
    }
  }

  private async tunnelCall(uuid: string, call: () => Promise<null>): Promise<void> {
    const busy = new Set(this.state.busy).add(uuid);
    const actionFailures = omitKey(this.state.actionFailures, uuid);
    this.set({ ...this.state, busy, actionFailures });
    try {
      await call();
    } catch (err) {
      this.setActionFailure(uuid, toCallFailure(err));
    } finally {
      const after = new Set(this.state.busy);
      after.delete(uuid);
      this.set({ ...this.state, busy: after });
    }
  }

  private setActionFailure(uuid: string, failure: CallFailure): void {
    this.set({ ...this.state, actionFailures: { ...this.state.actionFailures, [uuid]: failure } });
  }

  private onEvent(event: ContractEvent): void {
    // Until the snapshot arrives, state events are already part of it (the contract's replies
    // and events travel in order); prompts are not in the snapshot and always count.
    if (!this.snapshotApplied && STATE_EVENTS.includes(event.name)) return;
    this.set(applyEvent(this.state, event));
  }

  private set(next: StoreState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
