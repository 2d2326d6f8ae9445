import { readFile } from 'node:fs/promises';
import type { Profile } from '../nm/profile';

/** How many lines the diagnostics view shows: enough for one failed attempt. */
const MAX_LINES = 200;

/**
 * The harness's diagnostics source: the lines of a log file (the sandbox's syslog capture) that
 * come from the profile's VPN plugin or name the profile. The desktop app reads journald instead.
 */
export function fileDiagnostics(
  logFile: string | undefined,
): (profile: Profile) => Promise<string[]> {
  return async (profile) => {
    if (logFile === undefined) return [];
    let text: string;
    try {
      text = await readFile(logFile, 'utf8');
    } catch {
      return [];
    }
    const plugin = profile.vpnType.toLowerCase();
    const lines = text.split('\n').filter((line) => {
      const lower = line.toLowerCase();
      return lower.includes(plugin) || line.includes(profile.id) || line.includes(profile.uuid);
    });
    return lines.slice(-MAX_LINES);
  };
}
