// Builds the native lock-step TFTP engine (native/lockstep, decision 0013) into dist/native/rb_lockstep.node.
// Node-API only, so one build serves Node and Electron of the same platform. Headers come from the
// node-api-headers package (no download). Linux and macOS; elsewhere, or without a C compiler, it says so and
// the app uses its JavaScript engine for every transfer. RB_NATIVE=off skips the build.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const out = path.resolve('dist/native/rb_lockstep.node');
const src = ['native/lockstep/lockstep.c', 'native/lockstep/sha256.c'];

function skip(why) {
  fs.rmSync(out, { force: true });
  console.log(`native lock-step engine not built: ${why}. TFTP uses its JavaScript engine for every transfer.`);
  process.exit(0);
}

if (process.env.RB_NATIVE === 'off') skip('RB_NATIVE=off');
if (process.platform !== 'linux' && process.platform !== 'darwin') skip(`not built on ${process.platform} yet (POSIX sockets only)`);
const cc = process.env.CC || ['cc', 'gcc', 'clang'].find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);
if (!cc) skip('no C compiler found (install gcc, or set CC)');
const include = require('node-api-headers').include_dir;
const args = ['-O2', '-std=c11', '-Wall', '-Wextra', '-Werror', '-fPIC', '-shared', '-pthread', '-fvisibility=hidden', `-I${include}`, ...src, '-o', out];
if (process.platform === 'darwin') args.push('-undefined', 'dynamic_lookup');
fs.mkdirSync(path.dirname(out), { recursive: true });
try {
  execFileSync(cc, args, { stdio: 'inherit' });
} catch {
  skip(`${cc} failed (see above)`);
}
console.log(`built ${path.relative(process.cwd(), out)}`);
