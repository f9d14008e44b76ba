/**
 * The practice TP-Link's own recovery (TP-Link style, on loopback): the Reset button held at power on makes its
 * bootloader ask OUR TFTP server (127.0.0.1, the free port in its tftpdstp) for ArcherC7v2_tp_recovery.bin. The
 * practice Linksys file is refused by its header check (nothing written, still bricked); the practice TP-Link file
 * is written, the router restarts into OpenWrt and its SSH login answers. Every socket stays on 127.0.0.0/8.
 */
import { afterAll, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PracticeService } from '../../../../src-main/capabilities/practice';
import { startTftpServer, type TftpServer } from '../../../../src-main/capabilities/tftp';
import { openSession } from '../../../../src-main/session';
import type { PracticeState } from '../../../../src-shared/capabilities/practice';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-practice-rec-'));
const served = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-practice-rec-files-'));
const svc = new PracticeService({ dataDir, state: () => undefined, addConsole: () => () => undefined, stageMs: 50 });
let server: TftpServer | undefined;

afterAll(async () => {
  await server?.close();
  await svc.stop(false);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(served, { recursive: true, force: true });
});

async function until(what: string, fn: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(svc.status().log.slice(-8))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const log = (st: PracticeState) => st.log.map((l) => l.text).join('\n');

describe('practice router: the maker\'s TFTP recovery', () => {
  it('refuses a file for another router, writes its own, and starts OpenWrt from it', async () => {
    const monitor = dgram.createSocket('udp4');
    await new Promise<void>((r) => monitor.bind({ address: '127.0.0.1', port: 0 }, () => r()));
    const st = await svc.start('tplink-recovery', monitor.address().port);
    const t = st.target!;
    const serve = async (file: string) => {
      await server?.close();
      fs.copyFileSync(file, path.join(served, 'image.bin'));
      server = await startTftpServer({ root: served, bind: '127.0.0.1', port: t.tftpPort, dataDir, aliases: { 'ArcherC7v2_tp_recovery.bin': 'image.bin' } });
    };

    // without the button it is bricked: the bootloader stops
    svc.power(true);
    await until('the bootloader prompt', () => svc.status().mode === 'bootloader');
    svc.power(false);

    // the Linksys practice file: fetched, refused by the header check, nothing written
    await serve(t.images!.vendor);
    svc.button();
    expect(log(svc.status())).toMatch(/Holding the Reset button/);
    svc.power(true);
    expect(svc.status().mode).toBe('recovery');
    await until('the refusal', () => /refused the file/.test(log(svc.status())));
    await until('the bootloader prompt again', () => svc.status().mode === 'bootloader');
    svc.power(false);

    // its own file: written, restarted, OpenWrt answers on SSH
    await serve(t.images!.tplink);
    svc.button();
    svc.power(true);
    await until('OpenWrt running', () => svc.status().mode === 'running', 30_000);
    expect(log(svc.status())).toMatch(/The recovery writes 66112 bytes \(ver\. 1\.0 PRACTICE\)/);
    const s = await openSession({ host: t.routerAddress, port: t.sshPort, method: 'ssh', hostKeyPolicy: 'session-only', timeoutMs: 5000 });
    expect((await s.exec('cat /etc/openwrt_release')).stdout.toString()).toMatch(/DISTRIB_RELEASE='23\.05\.5'/);
    await s.close();
    monitor.close();
  }, 60_000);
});
