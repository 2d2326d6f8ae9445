import { defineConfig } from 'vite';
import { CALL_NAMES, EVENT_NAMES } from './preload/contract.js';

// The preload runs sandboxed: it may require('electron') and nothing else, so everything it
// imports is bundled into one CommonJS file. tsc builds the rest of out/; this build must not
// empty the directory.
export default defineConfig({
  // A public/ directory belongs to the renderer; never copy it next to the preload.
  publicDir: false,
  // The preload checks names against the contract's; they come from its one table here, at build
  // time, because the table holds zod schemas the sandboxed preload should not carry.
  define: {
    __TUNNELBAR_CONTRACT_NAMES__: JSON.stringify({ calls: CALL_NAMES, events: EVENT_NAMES }),
  },
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
