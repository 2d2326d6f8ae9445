import type { CallFailure, TunnelbarApi } from '../preload/contract';

/**
 * The contract's API as the page receives it: from the preload in Electron, from the harness's
 * client script in the browser. Read once, checked for shape, and passed down explicitly so
 * components can be tested against a fake.
 */
export function tunnelbarApi(host: object = window): TunnelbarApi | null {
  const candidate: unknown = Reflect.get(host, 'tunnelbar');
  if (typeof candidate !== 'object' || candidate === null) return null;
  const call: unknown = Reflect.get(candidate, 'call');
  const on: unknown = Reflect.get(candidate, 'on');
  if (typeof call !== 'function' || typeof on !== 'function') return null;
  return candidate as TunnelbarApi;
}

/**
 * What a rejected call carries. The preload and the harness reject with a plain {word, sentence};
 * anything else (a bug, a dropped link) still becomes something a person can read.
 */
export function toCallFailure(err: unknown): CallFailure {
  if (typeof err === 'object' && err !== null) {
    const word: unknown = Reflect.get(err, 'word');
    const sentence: unknown = Reflect.get(err, 'sentence');
    if (typeof word === 'string' && typeof sentence === 'string') return { word, sentence };
    if (err instanceof Error) return { word: 'internal-error', sentence: err.message };
  }
  return { word: 'internal-error', sentence: String(err) };
}
