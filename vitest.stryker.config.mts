import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (see stryker.config.mjs): the unit project only. The
// modules it mutates are main-side code that the unit tests import; the component tests exercise
// the renderer, and the sandbox project (a real NetworkManager, root) is far too slow to run once
// per mutant. packaging.test.ts checks the built out/ folder, which Stryker's copy does not have.
// The parsers' linear-time bound is raised (parser-fuzz.test.ts): instrumented code on a loaded
// machine is slow, and a time limit missed by a mutant that changes nothing is not a kill.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/app/packaging.test.ts'],
    env: { TUNNELBAR_PARSE_BOUND_MS: '60000' },
  },
});
