import { PassThrough } from 'node:stream';

/** An input to write answers into and an output whose text so far can be read back. */
export function capturedStreams(): {
  input: PassThrough;
  output: PassThrough;
  written: () => string;
} {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => (text += c.toString()));
  return { input, output, written: () => text };
}
