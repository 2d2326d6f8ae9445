// The CLI run inside NetworkManager's network namespace, as it runs on a machine: lockdown reads
// (and, as root, repairs) the routes in the kernel of its own namespace.
import { spawn } from 'node:child_process';
import { CLI, type CliResult } from '../../support/run-cli';
import type { Sandbox } from './sandbox';

/** Entering the namespace needs root, so `user` is taken after. */
export function cliInNmNamespace(
  sb: Sandbox,
  args: string[],
  user?: { uid: number; gid: number },
  /** Added to the sandbox's environment. */
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  const asUser =
    user === undefined
      ? []
      : ['setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups'];
  return new Promise((resolve, reject) => {
    const child = spawn(
      'ip',
      ['netns', 'exec', sb.names.nmNetns, ...asUser, process.execPath, CLI, ...args],
      { env: { ...sb.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}
