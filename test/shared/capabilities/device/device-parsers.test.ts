import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProcMtd } from '../../../../src-shared/parsers/mtd';
import { parseSysfsMtd } from '../../../../src-shared/capabilities/device/sysfs-mtd';
import { parseFwPrintenv } from '../../../../src-shared/capabilities/device/fwenv';
import { parseUbiInfo } from '../../../../src-shared/capabilities/device/ubi-info';
import { interpretDiscovery, runningSlot } from '../../../../src-shared/capabilities/device/device';
import { dangerOf } from '../../../../src-shared/capabilities/device/danger';
import { partitionMap } from '../../../../src-shared/capabilities/flash/layout';

// The seed thread's /proc/mtd, verbatim.
const SEED = `dev:    size   erasesize  name
mtd0: 00080000 00020000 "boot"
mtd1: 001a0000 00020000 "nvram"
mtd2: 00020000 00020000 "POT"
mtd11: 07c80000 00020000 "firmware"
mtd12: 0041ffe4 00020000 "linux"
mtd13: 07860000 00020000 "ubi"
`;

describe('/proc/mtd', () => {
  it('reads the seed thread listing', () => {
    const r = parseProcMtd(SEED);
    expect(r.skipped).toEqual([]);
    expect(r.entries[0]).toEqual({ index: 0, size: 0x80000, erasesize: 0x20000, name: 'boot' });
    expect(r.entries.find((e) => e.index === 12)).toEqual({ index: 12, size: 0x41ffe4, erasesize: 0x20000, name: 'linux' });
  });
  it('skips garbage lines and CRLF without throwing', () => {
    const r = parseProcMtd('dev:    size   erasesize  name\r\nmtd0: 00040000 00010000 "u-boot"\r\nnonsense\r\n');
    expect(r.entries).toHaveLength(1);
    expect(r.skipped).toEqual(['nonsense']);
  });
});

describe('sysfs, fw_printenv, UBI', () => {
  it('reads mtd sysfs attributes; MTD_WRITEABLE decides read-only', () => {
    const r = parseSysfsMtd('@@ mtd0\nname=u-boot\ntype=nand\nsize=2097152\nerasesize=131072\noffset=0\nflags=0x800\noobsize=64\nwritesize=2048\n@@ mtd1\nflags=0xc00\n');
    expect(r[0]).toEqual({ index: 0, name: 'u-boot', type: 'nand', size: 2097152, erasesize: 131072, offset: 0, flags: 0x800, oobsize: 64, writesize: 2048 });
    expect(r[1]).toEqual({ index: 1, flags: 0xc00 });
  });
  it('reads a WRT32X style environment and keeps complaints apart', () => {
    const e = parseFwPrintenv('Warning: Bad CRC, using default environment\nboot_part=2\nbootcmd=run altnandboot\naltnandboot=setenv bootargs console=ttyS0,115200 root=/dev/mtdblock8; nand read\n');
    expect(e.vars.boot_part).toBe('2');
    expect(e.vars.altnandboot).toContain('root=/dev/mtdblock8');
    expect(e.warnings).toEqual(['Warning: Bad CRC, using default environment']);
  });
  it('reads UBI devices and volumes', () => {
    expect(parseUbiInfo('@@ ubi0\nmtd_num=8\n@@ ubi0_0\nname=rootfs\ndata_bytes=4096\n')).toEqual([{ ubi: 0, mtdNum: 8, volumes: [{ id: 0, name: 'rootfs', dataBytes: 4096 }] }]);
  });
  it('no parser throws on arbitrary text (100k inputs)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        parseProcMtd(s);
        parseSysfsMtd(s);
        parseFwPrintenv(s);
        parseUbiInfo(s);
        interpretDiscovery(s);
      }),
      { numRuns: 100_000 },
    );
  });
});

describe('danger rules (facts §6.5)', () => {
  it.each(['u-boot', 'boot', 'SBL1', '0:APPSBL', 'BL2', 'fip', 'u-boot-env', 'u_env', 'APPSBLENV', 'nvram', 'art', 'ART', 'factory', 'caldata', 'devinfo', 'syscfg', 'BBT', 's_env'])('%s is dangerous', (n) => {
    expect(dangerOf(n).length).toBeGreaterThan(0);
  });
  it.each(['firmware', 'kernel', 'rootfs', 'rootfs_data', 'ubi', 'linux', 'kernel1', 'rootfs2'])('%s is ordinary', (n) => {
    expect(dangerOf(n)).toEqual([]);
  });
  it('a kernel read-only flag makes any partition dangerous', () => {
    expect(dangerOf('unused_area', { readOnly: true })[0]!.reason).toMatch(/read-only/);
  });
});

describe('dual firmware: which slot runs', () => {
  const discovery = (extra: string): string =>
    `@@ proc_mtd\ndev:    size   erasesize  name\nmtd0: 00200000 00020000 "u-boot"\nmtd5: 07b00000 00020000 "kernel1"\nmtd6: 07500000 00020000 "rootfs1"\nmtd7: 07b00000 00020000 "kernel2"\nmtd8: 07500000 00020000 "rootfs2"\n${extra}\n@@ end\n`;
  it('UBI attached to rootfs2 means slot 2 runs; its partitions are marked', () => {
    const d = interpretDiscovery(discovery('@@ ubi0\nmtd_num=8'));
    expect(d.running).toEqual({ slot: 2, evidence: 'UBI is attached to mtd8 "rootfs2"' });
    expect(d.partitions.find((p) => p.name === 'kernel2')!.danger.map((x) => x.kind)).toEqual(['running']);
    expect(d.partitions.find((p) => p.name === 'kernel1')!.danger).toEqual([]);
  });
  it("reads the router's compat_version for sysupgrade's check, and ignores junk there", () => {
    expect(interpretDiscovery(discovery('@@ compat_version\n2.0')).identity.compatVersion).toBe('2.0');
    expect(interpretDiscovery(discovery('@@ compat_version\n')).identity.compatVersion).toBeUndefined();
    expect(interpretDiscovery(discovery('@@ compat_version\nuci: Entry not found; rm -rf')).identity.compatVersion).toBeUndefined();
  });
  it('falls back to root=/dev/mtdblockN and then boot_part', () => {
    const d = interpretDiscovery(discovery('@@ cmdline\nconsole=ttyS0,115200 root=/dev/mtdblock6'));
    expect(d.running?.slot).toBe(1);
    expect(runningSlot(d.partitions, '', [], { boot_part: '2' })).toEqual({ slot: 2, evidence: 'the bootloader setting boot_part=2' });
  });
});

describe('partition map layout', () => {
  it('puts a container and its contents on separate rows and keeps tiny ones readable', () => {
    const m = partitionMap([
      { index: 0, offset: 0, size: 0x40000 },
      { index: 1, offset: 0x40000, size: 0x10000 },
      { index: 2, offset: 0x50000, size: 0xfb0000 },
      { index: 3, offset: 0x50000, size: 0x200000 },
      { index: 4, offset: 0x250000, size: 0xdb0000 },
    ]);
    expect(m.rows).toBe(2);
    const row = (i: number) => m.boxes.find((b) => b.index === i)!;
    expect(row(2).row).toBe(0);
    expect(row(3).row).toBe(1);
    expect(row(1).width).toBeGreaterThanOrEqual(4);
    for (const r of [0, 1]) {
      const boxes = m.boxes.filter((b) => b.row === r).sort((a, b) => a.left - b.left);
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left).toBeGreaterThanOrEqual(boxes[i - 1]!.left + boxes[i - 1]!.width - 1e-9);
      expect(boxes.at(-1)!.left + boxes.at(-1)!.width).toBeLessThanOrEqual(100 + 1e-9);
    }
  });
  it('lays out partitions without offsets one after another', () => {
    const m = partitionMap([{ index: 0, offset: null, size: 10 }, { index: 1, offset: null, size: 30 }]);
    expect(m.rows).toBe(1);
    expect(m.boxes[1]!.start).toBe(10);
  });
});
