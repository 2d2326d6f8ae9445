import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/desktop/csp';
import { tunnelbarApi } from '../../renderer/api';
import indexHtml from '../../renderer/index.html?raw';
import { FakeApi, profile, refusal, snapshot } from '../fakes/fake-api';
import { emit, renderApp } from './support/render-app';

describe('the main window', () => {
  it('shows a banner while NetworkManager is not running, and drops it when it is back', async () => {
    const api = new FakeApi(snapshot([], {}, false));
    await renderApp(api);
    expect(screen.getByRole('alert').textContent).toContain('NetworkManager is not running');
    expect(screen.getByText('The profiles show again when NetworkManager is back.')).toBeTruthy();
    emit(api, 'state:nm', { running: true });
    emit(api, 'state:profiles', { profiles: [profile('office')] });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('switch', { name: 'office' })).toBeTruthy();
  });

  it('says when there are no profiles at all', async () => {
    await renderApp(new FakeApi(snapshot([])));
    expect(screen.getByText(/There are no VPN profiles yet/)).toBeTruthy();
    expect(screen.getByText('0 profiles')).toBeTruthy();
  });

  it('says so when its state cannot be loaded', async () => {
    const api = new FakeApi(snapshot([]));
    api.respond = () => {
      return refusal('harness-closed', 'The test harness closed its connection.');
    };
    await renderApp(api);
    expect(screen.getByRole('alert').textContent).toContain('closed its connection');
  });

  it('focuses the search on #search and on Ctrl+F', async () => {
    await renderApp(new FakeApi(snapshot([profile('office')])), '#search');
    const search = screen.getByRole('searchbox', { name: 'Search profiles' });
    expect(document.activeElement).toBe(search);
    await userEvent.setup().click(screen.getByRole('switch', { name: 'office' }));
    expect(document.activeElement).not.toBe(search);
    await userEvent.setup().keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(search);
  });

  it('gives every control an accessible name', async () => {
    const { container } = await renderApp(new FakeApi(snapshot([profile('office')])));
    for (const control of container.querySelectorAll('button, input, select')) {
      const label =
        control.getAttribute('aria-label') ??
        (control.closest('label')?.textContent ?? control.textContent).trim();
      expect(label, control.outerHTML).not.toBe('');
    }
  });
});

describe('the API accessor', () => {
  it('takes window.tunnelbar only when it has the contract’s shape', () => {
    const api = new FakeApi(snapshot([]));
    expect(tunnelbarApi({ tunnelbar: api })).toBe(api);
    expect(tunnelbarApi({})).toBeNull();
    expect(tunnelbarApi({ tunnelbar: { call: 1 } })).toBeNull();
  });
});

describe('the page', () => {
  it('carries the same Content-Security-Policy as the shell sets', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(indexHtml);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });
});
