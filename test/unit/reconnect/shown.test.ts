import { describe, expect, it } from 'vitest';
import { describeState, describeStatus, statusEntry } from '../../../main/cli/format';
import { reconnectNotification } from '../../../main/desktop/notifications';
import { trayIconName, trayIconState, trayTooltip } from '../../../main/desktop/tray-icon';
import { trayMenu } from '../../../main/desktop/tray-menu';
import type { TunnelState } from '../../../main/nm/tunnel-state';
import { reconnectSummary } from '../../../preload/reconnect-view';
import { profile, snapshot } from '../../builders/views';
import { connected } from '../../builders/tunnel-states';

// The `reconnecting` state wherever it is shown: tray icon, tooltip and menu, notifications, and
// the CLI's status and watch lines.

const AT = Date.parse('2026-12-07T10:00:08Z');
const time = (ms: number): string => new Date(ms).toISOString().slice(11, 19);
const reconnecting: TunnelState = {
  kind: 'reconnecting',
  attempt: 3,
  nextAttemptAt: AT,
  waitingFor: 'timer',
  reason: { word: 'service-stopped', code: 4, sentence: 'The VPN plugin stopped unexpectedly.' },
};

describe('reconnecting, shown', () => {
  it('says the attempt and what it waits for', () => {
    expect(reconnectSummary(reconnecting, time)).toBe('attempt 3, next at 10:00:08');
    expect(reconnectSummary({ ...reconnecting, waitingFor: 'network', nextAttemptAt: null })).toBe(
      'attempt 3 when the network is back',
    );
    expect(reconnectSummary({ ...reconnecting, waitingFor: 'resume', nextAttemptAt: null })).toBe(
      'attempt 3 after resume',
    );
  });

  it('has its own still tray icon, over a connected one, and names the tunnel in the tooltip', () => {
    const work = profile('Work');
    const home = profile('Home');
    const state = snapshot([work, home], { [work.uuid]: reconnecting, [home.uuid]: connected() });
    expect(trayIconState(state)).toBe('reconnecting');
    expect(trayIconName({ state: 'reconnecting', frame: 0, darkPanel: false, size: 22 })).toBe(
      'reconnecting-light-panel-22',
    );
    expect(trayTooltip(state)).toMatch(/^Tunnelbar: reconnecting Work \(attempt 3, next at .+\)$/);
    const entry = trayMenu(state).find((e) => e.kind === 'vpn' && e.uuid === work.uuid);
    // Checked, and a click switches it off: that is how the person stops the retries.
    expect(entry).toMatchObject({ checked: true, action: 'disconnect' });
    expect(entry?.kind === 'vpn' && entry.label).toMatch(/^Work — reconnecting, attempt 3/);
  });

  it('one notification when a series ends: back, or given up with the reason', () => {
    expect(reconnectNotification('Work', { kind: 'restored', attempts: 1 }, connected())).toEqual({
      title: 'VPN “Work” reconnected',
      body: 'Back after one attempt; your address in the tunnel is 10.8.0.2.',
    });
    const gaveUp = reconnectNotification(
      'Work',
      { kind: 'gave-up', reason: { sentence: 'The VPN server rejected the login.' } },
      { kind: 'disconnected' },
    );
    expect(gaveUp.title).toBe('VPN “Work” could not be reconnected');
    expect(gaveUp.body).toMatch(/^The VPN server rejected the login\. Tunnelbar stopped trying/);
  });

  it('tunnelbar status --json and watch: the attempt, the next time and why it dropped', () => {
    const entry = statusEntry({ uuid: 'u1', id: 'Work' }, reconnecting);
    expect(entry).toMatchObject({
      state: 'reconnecting',
      attempt: 3,
      nextAttemptAt: '2026-12-07T10:00:08.000Z',
      waitingFor: 'timer',
      reason: 'service-stopped',
    });
    expect(describeState(reconnecting)).toMatch(/^reconnecting after service-stopped: attempt 3/);
    expect(describeStatus(entry, AT)).toContain(
      '  reconnect: attempt 3, next at 2026-12-07T10:00:08.000Z (waiting for timer)',
    );
  });
});
