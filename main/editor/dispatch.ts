// The editor's contract calls, dispatched by the ContractServer once the payload is validated.

import { pushedDomains } from '../dns/profile-dns';
import type { CallArgs, CallResults } from '../../preload/contract';
import type { Core } from '../core';
import { findProfile } from '../nm/actions';
import { nmNotRunning } from '../nm/errors';
import {
  createProfile,
  deleteProfile,
  getProfileEdit,
  listBaseConnections,
  saveProfileEdit,
} from './service';

export type EditorCallName =
  'profile:get' | 'profile:save' | 'profile:create' | 'profile:delete' | 'profile:base-connections';

/** The VPNs the model holds: the base connection list need not read them again. */
function vpnPaths(model: Core['model']): Set<string> {
  return new Set(model.profiles().map((p) => p.path));
}

export async function editorCall<C extends EditorCallName>(
  core: Pick<Core, 'bus' | 'model'>,
  name: C,
  rawArgs: unknown[],
): Promise<CallResults[C]>;
export async function editorCall(
  core: Pick<Core, 'bus' | 'model'>,
  name: EditorCallName,
  rawArgs: unknown[],
): Promise<CallResults[EditorCallName]> {
  const { bus, model } = core;
  switch (name) {
    case 'profile:get': {
      const [{ uuid }] = rawArgs as CallArgs<'profile:get'>;
      return getProfileEdit(bus, findProfile(model, uuid), vpnPaths(model));
    }
    case 'profile:save': {
      const [{ uuid, base, edit }] = rawArgs as CallArgs<'profile:save'>;
      const pushed = pushedDomains(model.tunnelState(uuid));
      await saveProfileEdit(bus, findProfile(model, uuid), base, edit, pushed);
      return null;
    }
    case 'profile:create': {
      const [{ edit }] = rawArgs as CallArgs<'profile:create'>;
      if (!model.nmRunning) throw nmNotRunning();
      return { uuid: await createProfile(bus, edit) };
    }
    case 'profile:delete': {
      const [{ uuid }] = rawArgs as CallArgs<'profile:delete'>;
      await deleteProfile(bus, findProfile(model, uuid));
      return null;
    }
    case 'profile:base-connections':
      if (!model.nmRunning) throw nmNotRunning();
      return listBaseConnections(bus, vpnPaths(model));
  }
}
