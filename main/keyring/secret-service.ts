import { Variant } from 'dbus-next';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { completePrompt, NO_PROMPT, SECRETS_BUS_NAME } from './prompt';
import type { SessionBus } from './session-bus';
import { errorStrings as e } from '../errors/error-strings';

const SERVICE_PATH = '/org/freedesktop/secrets';
const IFACE = {
  service: 'org.freedesktop.Secret.Service',
  collection: 'org.freedesktop.Secret.Collection',
  item: 'org.freedesktop.Secret.Item',
  properties: 'org.freedesktop.DBus.Properties',
} as const;

/** A Secret struct `(oayays)`: session, parameters, value, content type. */
type SecretStruct = [string, Buffer, Buffer, string];

function paths(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
}

/**
 * The org.freedesktop.Secret.Service API (gnome-keyring, KeePassXC, KWallet's bridge) over one
 * session-bus connection: just the calls Tunnelbar needs, each with a timeout.
 *
 * The session is "plain": secrets cross the session bus unencrypted. That bus is private to the
 * user (its daemon only accepts the user's own connections), and anything able to watch it runs
 * as the user and could ask the keyring for the same secrets itself; dh-ietf1024 would only hide
 * them from that same user. They never leave this machine's memory either way.
 */
export class SecretService {
  private constructor(
    private readonly bus: SessionBus,
    private readonly session: string,
  ) {}

  /** Opens a session; rejects (ServiceUnknown, NameHasNoOwner, ...) when there is no keyring. */
  static async open(bus: SessionBus): Promise<SecretService> {
    const [, session] = await bus.call({
      destination: SECRETS_BUS_NAME,
      path: SERVICE_PATH,
      iface: IFACE.service,
      member: 'OpenSession',
      signature: 'sv',
      body: ['plain', new Variant('s', '')],
    });
    if (typeof session !== 'string') throw new Error('OpenSession gave no session');
    return new SecretService(bus, session);
  }

  /** Items whose attributes include all of `attributes`, in every collection. */
  async search(
    attributes: Record<string, string>,
  ): Promise<{ unlocked: string[]; locked: string[] }> {
    const [unlocked, locked] = await this.service('SearchItems', 'a{ss}', [attributes]);
    return { unlocked: paths(unlocked), locked: paths(locked) };
  }

  /** Unlocks items or collections, through the keyring's own prompt when it needs the person. */
  async unlock(objects: string[], signal?: AbortSignal): Promise<string[]> {
    if (objects.length === 0) return [];
    const [done, prompt] = await this.service('Unlock', 'ao', [objects]);
    if (prompt === NO_PROMPT || typeof prompt !== 'string') return paths(done);
    const outcome = await completePrompt(this.bus, prompt, signal);
    return outcome.dismissed ? [] : paths(outcome.result);
  }

  /** The secrets of unlocked items, by item path, as UTF-8 text. */
  async secrets(items: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (items.length === 0) return out;
    const [found] = await this.service('GetSecrets', 'aoo', [items, this.session]);
    for (const [path, secret] of Object.entries((found ?? {}) as Record<string, SecretStruct>)) {
      out.set(path, Buffer.from(secret[2]).toString('utf8'));
    }
    return out;
  }

  /**
   * The collection new items go to: the "default" alias (the login keyring), created through the
   * keyring's own prompt if there is none, and unlocked if locked.
   */
  async defaultCollection(signal?: AbortSignal): Promise<string> {
    const [alias] = await this.service('ReadAlias', 's', ['default']);
    let collection = typeof alias === 'string' ? alias : NO_PROMPT;
    if (collection === NO_PROMPT) collection = await this.createDefaultCollection(signal);
    const [locked] = await this.bus.call({
      destination: SECRETS_BUS_NAME,
      path: collection,
      iface: IFACE.properties,
      member: 'Get',
      signature: 'ss',
      body: [IFACE.collection, 'Locked'],
    });
    if ((locked as Variant | undefined)?.value === true) {
      const unlocked = await this.unlock([collection], signal);
      if (!unlocked.includes(collection)) throw keyringLocked();
    }
    return collection;
  }

  /** Stores `value`, replacing an item of the same collection with the same attributes. */
  async createItem(
    collection: string,
    label: string,
    attributes: Record<string, string>,
    value: string,
  ): Promise<string> {
    const properties = {
      [`${IFACE.item}.Label`]: new Variant('s', label),
      [`${IFACE.item}.Attributes`]: new Variant('a{ss}', attributes),
    };
    const secret: SecretStruct = [
      this.session,
      Buffer.alloc(0),
      Buffer.from(value, 'utf8'),
      'text/plain',
    ];
    const [item, prompt] = await this.bus.call({
      destination: SECRETS_BUS_NAME,
      path: collection,
      iface: IFACE.collection,
      member: 'CreateItem',
      signature: 'a{sv}(oayays)b',
      body: [properties, secret, true],
    });
    if (typeof item === 'string' && item !== NO_PROMPT) return item;
    const outcome = await completePrompt(this.bus, String(prompt));
    if (outcome.dismissed || typeof outcome.result !== 'string') throw keyringLocked();
    return outcome.result;
  }

  async deleteItem(item: string, signal?: AbortSignal): Promise<void> {
    const [prompt] = await this.bus.call({
      destination: SECRETS_BUS_NAME,
      path: item,
      iface: IFACE.item,
      member: 'Delete',
    });
    if (typeof prompt === 'string' && prompt !== NO_PROMPT) {
      const outcome = await completePrompt(this.bus, prompt, signal);
      if (outcome.dismissed) throw keyringLocked();
    }
  }

  private async createDefaultCollection(signal?: AbortSignal): Promise<string> {
    const properties = { [`${IFACE.collection}.Label`]: new Variant('s', 'Default keyring') };
    const [collection, prompt] = await this.service('CreateCollection', 'a{sv}s', [
      properties,
      'default',
    ]);
    if (typeof collection === 'string' && collection !== NO_PROMPT) return collection;
    const outcome = await completePrompt(this.bus, String(prompt), signal);
    if (outcome.dismissed || typeof outcome.result !== 'string') throw keyringLocked();
    return outcome.result;
  }

  private service(member: string, signature: string, body: unknown[]): Promise<unknown[]> {
    return this.bus.call({
      destination: SECRETS_BUS_NAME,
      path: SERVICE_PATH,
      iface: IFACE.service,
      member,
      signature,
      body,
    });
  }
}

function keyringLocked(): TunnelbarError {
  return new TunnelbarError('keyring-locked', e.keyring.locked);
}
