// Bundles the Node side: Electron main (CJS), the sandboxed preload (one self-contained CJS file, only
// `electron` external) and the CLI (ESM). Native/optional modules stay external and ship in node_modules.
import { build } from 'esbuild';

// node-sqlite3-wasm loads its .wasm beside its own file; pg may try pg-native; playwright-core is large and only the PDF report loads it.
const external = ['electron', 'serialport', '@serialport/*', 'ssh2', 'cpu-features', 'ws', 'bufferutil', 'utf-8-validate', 'node-sqlite3-wasm', 'pg', 'pg-native', 'playwright-core'];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['src-main/electron/main.ts'], outfile: 'dist/main/main.cjs', format: 'cjs', external }),
  build({ ...common, entryPoints: ['src-main/electron/preload.cts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] }),
  // The backup's copy threads (decision 0125): pull-pool.ts finds the worker's entry beside the bundle that uses it.
  build({ ...common, entryPoints: ['src-main/capabilities/flash/pull-worker.ts'], outfile: 'dist/main/pull-worker.cjs', format: 'cjs', external }),
  build({
    ...common,
    entryPoints: ['src-main/capabilities/flash/pull-worker.ts'],
    outfile: 'dist/cli/pull-worker.mjs',
    format: 'esm',
    external,
    banner: { js: "import { createRequire as __rbCreateRequire } from 'node:module'; const require = __rbCreateRequire(import.meta.url);" },
  }),
  // The CLI is split into chunks: main.ts imports the command registry lazily, so `inspect` does not pay for
  // loading ssh2/serialport/ws (~0.5 s) that only other commands use (docs/decisions/0041-cli-lazy-commands.md).
  build({
    ...common,
    entryPoints: { cli: 'src-main/cli/main.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    external,
    // src-main/cli/main.ts carries the shebang; esbuild keeps it on the first line, so the banner must not add another.
    banner: { js: "import { createRequire as __rbCreateRequire } from 'node:module'; const require = __rbCreateRequire(import.meta.url);" },
  }),
]);
console.log('built dist/main/main.cjs, dist/main/preload.cjs, dist/cli/cli.mjs, the pull-worker beside each');
