// Builds the native addons into dist/native/: the lock-step TFTP engine (native/lockstep, decision 0013) as
// rb_lockstep.node and the raw-Ethernet binding for Netgear NMRP (native/rawether, decision 0085) as
// rb_rawether.node. Node-API only, so one build serves Node and Electron of the same platform. Headers come from
// the node-api-headers package (no download). Linux and macOS build both; Windows builds only the raw-Ethernet
// addon, from rawether_win.c (Npcap, loaded at run time; decision 0096; UNTESTED on Windows) with MSVC's cl or
// mingw-w64's gcc (scripts/native-windows.mjs). Without a C compiler it says so: TFTP then uses its JavaScript
// engine for every transfer, and Netgear recovery says it needs the raw-frame addon (and how to get it).
// RB_NATIVE=off skips both builds.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WINDOWS_SOURCES, windowsAddonCommands } from './native-windows.mjs';

const require = createRequire(import.meta.url);
const addons = [
  {
    out: path.resolve('dist/native/rb_lockstep.node'),
    src: ['native/lockstep/lockstep.c', 'native/lockstep/sha256.c'],
    windows: false,
    what: 'native lock-step engine',
    without: 'TFTP uses its JavaScript engine for every transfer.',
  },
  {
    out: path.resolve('dist/native/rb_rawether.node'),
    src: ['native/rawether/rawether.c'],
    windows: true,
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

function found(c) {
  return spawnSync(c, c === 'cl' ? [] : ['--version'], { stdio: 'ignore' }).error === undefined;
}

/** Windows: the raw-Ethernet addon with cl (a Visual Studio developer prompt) or mingw-w64's gcc; no lock-step engine. */
function buildWindows() {
  const compiler = process.env.CC ? (/\bcl(\.exe)?$/i.test(process.env.CC) ? 'msvc' : 'mingw') : found('cl') ? 'msvc' : found('gcc') ? 'mingw' : undefined;
  for (const a of addons) if (!a.windows) skipped(a, 'not built on Windows yet (POSIX sockets only)');
  const addon = addons.find((a) => a.windows);
  if (!compiler) return skipped(addon, 'no C compiler found (open a Visual Studio "Developer Command Prompt", or put mingw-w64 gcc on PATH)');
  const obj = path.resolve('dist/native/obj');
  fs.mkdirSync(obj, { recursive: true });
  const headers = require('node-api-headers');
  const cmds = windowsAddonCommands({ compiler, include: headers.include_dir, def: headers.def_paths.node_api_def, out: addon.out, obj, arch: process.arch, sources: WINDOWS_SOURCES });
  try {
    for (const [cmd, args] of cmds) execFileSync(cmd, args, { stdio: 'inherit' });
    console.log(`built ${path.relative(process.cwd(), addon.out)} (Windows, Npcap: untested on a real Windows computer)`);
  } catch {
    skipped(addon, `${compiler === 'msvc' ? 'cl' : 'gcc'} failed (see above)`);
  }
  process.exit(0);
}

if (process.env.RB_NATIVE === 'off') skipAll('RB_NATIVE=off');
if (process.platform === 'win32') buildWindows();
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
