// `npm run icons`: renders assets/src/*.svg into the PNGs the app and the packages use, with
// librsvg's rsvg-convert (Debian: apt-get install librsvg2-bin). The PNGs are committed, so only
// a change to an SVG needs this.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrayIconState } from '../main/desktop/surface-types';
import { CONNECTING_FRAMES, TRAY_SIZES, trayIconName } from '../main/desktop/tray-icon';

const root = join(__dirname, '..');
const src = join(root, 'assets', 'src');

/** The glyph colour of the SVG sources (for light panels) and its replacement on dark panels. */
const LIGHT_PANEL_GLYPH = '#241f31';
const DARK_PANEL_GLYPH = '#f6f5f4';
const APP_ICON_SIZES = [16, 22, 24, 32, 48, 64, 128, 256, 512];

function render(svg: string, size: number, out: string): void {
  const png = execFileSync('rsvg-convert', ['--width', String(size), '--height', String(size)], {
    input: svg,
  });
  writeFileSync(out, png);
}

function trayGlyphs(): { state: TrayIconState; frame: number; file: string }[] {
  const states: TrayIconState[] = [
    'disconnected',
    'blocked',
    'connected',
    'reconnecting',
    'failed',
    'nm-down',
  ];
  return [
    ...states.map((state) => ({ state, frame: 0, file: `tray-${state}.svg` })),
    ...Array.from({ length: CONNECTING_FRAMES }, (_, frame) => ({
      state: 'connecting' as const,
      frame,
      file: `tray-connecting-${frame}.svg`,
    })),
  ];
}

function main(): void {
  try {
    execFileSync('rsvg-convert', ['--version']);
  } catch {
    process.stderr.write('rsvg-convert is missing: apt-get install librsvg2-bin\n');
    process.exit(1);
  }
  const trayDir = join(root, 'assets', 'tray');
  mkdirSync(trayDir, { recursive: true });
  let count = 0;
  for (const glyph of trayGlyphs()) {
    const light = readFileSync(join(src, glyph.file), 'utf8');
    for (const darkPanel of [false, true]) {
      const svg = darkPanel ? light.replaceAll(LIGHT_PANEL_GLYPH, DARK_PANEL_GLYPH) : light;
      for (const size of TRAY_SIZES) {
        const name = trayIconName({ state: glyph.state, frame: glyph.frame, darkPanel, size });
        render(svg, size, join(trayDir, `${name}.png`));
        render(svg, size * 2, join(trayDir, `${name}@2x.png`));
        count += 2;
      }
    }
  }
  const iconDir = join(root, 'assets', 'icons');
  mkdirSync(iconDir, { recursive: true });
  const app = readFileSync(join(src, 'app.svg'), 'utf8');
  for (const size of APP_ICON_SIZES) {
    render(app, size, join(iconDir, `${size}x${size}.png`));
    count += 1;
  }
  process.stdout.write(`rendered ${count} PNGs into assets/tray and assets/icons\n`);
}

main();
