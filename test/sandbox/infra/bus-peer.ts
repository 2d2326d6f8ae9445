import { execFileSync } from 'node:child_process';
import { matchRules } from './match-rules';
import { waitFor } from './wait';

/** main/nm/bus.ts adds exactly this many match rules, once, when it connects. */
const CORE_MATCH_RULES = 6;

function busCall(busAddress: string, member: string, ...args: string[]): string {
  return execFileSync(
    'dbus-send',
    [
      `--bus=${busAddress}`,
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      `org.freedesktop.DBus.${member}`,
      ...args,
    ],
    // A name gone meanwhile makes dbus-send complain on stderr: expected, and not output.
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

/** The unique names on the bus that belong to process `pid`, as the bus daemon knows them. */
function namesOfProcess(busAddress: string, pid: number): string[] {
  const names = [...busCall(busAddress, 'ListNames').matchAll(/string "(:[^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  return names.filter((name) => {
    try {
      const reply = busCall(busAddress, 'GetConnectionUnixProcessID', `string:${name}`);
      return new RegExp(`uint32 ${pid}\\b`).test(reply);
    } catch {
      return false; // gone meanwhile
    }
  });
}

/**
 * Waits until the process `pid` (a `tunnelbar watch`, say) has a connection on the bus holding
 * the core's match rules: from then on it receives every signal it reports, so a change made
 * afterwards cannot be missed. A readiness condition instead of a fixed wait.
 */
export function waitForSubscribed(
  busAddress: string,
  pid: number,
  timeoutMs = 30_000,
): Promise<string> {
  return waitFor(
    `process ${pid} subscribed on the bus`,
    () =>
      namesOfProcess(busAddress, pid).find(
        (name) => matchRules(busAddress, name) >= CORE_MATCH_RULES,
      ),
    timeoutMs,
    100,
  );
}
