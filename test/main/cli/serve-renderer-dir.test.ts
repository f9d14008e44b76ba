import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultRendererDir } from '../../../src-main/cli/serve';

describe('serve finds the built screen', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it('from the source tree whatever the working folder (the bundle sits at the same depth: dist/cli)', () => {
    const built = path.resolve(cwd, 'dist', 'renderer');
    if (!fs.existsSync(path.join(built, 'index.html'))) {
      console.warn('skipped: dist/renderer is not built (npm test builds it first)');
      return;
    }
    process.chdir(os.tmpdir());
    expect(defaultRendererDir()).toBe(built);
  });
});
