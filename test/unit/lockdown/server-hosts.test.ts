import { describe, expect, it } from 'vitest';
import { hostOf } from '../../../main/lockdown/server-hosts';
import { resolveServers } from '../../../main/lockdown/resolve';
import type { Profile } from '../../../main/nm/profile';

function openvpn(uuid: string, remote: string): Profile {
  return {
    path: `/p/${uuid}`,
    uuid,
    id: uuid,
    vpnType: 'openvpn',
    serviceType: 'x',
    data: { remote },
    settings: {},
  };
}

describe('server hosts', () => {
  it('takes the host out of every form a server is written in', () => {
    expect(hostOf('vpn.example.com:1194:udp')).toBe('vpn.example.com');
    expect(hostOf('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(hostOf('2001:db8::1')).toBe('2001:db8::1');
    expect(hostOf('https://gw.example.com/group')).toBe('gw.example.com');
    expect(hostOf(':1194')).toBeNull();
  });

  it('resolves each host once, reports the ones that fail, and passes addresses through', async () => {
    const asked: string[] = [];
    const servers = await resolveServers(
      [openvpn('a', 'good.test:1194, 10.0.0.1'), openvpn('b', 'good.test bad.test')],
      (host) => {
        asked.push(host);
        return host === 'good.test'
          ? Promise.resolve(['192.0.2.1'])
          : Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' }));
      },
    );
    expect(asked.sort()).toEqual(['bad.test', 'good.test']);
    expect(servers).toEqual([
      { uuid: 'a', id: 'a', host: 'good.test', addresses: ['192.0.2.1'], error: null },
      { uuid: 'a', id: 'a', host: '10.0.0.1', addresses: ['10.0.0.1'], error: null },
      { uuid: 'b', id: 'b', host: 'good.test', addresses: ['192.0.2.1'], error: null },
      {
        uuid: 'b',
        id: 'b',
        host: 'bad.test',
        addresses: [],
        error: 'bad.test could not be resolved (ENOTFOUND)',
      },
    ]);
  });
});
