/**
 * nmrpflash (jclehner/nmrpflash v0.9.25, GPL-3.0), the program people trust for Netgear NMRP, built from its
 * unchanged source in shared/anchors/nmrpflash/ with that folder's own build.sh into a cache folder OUTSIDE this
 * repository (its code is never copied into the repository). Tests and the benchmark run it against the same
 * stand-in router as our own implementation, so the stand-in is checked against the tool people use.
 *
 * Where the source is: RB_NMRPFLASH_SRC, else a shared/anchors/nmrpflash folder in or beside this checkout or a
 * folder above it, or beside the main checkout of a worktree (git common dir) or the origin of a local clone.
 * The cache: RB_ANCHOR_CACHE, else ~/.cache/rescue-bench-anchors. Needs gcc, make, pkg-config, libpcap-dev,
 * libnl-3-dev, libnl-route-3-dev (.ci/run installs them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ANCHOR = path.join('shared', 'anchors', 'nmrpflash');

/** The git command's answer in `cwd`, or undefined (not a checkout, no git). */
function git(cwd: string, args: string[]): string | undefined {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/**
 * The folders that may hold shared/anchors/nmrpflash, in order: this checkout and the folders above it (the anchor
 * beside the clone, `../shared/...`, as in the project's layout); then, for a worktree or a clone made into a temp
 * folder, the folder of the main checkout (the git common dir's parent) and of a clone's origin when that is a
 * local folder (CI clones its checkout into a private folder, .ci/run), each with the folder above it.
 */
export function anchorSearchRoots(checkout: string): string[] {
  const roots: string[] = [];
  let dir = checkout;
  for (let i = 0; i < 5; i++) {
    roots.push(dir);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const common = git(checkout, ['rev-parse', '--path-format=absolute', '--git-common-dir']);
  const origin = git(checkout, ['config', '--get', 'remote.origin.url']);
  for (const other of [common ? path.dirname(common) : undefined, origin && path.isAbsolute(origin) ? origin.replace(/\/\.git\/?$/, '') : undefined]) {
    if (other) roots.push(other, path.dirname(other));
  }
  return [...new Set(roots)];
}

/** Where the source is: RB_NMRPFLASH_SRC when set (only there), else the first search root holding shared/anchors/nmrpflash. */
export function nmrpflashSource(checkout: string): { dir: string } | { why: string } {
  const env = process.env.RB_NMRPFLASH_SRC;
  if (env) return fs.existsSync(path.join(env, 'build.sh')) ? { dir: path.resolve(env) } : { why: `RB_NMRPFLASH_SRC=${env} has no build.sh` };
  const roots = anchorSearchRoots(checkout);
  const hit = roots.map((r) => path.join(r, ANCHOR)).find((c) => fs.existsSync(path.join(c, 'build.sh')));
  return hit ? { dir: hit } : { why: `the nmrpflash source (${ANCHOR}) is in none of ${roots.join(', ')}; set RB_NMRPFLASH_SRC` };
}

let built: { ok: true; path: string } | { ok: false; reason: string } | undefined;

/** Build (once per cache) and return nmrpflash's path, or why it cannot be built here. */
export function nmrpflash(): { ok: true; path: string } | { ok: false; reason: string } {
  if (built) return built;
  const found = nmrpflashSource(typeof __dirname === 'string' ? path.resolve(__dirname, '..') : process.cwd());
  if ('why' in found) return (built = { ok: false, reason: found.why });
  const src = found.dir;
  const missing = ['libpcap', 'libnl-route-3.0'].filter((p) => spawnSync('pkg-config', ['--exists', p]).status !== 0);
  if (missing.length) return (built = { ok: false, reason: `building nmrpflash needs ${missing.join(' and ')} (apt: libpcap-dev libnl-3-dev libnl-route-3-dev, and pkg-config)` });
  const cache = path.join(process.env.RB_ANCHOR_CACHE ?? path.join(os.homedir(), '.cache', 'rescue-bench-anchors'), 'nmrpflash-v0.9.25');
  const bin = path.join(cache, 'nmrpflash');
  const stamp = path.join(cache, '.built-from');
  const srcStamp = fs.statSync(path.join(src, 'src', 'nmrp.c')).mtimeMs.toString();
  if (fs.existsSync(bin) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === srcStamp) return (built = { ok: true, path: bin });
  try {
    fs.rmSync(cache, { recursive: true, force: true });
    const out = execFileSync('bash', [path.join(src, 'build.sh'), cache], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 }).toString().trim().split('\n').at(-1)!;
    if (!fs.existsSync(out)) return (built = { ok: false, reason: `build.sh printed ${out}, which does not exist` });
    fs.writeFileSync(stamp, srcStamp);
    return (built = { ok: true, path: out });
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    return (built = { ok: false, reason: `build.sh failed: ${e.stderr?.toString().slice(-800) ?? e.message}` });
  }
}
