import * as dbus from 'dbus-next';

/**
 * A scripted Secret Service on a private session bus, for what a real gnome-keyring cannot show
 * without a desktop: its own prompts (unlock, new keyring), completed or dismissed as a test says.
 * Records every call it gets. Only the members KeyringStore uses.
 */

const PROMPT = 'org.freedesktop.Secret.Prompt';
const COLLECTION_PATH = '/org/freedesktop/secrets/collection/made';

export interface StoredItem {
  path: string;
  label: string;
  attributes: Record<string, string>;
  secret: string;
}

/** What happens when a prompt is shown: completed, dismissed, or left open until Dismiss. */
export type PromptScript = 'complete' | 'dismiss' | 'hang';

export class FakeSecretService {
  readonly calls: string[] = [];
  readonly items: StoredItem[] = [];
  /** What the next prompts do, in order ('complete' once the list is empty). */
  readonly prompts: PromptScript[] = [];
  hasDefault = false;
  locked = true;
  private readonly promptResults = new Map<string, () => [boolean, dbus.Variant]>();
  private promptCount = 0;

  private constructor(private readonly bus: dbus.MessageBus) {}

  static async start(address: string): Promise<FakeSecretService> {
    const bus = dbus.sessionBus({ busAddress: address });
    const fake = new FakeSecretService(bus);
    bus.addMethodHandler((msg: dbus.Message) => fake.handle(msg));
    await bus.requestName('org.freedesktop.secrets', 0);
    return fake;
  }

  stop(): void {
    this.bus.disconnect();
  }

  private handle(msg: dbus.Message): boolean {
    this.calls.push(`${msg.member} ${msg.path}`);
    const reply = (signature: string, body: unknown[]): boolean => {
      this.bus.send(dbus.Message.newMethodReturn(msg, signature, body));
      return true;
    };
    const body = msg.body as unknown[];
    switch (msg.member) {
      case 'OpenSession':
        return reply('vo', [new dbus.Variant('s', ''), '/org/freedesktop/secrets/session/s1']);
      case 'ReadAlias':
        return reply('o', [this.hasDefault ? COLLECTION_PATH : '/']);
      case 'CreateCollection':
        return reply('oo', [
          '/',
          this.newPrompt(() => {
            this.hasDefault = true;
            return [false, new dbus.Variant('o', COLLECTION_PATH)];
          }),
        ]);
      case 'Get':
        return reply('v', [new dbus.Variant('b', this.locked)]);
      case 'Unlock':
        return reply('aoo', [
          [],
          this.newPrompt(() => {
            this.locked = false;
            return [false, new dbus.Variant('ao', body[0])];
          }),
        ]);
      case 'SearchItems':
        return reply('aoao', [this.search(body[0] as Record<string, string>), []]);
      case 'CreateItem':
        return reply('oo', [this.createItem(body), '/']);
      case 'Prompt':
        reply('', []);
        this.runPrompt(msg.path);
        return true;
      case 'Dismiss':
        reply('', []);
        this.complete(msg.path, [true, new dbus.Variant('s', '')]);
        return true;
      default:
        return false;
    }
  }

  private newPrompt(result: () => [boolean, dbus.Variant]): string {
    const path = `/org/freedesktop/secrets/prompt/p${++this.promptCount}`;
    this.promptResults.set(path, result);
    return path;
  }

  private runPrompt(path: string): void {
    const script = this.prompts.shift() ?? 'complete';
    if (script === 'hang') return;
    const result = this.promptResults.get(path);
    if (script === 'dismiss' || result === undefined)
      this.complete(path, [true, new dbus.Variant('s', '')]);
    else this.complete(path, result());
  }

  private complete(path: string, body: [boolean, dbus.Variant]): void {
    if (!this.promptResults.delete(path)) return;
    this.bus.send(dbus.Message.newSignal(path, PROMPT, 'Completed', 'bv', body));
  }

  private search(attributes: Record<string, string>): string[] {
    return this.items
      .filter((item) => Object.entries(attributes).every(([k, v]) => item.attributes[k] === v))
      .map((item) => item.path);
  }

  private createItem(body: unknown[]): string {
    const [properties, secret] = body as [Record<string, dbus.Variant>, [string, Buffer, Buffer]];
    const item: StoredItem = {
      path: `${COLLECTION_PATH}/${this.items.length + 1}`,
      label: String(properties['org.freedesktop.Secret.Item.Label']?.value),
      attributes: properties['org.freedesktop.Secret.Item.Attributes']?.value as Record<
        string,
        string
      >,
      secret: Buffer.from(secret[2]).toString('utf8'),
    };
    this.items.push(item);
    return item.path;
  }
}
