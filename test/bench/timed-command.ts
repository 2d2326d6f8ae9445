// Runs a command to its end and measures its wall time, from spawn to exit, as a user would
// experience it: process start-up is part of what is compared. Output goes to a file, the same
// sink for every tool, so no tool is timed against how fast the bench drains a pipe.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface TimedRun {
  ms: number;
  stdout: string;
  /** Warnings a tool printed while succeeding (why it listed fewer profiles, for one). */
  stderr: string;
}

export async function timeCommand(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  outFile: string,
  /** Exit codes that mean the command did its work (`import` exits 1 when a file was refused). */
  okCodes: readonly number[] = [0],
): Promise<TimedRun> {
  const fd = openSync(outFile, 'w');
  let ms: number;
  let stderr = '';
  try {
    ms = await new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const child = spawn(file, args, { env, stdio: ['ignore', fd, 'pipe'] });
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        const elapsed = performance.now() - started;
        if (code !== null && okCodes.includes(code)) resolve(elapsed);
        else
          reject(new Error(`${file} ${args.join(' ')} exited ${String(code)}: ${stderr.trim()}`));
      });
    });
  } finally {
    closeSync(fd);
  }
  return { ms, stdout: readFileSync(outFile, 'utf8'), stderr };
}
