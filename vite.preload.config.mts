import { defineConfig } from 'vite';

// The preload runs sandboxed: it may require('electron') and nothing else, so everything it
// imports is bundled into one CommonJS file. tsc builds the rest of out/; this build must not
// empty the directory.
export default defineConfig({
  // A public/ directory belongs to the renderer; never copy it next to the preload.
  publicDir: false,
  build: {
    outDir: 'out/preload',
    emptyOutDir: false,
    target: 'chrome130',
    minify: false,
    sourcemap: true,
    lib: {
      entry: 'preload/index.ts',
      formats: ['cjs'],
      fileName: () => 'index.js',
    },
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
