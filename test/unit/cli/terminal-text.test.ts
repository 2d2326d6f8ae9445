import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../../main/cli/terminal-text';

describe('terminalSafe', () => {
  it('leaves ordinary text alone, accents and other scripts included', () => {
    const text = 'Büro (Zürich) — 東京 / tb-vpn_1.ovpn: "remote x 1194"';
    expect(terminalSafe(text)).toBe(text);
  });

  it('shows ESC and CSI/OSC sequences as visible escapes', () => {
    // Clear the screen; set the window title (OSC 0 ... BEL).
    expect(terminalSafe('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(terminalSafe('\u001b]0;pwned\u0007')).toBe('\\x1b]0;pwned\\x07');
  });

  it('escapes CR and backspace, which would overwrite what was printed', () => {
    expect(terminalSafe('connected\rfailed')).toBe('connected\\rfailed');
    expect(terminalSafe('abc\b\b')).toBe('abc\\x08\\x08');
  });

  it('escapes DEL and the C1 controls (CSI U+009B acts like ESC [)', () => {
    expect(terminalSafe('x\u007fy')).toBe('x\\x7fy');
    expect(terminalSafe('\u009b2J\u0085')).toBe('\\x9b2J\\x85');
  });

  it('escapes bidi overrides, isolates and marks, and the Unicode line separators', () => {
    expect(terminalSafe('evil\u202ecod.ovpn')).toBe('evil\\u202ecod.ovpn');
    expect(terminalSafe('\u2066a\u2069\u200f\u061c')).toBe('\\u2066a\\u2069\\u200f\\u061c');
    expect(terminalSafe('a\u2028b\u2029')).toBe('a\\u2028b\\u2029');
  });

  it('one line by default: a newline or tab cannot forge a line or a column', () => {
    expect(terminalSafe('work\nother: connected\tx')).toBe('work\\nother: connected\\tx');
  });

  it('keeps newlines and tabs for texts of several lines, and nothing else', () => {
    expect(terminalSafe('Welcome\n\tto\u001b[31m work', 'lines')).toBe(
      'Welcome\n\tto\\x1b[31m work',
    );
  });

  it('escapes NUL and the rest of C0', () => {
    expect(terminalSafe('\u0000\u0001\u001f')).toBe('\\x00\\x01\\x1f');
  });
});
