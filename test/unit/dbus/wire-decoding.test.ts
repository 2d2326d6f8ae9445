// dbus-next's message decoding as patched by patches/dbus-next+0.10.2.patch: the connection
// reads a message body straight into the values it hands out (DBusBuffer.readJs) instead of
// reading [tree, value] arrays and converting them afterwards (messageToJsFmt). Both paths are
// still in the library, so every body here is decoded both ways and must come out the same:
// Variants with the same signatures, dicts as objects, `ay` as a Buffer, 64-bit values as BigInt.
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { Variant } from 'dbus-next';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

interface WireMessage {
  serial?: number;
  type?: number;
  destination?: string;
  path?: string;
  interface?: string;
  member?: string;
  signature?: string;
  body?: unknown[];
}

interface MarshallCompat {
  marshallMessage(msg: WireMessage): [Buffer, number[]];
  messageToJsFmt(msg: WireMessage): WireMessage;
  wireMessageToJsFmt(msg: WireMessage): WireMessage;
}

interface MessageCodec {
  unmarshall(buffer: Buffer): WireMessage;
  unmarshalMessages(
    stream: PassThrough,
    onMessage: (msg: WireMessage) => void,
    opts: Record<string, unknown>,
  ): void;
}

// The library's internals: not part of its typed API, so loaded as plain modules.
const internal = createRequire(__filename);
const compat = internal('dbus-next/lib/marshall-compat') as MarshallCompat;
const codec = internal('dbus-next/lib/message') as MessageCodec;

const METHOD_RETURN = 2;

function wire(signature: string, body: unknown[]): Buffer {
  const msg: WireMessage = {
    serial: 7,
    type: METHOD_RETURN,
    destination: ':1.42',
    signature,
    body,
  };
  return compat.marshallMessage(msg)[0];
}

/** The library's old way: read() into [tree, value] arrays, then messageToJsFmt. */
function decodedTwoWalks(bytes: Buffer): unknown[] {
  return compat.messageToJsFmt(codec.unmarshall(bytes)).body ?? [];
}

/** The connection's way now: the stream parser, then wireMessageToJsFmt (one walk). */
async function decodedFromStream(bytes: Buffer): Promise<WireMessage> {
  const stream = new PassThrough();
  const received = new Promise<WireMessage>((resolve) => {
    codec.unmarshalMessages(
      stream,
      (msg) => {
        resolve(compat.wireMessageToJsFmt(msg));
      },
      {},
    );
  });
  stream.end(bytes);
  return received;
}

/** A D-Bus type (as dbus-next's parser gives it) and how to make values of it. */
interface DBusType {
  sig: string;
  values: fc.Arbitrary<unknown>;
}

/** A D-Bus type and a value of it, in the form dbus-next takes and gives. */
interface Typed {
  sig: string;
  value: unknown;
}

const text = fc.string({ maxLength: 12 }).filter((s) => !s.includes('\0'));
const objectPath = fc
  .array(fc.stringMatching(/^[A-Za-z0-9_]{1,6}$/), { maxLength: 3 })
  .map((parts) => `/${parts.join('/')}`);

const basicTypes: DBusType[] = [
  { sig: 'y', values: fc.integer({ min: 0, max: 255 }) },
  { sig: 'b', values: fc.boolean() },
  { sig: 'n', values: fc.integer({ min: -32768, max: 32767 }) },
  { sig: 'q', values: fc.integer({ min: 0, max: 65535 }) },
  { sig: 'i', values: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) },
  { sig: 'u', values: fc.integer({ min: 0, max: 2 ** 32 - 1 }) },
  // dbus-next's marshaller refuses -2^63 itself.
  { sig: 'x', values: fc.bigInt({ min: -(2n ** 63n) + 1n, max: 2n ** 63n - 1n }) },
  { sig: 't', values: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) },
  { sig: 'd', values: fc.double({ noNaN: true }) },
  { sig: 's', values: text },
  { sig: 'o', values: objectPath },
  { sig: 'g', values: fc.constantFrom('', 's', 'a{sv}', '(iu)') },
];

const arrayOf = (element: DBusType): DBusType =>
  element.sig === 'y'
    ? // ay: a Buffer
      { sig: 'ay', values: fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b)) }
    : { sig: `a${element.sig}`, values: fc.array(element.values, { maxLength: 4 }) };

// a{sT}: an object. (dbus-next's marshaller takes only string keys from an object.)
const dictOf = (value: DBusType): DBusType => ({
  sig: `a{s${value.sig}}`,
  values: fc
    .array(fc.tuple(text, value.values), { maxLength: 4 })
    .map((entries) => Object.fromEntries(entries)),
});

const structOf = (members: DBusType[]): DBusType => ({
  sig: `(${members.map((m) => m.sig).join('')})`,
  values: fc.tuple(...members.map((m) => m.values)),
});

/** Types nested up to `depth` levels, each with its values. */
function dbusType(depth: number): fc.Arbitrary<DBusType> {
  const basic = fc.constantFrom(...basicTypes);
  if (depth === 0) return basic;
  const inner = dbusType(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: basic },
    { weight: 1, arbitrary: inner.map(arrayOf) },
    { weight: 1, arbitrary: inner.map(dictOf) },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map(structOf) },
    // v: a Variant of any type
    {
      weight: 1,
      arbitrary: inner.map((t) => ({
        sig: 'v',
        values: t.values.map((v) => new Variant(t.sig, v)),
      })),
    },
  );
}

const typed: fc.Arbitrary<Typed> = dbusType(3).chain((t) =>
  t.values.map((value) => ({ sig: t.sig, value })),
);

/** A GetSettings reply of NetworkManager for an imported OpenVPN profile, as it comes. */
const settingsReply = {
  connection: {
    id: new Variant('s', 'provider-07 de-fra-12 udp'),
    uuid: new Variant('s', '0e148da3-07f5-4d18-a666-8453807ff4e4'),
    type: new Variant('s', 'vpn'),
    autoconnect: new Variant('b', false),
    permissions: new Variant('as', ['user:alice:']),
    timestamp: new Variant('t', 1765090000n),
  },
  vpn: {
    'service-type': new Variant('s', 'org.freedesktop.NetworkManager.openvpn'),
    data: new Variant('a{ss}', { remote: 'de-fra-12.example:1194', 'connection-type': 'tls' }),
  },
  ipv4: {
    method: new Variant('s', 'auto'),
    'address-data': new Variant('aa{sv}', [
      { address: new Variant('s', '10.8.0.2'), prefix: new Variant('u', 24) },
    ]),
    addresses: new Variant('aau', [[33556490, 24, 0]]),
    'route-metric': new Variant('x', -1n),
  },
  ipv6: {
    method: new Variant('s', 'ignore'),
    addresses: new Variant('a(ayuay)', [[Buffer.alloc(16, 1), 64, Buffer.alloc(16)]]),
  },
  proxy: {},
};

describe('decoding a message body in one walk (patched dbus-next)', () => {
  it('gives what the two walks gave for a settings reply (a{sa{sv}})', async () => {
    const bytes = wire('a{sa{sv}}', [settingsReply]);
    const [decoded] = (await decodedFromStream(bytes)).body ?? [];
    expect(decoded).toStrictEqual(decodedTwoWalks(bytes)[0]);
    expect(decoded).toStrictEqual(settingsReply);
  });

  it('gives what the two walks gave for any body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(typed, { minLength: 1, maxLength: 3 }), async (parts) => {
        const signature = parts.map((p) => p.sig).join('');
        const bytes = wire(
          signature,
          parts.map((p) => p.value),
        );
        const message = await decodedFromStream(bytes);
        expect(message.signature).toBe(signature);
        expect(message.body).toStrictEqual(decodedTwoWalks(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a message without a body as before: an empty body', async () => {
    const message = await decodedFromStream(wire('', []));
    expect(message.body).toStrictEqual([]);
    expect(message.signature).toBe('');
  });
});
