import { spawn } from 'node:child_process';
import { connectionItems, dialogArgs, type DialogRequest } from './auth-dialog';
import type { VpnPluginInfo } from './vpn-plugins';

/**
 * Runs a plugin's auth dialog with its own window, as nm-applet does for dialogs without an
 * external UI mode: the same arguments less `--external-ui-mode`, the connection's data and
 * secrets on stdin, and the answer on stdout as lines, a key then its value, ended by two empty
 * lines. The dialog then waits for `QUIT` on stdin before it exits; exiting with a non-zero
 * status means the person cancelled. While it runs it is the request's prompt: an abort
 * (CancelGetSecrets, a newer request, shutdown) tells it `CANCEL` and ends it.
 */

/** What the dialog printed: secrets, or null when it exited unsuccessfully (cancelled). */
export type WindowedResult = { secrets: Record<string, string> } | null;

const QUIT = 'QUIT\n\n';
/** NetworkManager's reason code for a cancelled request (NM_SECRET_AGENT_CANCEL_REASON_CANCELED). */
const CANCEL = 'CANCEL 0 the request was canceled\n\n';
/** How long a cancelled dialog may take to close its window before it is killed. */
const CANCEL_GRACE_MS = 2_000;

/** Collects the dialog's stdout: non-empty lines pair up as key and value. */
export class WindowedOutput {
  private readonly lines: string[] = [];
  private partial = '';
  private emptyLines = 0;

  /** Feeds a chunk; true once the second empty line arrived (the answer is complete). */
  feed(chunk: string): boolean {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    const before = this.emptyLines;
    for (const line of parts) {
      if (line === '') this.emptyLines++;
      else this.lines.push(line);
    }
    return before < 2 && this.emptyLines >= 2;
  }

  /** Key/value pairs in order; an unpaired last line is dropped (as nm-applet drops it). */
  secrets(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i + 1 < this.lines.length; i += 2) {
      const key = this.lines[i];
      const value = this.lines[i + 1];
      if (key !== undefined && value !== undefined) out[key] = value;
    }
    return out;
  }
}

export function runWindowedDialog(
  plugin: VpnPluginInfo,
  dialog: string,
  { connection, hints, flags, signal }: DialogRequest,
): Promise<WindowedResult> {
  // Its own process group, as nm-applet starts it: a dialog that runs helpers ends with them.
  const child = spawn(dialog, dialogArgs(connection, plugin, hints, flags, 'windowed'), {
    stdio: ['pipe', 'pipe', 'ignore'],
    detached: true,
  });
  const output = new WindowedOutput();
  const send = (text: string): void => {
    if (child.stdin.writable) child.stdin.write(text);
  };
  child.stdin.on('error', () => {
    // The dialog may exit without reading everything; its exit status still decides.
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    if (output.feed(chunk)) send(QUIT);
  });
  let killTimer: NodeJS.Timeout | undefined;
  const killGroup = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const onAbort = (): void => {
    send(CANCEL);
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    killTimer = setTimeout(killGroup, CANCEL_GRACE_MS);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) onAbort();
  else send(connectionItems(connection));
  return new Promise<WindowedResult>((resolve, reject) => {
    child.on('error', (err) => {
      signal.removeEventListener('abort', onAbort);
      reject(err);
    });
    child.on('close', (code) => {
      signal.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      resolve(code === 0 && !signal.aborted ? { secrets: output.secrets() } : null);
    });
  });
}
