import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../main/contract/privacy-calls';
import type { Core } from '../../../main/core';

// Lockdown's changes from the window and the tray run one after the other, per core: a second
// `on` while the first still activates would end the first activation (see privacy-calls.ts).
describe('lockdown changes, one at a time', () => {
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  it('starts a change only when the one before it has ended, failed or not', async () => {
    const core = {} as Core;
    const order: string[] = [];
    let endFirst = (): void => undefined;
    const first = oneAtATime(core, async () => {
      order.push('first started');
      await new Promise<void>((resolve) => (endFirst = resolve));
      order.push('first ended');
      throw new Error('refused');
    });
    const second = oneAtATime(core, () => {
      order.push('second started');
      return Promise.resolve('second');
    });
    await settle();
    expect(order).toEqual(['first started']);
    endFirst();
    await expect(first).rejects.toThrow('refused');
    await expect(second).resolves.toBe('second');
    expect(order).toEqual(['first started', 'first ended', 'second started']);
  });

  it('does not hold one core’s change behind another core’s', async () => {
    const busy = oneAtATime({} as Core, () => new Promise<never>(() => undefined));
    void busy;
    await expect(oneAtATime({} as Core, () => Promise.resolve('free'))).resolves.toBe('free');
  });
});
