import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDuration } from '../../renderer/status/format';
import { connectedState, FakeApi, profile, refusal, snapshot } from '../fakes/fake-api';
import { emit, renderApp } from './support/render-app';

const office = profile('office', { remote: 'gw.corp.example.com:1194:udp' });
const failed = {
  kind: 'failed' as const,
  reason: {
    word: 'no-secrets',
    code: 9,
    sentence: 'NetworkManager got no password for the VPN. Connect again and enter it.',
  },
};

function panel(): HTMLElement {
  return screen.getByRole('region', { name: 'office' });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the status panel', () => {
  it('shows a connected tunnel: addresses, gateway, routes, DNS, domains and banner', async () => {
    await renderApp(new FakeApi(snapshot([office], { [office.uuid]: connectedState })));
    const p = panel();
    expect(within(p).getByRole('heading', { level: 2 }).textContent).toBe('office');
    expect(within(p).getByText('OpenVPN · gw.corp.example.com:1194:udp')).toBeTruthy();
    expect(within(p).getByText('Connected')).toBeTruthy();
    const ipv4 = within(p).getByRole('region', { name: 'IPv4' });
    for (const text of ['10.8.0.2/24', '10.20.0.53', 'corp.example', '10.20.0.0/16', 'direct']) {
      expect(within(ipv4).getByText(text)).toBeTruthy();
    }
    expect(within(ipv4).getAllByText('10.8.0.1')).toHaveLength(2); // gateway and a next hop
    const ipv6 = within(p).getByRole('region', { name: 'IPv6' });
    expect(within(ipv6).getByText('fd00:8::2/64')).toBeTruthy();
    // The link-local address every interface has is left out.
    expect(within(ipv6).queryByText('fe80::1/64')).toBeNull();
    expect(within(p).getByText('Welcome to the corporate network.')).toBeTruthy();
  });

  it('leaves out an IPv6 section that would hold only link-local entries', async () => {
    const state = {
      ...connectedState,
      ip6: {
        addresses: ['fe80::1/64'],
        gateway: null,
        routes: [{ dest: 'fe80::/64', nextHop: null, metric: 256 }],
        dns: [],
        domains: [],
      },
    };
    await renderApp(new FakeApi(snapshot([office], { [office.uuid]: state })));
    expect(within(panel()).queryByRole('region', { name: 'IPv6' })).toBeNull();
  });

  it('ticks the duration while connected and visible, and stops when hidden or disconnected', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
    const since = Date.now() - 65_000;
    const api = new FakeApi(snapshot([office], { [office.uuid]: { ...connectedState, since } }));
    await renderApp(api);
    expect(screen.getByText('0:01:05')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(screen.getByText('0:01:07')).toBeTruthy();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(screen.getByText('0:01:07')).toBeTruthy();
    visibility.mockReturnValue('visible');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(screen.getByText('0:01:12')).toBeTruthy();
    emit(api, 'state:tunnel', { uuid: office.uuid, state: { kind: 'disconnecting' } });
    expect(screen.queryByText(/^0:01/)).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00:00');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(90_061_000)).toBe('1 d 1:01:01');
  });

  it('shows the state while connecting', async () => {
    const api = new FakeApi(snapshot([office]));
    await renderApp(api);
    expect(within(panel()).getByText('Disconnected')).toBeTruthy();
    emit(api, 'state:tunnel', {
      uuid: office.uuid,
      state: { kind: 'connecting', stage: 'ip-config' },
    });
    expect(within(panel()).getByText('Connecting: getting an address…')).toBeTruthy();
    emit(api, 'state:tunnel', { uuid: office.uuid, state: { kind: 'needs-secrets' } });
    expect(within(panel()).getByText('Waiting for a password…')).toBeTruthy();
  });

  it('shows the failure with its sentence, and keeps it as the last failure afterwards', async () => {
    const api = new FakeApi(snapshot([office], { [office.uuid]: failed }));
    await renderApp(api);
    const why = within(panel()).getByRole('region', { name: 'Why it failed' });
    expect(within(why).getByText(failed.reason.sentence)).toBeTruthy();
    expect(within(why).getByText('no-secrets')).toBeTruthy();
    emit(api, 'state:tunnel', { uuid: office.uuid, state: { kind: 'disconnected' } });
    expect(
      within(panel()).getByRole('region', { name: 'Why the last attempt failed' }),
    ).toBeTruthy();
    emit(api, 'state:tunnel', { uuid: office.uuid, state: connectedState });
    expect(within(panel()).queryByRole('region', { name: /failed/ })).toBeNull();
  });

  it('reads the diagnostics of a failed tunnel and copies them', async () => {
    const api = new FakeApi(snapshot([office], { [office.uuid]: failed }));
    const lines = [
      'nm-openvpn[12]: AUTH: Received control message: AUTH_FAILED',
      'nm-openvpn[12]: exiting',
    ];
    api.respond = (name) => (name === 'tunnel:diagnostics' ? { lines } : null);
    await renderApp(api);
    const user = userEvent.setup();
    // After setup(): user-event puts its own clipboard on navigator.
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const show = screen.getByRole('button', { name: 'Show diagnostics' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    await user.click(show);
    expect(api.callsOf('tunnel:diagnostics')).toEqual([[{ uuid: office.uuid }]]);
    const log = screen.getByLabelText('Recent log lines of the VPN plugin', { selector: 'pre' });
    expect(log.textContent).toBe(lines.join('\n'));
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    expect(writeText).toHaveBeenCalledWith(lines.join('\n'));
    expect(screen.getByText('Copied to the clipboard.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Hide diagnostics' }));
    expect(screen.queryByRole('button', { name: 'Copy diagnostics' })).toBeNull();
  });

  it('says when the log cannot be read or copying is not allowed', async () => {
    const api = new FakeApi(snapshot([office], { [office.uuid]: failed }));
    api.respond = (name) => {
      if (name === 'tunnel:diagnostics') return refusal('internal-error', 'The log is gone.');
      return null;
    };
    await renderApp(api);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show diagnostics' }));
    expect(screen.getByRole('alert').textContent).toContain('The log is gone.');
    api.respond = (name) => (name === 'tunnel:diagnostics' ? { lines: ['one line'] } : null);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('not allowed')) },
      configurable: true,
    });
    await user.click(screen.getByRole('button', { name: 'Hide diagnostics' }));
    await user.click(screen.getByRole('button', { name: 'Show diagnostics' }));
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    expect(screen.getByText(/press Ctrl\+C/)).toBeTruthy();
  });
});
