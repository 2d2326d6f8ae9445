import type { Message } from 'dbus-next';
import { TunnelbarError } from '../errors/tunnelbar-error';
import type { SessionBus } from './session-bus';
import { errorStrings as e } from '../errors/error-strings';

export const SECRETS_BUS_NAME = 'org.freedesktop.secrets';
export const PROMPT_IFACE = 'org.freedesktop.Secret.Prompt';
/** "No prompt needed" in the Secret Service API. */
export const NO_PROMPT = '/';

/**
 * How long we wait for the person at the keyring's own dialog (its password to unlock the
 * keyring). Below NetworkManager's 120 s for a GetSecrets call, so we can still answer it.
 */
export const PROMPT_TIMEOUT_MS = 100_000;

export interface PromptResult {
  dismissed: boolean;
  /** The prompt's result: for Unlock the unlocked paths, for CreateCollection the new one. */
  result: unknown;
}

/**
 * Runs a Secret Service prompt (the keyring's own dialog, e.g. "unlock the login keyring") and
 * waits for its Completed signal. The dialog is dismissed when `signal` aborts (NetworkManager
 * withdrew the request) or after PROMPT_TIMEOUT_MS; that counts as dismissed.
 */
export async function completePrompt(
  bus: SessionBus,
  promptPath: string,
  signal?: AbortSignal,
  timeoutMs = PROMPT_TIMEOUT_MS,
): Promise<PromptResult> {
  if (promptPath === NO_PROMPT) return { dismissed: false, result: null };
  let settle: (r: PromptResult) => void = () => undefined;
  const completed = new Promise<PromptResult>((resolve) => {
    settle = resolve;
  });
  const onCompleted = (msg: Message): void => {
    if (msg.path !== promptPath || msg.interface !== PROMPT_IFACE || msg.member !== 'Completed')
      return;
    const [dismissed, result] = msg.body as [boolean, { value: unknown } | undefined];
    settle({ dismissed, result: result?.value ?? null });
  };
  // Subscribed before Prompt is called: the signal may follow its reply at once.
  const stopListening = await bus.listen(
    `type='signal',interface='${PROMPT_IFACE}',member='Completed',path='${promptPath}'`,
    onCompleted,
  );
  const dismiss = (): void => {
    settle({ dismissed: true, result: null });
    void bus
      .call({
        destination: SECRETS_BUS_NAME,
        path: promptPath,
        iface: PROMPT_IFACE,
        member: 'Dismiss',
      })
      .catch(() => undefined);
  };
  const timer = setTimeout(dismiss, timeoutMs);
  signal?.addEventListener('abort', dismiss, { once: true });
  try {
    if (signal?.aborted === true) return { dismissed: true, result: null };
    // window-id '': we have no X11/Wayland window handle to parent the dialog to.
    await bus.call({
      destination: SECRETS_BUS_NAME,
      path: promptPath,
      iface: PROMPT_IFACE,
      member: 'Prompt',
      signature: 's',
      body: [''],
    });
    return await completed;
  } catch (err) {
    throw new TunnelbarError(
      'keyring-prompt-failed',
      e.keyring.promptFailed(err instanceof Error ? err.message : String(err)),
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', dismiss);
    await stopListening();
  }
}
