import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../main/cli/args';

describe('up --save', () => {
  it('is read with --ask, in either order', () => {
    expect(parseArgs(['up', 'work', '--ask', '--save']).save).toBe(true);
    expect(parseArgs(['up', 'work', '--save', '--ask']).save).toBe(true);
    expect(parseArgs(['up', 'work', '--ask']).save).toBeUndefined();
  });

  it('needs --ask, and belongs to up only', () => {
    expect(() => parseArgs(['up', 'work', '--save'])).toThrow(UsageError);
    expect(() => parseArgs(['up', 'work', '--save'])).toThrow(/--save needs --ask/);
    expect(() => parseArgs(['down', 'work', '--save'])).toThrow(/takes no option --save/);
  });
});
