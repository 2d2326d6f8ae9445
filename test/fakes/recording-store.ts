import type { SecretStore, StoredProfile } from '../../main/agent/secret-store';

/**
 * A keyring that records every question put to it and holds nothing: a test proves with it that
 * the agent looked nothing up, saved nothing and deleted nothing.
 */
export class RecordingStore implements SecretStore {
  readonly asked: string[] = [];

  available(): Promise<boolean> {
    this.asked.push('available');
    return Promise.resolve(true);
  }
  lookup(uuid: string, settingName: string): Promise<Record<string, string>> {
    this.asked.push(`lookup ${uuid} ${settingName}`);
    return Promise.resolve({});
  }
  holds(uuid: string, settingName: string): Promise<boolean> {
    this.asked.push(`holds ${uuid} ${settingName}`);
    return Promise.resolve(false);
  }
  save(profile: StoredProfile, settingName: string): Promise<void> {
    this.asked.push(`save ${profile.uuid} ${settingName}`);
    return Promise.resolve();
  }
  deleteAll(uuid: string): Promise<void> {
    this.asked.push(`deleteAll ${uuid}`);
    return Promise.resolve();
  }
  close(): void {
    // Nothing is open.
  }
}
