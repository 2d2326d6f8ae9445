// Bundles the two programs a user starts, the `tunnelbar` command (a small launcher and the
// whole CLI it loads for real commands) and Electron's main process, each into one file over
// the per-module output of `tsc` (same paths, so package.json's `bin` and `main`, the packaging
// and the tests are unchanged). Node then reads and compiles one file instead of resolving and
// loading about 150 modules: that is most of the CLI's start time. The harness and the tests
// keep loading tsc's modules. dbus-next comes in as patched by patches/ (patch-package).
import { readFile } from 'node:fs/promises';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/**
 * The catalogues as string literals handed to JSON.parse: V8 scans a string much faster than
 * it compiles the same data written as an object literal.
 */
const catalogueAsJsonString: Plugin = {
  name: 'catalogue-as-json-string',
  setup(b) {
    b.onLoad({ filter: /[\\/]locales[\\/][^\\/]+\.json$/ }, async ({ path }) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(await readFile(path, 'utf8'))});`,
      loader: 'js',
    }));
  },
};

const shared: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Less to read and compile at every start. Names are kept for errors and logs, and the linked
  // maps lead stack traces back to the source with `NODE_OPTIONS=--enable-source-maps` (on by
  // default, every start would parse the map).
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [catalogueAsJsonString],
  external: [
    // Provided by Electron at run time (and by the tests' stand-in).
    'electron',
    // dbus-next's optional X11 session-bus discovery, which Tunnelbar never uses (it talks to
    // the system bus, and to the session bus by its address).
    'x11',
  ],
};

/**
 * The launcher loads the whole CLI only for a command that needs it (launcher.ts): its
 * `require('./tunnelbar')` stays a require, of the whole CLI's bundle beside it.
 */
const wholeCliBeside: Plugin = {
  name: 'whole-cli-beside',
  setup(b) {
    b.onResolve({ filter: /^\.\/tunnelbar$/ }, () => ({
      path: './tunnelbar-full.js',
      external: true,
    }));
  },
};

const programs: readonly { entry: string; out: string; plugins?: Plugin[] }[] = [
  // The `tunnelbar` command (package.json's bin) and the whole CLI it loads.
  {
    entry: 'main/cli/launcher.ts',
    out: 'out/main/cli/tunnelbar.js',
    plugins: [catalogueAsJsonString, wholeCliBeside],
  },
  { entry: 'main/cli/tunnelbar.ts', out: 'out/main/cli/tunnelbar-full.js' },
  { entry: 'main/app/main.ts', out: 'out/main/app/main.js' },
];

async function main(): Promise<void> {
  await Promise.all(
    programs.map(({ entry, out, plugins }) =>
      build({ ...shared, ...(plugins ? { plugins } : {}), entryPoints: [entry], outfile: out }),
    ),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
