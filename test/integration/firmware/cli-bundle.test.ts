/**
 * The bundled CLI as users run it (`node dist/cli/cli.mjs inspect`): it starts (one shebang), loads only the
 * inspect chunk (no ssh2/serialport), and prints its result as one cli.result line (decision 0043). `npm test` builds dist/ before vitest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { reportSkip } from '../../../test-support/netns';
import * as W from '../../../test-support/firmware-images';
import { parseCliOutput, valueOf } from '../../../test-support/cli-lines';

const CLI = 'dist/cli/cli.mjs';
const built = fs.existsSync(CLI);
if (!built) reportSkip('bundled CLI inspect', 'dist/cli/cli.mjs is not built (run `npm run build:node`)');

describe.skipIf(!built)('bundled CLI: inspect', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = W.tmpDir('clibundle');
    file = path.join(dir, 'openwrt-sysupgrade.bin');
    const tar = W.tarOf([
      { name: 'sysupgrade-linksys_wrt32x/CONTROL', data: Buffer.from('BOARD=linksys_wrt32x\n') },
      { name: 'sysupgrade-linksys_wrt32x/kernel', data: W.uimageOf(W.armZImage(W.noise(200_000, 1))) },
      { name: 'sysupgrade-linksys_wrt32x/root', data: W.fakeSquashfs(16384) },
    ]);
    fs.writeFileSync(file, W.appendFwtool(tar, W.openwrtMeta({ devices: ['linksys,wrt32x'], compat: '2.0' })));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs as a process and prints the report as one cli.result line, without loading ssh2 or serialport', () => {
    const r = spawnSync(process.execPath, ['--trace-warnings', CLI, 'inspect', file, '--json', '--device', 'linksys,wrt32x'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_DEBUG: 'module' },
    });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const lines = parseCliOutput(r.stdout);
    expect(lines).toHaveLength(1);
    const j = valueOf(lines, 'inspect');
    expect(j.inspection.formats.map((f) => f.type)).toEqual(['sysupgrade-tar', 'uimage', 'zimage', 'squashfs', 'fwtool-metadata']);
    expect(j.verdict!.verdict).toBe('compatible');
    // NODE_DEBUG=module logs every CommonJS module load on stderr
    expect(r.stderr).not.toMatch(/node_modules\/ssh2\//);
    expect(r.stderr).not.toMatch(/node_modules\/serialport\//);
  });
});
