import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

function files(dir: string, re: RegExp): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, re));
    else if (re.test(e.name)) out.push(p);
  }
  return out;
}
const importsOf = (src: string): string[] => [...src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

describe('architecture rules', () => {
  it('src-shared imports nothing from node, electron, the DOM side or src-main', () => {
    for (const f of files('src-shared', /\.ts$/)) {
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
        expect(spec, `${f} imports ${spec}`).not.toMatch(/^node:|^electron$|^(fs|path|os|net|dgram|child_process|crypto)$|src-main|src-renderer|^react/);
      }
    }
  });

  it('services never import electron (they run in the CLI and the bench server too)', () => {
    for (const f of [...files('src-main/services', /\.ts$/), ...files('src-main/app', /\.ts$/), ...files('src-main/bench-server', /\.ts$/), ...files('src-main/cli', /\.ts$/)]) {
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) expect(spec, `${f} imports ${spec}`).not.toMatch(/^electron$|src-main\/electron|\.\.\/electron/);
    }
  });

  it('the renderer reaches the workstation only through the contract client', () => {
    for (const f of files('src-renderer', /\.tsx?$/)) {
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) expect(spec, `${f} imports ${spec}`).not.toMatch(/^node:|^electron$|src-main/);
    }
  });
});
