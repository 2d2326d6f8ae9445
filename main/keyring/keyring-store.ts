import type { SecretStore, StoredProfile } from '../agent/secret-store';
import { describeUnknownError, TunnelbarError } from '../errors/tunnelbar-error';
import { itemAttributes, itemLabel, newItemAttributes, profileAttributes } from './schema';
import { SecretService } from './secret-service';
import { SessionBus } from './session-bus';
import { errorStrings as e } from '../errors/error-strings';

export interface KeyringStoreOptions {
  /** The session bus; null when this process has none (then there is no keyring either). */
  address: string | null;
  onWarning?: (text: string) => void;
}

const NO_KEYRING =
  'No keyring (Secret Service) answers on the session bus, so passwords cannot be saved and ' +
  'are asked for every time';

/**
 * The SecretStore in the user's keyring through the Secret Service API, under nm-applet's schema.
 * Connects on first use (which starts gnome-keyring through D-Bus activation on a desktop). When
 * no keyring answers it says so once and behaves as an empty store that cannot save; it never
 * falls back to a file. After a failure it connects again on the next use.
 */
export class KeyringStore implements SecretStore {
  private connecting: Promise<{ bus: SessionBus; service: SecretService } | null> | null = null;
  private warned = false;
  private closed = false;

  constructor(private readonly opts: KeyringStoreOptions) {}

  async available(): Promise<boolean> {
    return (await this.connection()) !== null;
  }

  async lookup(
    uuid: string,
    settingName: string,
    keys: readonly string[],
    signal?: AbortSignal,
  ): Promise<Record<string, string>> {
    if (keys.length === 0) return {};
    const service = await this.connection();
    if (service === null) return {};
    try {
      const chosen = new Map<string, string>();
      for (const key of keys) {
        const item = await this.findItem(service, itemAttributes(uuid, settingName, key), signal);
        if (item !== undefined) chosen.set(key, item);
      }
      const secrets = await service.secrets([...chosen.values()]);
      const out: Record<string, string> = {};
      for (const [key, item] of chosen) {
        const value = secrets.get(item);
        if (value !== undefined && value !== '') out[key] = value;
      }
      return out;
    } catch (err) {
      this.dropConnection();
      this.opts.onWarning?.(
        `Reading saved secrets from the keyring failed: ${describeUnknownError(err)}`,
      );
      return {};
    }
  }

  async holds(uuid: string, settingName: string, keys: readonly string[]): Promise<boolean> {
    if (keys.length === 0) return false;
    const service = await this.connection();
    if (service === null) return false;
    try {
      for (const key of keys) {
        const { unlocked, locked } = await service.search(itemAttributes(uuid, settingName, key));
        if (unlocked.length + locked.length > 0) return true;
      }
      return false;
    } catch (err) {
      this.dropConnection();
      this.opts.onWarning?.(`Searching the keyring failed: ${describeUnknownError(err)}`);
      return false;
    }
  }

  async save(
    profile: StoredProfile,
    settingName: string,
    values: Record<string, string>,
  ): Promise<void> {
    const service = await this.connection();
    if (service === null) throw new TunnelbarError('no-keyring', e.keyring.none);
    try {
      const collection = await service.defaultCollection();
      for (const [key, value] of Object.entries(values)) {
        if (value === '') continue;
        const attributes = itemAttributes(profile.uuid, settingName, key);
        const label = itemLabel(profile, key);
        const item = await service.createItem(
          collection,
          label,
          newItemAttributes(profile.uuid, settingName, key),
          value,
        );
        // CreateItem replaces only an item with exactly these attributes in this collection: one
        // saved by secret-tool (another schema name) or in another collection would still be
        // found, and maybe first. The new one must be the only one.
        const { unlocked } = await service.search(attributes);
        for (const other of unlocked.filter((path) => path !== item))
          await service.deleteItem(other);
      }
    } catch (err) {
      this.dropConnection();
      throw new TunnelbarError('keyring-failed', e.keyring.saveFailed(describeUnknownError(err)));
    }
  }

  async deleteAll(uuid: string): Promise<void> {
    const service = await this.connection();
    if (service === null) return;
    try {
      for (const attributes of profileAttributes(uuid)) {
        let found = await service.search(attributes);
        if (found.locked.length > 0) {
          await service.unlock(found.locked);
          found = await service.search(attributes);
        }
        for (const item of found.unlocked) await service.deleteItem(item);
        if (found.locked.length > 0)
          throw new Error('some items are in a keyring that stayed locked');
      }
    } catch (err) {
      this.dropConnection();
      throw new TunnelbarError('keyring-failed', e.keyring.deleteFailed(describeUnknownError(err)));
    }
  }

  close(): void {
    this.closed = true;
    this.dropConnection();
  }

  /** The first item with these attributes, unlocking (through the keyring's prompt) if needed. */
  private async findItem(
    service: SecretService,
    attributes: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    const found = await service.search(attributes);
    if (found.unlocked.length > 0 || found.locked.length === 0) return found.unlocked[0];
    const unlocked = await service.unlock(found.locked, signal);
    if (unlocked.length === 0) return undefined;
    return (await service.search(attributes)).unlocked[0];
  }

  private async connection(): Promise<SecretService | null> {
    if (this.closed) return null;
    const current = await (this.connecting ??= this.connect());
    if (current !== null && !current.bus.isClosed) return current.service;
    // The next use tries again (a keyring may start later), unless there is no session bus.
    if (this.opts.address !== null) this.connecting = null;
    return current === null ? null : this.connection();
  }

  private async connect(): Promise<{ bus: SessionBus; service: SecretService } | null> {
    const { address } = this.opts;
    if (address === null) {
      this.warnOnce('there is no session bus');
      return null;
    }
    let bus: SessionBus | null = null;
    try {
      bus = await SessionBus.connect(address);
      return { bus, service: await SecretService.open(bus) };
    } catch (err) {
      bus?.close();
      this.warnOnce(describeUnknownError(err));
      return null;
    }
  }

  private dropConnection(): void {
    const current = this.connecting;
    this.connecting = null;
    void current?.then((conn) => conn?.bus.close());
  }

  private warnOnce(cause: string): void {
    if (this.warned) return;
    this.warned = true;
    this.opts.onWarning?.(`${NO_KEYRING} (${cause}).`);
  }
}
