import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CallName } from '../../../preload/contract';
import type { BaseConnectionView, ProfileEdit } from '../../../preload/editor';
import { view } from '../../builders/profile-edits';
import { FakeApi, profile, snapshot } from '../../fakes/fake-api';
import { renderApp } from './render-app';

export interface OpenEditorOptions {
  vpnType?: string;
  publicKey?: string | null;
  /** What profile:get offers for "Connect this VPN automatically with". */
  bases?: BaseConnectionView[];
  /** Answers every other call (null: the fake's default). */
  respond?: (name: CallName, args: unknown[]) => unknown;
}

/** The app with one profile, its editor opened from Edit; profile:get answers `edit`. */
export async function openEditorOn(edit: ProfileEdit, opts: OpenEditorOptions = {}) {
  const p = profile(edit.name, { vpnType: opts.vpnType ?? 'openvpn' });
  const api = new FakeApi(snapshot([p]));
  const answer = view(p.uuid, edit, opts.publicKey ?? null, opts.bases ?? []);
  api.respond = (name, args) =>
    name === 'profile:get' ? answer : (opts.respond?.(name, args) ?? null);
  const user = userEvent.setup();
  await renderApp(api);
  await user.click(screen.getByRole('listitem'));
  await user.click(screen.getByRole('button', { name: 'Edit' }));
  await screen.findByRole('heading', { name: `Edit ${edit.name}` });
  return { api, user, uuid: p.uuid };
}
