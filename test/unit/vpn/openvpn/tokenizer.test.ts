import { describe, expect, it } from 'vitest';
import { blockTag, OvpnLines, tokenizeLine } from '../../../../main/vpn/openvpn/tokenizer';

describe('tokenizeLine', () => {
  it.each<[string, string[] | null]>([
    ['', null],
    ['   \t ', null],
    ['# comment', null],
    ['; comment', null],
    ['   # indented comment', null],
    ['client', ['client']],
    ['remote  vpn.example.com\t1194   udp', ['remote', 'vpn.example.com', '1194', 'udp']],
    ['remote host # trailing comment', ['remote', 'host']],
    ['remote host ;trailing comment', ['remote', 'host']],
    ['remote host#not-a-comment', ['remote', 'host#not-a-comment']],
    ['ca "my ca.crt"', ['ca', 'my ca.crt']],
    ["ca 'my ca.crt'", ['ca', 'my ca.crt']],
    ['ca my\\ ca.crt', ['ca', 'my ca.crt']],
    ['x "a \\"quoted\\" word"', ['x', 'a "quoted" word']],
    ['x "back\\\\slash"', ['x', 'back\\slash']],
    ["x 'single \\ keeps backslash'", ['x', 'single \\ keeps backslash']],
    ["x 'a'b", ['x', 'a', 'b']],
    ['x "a"b', ['x', 'a', 'b']],
    ["x a'b'", ['x', "a'b'"]],
    ['x ""', ['x', '']],
    ['x "a"#comment', ['x', 'a']],
    ['x \\#y', ['x', '#y']],
    ['x y\r', ['x', 'y']],
    ['x "y\r"', ['x', 'y\r']],
  ])('%j → %j', (line, params) => {
    expect(tokenizeLine(line)).toEqual(params === null ? null : { params });
  });

  it.each([
    ['ca "unterminated', 'unterminated double quote at position 3'],
    ["ca 'unterminated", 'unterminated single quote at position 3'],
    ['ca "ends with backslash\\', 'unterminated double quote at position 3'],
    ['ca x\\', 'trailing escaping backslash at position 3'],
  ])('%j is an error: %s', (line, error) => {
    expect(tokenizeLine(line)).toEqual({ error });
  });
});

describe('OvpnLines', () => {
  it('numbers lines, skips blank and comment lines, and drops a leading --', () => {
    const lines = new OvpnLines('# head\n\n--client\n  remote x\n');
    expect(lines.next()).toEqual({ kind: 'directive', line: 3, params: ['client'] });
    expect(lines.next()).toEqual({ kind: 'directive', line: 4, params: ['remote', 'x'] });
    expect(lines.next()).toBeNull();
  });

  it('skips a UTF-8 byte order mark and reads CRLF lines', () => {
    const lines = new OvpnLines('\uFEFFclient\r\nremote x 1194\r\n');
    expect(lines.next()).toEqual({ kind: 'directive', line: 1, params: ['client'] });
    expect(lines.next()).toEqual({ kind: 'directive', line: 2, params: ['remote', 'x', '1194'] });
  });

  it('ends a line at NUL as well as at a newline', () => {
    const lines = new OvpnLines('client\0remote x\n');
    expect(lines.next()).toMatchObject({ line: 1, params: ['client'] });
    expect(lines.next()).toMatchObject({ line: 2, params: ['remote', 'x'] });
  });

  it('reports a tokenizer error with its line', () => {
    const lines = new OvpnLines('client\nca "x\n');
    lines.next();
    expect(lines.next()).toEqual({
      kind: 'error',
      line: 2,
      message: 'unterminated double quote at position 3',
    });
  });

  it('reads an inline block: leading whitespace removed, line ends kept, CR included', () => {
    const lines = new OvpnLines('<ca>\n  AAA\r\n\tBBB\n   \n</ca>\nclient\n');
    expect(lines.next()).toMatchObject({ line: 1, params: ['<ca>'] });
    expect(lines.readBlock('ca')).toBe('AAA\r\nBBB\n\n');
    expect(lines.next()).toMatchObject({ line: 6, params: ['client'] });
  });

  it('ends a block at a line that starts with the closing tag, after whitespace', () => {
    const lines = new OvpnLines('<key>\nK\n   </key> trailing\nclient\n');
    lines.next();
    expect(lines.readBlock('key')).toBe('K\n');
    expect(lines.next()).toMatchObject({ line: 4 });
  });

  it('returns null for a block without its closing tag', () => {
    const lines = new OvpnLines('<ca>\nAAA\n</cert>\n');
    lines.next();
    expect(lines.readBlock('ca')).toBeNull();
  });
});

describe('blockTag', () => {
  it.each([
    ['<ca>', 'ca'],
    ['<tls-crypt-v2>', 'tls-crypt-v2'],
    ['<>', ''],
    ['</ca>', '/ca'],
    ['<', null],
    ['ca', null],
    ['', null],
  ])('%j → %j', (directive, tag) => {
    expect(blockTag(directive)).toBe(tag);
  });
});
