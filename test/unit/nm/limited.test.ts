import { describe, expect, it } from 'vitest';
import { mapLimited } from '../../../main/nm/limited';

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
