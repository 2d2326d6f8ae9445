import type * as dbus from 'dbus-next';
import { NmBus } from '../../main/nm/bus';
import { stringProp } from '../../main/nm/dbus-types';
import { AGENT_ERROR, IFACE, NM_AGENT_MANAGER_PATH, SECRET_AGENT_PATH } from '../../main/nm/names';

/** One GetSecrets call NetworkManager made to the observer. */
export interface ObservedRequest {
  uuid: string;
  settingName: string;
  flags: number;
}

/**
 * A second secret agent on the sandbox's bus. NetworkManager 1.42 asks the agent registered last
 * first (seen in the sandbox), so registered before Tunnelbar's it is asked after it. It answers every GetSecrets with NoSecrets and
 * records it: NetworkManager passes a request on to the next agent after NoSecrets, but not
 * after UserCanceled, so what reaches this agent tells how the first agent answered.
 */
export class ObserverAgent {
  readonly requests: ObservedRequest[] = [];

  private constructor(private readonly bus: NmBus) {}

  static async register(address: string, identifier: string): Promise<ObserverAgent> {
    const bus = await NmBus.connect(address);
    const agent = new ObserverAgent(bus);
    bus.addMethodHandler((msg) => agent.onCall(msg));
    await bus.call({
      path: NM_AGENT_MANAGER_PATH,
      iface: IFACE.agentManager,
      member: 'Register',
      signature: 's',
      body: [identifier],
    });
    return agent;
  }

  private onCall(msg: dbus.Message): boolean {
    if (msg.path !== SECRET_AGENT_PATH || msg.interface !== IFACE.secretAgent) return false;
    if (msg.member === 'GetSecrets') {
      const [connection, , settingName, , flags] = msg.body as [
        Record<string, Record<string, dbus.Variant>>,
        string,
        string,
        string[],
        number,
      ];
      this.requests.push({
        uuid: stringProp(connection.connection, 'uuid') ?? '',
        settingName,
        flags,
      });
      this.bus.replyError(msg, AGENT_ERROR.noSecrets, 'The observer has none.');
      return true;
    }
    // CancelGetSecrets, SaveSecrets, DeleteSecrets: nothing to do.
    this.bus.reply(msg);
    return true;
  }

  close(): void {
    this.bus.close();
  }
}
