import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (see stryker.config.mjs): the unit project only. The
// modules it mutates are main-side code that the unit tests import; the component tests exercise
// the renderer, and the sandbox project (a real NetworkManager, root) is far too slow to run once
// per mutant. packaging.test.ts checks the built out/ folder, which Stryker's copy does not have.
// The parsers' linear-time bound and the time a test may take are raised (parser-fuzz.test.ts
// parses 1 MiB files): instrumented code on a loaded machine is slow, and a time limit missed by a
// mutant that changes nothing is not a kill. A mutant that hangs still meets Stryker's own timeout.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/app/packaging.test.ts'],
    env: { TUNNELBAR_PARSE_BOUND_MS: '60000' },
    testTimeout: 60_000,
  },
});
