// Builds the native addons into dist/native/: the lock-step TFTP engine (native/lockstep, decision 0013) as
// rb_lockstep.node and the raw-Ethernet binding for Netgear NMRP (native/rawether, decision 0085) as
// rb_rawether.node. Node-API only, so one build serves Node and Electron of the same platform. Headers come from
// the node-api-headers package (no download). Linux and macOS; elsewhere, or without a C compiler, it says so:
// TFTP then uses its JavaScript engine for every transfer, and Netgear recovery says it needs the raw-frame
// addon (and how to get it). RB_NATIVE=off skips both builds.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const addons = [
  {
    out: path.resolve('dist/native/rb_lockstep.node'),
    src: ['native/lockstep/lockstep.c', 'native/lockstep/sha256.c'],
    what: 'native lock-step engine',
    without: 'TFTP uses its JavaScript engine for every transfer.',
  },
  {
    out: path.resolve('dist/native/rb_rawether.node'),
    src: ['native/rawether/rawether.c'],
    what: 'raw-Ethernet addon',
    without: 'Netgear recovery (NMRP) needs it and says so when asked to run.',
  },
];

function skipped(addon, why) {
  fs.rmSync(addon.out, { force: true });
  console.log(`${addon.what} not built: ${why}. ${addon.without}`);
}

function skipAll(why) {
  for (const a of addons) skipped(a, why);
  process.exit(0);
}

if (process.env.RB_NATIVE === 'off') skipAll('RB_NATIVE=off');
if (process.platform !== 'linux' && process.platform !== 'darwin') skipAll(`not built on ${process.platform} yet (POSIX sockets only)`);
const cc = process.env.CC || ['cc', 'gcc', 'clang'].find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);
if (!cc) skipAll('no C compiler found (install gcc, or set CC)');
const include = require('node-api-headers').include_dir;
for (const addon of addons) {
  const args = ['-O2', '-std=c11', '-Wall', '-Wextra', '-Werror', '-fPIC', '-shared', '-pthread', '-fvisibility=hidden', `-I${include}`, ...addon.src, '-o', addon.out];
  if (process.platform === 'darwin') args.push('-undefined', 'dynamic_lookup');
  fs.mkdirSync(path.dirname(addon.out), { recursive: true });
  try {
    execFileSync(cc, args, { stdio: 'inherit' });
    console.log(`built ${path.relative(process.cwd(), addon.out)}`);
  } catch {
    skipped(addon, `${cc} failed (see above)`);
  }
}
