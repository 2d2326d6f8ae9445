import { describe, expect, it } from 'vitest';
import { KeyedQueue, mapLimited } from '../../../main/nm/limited';

describe('mapLimited', () => {
  it('keeps order and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapLimited([...Array(200).keys()], 7, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, n % 3));
      inFlight--;
      return n * 2;
    });
    expect(out).toEqual([...Array(200).keys()].map((n) => n * 2));
    expect(most).toBe(7);
  });

  it('handles no items', async () => {
    expect(await mapLimited([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});

describe('KeyedQueue', () => {
  it('runs each key once however often it is asked for while waiting, within the limit', async () => {
    const started: string[] = [];
    let inFlight = 0;
    let most = 0;
    const queue = new KeyedQueue(3, async (key) => {
      started.push(key);
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
    });
    for (let round = 0; round < 3; round++)
      for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) queue.request(key);
    for (let i = 0; i < 200 && (inFlight > 0 || started.length < 8); i++)
      await new Promise((r) => setTimeout(r, 2));
    expect(most).toBe(3);
    // a, b and c were running when asked again: each runs once more after its first run.
    expect(started.sort()).toEqual(['a', 'a', 'b', 'b', 'c', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});
