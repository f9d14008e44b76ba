import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { bootCommandFor, chooseLoadAddress, consoleLines, crc32, inspectBootImage, parseBdinfo, parseCrc32, parsePrintenv, safeUbootValue, TftpProgress, ubootAddress } from '../../../../src-shared/capabilities/uboot/parser';

const qemuLog = fs.readFileSync(path.join(__dirname, '../../fixtures', 'serial', 'qemu-uboot-2023.log'), 'latin1');
const between = (text: string, from: string, to: string): string => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from) + from.length));

describe('printenv', () => {
  it('reads the real QEMU U-Boot environment', () => {
    const env = parsePrintenv(between(qemuLog, '=> printenv', '=> bdinfo'));
    expect(env.vars.loadaddr).toBe('0x40200000');
    expect(env.vars.kernel_addr_r).toBe('0x40400000');
    expect(env.vars.bootdelay).toBe('2');
    expect(env.vars.bootcmd).toBe('run distro_bootcmd');
    expect(env.used).toBe(4734);
    expect(env.capacity).toBe(262140);
    expect(Object.keys(env.vars).length).toBeGreaterThan(40);
    expect(env.vars['printenv']).toBeUndefined();
  });
  it('ignores prototype keys', () => {
    expect(Object.keys(parsePrintenv('__proto__=1\nconstructor=2\na=3').vars)).toEqual(['a']);
  });
});

describe('bdinfo', () => {
  it('reads DRAM, relocaddr and the lmb reserved regions from the real QEMU U-Boot', () => {
    const bd = parseBdinfo(between(qemuLog, '=> bdinfo', '=> setenv'));
    expect(bd.dram).toEqual([{ start: 0x40000000, size: 0x10000000 }]);
    expect(bd.relocaddr).toBe(0x4ff38000);
    expect(bd.reserved[0]).toEqual({ start: 0x4ddf3000, size: 0x0220d000 });
    expect(bd.spStart).toBe(0x4edf7e90);
    expect(bd.fields.find((f) => f.name === 'current eth')!.value).toBe('virtio-net#31');
  });
  it('reads old MIPS-style memstart/memsize', () => {
    const bd = parseBdinfo('boot_params = 0x83F77FB0\r\nmemstart    = 0x80000000\r\nmemsize     = 0x04000000\r\nflashstart  = 0x9F000000\r\n');
    expect(bd.dram).toEqual([{ start: 0x80000000, size: 0x04000000 }]);
    expect(bd.bootParams).toBe(0x83f77fb0);
  });
});

describe('load address', () => {
  const env = parsePrintenv(between(qemuLog, '=> printenv', '=> bdinfo')).vars;
  const bd = parseBdinfo(between(qemuLog, '=> bdinfo', '=> setenv'));
  it('uses loadaddr when the file fits and nothing is in the way', () => {
    const c = chooseLoadAddress({ env, bd, imageSize: 5_000_000, image: { kind: 'zimage', bootCommand: 'bootz', notes: [] } });
    expect(c).toMatchObject({ address: 0x40200000, source: 'loadaddr' });
  });
  it('moves a FIT away from where its kernel will be copied, below U-Boot, and says why', () => {
    const c = chooseLoadAddress({ env, bd, imageSize: 7_433_874, image: { kind: 'fit', bootCommand: 'bootm', kernelLoad: 0x40400000, kernelSize: 5_448_192, notes: [] } });
    expect(c.source).toBe('computed');
    expect(c.address + 7_433_874).toBeLessThanOrEqual(0x4ddf3000);
    expect(c.address % 0x100000).toBe(0);
    expect(c.rejected.map((r) => r.name)).toEqual(['loadaddr', 'kernel_addr_r']);
    expect(c.reason).toMatch(/overwrite the image/);
  });
  it('refuses what cannot fit anywhere', () => {
    expect(() => chooseLoadAddress({ env, bd, imageSize: 300 * 1024 * 1024 })).toThrow(/no place/);
  });
  it('without lmb, keeps clear of relocaddr and the stack', () => {
    const c = chooseLoadAddress({ env: {}, bd: { fields: [], dram: [{ start: 0x80000000, size: 0x4000000 }], reserved: [], relocaddr: 0x83fc8000, spStart: 0x83f77f98 }, imageSize: 0x800000 });
    expect(c.address + 0x800000).toBeLessThanOrEqual(0x83f77f98 - 4 * 1024 * 1024);
  });
});

describe('tftpboot output', () => {
  it('follows the marks and reads the result from the real transfer', () => {
    const t = new TftpProgress();
    const text = between(qemuLog, '=> tftpboot', '=> crc32');
    for (let i = 0; i < text.length; i += 17) t.feed(text.slice(i, i + 17));
    expect(t.state).toMatchObject({ server: '192.168.1.10', ourIp: '192.168.1.1', filename: 'rig.itb', loadAddress: 0x40200000, bytesTransferred: 7433874, done: true, rate: '36.2 MiB/s', timeouts: 0 });
    expect(t.state.hashes).toBe(65 * 7 + 52);
    expect(t.estimate(7433874)).toBe(7433874);
  });
  it('reports TFTP errors, timeouts and retry exhaustion', () => {
    const t = new TftpProgress();
    t.feed("Loading: T T T \r\nRetry count exceeded; starting again\r\nTFTP error: 'File not found' (1)\r\nNot retrying...\r\n");
    expect(t.state.timeouts).toBe(3);
    expect(t.state.retryExceeded).toBe(true);
    expect(t.state.error).toEqual({ message: 'File not found', code: 1, retrying: false });
  });
  it('crc32 line and host crc32 agree on the standard check value', () => {
    expect(parseCrc32('crc32 for 40200000 ... 40916e91 ==> d85629de')).toEqual({ start: 0x40200000, end: 0x40916e91, crc: 0xd85629de });
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('hello world'))).toBe(zlib.crc32(Buffer.from('hello world')));
  });
});

describe('boot images', () => {
  it('recognises uImage, zImage, arm64 Image and a FIT with kernel load address', () => {
    const u = new Uint8Array(64);
    new DataView(u.buffer).setUint32(0, 0x27051956);
    new DataView(u.buffer).setUint32(12, 1234);
    new DataView(u.buffer).setUint32(16, 0x8000);
    expect(inspectBootImage(u)).toMatchObject({ kind: 'uimage', bootCommand: 'bootm', kernelLoad: 0x8000, kernelSize: 1234 });
    const z = new Uint8Array(0x40);
    new DataView(z.buffer).setUint32(0x24, 0x016f2818, true);
    new DataView(z.buffer).setUint32(0x2c, 5000, true);
    expect(inspectBootImage(z)).toMatchObject({ kind: 'zimage', bootCommand: 'bootz', kernelSize: 5000 });
    const a = new Uint8Array(0x40);
    new DataView(a.buffer).setUint32(0x38, 0x644d5241, true);
    expect(inspectBootImage(a).bootCommand).toBe('booti');
    expect(inspectBootImage(new Uint8Array(100)).kind).toBe('unknown');
  });
  it('never throws on random bytes, also behind a FIT magic', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (b, fit) => {
        if (fit && b.length >= 4) b.set([0xd0, 0x0d, 0xfe, 0xed]);
        inspectBootImage(b);
      }),
      { numRuns: 20_000, seed: 3 },
    );
  });
});

describe('robustness', () => {
  it('parsers never throw on arbitrary console text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        parsePrintenv(s);
        parseBdinfo(s);
        new TftpProgress().feed(s);
        parseCrc32(s);
        consoleLines(s);
      }),
      { numRuns: 20_000, seed: 11 },
    );
  });
  it('setenv values cannot smuggle a second command', () => {
    expect(safeUbootValue('192.168.1.1')).toBe('192.168.1.1');
    expect(() => safeUbootValue('1; saveenv')).toThrow();
    expect(() => safeUbootValue('a\rsaveenv')).toThrow();
    expect(() => safeUbootValue('$(x)')).toThrow();
  });
});

describe('dangerous commands', () => {
  it('spots flash and environment writes, also behind a ;', async () => {
    const { isDangerousUbootCommand } = await import('../../../../src-shared/capabilities/uboot/parser');
    for (const c of ['saveenv', 'env save', 'setenv a b; saveenv', 'nand erase 0 0x100000', 'sf write 0x80000000 0 0x10000', 'mtd erase firmware', 'erase 0x9f020000 +0x7c0000', 'run lf']) expect(isDangerousUbootCommand(c), c).toBeTruthy();
    for (const c of ['printenv', 'bdinfo', 'setenv ipaddr 192.168.1.1', 'tftpboot 0x40200000 x.itb', 'crc32 0x40200000 0x100', 'bootm 0x4d600000', 'nand read 0x80000000 0 0x1000', 'help erase']) expect(isDangerousUbootCommand(c), c).toBeUndefined();
  });
});

describe('values from the router that go into our commands (issue 12 #13)', () => {
  it('an address from the environment passes only as plain hex', () => {
    expect(ubootAddress('4f6f8e40')).toBe('0x4f6f8e40');
    expect(ubootAddress('0x4F6F8E40')).toBe('0x4f6f8e40');
    expect(ubootAddress('0X1')).toBe('0x1');
    for (const bad of ['', '0x', '4f6f8e40; saveenv', '4f6f8e40 ', ' 4f6f8e40', '$fdt_addr_r', '0x4f6f8e40\rsaveenv', '12345678901234567', 'g00d', '0x-1']) expect(ubootAddress(bad), JSON.stringify(bad)).toBeUndefined();
  });

  it("bootm gets the bootloader's device tree only when fdtcontroladdr is an address; anything else refuses the boot", () => {
    const uimage = { kind: 'uimage' as const, bootCommand: 'bootm' as const };
    expect(bootCommandFor(uimage, 0x42000000, { fdtcontroladdr: '4f6f8e40' })).toEqual({ ok: true, command: 'bootm 0x42000000 - 0x4f6f8e40' });
    expect(bootCommandFor(uimage, 0x42000000, {})).toEqual({ ok: true, command: 'bootm 0x42000000' });
    expect(bootCommandFor({ kind: 'zimage', bootCommand: 'bootz' }, 0x42000000, { fdtcontroladdr: '0x4f6f8e40' })).toEqual({ ok: true, command: 'bootz 0x42000000 - 0x4f6f8e40' });
    // the router's own environment tries to append a command: never typed
    expect(bootCommandFor(uimage, 0x42000000, { fdtcontroladdr: '4f6f8e40; env default -a; saveenv' })).toEqual({ ok: false, value: '4f6f8e40; env default -a; saveenv' });
    expect(bootCommandFor(uimage, 0x42000000, { fdtcontroladdr: '4f6f8e40\rerase all' }).ok).toBe(false);
    // a FIT with its own device tree does not use the setting at all
    expect(bootCommandFor({ kind: 'fit', bootCommand: 'bootm', hasFdt: true }, 0x42000000, { fdtcontroladdr: 'x; saveenv' })).toEqual({ ok: true, command: 'bootm 0x42000000' });
  });

  it('whatever the environment holds, the boot command is one command of plain words (fuzzed)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (v) => {
        const r = bootCommandFor({ kind: 'uimage', bootCommand: 'bootm' }, 0x42000000, { fdtcontroladdr: v });
        if (r.ok) expect(r.command).toMatch(/^bootm 0x42000000( - 0x[0-9a-f]{1,16})?$/);
      }),
      { numRuns: 5000, seed: 13 },
    );
  });
});
