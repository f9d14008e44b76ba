import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

function files(dir: string, re: RegExp): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) throw new Error(`${dir} does not exist: the architecture rules name folders that moved`);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, re));
    else if (re.test(e.name)) out.push(p);
  }
  return out;
}
const importsOf = (src: string): string[] =>
  [...src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

/** The file a relative import lands on (posix, relative to the repository), or undefined for packages. */
function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from.split(path.sep).join('/')), spec));
  for (const ext of ['', '.ts', '.tsx', '.cts', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx']) {
    const p = base + ext;
    if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
  }
  return base;
}

const CAPABILITY = /^src-(shared|main|renderer)\/capabilities\/([^/]+)\/(.+)$/;
/** Which capability a file belongs to (its folder name in any layer), if any. */
const capabilityOf = (file: string): string | undefined => CAPABILITY.exec(file)?.[2];
/**
 * A capability's public entry points: its index in each layer, and in the renderer also its store (the
 * state API, importable without the views: a benchmark or another capability's panel reads it), and its words
 * (src-shared/capabilities/<id>/messages/<locale>.ts, merged by the one catalogue in src-shared/i18n/).
 */
const isPublicEntry = (file: string): boolean =>
  /^src-(shared|main|renderer)\/capabilities\/[^/]+\/index\.tsx?$/.test(file) ||
  /^src-renderer\/capabilities\/[^/]+\/store\.ts$/.test(file) ||
  /^src-shared\/capabilities\/[^/]+\/messages\/[a-zA-Z-]+\.ts$/.test(file);

const SOURCE = /\.(ts|tsx|cts|mts)$/;
const all = (dirs: string[]): string[] => dirs.flatMap((d) => files(d, SOURCE)).map((f) => f.split(path.sep).join('/'));

describe('architecture rules', () => {
  it('src-shared imports nothing from node, electron, the DOM side or src-main', () => {
    for (const f of all(['src-shared'])) {
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
        expect(spec, `${f} imports ${spec}`).not.toMatch(/^node:|^electron$|^(fs|path|os|net|dgram|child_process|crypto)$|src-main|src-renderer|^react/);
      }
    }
  });

  it('nothing but the Electron shell imports electron (the services run in the CLI and the browser server too)', () => {
    for (const f of all(['src-main/capabilities', 'src-main/core', 'src-main/platform', 'src-main/session', 'src-main/browser-server', 'src-main/cli'])) {
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) expect(spec, `${f} imports ${spec}`).not.toMatch(/^electron$|src-main\/electron|\.\.\/electron/);
    }
  });

  it('the renderer reaches the workstation only through the contract client', () => {
    for (const f of all(['src-renderer'])) {
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) expect(spec, `${f} imports ${spec}`).not.toMatch(/^node:|^electron$|src-main/);
    }
  });

  it("no capability imports another capability's internals: only its index in each layer", () => {
    const bad: string[] = [];
    for (const f of all(['src-shared', 'src-main', 'src-renderer'])) {
      const mine = capabilityOf(f);
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
        const target = resolveImport(f, spec);
        if (!target) continue;
        const theirs = capabilityOf(target);
        if (theirs && theirs !== mine && !isPublicEntry(target)) bad.push(`${f} imports ${spec} (inside ${theirs})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('benchmarks and browser tests use only public entry points and test-support/', () => {
    const bad: string[] = [];
    for (const f of all(['benchmarks', 'e2e'])) {
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
        const target = resolveImport(f, spec);
        if (!target) continue;
        if (target.startsWith('test/')) bad.push(`${f} imports ${spec} (test internals: shared helpers belong in test-support/)`);
        else if (capabilityOf(target) && !isPublicEntry(target)) bad.push(`${f} imports ${spec} (inside ${capabilityOf(target)})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every capability has one folder per layer it lives in, and each has its index (descriptor)', () => {
    for (const layer of ['src-shared', 'src-main', 'src-renderer']) {
      for (const cap of fs.readdirSync(`${layer}/capabilities`, { withFileTypes: true }).filter((e) => e.isDirectory())) {
        const index = ['index.ts', 'index.tsx'].some((n) => fs.existsSync(`${layer}/capabilities/${cap.name}/${n}`));
        expect(index, `${layer}/capabilities/${cap.name} has no index`).toBe(true);
        expect(fs.existsSync(`src-shared/capabilities/${cap.name}/index.ts`), `${cap.name} has no shared descriptor`).toBe(true);
      }
    }
  });
});
