import { Variant } from 'dbus-next';
import type { Locator, Page } from 'playwright-core';
import type { SettingsDict } from '../../main/nm/dbus-types';
import { findProfile } from '../../main/nm/actions';
import { IFACE } from '../../main/nm/names';
import { switchOf } from './page-helpers';
import type { World } from './support/world';

/** A settings dict as plain JSON (signatures kept; BigInts and byte arrays made comparable). */
export function plainSettings(dict: SettingsDict): Record<string, Record<string, unknown>> {
  const plain = (value: unknown): unknown => {
    if (value instanceof Variant) return { sig: value.signature, value: plain(value.value) };
    if (typeof value === 'bigint') return `${value.toString()}n`;
    if (Buffer.isBuffer(value)) return value.toString('hex');
    if (Array.isArray(value)) return value.map(plain);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    }
    return value;
  };
  return plain(dict) as Record<string, Record<string, unknown>>;
}

/** GetSettings of a profile, straight from NetworkManager. */
export async function readSettings(w: World, name: string): Promise<SettingsDict> {
  const profile = findProfile(w.harness.core.model, name);
  const [settings] = await w.harness.core.bus.call({
    path: profile.path,
    iface: IFACE.settingsConnection,
    member: 'GetSettings',
  });
  return settings as SettingsDict;
}

/** Selects a profile in the list (by its name, not its switch) and opens the editor. */
export async function openEditor(page: Page, name: string): Promise<Locator> {
  await page
    .getByRole('listitem')
    .filter({ has: switchOf(page, name) })
    .getByText(name, { exact: true })
    .click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = page.getByRole('region', { name: `Edit ${name}`, exact: true });
  await editor.waitFor();
  return editor;
}

export function tab(page: Page, name: string): Locator {
  return page.getByRole('tab', { name, exact: true });
}

export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(label, { exact: true });
}
