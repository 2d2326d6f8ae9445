import { describe, expect, it } from 'vitest';
import { isAllowedPermission } from '../../../main/app/permissions';

describe('isAllowedPermission', () => {
  it('allows writing the clipboard only', () => {
    expect(isAllowedPermission('clipboard-sanitized-write')).toBe(true);
    for (const p of [
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'hid',
      'openExternal',
    ]) {
      expect(isAllowedPermission(p)).toBe(false);
    }
  });
});
