import { TunnelbarError } from '../errors/tunnelbar-error';
import { errorStrings as e } from '../errors/error-strings';

// The errors of reaching NetworkManager and naming its profiles, every command can meet them.

export function busUnreachable(address: string, cause: string): TunnelbarError {
  return new TunnelbarError('bus-unreachable', e.busUnreachable(address, cause));
}

export function nmNotRunning(): TunnelbarError {
  return new TunnelbarError('nm-not-running', e.nmNotRunning);
}

export function unknownProfile(ref: string): TunnelbarError {
  return new TunnelbarError('unknown-profile', e.unknownProfile(ref));
}

export function ambiguousProfile(ref: string, count: number): TunnelbarError {
  return new TunnelbarError('ambiguous-profile', e.ambiguousProfile(ref, count));
}
