// Which dispatcher events lockdown's hook acts on (hook-run.ts): the others start no connection.
import { describe, expect, it } from 'vitest';
import { hookEvent } from '../../../main/lockdown/hook-run';
import { LOCKDOWN_INTERFACE, LOCKDOWN_NAME } from '../../../main/lockdown/settings';

describe('hookEvent', () => {
  it.each(['up', 'dhcp4-change', 'dhcp6-change'])('a link’s %s is a link event', (a) => {
    expect(hookEvent('eth0', a)).toBe('link');
  });

  it.each(['down', 'pre-up', 'vpn-up', 'vpn-down', 'connectivity-change', 'hostname'])(
    'a link’s %s is none of lockdown’s',
    (a) => {
      expect(hookEvent('eth0', a)).toBeNull();
    },
  );

  // The hook's own Reapply makes one: it must not put routes in place again (no Reapply of its own).
  it('a link’s reapply only clears what lockdown no longer wants', () => {
    expect(hookEvent('eth0', 'reapply')).toBe('link-reapplied');
  });

  it('lockdown’s bridge counts only going down, by interface or by profile name', () => {
    expect(hookEvent(LOCKDOWN_INTERFACE, 'down')).toBe('lockdown-down');
    expect(hookEvent('', 'down', LOCKDOWN_NAME)).toBe('lockdown-down');
    expect(hookEvent(LOCKDOWN_INTERFACE, 'up')).toBeNull();
    expect(hookEvent(LOCKDOWN_INTERFACE, 'reapply')).toBeNull();
  });

  it('events without an interface are none of lockdown’s', () => {
    expect(hookEvent('', 'up')).toBeNull();
    expect(hookEvent('none', 'up')).toBeNull();
  });
});
