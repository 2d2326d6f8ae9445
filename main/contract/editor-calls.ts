// The editor's contract calls, handed their arguments once the ContractServer validated them.

import { pushedDomains } from '../dns/profile-dns';
import type { SomeCallHandlers } from './call-handlers';
import type { Core } from '../core';
import { findProfile } from '../nm/actions';
import { nmNotRunning } from '../nm/errors';
import { vpnPaths } from '../editor/base-connections';
import {
  createProfile,
  deleteProfile,
  getProfileEdit,
  listBaseConnections,
  saveProfileEdit,
} from '../editor/service';

export function editorCalls(core: Pick<Core, 'bus' | 'model'>) {
  const { bus, model } = core;
  return {
    'profile:get': ({ uuid }) => getProfileEdit(bus, findProfile(model, uuid), vpnPaths(model)),
    'profile:save': async ({ uuid, base, edit }) => {
      const pushed = pushedDomains(model.tunnelState(uuid));
      await saveProfileEdit(bus, findProfile(model, uuid), base, edit, pushed);
      return null;
    },
    'profile:create': async ({ edit }) => {
      if (!model.nmRunning) throw nmNotRunning();
      return { uuid: await createProfile(bus, edit) };
    },
    'profile:delete': async ({ uuid }) => {
      await deleteProfile(bus, findProfile(model, uuid));
      return null;
    },
    'profile:base-connections': async () => {
      if (!model.nmRunning) throw nmNotRunning();
      return listBaseConnections(bus, vpnPaths(model));
    },
  } satisfies SomeCallHandlers;
}
