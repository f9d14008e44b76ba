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

  it('--lang de: the tree, its warnings and the headline in German (sizes the German way, offsets hex); --json keeps the English and the ids', async () => {
    // an OpenWrt upgrade archive whose kernel's uImage is cut off inside its member
    const file = path.join(dir, 'cut-sysupgrade.bin');
    const tar = W.tarOf([
      { name: 'sysupgrade-linksys_wrt32x/CONTROL', data: Buffer.from('BOARD=linksys_wrt32x\n') },
      { name: 'sysupgrade-linksys_wrt32x/kernel', data: W.uimageOf(W.noise(300_000, 3), { name: 'ARM OpenWrt Linux-6.6.86' }).subarray(0, 100_000) },
      { name: 'sysupgrade-linksys_wrt32x/root', data: W.fakeSquashfs(64 * 1024) },
    ]);
    fs.writeFileSync(file, W.appendFwtool(tar, W.openwrtMeta({ devices: ['linksys,wrt32x'], compat: '2.0' })));
    const de = io();
    expect(await runCli(['inspect', file, '--lang', 'de'], de.io)).toBe(0);
    const text = de.out.join('\n');
    expect(text).toMatch(/^0x00000000  ✓ sysupgrade-Archiv für das Board linksys_wrt32x: CONTROL, kernel, root$/m);
    expect(text).toMatch(/^ {4}0x[0-9A-F]{8} {2}✗ uImage „ARM OpenWrt Linux-6\.6\.86“, ARM Linux kernel, none, 293,0 KiB$/m);
    expect(text).toMatch(/! Laut Header folgen 300\.000 Byte Daten, aber es sind nur noch 99\.936 übrig: Das Image ist abgeschnitten\.$/m);
    expect(text).toMatch(/^0x[0-9A-F]{8} {2}✓ OpenWrt-Image-Metadaten \(fwtool\): .*, compat 2\.0$/m);
    expect(text).toMatch(/^Größe +\d+,\d KiB \([\d.]+ Byte\)$/m);
    expect(text).not.toMatch(/The header says|sysupgrade archive|cut off/);
    expect(text.split('\n')[0]).toMatch(/^Das ist ein OpenWrt-Upgrade-Image/);
    // the damaged part in the integrity line quotes the inspector's warning: German too
    expect(text.split('\n')[1]).toBe('Sie ist beschädigt: uimage bei Byte 1536: Laut Header folgen 300.000 Byte Daten, aber es sind nur noch 99.936 übrig: Das Image ist abgeschnitten. Spielen Sie sie nicht auf einen Router; laden Sie sie erneut herunter.');

    // --json: the English as before, and the ids beside it (in the tree and in the flat list)
    const j = io();
    expect(await runCli(['inspect', file, '--json', '--lang', 'de'], j.io)).toBe(0);
    const ins = valueOf(parseCliOutput(j.out), 'inspect').inspection;
    const u = ins.formats.find((f: { type: string }) => f.type === 'uimage')!;
    expect(u.description).toBe('uImage "ARM OpenWrt Linux-6.6.86", ARM Linux kernel, none, 293.0 KiB');
    expect(u.descriptionMsg).toEqual({ id: 'firmware.img.d.uimage', values: { name: 'ARM OpenWrt Linux-6.6.86', arch: 'ARM', os: 'Linux', imageType: 'kernel', compression: 'none', size: 300_000 } });
    expect(u.warnings).toEqual(['The header says 300,000 bytes of data follow, but only 99,936 are left: the image is cut off.']);
    expect(u.warningsMsg).toEqual([{ id: 'firmware.img.w.uimageCut', values: { bytes: 300_000, left: 99_936 } }]);
    expect(ins.tree[0]!.descriptionMsg!.id).toBe('firmware.img.d.sysupgrade');
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
