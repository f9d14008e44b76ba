/**
 * A real U-Boot (Debian's u-boot-qemu qemu_arm under QEMU, on a tap NIC in a namespace this test creates)
 * tftpboots from our server: 8 MiB and 33 MiB (block numbers roll over) with tftpblocksize 512, then with
 * its default 1468 and a window of 16. Checked: U-Boot's `Bytes transferred`, U-Boot's crc32 against the
 * host's, and the server's own sha256 of what it sent. Also: bound to one address, ours ignores a request
 * to another address of the same machine, where tftpd-hpa answers on the same port.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSkip } from '../../../test-support/netns';
import { crc32 } from '../../../src-shared/capabilities/uboot/parser';
import { nativeLockstep } from '../../../src-main/capabilities/tftp/native';
import type { TftpTransferEvent } from '../../../src-shared/capabilities/tftp';
import { SECOND_IP, startHpaInNs, startOursInNs, UbootOnRig, ubootRigSupport, type NsServer } from '../../../test-support/uboot-tftp-driver';

const SUITE = 'TFTP to a real U-Boot';
const support = ubootRigSupport();
if (!support.ok) reportSkip(SUITE, support.reason);

const JS_IP = '192.168.1.12';

describe.skipIf(!support.ok)(SUITE, () => {
  let uboot: UbootOnRig;
  let server: NsServer;
  let dir: string;
  const files: Record<string, Buffer> = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tftp-uboot-'));
    fs.chmodSync(dir, 0o755);
    for (const [name, size] of [['eight.bin', 8 * 1024 * 1024], ['big.bin', 33 * 1024 * 1024]] as const) {
      files[name] = crypto.randomBytes(size);
      fs.writeFileSync(path.join(dir, name), files[name]!, { mode: 0o644 });
    }
    uboot = await UbootOnRig.start('tftpub');
    server = await startOursInNs(uboot.rig, dir);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await uboot?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases: Array<[string, { blksize?: number; windowsize?: number }]> = [
    ['eight.bin', { blksize: 512 }],
    ['big.bin', { blksize: 512 }],
    ['eight.bin', { windowsize: 16 }],
  ];
  for (const [file, env] of cases) {
    it(`tftpboot ${file} with ${env.blksize ? `tftpblocksize ${env.blksize}` : 'the default block size'}${env.windowsize ? `, tftpwindowsize ${env.windowsize}` : ''}: size and crc32 match`, async () => {
      const before = server.lines!.lines.length;
      const r = await uboot.tftpboot(file, env);
      const data = files[file]!;
      expect(r.bytes).toBe(data.length);
      expect(r.output).toContain(`TFTP from server 192.168.1.10; our IP address is 192.168.1.1`);
      expect(await uboot.crc32()).toBe(crc32(data).toString(16).padStart(8, '0'));
      const doneLine = await server.lines!.waitForLine((l) => l.event === 'tftp.transfer' && (l.payload as TftpTransferEvent).kind === 'done' && (l.payload as TftpTransferEvent).transfer.file === file && server.lines!.lines.indexOf(l) >= before, 10_000, 'the server done line');
      const done = (doneLine.payload as TftpTransferEvent).transfer;
      expect(done).toMatchObject({ bytes: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') });
      const opts = done.options;
      expect(opts.blksize).toBe(env.blksize ?? 1468);
      expect(opts.windowsize).toBe(env.windowsize ?? 1);
      // lock-step reads go to the native engine when it is built (decision 0013); windows always run in JavaScript
      expect(done.engine).toBe((env.windowsize ?? 1) === 1 && nativeLockstep().ok ? 'native' : 'js');
      process.stdout.write(`[tftp-uboot] ${file} ${JSON.stringify(env)}: ${(data.length / 1048576 / (r.ms / 1000)).toFixed(1)} MiB/s host-timed, U-Boot says ${r.ubootMiBs?.toFixed(1) ?? '?'} MiB/s, ${r.timeouts} timeouts\n`);
    }, 180_000);
  }

  it('the JavaScript engine serves U-Boot too (where the native one is missing): eight.bin at tftpblocksize 512, crc32 matches', async () => {
    uboot.rig.ns.exec('ip', ['addr', 'add', `${JS_IP}/24`, 'dev', uboot.rig.tap]);
    const js = await startOursInNs(uboot.rig, dir, JS_IP, ['--engine', 'js']);
    try {
      const r = await uboot.tftpboot('eight.bin', { blksize: 512, server: JS_IP });
      expect(r.bytes).toBe(files['eight.bin']!.length);
      expect(await uboot.crc32()).toBe(crc32(files['eight.bin']!).toString(16).padStart(8, '0'));
      const done = await js.lines!.waitFor('tftp.transfer', (e) => e.kind === 'done', 10_000, 'the JavaScript server done line');
      expect(done.transfer).toMatchObject({ engine: 'js', bytes: files['eight.bin']!.length });
    } finally {
      await js.stop();
      uboot.rig.ns.exec('ip', ['addr', 'del', `${JS_IP}/24`, 'dev', uboot.rig.tap]);
    }
  }, 120_000);

  it('two servers on port 69, each bound to its own address: U-Boot gets the file from the one it asks', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tftp-uboot-other-'));
    fs.chmodSync(other, 0o755);
    const theirs = crypto.randomBytes(3 * 1024 * 1024);
    fs.writeFileSync(path.join(other, 'eight.bin'), theirs, { mode: 0o644 }); // same name, different content
    const hpa = await startHpaInNs(uboot.rig, other, SECOND_IP);
    try {
      const before = server.lines!.lines.length;
      const r = await uboot.tftpboot('eight.bin', { server: SECOND_IP });
      expect(r.bytes).toBe(theirs.length);
      expect(await uboot.crc32()).toBe(crc32(theirs).toString(16).padStart(8, '0'));
      expect(server.lines!.lines.length).toBe(before); // ours, bound to 192.168.1.10, never saw it
      const back = await uboot.tftpboot('eight.bin', {});
      expect(back.bytes).toBe(files['eight.bin']!.length);
    } finally {
      await hpa.stop();
      fs.rmSync(other, { recursive: true, force: true });
    }
  }, 120_000);
});
