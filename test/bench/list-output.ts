// Reads what each tool listed, to check that a timed run really produced every profile: a tool
// that fails early or stops half-way would otherwise look fast.
import { spawn } from 'node:child_process';
import { CLI } from '../support/run-cli';

/** VPN profiles in `tunnelbar list --json` output; -1 when it is not a JSON array. */
export function countTunnelbarProfiles(stdout: string): number {
  try {
    const parsed: unknown = JSON.parse(stdout);
    return Array.isArray(parsed) ? parsed.length : -1;
  } catch {
    return -1;
  }
}

/** VPN profiles in `nmcli -t connection show` output (NAME:UUID:TYPE:DEVICE). */
export function countNmcliProfiles(stdout: string): number {
  return stdout.split('\n').filter((line) => line.includes(':vpn:')).length;
}

/**
 * Runs `tunnelbar list --json` into a pipe whose reader takes the first chunk, then pauses, as
 * `| jq` or `| less` on a busy machine may, and returns how many bytes arrived and how many
 * profiles they hold. A writer that exits before its output has drained loses the rest.
 */
export function pipedTunnelbarList(
  env: NodeJS.ProcessEnv,
  pauseMs: number,
): Promise<{ bytes: number; profiles: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'list', '--json'], {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunks.length === 0) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), pauseMs);
      }
      chunks.push(chunk);
    });
    child.on('error', reject);
    child.stdout.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ bytes: Buffer.byteLength(text), profiles: countTunnelbarProfiles(text) });
    });
  });
}
