import type { Core } from '../../main/core';
import type { NmBus } from '../../main/nm/bus';
import { NmModel } from '../../main/nm/model';
import type { FakeNmBus } from './fake-nm-bus';

/** A core over a fake bus, its model loaded: only the model's calls reach the fake. */
export async function fakeCore(bus: FakeNmBus): Promise<Core> {
  const model = new NmModel(bus);
  await model.ready();
  return { bus: bus as unknown as NmBus, model, agent: null, close: () => Promise.resolve() };
}
