// Every bench gets a fresh sandbox (about 2 s to start) so that one bench's leftovers (profiles,
// tunnels, bus connections) cannot skew the next, and stops it even when the bench throws.
import { startSandbox, type Sandbox } from '../sandbox/infra/sandbox';

export async function withSandbox<T>(fn: (sb: Sandbox) => Promise<T>): Promise<T> {
  const sb = await startSandbox();
  try {
    return await fn(sb);
  } finally {
    await sb.stop();
  }
}
