import { describe, expect, it } from 'vitest';
import { reasonFromActivationError, reasonFromCode } from '../../../main/nm/reasons';

describe('reasonFromCode', () => {
  it.each([
    [0, 'unknown'],
    [2, 'user-disconnected'],
    [3, 'device-disconnected'],
    [4, 'service-stopped'],
    [5, 'ip-config-invalid'],
    [6, 'connect-timeout'],
    [7, 'service-start-timeout'],
    [8, 'service-start-failed'],
    [9, 'no-secrets'],
    [10, 'login-failed'],
    [11, 'connection-removed'],
    [12, 'dependency-failed'],
    [13, 'device-realize-failed'],
    [14, 'device-removed'],
  ])('maps NetworkManager reason %i to %s with a sentence', (code, word) => {
    const reason = reasonFromCode(code);
    expect(reason.word).toBe(word);
    expect(reason.code).toBe(code);
    expect(reason.sentence).toMatch(/^[A-Z].+\.$/);
  });

  it('keeps an unknown future code and says its number', () => {
    const reason = reasonFromCode(42);
    expect(reason.word).toBe('unknown');
    expect(reason.sentence).toContain('42');
  });

  it('gives every reason word a different sentence', () => {
    const sentences = Array.from({ length: 15 }, (_, i) => reasonFromCode(i).sentence);
    expect(new Set(sentences).size).toBe(15);
  });
});

describe('reasonFromActivationError', () => {
  it.each([
    ['org.freedesktop.NetworkManager.PermissionDenied', 'permission-denied'],
    ['org.freedesktop.NetworkManager.MissingPlugin', 'missing-plugin'],
    ['org.freedesktop.NetworkManager.ConnectionNotAvailable', 'connection-not-available'],
    ['org.freedesktop.NetworkManager.UnknownConnection', 'unknown-connection'],
    ['org.freedesktop.DBus.Error.ServiceUnknown', 'nm-not-running'],
    ['org.freedesktop.NetworkManager.Failed', 'activation-failed'],
  ])('maps %s to %s', (name, word) => {
    expect(reasonFromActivationError(name, 'text').word).toBe(word);
  });

  it('names the missing plugin NetworkManager 1.42 reports as "not available"', () => {
    const reason = reasonFromActivationError(
      'org.freedesktop.NetworkManager.ConnectionNotAvailable',
      "The VPN service 'org.freedesktop.NetworkManager.openconnect' was not installed.",
    );
    expect(reason.word).toBe('missing-plugin');
    expect(reason.sentence).toContain('network-manager-openconnect');
  });

  it('explains an interface that could not be created', () => {
    const reason = reasonFromActivationError(
      'org.freedesktop.NetworkManager.Device.CreationFailed',
      'Failed to create WireGuard interface: Operation not supported',
    );
    expect(reason.word).toBe('interface-creation-failed');
    expect(reason.sentence).toContain('Operation not supported');
  });

  it('passes NetworkManager’s own text through for errors it has no word for', () => {
    expect(
      reasonFromActivationError('org.freedesktop.NetworkManager.Failed', 'boom').sentence,
    ).toContain('boom');
  });
});
