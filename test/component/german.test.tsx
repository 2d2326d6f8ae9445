import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../main/i18n/catalogue';
import { applyLocale } from '../../renderer/locale';
import { connectedState, FakeApi, profile, prompt, snapshot } from '../fakes/fake-api';
import { emit, renderApp } from './support/render-app';

afterEach(() => {
  setLocale('en');
  delete document.documentElement.dataset.locale;
  document.documentElement.lang = 'en';
});

describe('the window in German', () => {
  it('follows the language the page was served with, and sets html lang', () => {
    document.documentElement.dataset.locale = 'de';
    expect(applyLocale(document, ['en-US'])).toBe('de');
    expect(document.documentElement.lang).toBe('de');
  });

  it('follows the browser’s languages when the page names none (Electron)', () => {
    expect(applyLocale(document, ['de-AT', 'en'])).toBe('de');
    expect(applyLocale(document, ['fr-FR'])).toBe('en');
  });

  it('shows the list, the states and the password prompt in German', async () => {
    document.documentElement.dataset.locale = 'de';
    applyLocale(document, []);
    const office = profile('office');
    const api = new FakeApi(snapshot([office], { [office.uuid]: connectedState }));
    await renderApp(api);
    expect(screen.getByRole('list', { name: 'VPN-Profile' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Profile durchsuchen' })).toBeTruthy();
    const row = screen.getByRole('switch', { name: 'office' });
    const detail = document.getElementById(row.getAttribute('aria-describedby') ?? '');
    expect(detail?.textContent).toBe('Verbunden · 10.8.0.2');
    emit(api, 'prompt:open', prompt({}));
    const dialog = screen.getByRole('dialog', { name: 'Mit office verbinden' });
    expect(within(dialog).getByRole('button', { name: 'Verbinden' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Abbrechen' })).toBeTruthy();
  });
});
