import fc from 'fast-check';
import { z } from 'zod';

/**
 * fast-check arbitraries derived from the contract's zod 4 schemas (zod-fast-check knows only
 * zod 3). `valid` follows the schema (refinements aside), so calls get past validation and into
 * main's handlers; with `junkOneIn` N > 0, one node in N is instead any value at all, so the
 * payload is almost right, which is where validation has its edges.
 */
export interface DeriveOptions {
  /** One node in this many is any value instead of what the schema says; 0: none. */
  junkOneIn: number;
  /** Strings worth trying wherever a string schema accepts them (a known uuid, a field name). */
  pool: readonly string[];
}

const MAX_STRING = 40;
const MAX_ITEMS = 4;

interface Lengths {
  min: number;
  max: number;
  patterns: RegExp[];
}

function lengths(schema: z.core.$ZodType, fallbackMax: number): Lengths {
  const out: Lengths = { min: 0, max: fallbackMax, patterns: [] };
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def as { check: string; minimum?: number; maximum?: number };
    if (def.check === 'min_length' && def.minimum !== undefined) out.min = def.minimum;
    if (def.check === 'max_length' && def.maximum !== undefined)
      out.max = Math.min(def.maximum, fallbackMax);
    const pattern = (def as { pattern?: RegExp }).pattern;
    if (def.check === 'string_format' && pattern !== undefined) out.patterns.push(pattern);
  }
  out.max = Math.max(out.max, out.min);
  return out;
}

function stringArbitrary(schema: z.ZodString, pool: readonly string[]): fc.Arbitrary<string> {
  const { min, max, patterns } = lengths(schema, MAX_STRING);
  const pattern = patterns[0];
  const base =
    pattern === undefined
      ? fc.string({ minLength: min, maxLength: max, unit: 'binary' })
      : fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= max);
  const fitting = pool.filter((s) => schema.safeParse(s).success);
  return fitting.length === 0 ? base : fc.oneof(base, fc.constantFrom(...fitting));
}

function numberArbitrary(schema: z.ZodNumber): fc.Arbitrary<number> {
  const min = schema.minValue ?? -1e9;
  const max = schema.maxValue ?? 1e9;
  if (schema.format !== null) return fc.integer({ min: Math.max(min, -(2 ** 31)), max });
  return fc.double({ min, max, noNaN: true });
}

export function derive(schema: z.core.$ZodType, opts: DeriveOptions): fc.Arbitrary<unknown> {
  const exact = deriveExact(schema, opts);
  if (opts.junkOneIn <= 0) return exact;
  return fc.oneof(
    { arbitrary: exact, weight: opts.junkOneIn - 1 },
    { arbitrary: fc.anything(), weight: 1 },
  );
}

function deriveExact(schema: z.core.$ZodType, opts: DeriveOptions): fc.Arbitrary<unknown> {
  const next = (s: z.core.$ZodType): fc.Arbitrary<unknown> => derive(s, opts);
  if (schema instanceof z.ZodString) return stringArbitrary(schema, opts.pool);
  if (schema instanceof z.ZodNumber) return numberArbitrary(schema);
  if (schema instanceof z.ZodBoolean) return fc.boolean();
  if (schema instanceof z.ZodLiteral) return fc.constantFrom(...schema.values);
  if (schema instanceof z.ZodEnum) return fc.constantFrom(...schema.options);
  if (schema instanceof z.ZodNullable) return fc.option(next(schema.unwrap()), { nil: null });
  if (schema instanceof z.ZodOptional) return fc.option(next(schema.unwrap()), { nil: undefined });
  if (schema instanceof z.ZodUnion) return fc.oneof(...schema.options.map((o) => next(o)));
  if (schema instanceof z.ZodTuple) return fc.tuple(...schema.def.items.map((i) => next(i)));
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.core.$ZodType>;
    return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, next(s)])));
  }
  if (schema instanceof z.ZodArray) {
    const { min, max } = lengths(schema, MAX_ITEMS);
    return fc.array(next(schema.element), { minLength: min, maxLength: max });
  }
  if (schema instanceof z.ZodRecord) {
    const key = stringArbitrary(schema.keyType as z.ZodString, opts.pool);
    return fc.dictionary(key, next(schema.valueType), { maxKeys: MAX_ITEMS });
  }
  return fc.anything();
}
