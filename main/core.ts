import type { Prompter } from './agent/prompter';
import { SecretAgent } from './agent/secret-agent';
import type { SecretStore } from './agent/secret-store';
import { KeyringStore } from './keyring/keyring-store';
import { defaultSessionBusAddress } from './keyring/session-bus';
import { NmBus } from './nm/bus';
import { NmModel } from './nm/model';

/**
 * Tunnelbar's core: one system-bus connection, the live model of NetworkManager, and (when asked
 * for) the secret agent on that same connection, as NetworkManager requires. Plain Node: the CLI,
 * the tests, the harness and the Electron shell all start here.
 */
export interface Core {
  bus: NmBus;
  model: NmModel;
  agent: SecretAgent | null;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** Defaults to DBUS_SYSTEM_BUS_ADDRESS, then the standard system bus socket. */
  busAddress?: string;
  agent?: {
    identifier: string;
    prompter: Prompter | null;
    /**
     * The session bus whose keyring keeps saved secrets; defaults to this session's (see
     * defaultSessionBusAddress). null: no keyring, nothing is saved, every secret is asked for.
     */
    sessionBusAddress?: string | null;
  };
  onWarning?: (text: string) => void;
  /**
   * When the system bus goes away (dbus restarted), connect again with backoff, register the
   * agent again and reload the model (default true); false: the bus closes for good.
   */
  reconnect?: boolean;
}

export async function openCore(opts: CoreOptions = {}): Promise<Core> {
  const bus = await NmBus.connect(opts.busAddress, undefined, {
    reconnect: opts.reconnect ?? true,
  });
  const model = new NmModel(bus);
  if (opts.onWarning !== undefined) model.on('warning', opts.onWarning);
  let agent: SecretAgent | null = null;
  let store: SecretStore | null = null;
  if (opts.agent !== undefined) {
    const { sessionBusAddress, ...agentOpts } = opts.agent;
    store = new KeyringStore({
      address: sessionBusAddress === undefined ? defaultSessionBusAddress() : sessionBusAddress,
      ...(opts.onWarning ? { onWarning: opts.onWarning } : {}),
    });
    agent = new SecretAgent(bus, {
      ...agentOpts,
      store,
      ...(opts.onWarning ? { onWarning: opts.onWarning } : {}),
    });
    // Exported and registered before the snapshot: NM hands pending requests to a new agent at once.
    await agent.start();
  }
  await model.ready();
  return {
    bus,
    model,
    agent,
    async close() {
      await agent?.stop();
      store?.close();
      bus.close();
    },
  };
}
