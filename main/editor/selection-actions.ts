// One action over a selection of profiles (`profiles:selection-action`): delete them, or change one thing in
// each with GetSettings + Update2. Thousands of profiles are handled with a bounded number of
// calls in flight; one profile failing is a line in the result, the others go on.

import type { SelectionAction, SelectionResultView } from '../../preload/library';
import { describeUnknownError } from '../errors/tunnelbar-error';
import { nmNotRunning } from '../nm/errors';
import { mapLimited } from '../nm/limited';
import type { NmModel } from '../nm/model';
import { Update2Flags } from '../nm/names';
import type { Profile } from '../nm/profile';
import { getSettings, update2, type NmCaller } from '../nm/settings-calls';
import { selectionChange } from './selection-change';
import { withRefusalSentence } from './nm-refusal';
import { deleteProfile } from './service';
import { editorStrings as s } from './editor-strings';

/**
 * Profiles worked on at once (each has one call in flight). The system bus allows 128 pending
 * replies per connection, and every Update2 makes the model send a GetSettings of its own when
 * NetworkManager announces the change on the same connection: 32 leaves room for both.
 */
const PROFILES_IN_FLIGHT = 32;

/** What actOnSelection needs of the core (the core itself in the app; fakes in unit tests). */
export interface SelectionCore {
  bus: NmCaller;
  model: Pick<NmModel, 'nmRunning' | 'profiles'>;
}

type Outcome = 'changed' | 'unchanged' | SelectionResultView['failures'][number];

function goneSentence(): string {
  return s.selection.gone;
}

async function actOnOne(
  bus: NmCaller,
  profile: Profile,
  action: SelectionAction,
): Promise<'changed' | 'unchanged'> {
  if (action.kind === 'delete') {
    await deleteProfile(bus, profile);
    return 'changed';
  }
  const change = selectionChange(await withRefusalSentence(getSettings(bus, profile.path)), action);
  switch (change.kind) {
    case 'unchanged':
      return 'unchanged';
    case 'refused':
      throw new Error(change.sentence);
    case 'update':
      // No secret in these settings: NetworkManager keeps the stored ones (reference §2.3).
      await withRefusalSentence(update2(bus, profile.path, change.settings, Update2Flags.toDisk));
      return 'changed';
  }
}

/** Read afresh each time: NetworkManager may stop while calls are in flight. */
function nmGone(model: SelectionCore['model']): boolean {
  return !model.nmRunning;
}

async function outcomeOf(
  bus: NmCaller,
  model: SelectionCore['model'],
  uuid: string,
  profile: Profile | undefined,
  action: SelectionAction,
): Promise<Outcome> {
  if (profile === undefined) return { uuid, id: uuid, sentence: goneSentence() };
  // NetworkManager left half-way: the rest are not tried, each says why.
  if (nmGone(model)) return { uuid, id: profile.id, sentence: nmNotRunning().message };
  try {
    return await actOnOne(bus, profile, action);
  } catch (err) {
    // Our sentences and NetworkManager's refusals (which name properties, never secret values).
    const sentence = nmGone(model) ? nmNotRunning().message : describeUnknownError(err);
    return { uuid, id: profile.id, sentence };
  }
}

export async function actOnSelection(
  core: SelectionCore,
  uuids: readonly string[],
  action: SelectionAction,
): Promise<SelectionResultView> {
  const { bus, model } = core;
  if (!model.nmRunning) throw nmNotRunning();
  // One lookup table rather than a search of the model per uuid: selections run to thousands.
  const byUuid = new Map(model.profiles().map((p) => [p.uuid, p]));
  const unique = [...new Set(uuids)];
  const outcomes = await mapLimited(unique, PROFILES_IN_FLIGHT, (uuid) =>
    outcomeOf(bus, model, uuid, byUuid.get(uuid), action),
  );
  const result: SelectionResultView = { changed: 0, failures: [] };
  for (const outcome of outcomes) {
    if (outcome === 'changed') result.changed += 1;
    else if (outcome !== 'unchanged') result.failures.push(outcome);
  }
  return result;
}
