// Mutation testing (issue #18): Stryker plants one-line bugs in the modules that decide what reaches
// NetworkManager and the keyring, and runs the unit tests that cover each one; a mutant that no test
// fails on ("survived") is a bug the suite would let through. `npm run test:mutation` runs all of
// them; `npm run test:mutation -- --mutate main/app/sender.ts` one module. Incremental: the result
// of every mutant is kept in reports/mutation/stryker-incremental.json, and a rerun tests again only
// the mutants whose code or covering tests changed (`-- --force` tests all again). The file is not
// committed: it holds a copy of every test file it ran (megabytes, changed by every run), so a fresh
// clone starts with a full run. Equivalent survivors are listed in docs/mutation.md.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.mts', related: true },
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // Two cores, shared: more runners only thrash.
  concurrency: 2,
  timeoutMS: 10_000,
  mutate: [
    'main/agent/secret-plan.ts',
    'main/agent/answer.ts',
    'main/agent/secret-agent.ts',
    'main/agent/secret-reply.ts',
    'main/agent/secret-flags.ts',
    'main/editor/apply.ts',
    'main/editor/ip.ts',
    'main/nm/tunnel-state.ts',
    'main/app/sender.ts',
    'main/contract/server.ts',
    'main/contract/tunnel-calls.ts',
    'main/contract/settings-calls.ts',
    'main/contract/privacy-calls.ts',
    'main/vpn/openvpn/parse.ts',
    'main/vpn/openvpn/directives.ts',
    'main/vpn/openvpn/directives-complex.ts',
    'main/vpn/openvpn/directive-kit.ts',
    'main/vpn/openvpn/keys.ts',
    'main/vpn/wireguard/parse.ts',
  ],
  // Stryker copies the project into a sandbox; the build output and test artefacts are not needed.
  ignorePatterns: ['out', 'dist', 'test-artifacts', 'reports', 'test/sandbox', 'test/e2e'],
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 85, break: null },
};
