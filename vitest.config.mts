import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs anywhere, `sandbox` needs root and the Debian packages (see README).
// Sandbox files run one at a time: each starts its own NetworkManager, and two cores are not enough
// to run several of them side by side without timeouts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'sandbox',
          include: ['test/sandbox/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
