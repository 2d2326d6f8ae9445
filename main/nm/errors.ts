/**
 * An error a person can act on: a stable kebab-case word for scripts and tests, and a sentence
 * that says what happened and what to do. Never carries a secret.
 */
export class TunnelbarError extends Error {
  constructor(
    readonly word: string,
    sentence: string,
  ) {
    super(sentence);
    this.name = 'TunnelbarError';
  }
}

export function busUnreachable(address: string, cause: string): TunnelbarError {
  return new TunnelbarError(
    'bus-unreachable',
    `Cannot reach the system D-Bus at ${address} (${cause}). Is dbus running? ` +
      'DBUS_SYSTEM_BUS_ADDRESS selects another bus.',
  );
}

export function nmNotRunning(): TunnelbarError {
  return new TunnelbarError(
    'nm-not-running',
    'NetworkManager is not running. Start it (for example `systemctl start NetworkManager`) and try again.',
  );
}

export function unknownProfile(ref: string): TunnelbarError {
  return new TunnelbarError(
    'unknown-profile',
    `No VPN profile is named "${ref}" or has that UUID. \`tunnelbar list\` shows them.`,
  );
}

export function ambiguousProfile(ref: string, count: number): TunnelbarError {
  return new TunnelbarError(
    'ambiguous-profile',
    `${count} VPN profiles are named "${ref}"; use the UUID from \`tunnelbar list\` instead.`,
  );
}

export function describeUnknownError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
