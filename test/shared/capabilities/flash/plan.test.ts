import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../src-shared/capabilities/flash/contract';
import type { DeviceTools, Partition } from '../../../../src-shared/capabilities/device/contract';
import { buildRestorePlan, type PlanInput } from '../../../../src-shared/capabilities/flash/plan';
import { dangerOf, runningDanger } from '../../../../src-shared/capabilities/device/danger';
import { fault } from '../../../../src-shared/errors';
import { faultMessageSaid, loadCatalog, localizeError, saidAmong, translator } from '../../../../src-shared/i18n';

const tools: DeviceTools = { nanddump: false, nandwrite: false, flash_erase: false, mtd: true, sha256sum: true, md5sum: true, nc: true, fw_printenv: false };
const part = (index: number, name: string, size: number, type: Partition['type'] = 'nor', readOnly = false): Partition => ({ index, name, size, erasesize: 0x20000, offset: null, type, readOnly, danger: dangerOf(name, { readOnly }) });
const parts = [part(0, 'u-boot', 0x200000, 'nand', true), part(1, 'u_env', 0x20000, 'nand'), part(2, 'kernel1', 0x600000, 'nand'), part(3, 'rootfs1', 0x400000, 'nand')];
const manifest: Manifest = {
  format: 'rescue-bench-backup/1',
  tool: { name: 'Rescue Bench', version: '0.1.0' },
  createdAt: '2026-11-21T00:00:00.000Z',
  device: { host: '192.168.1.1', method: 'ssh', identity: { boardName: 'linksys,venom', model: 'Linksys WRT32X' } },
  partitions: parts.map((p) => ({ index: p.index, name: p.name, size: p.size, erasesize: p.erasesize, type: p.type, file: `mtd${p.index}-${p.name}.bin`, sha256: `sha-${p.index}`, md5: `md5-${p.index}`, bytes: p.size, badBlocks: p.index === 3 ? [0x40000] : [], status: 'ok' as const })),
  complete: true,
};
const files = Object.fromEntries(parts.map((p) => [p.name, { exists: true, bytes: p.size, sha256: `sha-${p.index}` }]));
const input = (over: Partial<PlanInput> = {}): PlanInput => ({ from: '/b', manifest, device: { identity: { boardName: 'linksys,venom', model: 'Linksys WRT32X' }, partitions: parts, tools }, partitions: ['kernel1'], overrideDanger: [], overrideIdentity: false, files, ...over });

describe('restore plan', () => {
  it('stages, writes with mtd, reads back NAND with the hash; never dd or mtdblock', () => {
    const p = buildRestorePlan(input({ partitions: ['kernel1', 'rootfs1'] }));
    expect(p.ok).toBe(true);
    expect(p.steps[0]!.writeCommand).toBe('mtd -q write /tmp/rb-restore-mtd2.bin mtd2');
    expect(p.steps[0]!.readBackCommand).toBe(`head -c ${0x600000} /dev/mtd2 | sha256sum`);
    expect(p.steps[1]!.warnings[0]).toMatch(/skipped 1 bad block/);
    for (const s of p.steps) expect(s.commands.join('\n')).not.toMatch(/\bdd\b|mtdblock/);
  });
  it('uses flash_erase + nandwrite on NAND when mtd is missing, and refuses when neither is there', () => {
    const nw = buildRestorePlan(input({ device: { identity: manifest.device.identity, partitions: parts, tools: { ...tools, mtd: false, nandwrite: true, flash_erase: true, nanddump: true } } }));
    expect(nw.steps[0]!.writeCommand).toBe('flash_erase -q /dev/mtd2 0 0 && nandwrite -q -p /dev/mtd2 /tmp/rb-restore-mtd2.bin');
    expect(nw.steps[0]!.readBackCommand).toBe(`nanddump -q --bb=skipbad -l ${0x600000} /dev/mtd2 | sha256sum`);
    const none = buildRestorePlan(input({ device: { identity: manifest.device.identity, partitions: parts, tools: { ...tools, mtd: false } } }));
    expect(none.refusals[0]!.error.code).toBe('NO_SAFE_WRITER');
  });
  it('refuses the bootloader env unless its name is typed; the read-only bootloader always', () => {
    expect(buildRestorePlan(input({ partitions: ['u_env'] })).refusals[0]!.error.code).toBe('DANGEROUS_PARTITION');
    expect(buildRestorePlan(input({ partitions: ['u_env'], overrideDanger: ['u_env'] })).ok).toBe(true);
    expect(buildRestorePlan(input({ partitions: ['u-boot'], overrideDanger: ['u-boot'] })).refusals[0]!.error.code).toBe('PARTITION_READ_ONLY');
  });
  it('refuses the running slot without the typed name', () => {
    const running = parts.map((p) => (p.name === 'kernel1' ? { ...p, danger: [{ kind: 'running' as const, reason: 'running' }] } : p));
    expect(buildRestorePlan(input({ device: { identity: manifest.device.identity, partitions: running, tools } })).refusals[0]!.error.code).toBe('DANGEROUS_PARTITION');
  });
  it('identity must match unless overridden; a changed file or failed entry is refused', () => {
    const other = buildRestorePlan(input({ device: { identity: { boardName: 'linksys,rango' }, partitions: parts, tools } }));
    expect(other.refusals[0]!.error.code).toBe('IDENTITY_MISMATCH');
    expect(other.identityDifferences[0]).toMatch(/venom.*rango/);
    expect(buildRestorePlan(input({ device: { identity: { boardName: 'linksys,rango' }, partitions: parts, tools }, overrideIdentity: true })).ok).toBe(true);
    expect(buildRestorePlan(input({ files: { ...files, kernel1: { exists: true, bytes: 1, sha256: 'other' } } })).refusals[0]!.error.code).toBe('BACKUP_FILE_CHANGED');
    expect(buildRestorePlan(input({ files: { ...files, kernel1: { exists: false, bytes: 0, sha256: null } } })).refusals[0]!.error.code).toBe('BACKUP_FILE_MISSING');
    expect(buildRestorePlan(input({ partitions: ['nope'] })).refusals[0]!.error.code).toBe('NOT_IN_BACKUP');
  });
  it('the staged copy is always checked: sha256sum, else md5sum, else read back here (issue 12 #6)', () => {
    const stageLine = (t: Partial<DeviceTools>): string => buildRestorePlan(input({ device: { identity: manifest.device.identity, partitions: parts, tools: { ...tools, ...t } } })).steps[0]!.commands[1]!;
    expect(stageLine({})).toBe('sha256sum /tmp/rb-restore-mtd2.bin');
    expect(stageLine({ sha256sum: false })).toBe('md5sum /tmp/rb-restore-mtd2.bin');
    expect(stageLine({ sha256sum: false, md5sum: false })).toBe('cat /tmp/rb-restore-mtd2.bin   # read back and hashed on this computer');
  });
  it('a file whose size or md5 differs from the manifest is refused even when the sha256 agrees', () => {
    expect(buildRestorePlan(input({ files: { ...files, kernel1: { exists: true, bytes: 1, sha256: 'sha-2' } } })).refusals[0]!.error.code).toBe('BACKUP_FILE_CHANGED');
    expect(buildRestorePlan(input({ files: { ...files, kernel1: { exists: true, bytes: 0x600000, sha256: 'sha-2', md5: 'other' } } })).refusals[0]!.error.code).toBe('BACKUP_FILE_CHANGED');
    expect(buildRestorePlan(input({ files: { ...files, kernel1: { exists: true, bytes: 0x600000, sha256: 'sha-2', md5: 'md5-2' } } })).ok).toBe(true);
  });
  it('every refusal has three parts', () => {
    const p = buildRestorePlan(input({ partitions: ['u_env', 'u-boot', 'nope'] }));
    for (const r of p.refusals) {
      expect(r.error.message.length).toBeGreaterThan(10);
      expect(r.error.meaning?.length).toBeGreaterThan(10);
      expect(r.error.fix?.length).toBeGreaterThan(10);
    }
  });
});

describe('the restore plan in the language shown (decision 0167)', () => {
  it('DANGEROUS_PARTITION: each danger a select value, the English the reasons as before; the running slot quoted as it came', async () => {
    const de = translator('de', await loadCatalog('de'));
    const env = buildRestorePlan(input({ partitions: ['u_env'] })).refusals[0]!.error;
    expect(env.message).toBe('"u_env" is a partition that can brick the router if it is written.');
    expect(env.meaning).toBe(dangerOf('u_env').map((d) => d.reason).join(' '));
    expect(env.fix).toBe('Only if you are sure: type the partition name "u_env" to allow writing it. Keep this backup safe first.');
    expect(localizeError(env, de)).toMatchObject({
      message: '„u_env“ ist eine Partition, deren Beschreiben den Router unbrauchbar machen kann.',
      meaning: 'Das sind die Einstellungen des Bootloaders. Sind sie falsch, startet der Router womöglich die falsche Firmware oder fällt auf Standardwerte zurück.',
      fix: 'Nur wenn Sie sicher sind: Geben Sie den Partitionsnamen „u_env“ ein, um das Schreiben zu erlauben. Bewahren Sie diese Sicherung vorher gut auf.',
    });
    // every kind danger.ts knows, alone and with the running slot after it
    for (const name of ['bootloader', 'u-boot-env', 's_env', 'art', 'devinfo', 'bbt']) {
      const reasons = dangerOf(name);
      expect(reasons.length, name).toBeGreaterThan(0);
      const ps = parts.map((p) => (p.name === 'kernel1' ? { ...p, name, danger: [...reasons, { kind: 'running' as const, reason: 'The router is running from firmware slot 1 right now (UBI is attached to mtd2 "kernel1").' }] } : p));
      const m = { ...manifest, partitions: manifest.partitions.map((p) => (p.name === 'kernel1' ? { ...p, name } : p)) };
      const e = buildRestorePlan(input({ manifest: m, device: { identity: manifest.device.identity, partitions: ps, tools }, partitions: [name], files: { ...files, [name]: files.kernel1! } })).refusals[0]!.error;
      expect(e.code, name).toBe('DANGEROUS_PARTITION');
      expect(e.meaning, name).toBe([...reasons.map((d) => d.reason), 'The router is running from firmware slot 1 right now (UBI is attached to mtd2 "kernel1").'].join(' '));
      const g = localizeError(e, de).meaning!;
      expect(g, name).toMatch(/^Das (ist|sind) .+ The router is running from firmware slot 1 right now/);
      expect(g, name).not.toMatch(/This is/);
    }
  });

  it('DANGEROUS_PARTITION: the running slot with its id (decision 0182) in German, the evidence as the reading gave it', async () => {
    const de = translator('de', await loadCatalog('de'));
    const running = runningDanger(1, 'UBI is attached to mtd2 "kernel1"');
    const ps = parts.map((p) => (p.name === 'kernel1' ? { ...p, danger: [running] } : p));
    const e = buildRestorePlan(input({ device: { identity: manifest.device.identity, partitions: ps, tools } })).refusals[0]!.error;
    expect(e.code).toBe('DANGEROUS_PARTITION');
    expect(e.meaning).toBe('The router is running from firmware slot 1 right now (UBI is attached to mtd2 "kernel1"). Writing it pulls the floor out from under the running system.');
    expect(localizeError(e, de).meaning).toBe(
      'Der Router läuft gerade von Firmware-Platz 1 (UBI is attached to mtd2 "kernel1"). Ihn zu schreiben zieht dem laufenden System den Boden unter den Füßen weg.',
    );
    // with a bootloader reason before it: one space between, none after
    const both = parts.map((p) => (p.name === 'kernel1' ? { ...p, danger: [...dangerOf('u-boot'), running] } : p));
    const b = buildRestorePlan(input({ device: { identity: manifest.device.identity, partitions: both, tools } })).refusals[0]!.error;
    expect(b.meaning).toBe(`${dangerOf('u-boot')[0]!.reason} ${running.reason}`);
    expect(localizeError(b, de).meaning).toMatch(/beheben\. Der Router läuft gerade von Firmware-Platz 1 \(UBI is attached to mtd2 "kernel1"\)\. .+ weg\.$/);
  });

  it("the plan's notes carry their ids: German in the CLI and on the screen, the English as before", async () => {
    const de = translator('de', await loadCatalog('de'));
    const p = buildRestorePlan(input({ partitions: ['rootfs1', 'u_env'], overrideDanger: ['u_env'] }));
    const [rootfs, env] = p.steps;
    expect(rootfs!.warnings).toEqual(["The backup skipped 1 bad block(s). The writer skips the router's bad blocks, so the data lands in the good blocks in the same order."]);
    expect(env!.warnings).toEqual(['You typed "u_env" to allow writing a dangerous partition.']);
    expect(saidAmong(de, rootfs!.warnings[0]!, rootfs!.warningsMsg)).toBe('Die Sicherung hat 1 defekten Block übersprungen. Das Schreibprogramm überspringt die defekten Blöcke des Routers, sodass die Daten in derselben Reihenfolge in den guten Blöcken landen.');
    expect(saidAmong(de, env!.warnings[0]!, env!.warningsMsg)).toBe('Sie haben „u_env“ eingegeben, um das Schreiben einer gefährlichen Partition zu erlauben.');
    // a plan from an older workstation (no ids): shown as it came
    expect(saidAmong(de, env!.warnings[0]!, undefined)).toBe(env!.warnings[0]);
  });

  it("a failed step's progress message travels as the fault's message id", async () => {
    const de = translator('de', await loadCatalog('de'));
    const e = fault('VERIFY_FAILED', { partition: 'kernel1' }).toShape();
    const msg = faultMessageSaid(e);
    expect(msg?.id).toBe('error.VERIFY_FAILED.message');
    expect(saidAmong(de, e.message, msg ? [msg] : undefined)).toBe(localizeError(e, de).message);
    expect(localizeError(e, de).message).not.toBe(e.message);
    // an unexpected failure says the words every such failure gets; a fault of other words has no id
    expect(faultMessageSaid({ code: 'RESTORE_FAILED', message: 'Something unexpected went wrong.' })).toBeUndefined();
  });
});
