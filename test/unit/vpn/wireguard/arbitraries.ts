// fast-check generators of wg-quick files: an [Interface] section and peers, with odd spellings
// (case, spacing, CRLF) and now and then a bad value, an unknown key or a stray line.

import fc from 'fast-check';

const wgKeys = [
  'QGKrJqwqWHbp+8ebfAvi5KrIRhOpNdWEceY+f+pX1Fg=',
  'SkspmjoM5dXYCZq4PnJbW311u2PNgKk8G3tPG6cBbk4=',
  'eoJLplRwa0lpS93FKoRq9s3AUS3uOXR9lSNj14YxqlQ=',
];
const badKeys = [
  'eoJLplRwa0lpS93FKoRq9s3AUS3uOXR9lSNj14YxqlR=',
  'abc',
  'eoJLplRwa0lpS93FKoRq9s3AUS3uOXR9lSNj14YxqlQ',
];

/** Values per key: [good ones, bad ones]. Bad values come up about once in fifteen lines. */
const wgValues: Record<string, [string[], string[]]> = {
  PrivateKey: [wgKeys, badKeys],
  PublicKey: [wgKeys, badKeys],
  PresharedKey: [wgKeys, badKeys],
  Address: [
    [
      '10.0.0.2/24',
      '10.0.0.2',
      'fd00::2/64',
      '10.0.0.2/24, fd00::2/64',
      'FD00:0::3',
      '10.0.0.2,10.0.0.2/24',
      '',
    ],
    ['10.0.0.2/33', '10.0.0.2,,10.0.0.3', 'x', '10.0.0.2/'],
  ],
  DNS: [
    [
      '1.1.1.1',
      '1.1.1.1, example.com',
      '2001:DB8::1',
      'a.example, ~b.example',
      '',
      ',1.1.1.1',
      '~',
      '1.1.1.1,1.1.1.1',
      'fe80::1%eth0',
    ],
    [],
  ],
  MTU: [
    ['1420', '0x500', '0', '010'],
    ['', '-1', '0x'],
  ],
  ListenPort: [
    ['51820', '0', ' 7'],
    ['65536', '0x10'],
  ],
  FwMark: [
    ['off', '0x10', '12', '0'],
    ['on', '-1'],
  ],
  Table: [['auto', 'off', '1234', '0x10', '0'], ['main']],
  SaveConfig: [['true', 'false'], ['yes']],
  PostUp: [['iptables -A x'], []],
  Endpoint: [
    ['vpn.example.com:51820', '[2001:db8::1]:51820', 'h:65535', '1.2.3.4:0051820'],
    ['192.0.2.1', '[::1]:0', '[]:1', 'x:'],
  ],
  AllowedIPs: [
    ['0.0.0.0/0, ::/0', '10.0.0.0/8', '10.0.0.1', '', '10.0.0.0/8,'],
    ['fd00::/129', ',10.0.0.0/8'],
  ],
  PersistentKeepalive: [
    ['25', 'off', '0'],
    ['65536', '-1'],
  ],
};

const wgKeyLine = (keys: string[]): fc.Arbitrary<string> =>
  fc
    .constantFrom(...keys)
    .chain((k) =>
      fc.tuple(
        fc.constantFrom(k, k.toLowerCase(), k.toUpperCase()),
        fc.oneof(
          { weight: 14, arbitrary: fc.constantFrom(...(wgValues[k]?.[0] ?? [''])) },
          { weight: 1, arbitrary: fc.constantFrom('', ...(wgValues[k]?.[1] ?? [])) },
        ),
        fc.constantFrom(' = ', '=', ' =  '),
      ),
    )
    .map(([k, v, eq]) => `${k}${eq}${v}`);

const INTERFACE_KEYS = [
  'PrivateKey',
  'Address',
  'DNS',
  'MTU',
  'ListenPort',
  'FwMark',
  'Table',
  'SaveConfig',
  'PostUp',
];
const PEER_KEYS = ['PublicKey', 'PresharedKey', 'Endpoint', 'AllowedIPs', 'PersistentKeepalive'];
const noise = fc.oneof(
  { weight: 20, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.constantFrom('# comment', '   ', '\t# x') },
  { weight: 1, arbitrary: fc.constantFrom('garbage', 'Foo = bar', '[Other]', 'Endpoint = x:1') },
);

const peerBlock = fc
  .tuple(
    fc.constantFrom('[Peer]', '[peer]', ' [ Peer ] '),
    fc.array(fc.tuple(wgKeyLine(PEER_KEYS), noise), { maxLength: 5 }),
  )
  .map(([h, lines]) => [h, ...lines.flat()]);

/** A wg-quick file: an [Interface] section and peers, mostly well formed. */
export const wgText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('[Interface]', '[interface]'),
    fc.array(fc.tuple(wgKeyLine(INTERFACE_KEYS), noise), { maxLength: 7 }),
    fc.array(peerBlock, { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([h, lines, peers, crlf]) => {
    const text =
      [h, `PrivateKey = ${wgKeys[0] ?? ''}`, ...lines.flat(), ...peers.flat()].join('\n') + '\n';
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
