import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Three projects: `unit` and `component` (the renderer's views in jsdom, against a fake contract)
// run anywhere, `sandbox` needs root and the Debian packages (see README); the browser end-to-end
// tests (test/e2e) run in it, since they drive a real NetworkManager through the harness.
// Sandbox files run one at a time: each starts its own NetworkManager, and two cores are not enough
// to run several of them side by side without timeouts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/support/english-locale.ts'],
          // Vitest's 5 s default fails tests on a loaded two-core machine (schema loading, jsdom
          // renders); none of them measures time, and a test that hangs still fails.
          testTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          include: ['test/component/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/support/english-locale.ts', 'test/component/support/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'sandbox',
          include: ['test/sandbox/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          setupFiles: ['test/support/english-locale.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
