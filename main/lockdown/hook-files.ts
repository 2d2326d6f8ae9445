// Installing, removing and finding lockdown's NetworkManager dispatcher hook (hook-script.ts).
//
// The script runs as root on every network event, and runs the node binary and the CLI files
// named in it: whoever can change any of them, or rename a folder on their way, runs code as
// root. So install refuses unless each of them, and every folder above it, is owned by root and
// writable by no one else. Only root may install or remove it (dispatcher.d is root's).
import { existsSync } from 'node:fs';
import {
  chmod,
  lstat,
  mkdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { errorStrings as e } from '../errors/error-strings';
import { HOOK_MARK, HOOK_NAME, hookScript } from './hook-script';

export const DEFAULT_DISPATCHER_DIR = '/etc/NetworkManager/dispatcher.d';
/**
 * For tests only: another dispatcher folder (the sandbox binds one over dispatcher.d in
 * NetworkManager's mount namespace). Never set on a real machine.
 */
export const DISPATCHER_DIR_ENV = 'TUNNELBAR_TEST_DISPATCHER_DIR';

export function dispatcherDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[DISPATCHER_DIR_ENV];
  return override !== undefined && override !== '' ? override : DEFAULT_DISPATCHER_DIR;
}

function isRootNow(): boolean {
  return process.getuid?.() === 0;
}

/** The path itself and every folder above it, the path first. */
function withAncestors(path: string): string[] {
  const out = [path];
  for (let p = path; dirname(p) !== p; p = dirname(p)) out.push(dirname(p));
  return out;
}

/**
 * The paths (files named, resolved through links, and every folder above them) that someone other
 * than root could change: not owned by root, or writable by group or others. Empty when safe.
 */
export async function notRootOnly(paths: readonly string[]): Promise<string[]> {
  const unsafe = new Set<string>();
  for (const path of paths) {
    for (const p of withAncestors(await realpath(path))) {
      const s = await stat(p);
      if (s.uid !== 0 || (s.mode & 0o022) !== 0) unsafe.add(p);
    }
  }
  return [...unsafe];
}

export interface HookTarget {
  /** The node binary (process.execPath). */
  nodePath: string;
  /** The CLI file node runs (the `tunnelbar` command's file). */
  cliPath: string;
}

/** The node binary and CLI file this process runs as, and the files the CLI loads beside it. */
export function runningTarget(): HookTarget & { loaded: string[] } {
  const cliPath = process.argv[1] ?? '';
  const full = join(dirname(cliPath), 'tunnelbar-full.js');
  return { nodePath: process.execPath, cliPath, loaded: existsSync(full) ? [full] : [] };
}

function needsRoot(): TunnelbarError {
  return new TunnelbarError('permission-denied', e.lockdown.hookNeedsRoot);
}

/**
 * Writes the script (root's, 0755) into `dir`/no-wait.d and links it from `dir`. Refuses, changing
 * nothing, when not root, when `dir` is missing, or when a file it would run is not root's only.
 * Returns the script's path.
 */
export async function installHook(
  dir: string,
  target: HookTarget & { loaded?: readonly string[] },
  isRoot = isRootNow(),
): Promise<string> {
  if (!isRoot) throw needsRoot();
  if (!existsSync(dir)) throw new TunnelbarError('hook-failed', e.lockdown.hookNoDispatcher(dir));
  const nodePath = await realpath(target.nodePath);
  const cliPath = await realpath(target.cliPath);
  const unsafe = await notRootOnly([nodePath, cliPath, ...(target.loaded ?? [])]);
  if (unsafe.length > 0)
    throw new TunnelbarError('hook-unsafe', e.lockdown.hookUnsafe(unsafe.join(', ')));
  const noWait = join(dir, 'no-wait.d');
  await mkdir(noWait, { recursive: true, mode: 0o755 });
  const script = join(noWait, HOOK_NAME);
  // Written beside and renamed: the dispatcher never runs a half-written file.
  const partial = `${script}.new`;
  await writeFile(partial, hookScript(nodePath, cliPath), { mode: 0o755 });
  // Whatever the umask: the dispatcher runs only an executable not writable by group or others.
  await chmod(partial, 0o755);
  await rename(partial, script);
  const link = join(dir, HOOK_NAME);
  await rm(link, { force: true });
  // Relative: the dispatcher tells a no-wait script by where the link leads (no-wait.d).
  await symlink(join('no-wait.d', HOOK_NAME), link);
  return script;
}

async function isOurs(path: string): Promise<boolean> {
  try {
    return (await readFile(path, 'utf8')).includes(HOOK_MARK);
  } catch {
    return false;
  }
}

/** Removes the link and the script (only a script that carries the mark). True if one was there. */
export async function removeHook(dir: string, isRoot = isRootNow()): Promise<boolean> {
  if (!isRoot) throw needsRoot();
  const link = join(dir, HOOK_NAME);
  const script = join(dir, 'no-wait.d', HOOK_NAME);
  let found = false;
  const linkStat = await lstat(link).catch(() => null);
  if (linkStat !== null && (linkStat.isSymbolicLink() || (await isOurs(link)))) {
    await rm(link, { force: true });
    found = true;
  }
  if (await isOurs(script)) {
    await rm(script, { force: true });
    found = true;
  }
  return found;
}

/** Whether the dispatcher would run the hook: the link in `dir` leads to Tunnelbar's script. */
export async function isHookInstalled(dir: string = dispatcherDir()): Promise<boolean> {
  return isOurs(join(dir, HOOK_NAME));
}
