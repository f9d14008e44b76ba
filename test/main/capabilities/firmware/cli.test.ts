import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../../src-main/cli/main';
import * as W from '../../../../test-support/firmware-images';
import { parseCliOutput, resultOf, valueOf } from '../../../../test-support/cli-lines';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), stopped: Promise.resolve() } };
}
let dir: string;
let stock: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-fw-cli-'));
  stock = path.join(dir, 'FW_WRT32X_1.0.180404.58.img');
  fs.writeFileSync(stock, W.linksysStockLike());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('rescue-bench inspect', () => {
  it('--json prints one cli.result line: firmware.inspect\'s reply (size, sha256, formats, metadata, warnings)', async () => {
    const t = io();
    expect(await runCli(['inspect', stock, '--json'], t.io)).toBe(0);
    expect(t.out).toHaveLength(1);
    const lines = parseCliOutput(t.out);
    expect(lines[0]!.event).toBe('cli.result');
    const j = valueOf(lines, 'inspect').inspection;
    expect(valueOf(lines, 'inspect').verdict).toBeUndefined();
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['size', 'sha256', 'md5', 'formats', 'metadata', 'warnings']));
    expect(j.size).toBe(fs.statSync(stock).size);
    expect(j.metadata).toBeNull();
    expect(j.formats[0]).toMatchObject({ type: 'sysupgrade-tar', offset: 0, valid: true, board: 'armada-385-linksys-venom' });
    for (const f of j.formats) expect(Object.keys(f)).toEqual(expect.arrayContaining(['type', 'offset', 'length', 'valid']));
  });

  it('--device gives the verdict with what sysupgrade would print', async () => {
    const t = io();
    expect(await runCli(['inspect', stock, '--device', 'WRT32X'], t.io)).toBe(0);
    const text = t.out.join('\n');
    expect(text).toMatch(/^This looks like the Linksys firmware for the WRT32X\./);
    expect(text).toMatch(/For Linksys WRT32X: needs-factory/);
    expect(text).toContain('  Image metadata not present');
    expect(text).toMatch(/19\.07\.9/);
    const j = io();
    await runCli(['inspect', stock, '--device', 'linksys,wrt32x', '--json'], j.io);
    expect(valueOf(parseCliOutput(j.out), 'inspect').verdict!.verdict).toBe('needs-factory');
  });

  it('usage mistakes exit 2; a missing file exits 1 with the three-part error', async () => {
    const t = io();
    expect(await runCli(['inspect'], t.io)).toBe(2);
    const m = io();
    expect(await runCli(['inspect', path.join(dir, 'missing.bin')], m.io)).toBe(1);
    expect(m.err.join('\n')).toMatch(/There is no file at .*What to do:/s);
    // with --json, both end in a cli.result line that says the same
    const tj = io();
    expect(await runCli(['inspect', '--json'], tj.io)).toBe(2);
    expect(resultOf(parseCliOutput(tj.out))).toMatchObject({ command: 'inspect', ok: false, error: { code: 'USAGE', message: 'Give exactly one image file.', fix: expect.stringContaining('inspect FILE') } });
    const mj = io();
    expect(await runCli(['inspect', path.join(dir, 'missing.bin'), '--json'], mj.io)).toBe(1);
    expect(resultOf(parseCliOutput(mj.out))).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND', message: expect.stringMatching(/^There is no file at /), fix: expect.any(String) } });
    expect(mj.err.join('\n')).toMatch(/There is no file at .*What to do:/s);
  });
});
