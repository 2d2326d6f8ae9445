import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { openvpnEdit } from '../builders/profile-edits';
import { connectedState, FakeApi, profile, prompt, snapshot } from '../fakes/fake-api';
import { openEditorOn } from './support/open-editor';
import { emit, renderApp } from './support/render-app';

/**
 * axe-core on the rendered views in jsdom: the structure rules (landmarks, headings, names,
 * roles, labels). jsdom has no layout, so colour contrast and the like are the e2e test's
 * (test/e2e/a11y.test.ts, in Chromium, light and dark).
 */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id} (${v.impact ?? 'none'})`);
}

describe('accessibility of the views (axe-core)', () => {
  it('the profile list and status: a main landmark, an h1, nothing axe objects to', async () => {
    const office = profile('office');
    await renderApp(new FakeApi(snapshot([office], { [office.uuid]: connectedState })));
    expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('the editor: a main landmark and an h1 too', async () => {
    await openEditorOn(openvpnEdit());
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('the password prompt over the list', async () => {
    const api = new FakeApi(snapshot([profile('office')]));
    await renderApp(api);
    emit(api, 'prompt:open', prompt({}));
    expect(await violations()).toEqual([]);
  });
});
