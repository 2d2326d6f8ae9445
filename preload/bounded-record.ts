import { z } from 'zod';

/**
 * A z.record with at most `maxEntries` entries. Every record in the contract is bounded: a page
 * (or a local process on the harness's socket) must not make main hold or walk an object of any
 * size it likes, beyond what the message size allows.
 */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(
  key: K,
  value: V,
  maxEntries: number,
) {
  return z.record(key, value).refine((record) => Object.keys(record).length <= maxEntries, {
    error: `at most ${maxEntries} entries`,
  });
}
