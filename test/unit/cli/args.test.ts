import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../main/cli/args';
import { exportTarget } from '../../../main/cli/export-command';

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

describe('export', () => {
  it('reads the profile, --output and --json', () => {
    expect(parseArgs(['export', 'office', '--output', 'o.ovpn', '--json'])).toMatchObject({
      command: 'export',
      profile: 'office',
      output: 'o.ovpn',
      json: true,
    });
    expect(parseArgs(['export', 'office', '--output=o.ovpn']).output).toBe('o.ovpn');
    expect(parseArgs(['export', 'office']).output).toBeUndefined();
  });

  it('needs a profile, and a file name after --output', () => {
    expect(() => parseArgs(['export'])).toThrow(UsageError);
    expect(() => parseArgs(['export', 'office', '--output'])).toThrow(
      '--output takes a file name.',
    );
    expect(() => parseArgs(['export', 'office', '--ask'])).toThrow(UsageError);
  });
});

describe('exportTarget', () => {
  it('writes where --output says (the user named it), else the suggested name here', () => {
    expect(exportTarget('x/o.ovpn', 'office.ovpn', '/home/u')).toBe('/home/u/x/o.ovpn');
    // That it never replaces a file there is checked as it is created (editor/export-files.test.ts).
    expect(exportTarget(null, 'office.ovpn', '/home/u')).toBe('/home/u/office.ovpn');
  });
});

describe('lockdown hook', () => {
  it('reads hook install and remove', () => {
    expect(parseArgs(['lockdown', 'hook', 'install']).hook).toBe('install');
    expect(parseArgs(['lockdown', 'hook', 'remove']).hook).toBe('remove');
    expect(() => parseArgs(['lockdown', 'hook'])).toThrow(/install or remove/);
    expect(() => parseArgs(['lockdown', 'hook', 'install', 'x'])).toThrow(/Unexpected/);
  });

  it('reads hook-run’s two arguments as given, empty ones and dashes too', () => {
    expect(parseArgs(['lockdown', 'hook-run', 'eth0', 'up']).hookRun).toEqual({
      iface: 'eth0',
      action: 'up',
    });
    expect(parseArgs(['lockdown', 'hook-run', '', 'connectivity-change']).hookRun).toEqual({
      iface: '',
      action: 'connectivity-change',
    });
    expect(parseArgs(['lockdown', 'hook-run', '--json', 'up']).hookRun?.iface).toBe('--json');
    expect(() => parseArgs(['lockdown', 'hook-run', 'eth0'])).toThrow(/interface and the action/);
  });
});
