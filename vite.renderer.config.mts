import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The first chunk (renderer/main.tsx) loads the view's chunk with import(): a modulepreload link
 * for it in index.html lets the browser fetch and compile it at once, beside the first chunk,
 * rather than after the first chunk ran. Only chunks named in VIEW_CHUNKS: the languages' chunks
 * are loaded when the window speaks them.
 */
const VIEW_CHUNKS = new Set(['view']);
const preloadView: Plugin = {
  name: 'tunnelbar-preload-view',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const bundle = ctx.bundle;
      if (bundle === undefined || ctx.chunk === undefined) return [];
      return ctx.chunk.dynamicImports.flatMap((file) => {
        const chunk = bundle[file];
        if (chunk?.type !== 'chunk' || !VIEW_CHUNKS.has(chunk.name)) return [];
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          },
        ];
      });
    },
  },
};

// The renderer's production bundle: renderer/ → out/renderer. Relative URLs (base './') so the
// same files load from file:// in Electron and from the browser harness. No module-preload
// polyfill: it would be an inline script, which the CSP forbids.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), preloadView],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    modulePreload: { polyfill: false },
  },
});
