/**
 * "Bricked: bootloader only" at the protocol level: the practice router's firmware is damaged, so its U-Boot
 * stops at the prompt; the product's own U-Boot automation (runUboot) reads printenv and bdinfo over the
 * practice console, serves a uImage from OUR TFTP server on a high loopback port (tftpdstp tells U-Boot), checks
 * size and crc32, and boots it: the practice router reaches OpenWrt's preinit from memory.
 */
import { afterAll, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PracticeService } from '../../../../src-main/capabilities/practice';
import { SerialService } from '../../../../src-main/capabilities/serial';
import { runUboot } from '../../../../src-main/capabilities/uboot';
import { PRACTICE_CONSOLE_PATH } from '../../../../src-shared/capabilities/practice';
import { SerialSettingsSchema } from '../../../../src-shared/capabilities/serial';
import { UbootRunRequestSchema, type UbootStep } from '../../../../src-shared/capabilities/uboot';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-practice-uboot-'));
const serial = new SerialService({ data: () => undefined, match: () => undefined, session: () => undefined }, { dataDir });
const svc = new PracticeService({ dataDir, state: () => undefined, addConsole: (p) => serial.addVirtualPort(p), stageMs: 50 });

afterAll(async () => {
  await svc.stop(false);
  await serial.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function uImage(payload: Buffer, name: string): Buffer {
  const h = Buffer.alloc(64);
  h.writeUInt32BE(0x27051956, 0);
  h.writeUInt32BE(payload.length, 12);
  h.writeUInt32BE(0x80008000, 16);
  h.writeUInt32BE(0x80008000, 20);
  h.write(name, 32, 'latin1');
  return Buffer.concat([h, payload]);
}

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const p = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

describe('practice router: bricked, bootloader only', () => {
  it('stops at its U-Boot prompt; the U-Boot automation loads a uImage from our TFTP server, verifies it and boots it', async () => {
    await svc.start('bootloader-only', await freeUdpPort());
    const session = await serial.open(PRACTICE_CONSOLE_PATH, SerialSettingsSchema.parse({ baud: 115200 }));
    svc.power(true);
    for (let i = 0; i < 100 && !serial.backlog(session.id).toString('latin1').includes('Wrong Image Format'); i++) await new Promise((r) => setTimeout(r, 30));
    expect(serial.backlog(session.id).toString('latin1')).toMatch(/Wrong Image Format for bootm command[\s\S]*MT7628 # $/);

    const file = path.join(dataDir, 'openwrt-initramfs.uimage');
    fs.writeFileSync(file, uImage(Buffer.alloc(200_000, 0x5a), 'OpenWrt practice initramfs'));
    const steps: UbootStep[] = [];
    const req = UbootRunRequestSchema.parse({ sessionId: session.id, ip: '127.0.0.2', serverIp: '127.0.0.1', file, boot: true, waitSeconds: 10, tftpPort: await freeUdpPort() });
    const run = await runUboot(serial, req, { step: (s) => steps.push(s), progress: () => undefined, run: () => undefined });
    expect(run.state, JSON.stringify(run.error ?? steps.at(-1))).toBe('done');
    const verify = steps.filter((s) => s.step === 'verify').at(-1)!;
    expect(verify.state).toBe('done');
    expect(JSON.stringify(verify)).not.toMatch(/unavailable|no crc32/); // the crc32 was compared, not skipped
    for (let i = 0; i < 100 && svc.status().mode !== 'preinit'; i++) await new Promise((r) => setTimeout(r, 30));
    expect(['preinit', 'running', 'halted']).toContain(svc.status().mode);
    expect(serial.backlog(session.id).toString('latin1')).toMatch(/Bytes transferred = 200064 \(30d80 hex\)/);
    // its console log is kept with the practice files, labelled, and not among the real serial logs
    const logs = fs.readdirSync(path.join(dataDir, 'practice', 'serial-logs'));
    expect(logs).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, 'practice', 'serial-logs', logs[0]!), 'utf8')).toMatch(/PRACTICE: the practice router/);
    expect(fs.existsSync(path.join(dataDir, 'serial-logs'))).toBe(false);
  }, 30_000);
});
