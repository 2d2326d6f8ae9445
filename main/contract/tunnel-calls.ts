// The contract's calls on tunnels and their prompts: the snapshot, connect and disconnect, a failed
// tunnel's diagnostics, and the answers to NetworkManager's requests for secrets.

import type { SnapshotView } from '../../preload/contract';
import type { Core } from '../core';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { activate, deactivate, findProfile } from '../nm/actions';
import type { Profile } from '../nm/profile';
import type { SomeCallHandlers } from './call-handlers';
import type { GuiPrompter } from './gui-prompter';
import type { PreferencesStore } from './preferences';

export interface TunnelCallsContext {
  core: Core;
  prompter: GuiPrompter;
  preferences: PreferencesStore;
  /** Recent log lines of the plugin for a profile (journald on a desktop, a file in the sandbox). */
  diagnostics: (profile: Profile) => Promise<string[]>;
  snapshot: () => SnapshotView;
  /** Sends state:profiles now (last use changed the order of the tray and Recent). */
  profilesChanged: () => void;
}

export function tunnelCalls(ctx: TunnelCallsContext) {
  const { core, prompter, preferences } = ctx;
  return {
    'state:snapshot': () => Promise.resolve(ctx.snapshot()),
    'tunnel:connect': async ({ uuid }) => {
      const profile = findProfile(core.model, uuid);
      preferences.update((p) => ({
        ...p,
        lastUsed: { ...p.lastUsed, [profile.uuid]: Date.now() },
      }));
      // The tray's click, its menu's order and the window's Recent follow last use at once.
      ctx.profilesChanged();
      await activate(core.bus, profile);
      return null;
    },
    'tunnel:disconnect': async ({ uuid }) => {
      await deactivate(core.bus, core.model, findProfile(core.model, uuid));
      return null;
    },
    'tunnel:diagnostics': async ({ uuid }) => ({
      lines: await ctx.diagnostics(findProfile(core.model, uuid)),
    }),
    'prompt:answer': ({ requestId, values, save }) =>
      answered(prompter.answer(requestId, { values, save })),
    'prompt:cancel': ({ requestId }) => answered(prompter.answer(requestId, null)),
  } satisfies SomeCallHandlers;
}

/** An answer or cancel reached the prompter only while the request was still open. */
function answered(open: boolean): Promise<null> {
  if (open) return Promise.resolve(null);
  return Promise.reject(
    new TunnelbarError(
      'prompt-gone',
      'This request is no longer open: NetworkManager withdrew it or it was answered.',
    ),
  );
}
