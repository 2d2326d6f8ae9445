import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../main/cli/args';

describe('parseArgs', () => {
  it('reads up with its options', () => {
    expect(parseArgs(['up', 'work', '--ask', '--timeout', '30'])).toEqual({
      command: 'up',
      profile: 'work',
      json: false,
      ask: true,
      timeoutSeconds: 30,
    });
    expect(parseArgs(['up', 'work', '--timeout=5']).timeoutSeconds).toBe(5);
  });

  it('reads --json for list, status and watch', () => {
    expect(parseArgs(['list', '--json']).json).toBe(true);
    expect(parseArgs(['status', '--json']).json).toBe(true);
    expect(parseArgs(['watch', '--json']).json).toBe(true);
  });

  it('gives help with no command', () => {
    expect(parseArgs([]).command).toBe('help');
    expect(parseArgs(['--help']).command).toBe('help');
  });

  it.each([
    [['frobnicate'], /Unknown command/],
    [['up'], /needs a profile/],
    [['down', 'a', 'b'], /Unexpected argument "b"/],
    [['list', '--ask'], /takes no option --ask/],
    [['up', 'x', '--timeout', 'soon'], /--timeout takes a number/],
    [['up', 'x', '--timeout'], /--timeout takes a number/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
