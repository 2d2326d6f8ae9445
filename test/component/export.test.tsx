// The Export button above the list: what it asks main for, "Saved to" with the exporter's
// warnings, the failure sentence, cancel, and the reason it is disabled for other plugins.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, profile, refusal, snapshot, uuidOf } from '../fakes/fake-api';
import { renderApp } from './support/render-app';

async function select(name: string): Promise<void> {
  const row = screen.getByRole('switch', { name }).closest('[role="listitem"]');
  if (!(row instanceof HTMLElement)) throw new Error(`no row for ${name}`);
  await userEvent.click(row.querySelector('.row-text') ?? row);
}

const exportButton = (): HTMLButtonElement =>
  screen.getByRole<HTMLButtonElement>('button', { name: 'Export…' });

describe('the Export button', () => {
  it('exports the selected OpenVPN profile and says where it was saved, with the warnings', async () => {
    const api = new FakeApi(snapshot([profile('office')]));
    api.respond = (name) =>
      name === 'profile:export'
        ? {
            path: '/home/u/Documents/office.ovpn',
            warnings: ['The proxy user name and password are not exported.'],
          }
        : null;
    await renderApp(api);
    await select('office');
    await userEvent.click(exportButton());
    expect(api.callsOf('profile:export')).toEqual([[{ uuid: uuidOf('office') }]]);
    const status = screen
      .getByText('Saved to /home/u/Documents/office.ovpn')
      .closest('[role=status]');
    expect(status).not.toBeNull();
    expect(screen.getByRole('list', { name: 'Not in the exported file' }).textContent).toBe(
      'The proxy user name and password are not exported.',
    );
  });

  it('shows the failure sentence, and nothing when the person cancels the dialog', async () => {
    const api = new FakeApi(snapshot([profile('home', { vpnType: 'wireguard' })]));
    api.respond = (name) =>
      name === 'profile:export'
        ? refusal(
            'export-write-failed',
            'The profile could not be saved to /ro/x.conf: permission denied.',
          )
        : null;
    await renderApp(api);
    await select('home');
    await userEvent.click(exportButton());
    expect(screen.getByRole('alert').textContent).toBe(
      'The profile was not exported: The profile could not be saved to /ro/x.conf: permission denied.',
    );
    // The dialog cancelled: main answers null (a promise, as the fake answers null by default).
    api.respond = (name) => (name === 'profile:export' ? Promise.resolve(null) : null);
    await userEvent.click(exportButton());
    expect(api.callsOf('profile:export')).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/Saved to/)).toBeNull();
  });

  it('is disabled for other plugins, with the reason as its description', async () => {
    const api = new FakeApi(snapshot([profile('corp', { vpnType: 'openconnect' })]));
    await renderApp(api);
    await select('corp');
    const button = exportButton();
    expect(button.disabled).toBe(true);
    const why = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toBe('Only OpenVPN and WireGuard profiles can be exported.');
  });

  it('gives the reason as a tooltip and description, never as text that moves the bar', async () => {
    const api = new FakeApi(
      snapshot([profile('office'), profile('corp', { vpnType: 'openconnect' })]),
    );
    await renderApp(api);
    await select('corp');
    expect(exportButton().title).toBe('Only OpenVPN and WireGuard profiles can be exported.');
    const why = document.getElementById(exportButton().getAttribute('aria-describedby') ?? '');
    expect(why?.classList.contains('visually-hidden')).toBe(true);
    await select('office');
    expect(exportButton().disabled).toBe(false);
    expect(exportButton().title).toBe('');
    expect(screen.queryByText('Only OpenVPN and WireGuard profiles can be exported.')).toBeNull();
  });
});
