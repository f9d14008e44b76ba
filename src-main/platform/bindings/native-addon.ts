/**
 * Where one of our Node-API addons (dist/native/*.node, built by scripts/build-native.mjs) is: RB_NATIVE_DIR if set;
 * else beside a bundle (dist/native next to dist/main or dist/cli) or in a checkout's dist/native, found by walking up
 * from the bundle, the entry script and the working folder. In a packaged app the file sits in app.asar.unpacked.
 */
import fs from 'node:fs';
import path from 'node:path';

export function addonCandidates(file: string): string[] {
  if (process.env.RB_NATIVE_DIR) return [path.resolve(process.env.RB_NATIVE_DIR, file)];
  const bases = [typeof __dirname === 'string' ? __dirname : undefined, process.argv[1] ? path.dirname(path.resolve(process.argv[1])) : undefined, process.cwd()];
  const out: string[] = [];
  for (const base of bases) {
    if (!base) continue;
    let dir = base;
    for (let i = 0; i < 6; i++) {
      out.push(path.join(dir, 'native', file), path.join(dir, 'dist', 'native', file));
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return [...new Set(out)];
}

/** The first candidate that exists (also as its app.asar.unpacked twin), or undefined. */
export function findAddon(file: string): string | undefined {
  return addonCandidates(file).find((p) => fs.existsSync(p) || fs.existsSync(p.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`)));
}
