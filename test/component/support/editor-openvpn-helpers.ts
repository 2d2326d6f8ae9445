import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CallArgs, CallName } from '../../../preload/contract';
import type { ProfileEdit } from '../../../preload/editor';
import type { CertInfoView } from '../../../preload/library';
import { openvpnEdit, view } from '../../builders/profile-edits';
import { FakeApi, profile, snapshot } from '../../fakes/fake-api';
import { renderApp } from './render-app';

// Opening the editor on an OpenVPN profile with cert:inspect answered, and reading its fields.

export type SaveArgs = CallArgs<'profile:save'>[0];

export const CA_INFO: Extract<CertInfoView, { kind: 'certificate' }> = {
  kind: 'certificate',
  subject: 'O=Example Corp, CN=Example Root CA',
  issuer: 'O=Example Corp, CN=Example Root CA',
  notBefore: Date.UTC(2024, 0, 1),
  notAfter: Date.UTC(2099, 0, 1),
  count: 2,
};

/** cert:inspect answers by path; anything else falls to the FakeApi's defaults. */
export function inspector(byPath: Record<string, CertInfoView>) {
  return (name: CallName, args: unknown[]): unknown => {
    if (name !== 'cert:inspect') return null;
    const [{ path }] = args as CallArgs<'cert:inspect'>;
    return byPath[path] ?? { kind: 'unreadable', sentence: 'There is no file at this path.' };
  };
}

export async function openOn(
  edit: ProfileEdit,
  respond: (name: CallName, args: unknown[]) => unknown = inspector({}),
) {
  const p = profile(edit.name);
  const api = new FakeApi(snapshot([p]));
  api.respond = (name, args) => (name === 'profile:get' ? view(p.uuid, edit) : respond(name, args));
  const user = userEvent.setup();
  await renderApp(api);
  await user.click(screen.getByRole('listitem'));
  await user.click(screen.getByRole('button', { name: 'Edit' }));
  await screen.findByRole('heading', { name: `Edit ${edit.name}` });
  return { api, user };
}

export function input(name: string): HTMLInputElement {
  return screen.getByLabelText(name, { selector: 'input' });
}

export function select(name: string): HTMLSelectElement {
  return screen.getByLabelText(name, { selector: 'select' });
}

export async function saved(
  api: FakeApi,
  user: ReturnType<typeof userEvent.setup>,
): Promise<SaveArgs> {
  await user.click(screen.getByRole('button', { name: 'Save' }));
  const [args] = api.callsOf('profile:save');
  return args?.[0] as SaveArgs;
}

/** The TLS profile of the fixture (certificates), which the key password applies to. */
export function tlsEdit(): ProfileEdit {
  const edit = openvpnEdit();
  if (edit.vpn.kind === 'plugin') {
    Object.assign(edit.vpn.data, {
      'connection-type': 'password-tls',
      cert: '/etc/vpn/me.crt',
      key: '/etc/vpn/me.key',
    });
  }
  return edit;
}
