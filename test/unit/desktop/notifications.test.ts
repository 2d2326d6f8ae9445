import { describe, expect, it } from 'vitest';
import { notificationFor, refusalNotification } from '../../../main/desktop/notifications';
import { UserStops } from '../../../main/desktop/user-stops';
import type { TunnelStateView } from '../../../preload/contract';
import {
  connected,
  connecting,
  disconnected,
  disconnecting,
  failed,
  needsSecrets,
} from '../../builders/tunnel-states';

const name = 'Office';

describe('notificationFor', () => {
  it('announces a connection with its address', () => {
    expect(
      notificationFor({
        name,
        before: connecting,
        after: connected('10.8.0.6/24'),
        userAsked: false,
      }),
    ).toEqual({
      title: 'VPN “Office” connected',
      body: 'Your address in the tunnel is 10.8.0.6.',
    });
    expect(
      notificationFor({ name, before: needsSecrets, after: connected(), userAsked: false })?.title,
    ).toBe('VPN “Office” connected');
  });

  it('stays quiet when a connected tunnel only changes its configuration', () => {
    expect(
      notificationFor({
        name,
        before: connected('10.8.0.2/24'),
        after: connected('10.8.0.9/24'),
        userAsked: false,
      }),
    ).toBeNull();
  });

  it('announces a tunnel that went down unasked, and not one the person stopped', () => {
    expect(
      notificationFor({ name, before: connected(), after: disconnected, userAsked: false }),
    ).toEqual({
      title: 'VPN “Office” disconnected',
      body: 'The tunnel went down. Connect again from the tray icon.',
    });
    expect(
      notificationFor({ name, before: disconnecting, after: disconnected, userAsked: true }),
    ).toBeNull();
    expect(
      notificationFor({ name, before: connected(), after: disconnected, userAsked: true }),
    ).toBeNull();
  });

  it('announces a failure with the reason and what to do, once', () => {
    const after = failed(
      'login-failed',
      'The VPN server rejected the login. Check the user name and password.',
    );
    expect(notificationFor({ name, before: connecting, after, userAsked: false })).toEqual({
      title: 'VPN “Office” failed',
      body:
        'The VPN server rejected the login. Check the user name and password. ' +
        'The connection editor shows the details and the plugin’s log.',
    });
    expect(notificationFor({ name, before: after, after, userAsked: false })).toBeNull();
    // The person cancelled the password prompt: they know.
    expect(
      notificationFor({ name, before: needsSecrets, after: failed('no-secrets'), userAsked: true }),
    ).toBeNull();
  });

  it('says nothing about steps on the way', () => {
    for (const after of [connecting, needsSecrets, disconnecting]) {
      expect(notificationFor({ name, before: disconnected, after, userAsked: false })).toBeNull();
    }
  });

  it('words a refused start with the sentence it was refused with', () => {
    expect(refusalNotification('Office', 'NetworkManager is not running.')).toEqual({
      title: 'VPN “Office” could not start',
      body: 'NetworkManager is not running.',
    });
  });
});

describe('UserStops', () => {
  const asked = (stops: UserStops, uuid: string, before: TunnelStateView, after: TunnelStateView) =>
    stops.present(uuid, before, after).userAsked;

  it('remembers a disconnect until the tunnel is down', () => {
    const stops = new UserStops();
    stops.markStopped('u1');
    expect(asked(stops, 'u1', connected(), disconnecting)).toBe(true);
    expect(asked(stops, 'u1', disconnecting, disconnected)).toBe(true);
    // Served: the next drop is news again.
    expect(asked(stops, 'u1', connected(), disconnected)).toBe(false);
  });

  it('counts a cancelled prompt as the person stopping that tunnel', () => {
    const stops = new UserStops();
    stops.promptOpened('req-1', 'u1');
    stops.promptCancelled('req-1');
    stops.promptClosed('req-1');
    expect(asked(stops, 'u1', needsSecrets, failed('no-secrets'))).toBe(true);
    stops.promptCancelled('unknown-request');
    expect(asked(stops, 'u2', needsSecrets, failed('no-secrets'))).toBe(false);
  });

  it('forgets a stop when a new attempt starts', () => {
    const stops = new UserStops();
    stops.markStopped('u1');
    expect(asked(stops, 'u1', disconnected, connecting)).toBe(false);
    expect(asked(stops, 'u1', connecting, failed())).toBe(false);
  });

  it('shows the failure of an attempt the person cancelled as disconnected, until the next one', () => {
    const stops = new UserStops();
    stops.promptOpened('req-1', 'u1');
    stops.promptCancelled('req-1');
    expect(stops.present('u1', needsSecrets, failed('no-secrets')).shown).toEqual(disconnected);
    // NetworkManager repeating the failure later changes nothing.
    expect(stops.present('u1', disconnected, failed('no-secrets')).shown).toEqual(disconnected);
    // A new attempt's failure is a real one, with its reason.
    expect(stops.present('u1', disconnected, connecting).shown).toEqual(connecting);
    expect(stops.present('u1', connecting, failed('login-failed')).shown).toEqual(
      failed('login-failed'),
    );
  });

  it('shows a failure nobody asked for as it is', () => {
    const stops = new UserStops();
    expect(stops.present('u1', needsSecrets, failed('no-secrets'))).toEqual({
      shown: failed('no-secrets'),
      userAsked: false,
    });
  });
});
