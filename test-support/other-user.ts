/**
 * Tests that run a program as ANOTHER USER (e.g. uid 65534 "nobody", to see what an unprivileged user gets) must
 * not depend on where the checkout lives: a clone in a private folder (root's home is 0700, `mktemp -d` is 0700)
 * is unreadable for that user, and the program would fail before it starts. So what the other user runs is
 * staged into a fresh world-readable temp folder first: the built CLI bundle (dist/cli, with dist/native when
 * built) and the packages it loads at run time, found by reading the bundle's bare imports and following each
 * package's dependencies. .ci/run checks this by running these tests again from a clone in a 0700 folder
 * (docs/decisions/0002-build-and-test-tooling.md).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export type StagedCli = { ok: true; dir: string; cli: string; cleanup(): void } | { ok: false; reason: string };

const BARE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g;

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Where `name` resolves from a package folder: its own node_modules, then each parent's, as Node looks. */
function findPackage(name: string, fromDir: string, root: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root) return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * Copy the built CLI (`dist/cli`) and its run-time packages into a new 0755 temp folder that any user can read.
 * Returns ok:false (a reason to print and skip) when dist/cli is not built.
 */
export function stageCliForOtherUser(checkout = process.cwd()): StagedCli {
  const distCli = path.join(checkout, 'dist/cli');
  if (!fs.existsSync(path.join(distCli, 'cli.mjs'))) return { ok: false, reason: 'dist/cli/cli.mjs is not built (npm test builds it; alone: npm run build:node)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-other-user-'));
  fs.chmodSync(dir, 0o755);
  fs.cpSync(distCli, path.join(dir, 'dist/cli'), { recursive: true });
  const native = path.join(checkout, 'dist/native');
  if (fs.existsSync(native)) fs.cpSync(native, path.join(dir, 'dist/native'), { recursive: true });

  // The packages the bundle imports by name (the build's externals), then their dependencies, transitively.
  const wanted = new Set<string>();
  const files = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : e.name.endsWith('.mjs') || e.name.endsWith('.js') ? [path.join(d, e.name)] : []));
  for (const f of files(distCli)) for (const m of fs.readFileSync(f, 'utf8').matchAll(BARE_IMPORT)) if (!isBuiltin(m[1]!)) wanted.add(packageName(m[1]!));
  const queue = [...wanted].map((name) => ({ name, from: checkout }));
  const copied = new Set<string>();
  while (queue.length) {
    const { name, from } = queue.shift()!;
    const src = findPackage(name, from, checkout);
    if (!src) continue; // an optional dependency that is not installed (Node would not find it either)
    const rel = path.relative(checkout, src);
    if (copied.has(rel)) continue;
    copied.add(rel);
    // the package itself, without nested node_modules (those are walked as dependencies)
    fs.cpSync(src, path.join(dir, rel), { recursive: true, dereference: true, filter: (s) => s === src || !path.relative(src, s).split(path.sep).includes('node_modules') });
    const pkg = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) queue.push({ name: dep, from: src });
  }
  // Readable and traversable for everyone, whatever the umask or the checkout's modes were.
  spawnSync('chmod', ['-R', 'a+rX', dir]);
  return { ok: true, dir, cli: path.join(dir, 'dist/cli/cli.mjs'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
