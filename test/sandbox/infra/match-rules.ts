import { execFileSync } from 'node:child_process';

/** The bus daemon's own count of match rules held by one connection. */
export function matchRules(busAddress: string, uniqueName: string): number {
  const out = execFileSync(
    'dbus-send',
    [
      `--bus=${busAddress}`,
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.Debug.Stats.GetConnectionStats',
      `string:${uniqueName}`,
    ],
    { encoding: 'utf8' },
  );
  const m = /"MatchRules"\s*\n?\s*variant\s+uint32 (\d+)/.exec(out);
  if (!m?.[1]) throw new Error(`no MatchRules in stats:\n${out}`);
  return Number(m[1]);
}
