/**
 * nmrpflash (jclehner/nmrpflash v0.9.25, GPL-3.0), the program people trust for Netgear NMRP, built from its
 * unchanged source in shared/anchors/nmrpflash/ with that folder's own build.sh into a cache folder OUTSIDE this
 * repository (its code is never copied into the repository). Tests and the benchmark run it against the same
 * stand-in router as our own implementation, so the stand-in is checked against the tool people use.
 *
 * Where the source is: RB_NMRPFLASH_SRC, else a shared/anchors/nmrpflash folder beside or above this checkout.
 * The cache: RB_ANCHOR_CACHE, else ~/.cache/rescue-bench-anchors. Needs gcc, make, pkg-config, libpcap-dev,
 * libnl-3-dev, libnl-route-3-dev (.ci/run installs them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function sourceDir(): string | undefined {
  if (process.env.RB_NMRPFLASH_SRC) return process.env.RB_NMRPFLASH_SRC;
  let dir = typeof __dirname === 'string' ? path.resolve(__dirname, '..') : process.cwd();
  for (let i = 0; i < 5; i++) {
    const c = path.join(dir, 'shared', 'anchors', 'nmrpflash');
    if (fs.existsSync(path.join(c, 'build.sh'))) return c;
    const sib = path.join(path.dirname(dir), 'shared', 'anchors', 'nmrpflash');
    if (fs.existsSync(path.join(sib, 'build.sh'))) return sib;
    dir = path.dirname(dir);
  }
  return undefined;
}

let built: { ok: true; path: string } | { ok: false; reason: string } | undefined;

/** Build (once per cache) and return nmrpflash's path, or why it cannot be built here. */
export function nmrpflash(): { ok: true; path: string } | { ok: false; reason: string } {
  if (built) return built;
  const src = sourceDir();
  if (!src) return (built = { ok: false, reason: 'the nmrpflash source (shared/anchors/nmrpflash) is not next to this checkout; set RB_NMRPFLASH_SRC' });
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
