/**
 * The serial service over mock ports (test-support/bindings/serial-mock.ts, decision 0009): the console
 * watcher and auto-stop answer a U-Boot countdown, an unplug mid-session is reported and the port comes back
 * by itself, ports without modem lines or a speed are said so. No ptys, no root; the same behaviour over real
 * ptys stays in test/integration/serial/pty.test.ts.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SerialService } from '../../../../src-main/capabilities/serial/service';
import type { SerialSession } from '../../../../src-shared/capabilities/serial/contract';
import type { WatchMatch } from '../../../../src-shared/capabilities/serial/watchers';
import { MockSerialPorts } from '../../../../test-support/bindings/serial-mock';
import { loadCatalog, sayIn, translator } from '../../../../src-shared/i18n';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-serial-mock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SETTINGS = { baud: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' } as const;
const PORT = '/dev/ttyMOCK0';

async function until(pred: () => boolean, what: string, ms = 1000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const services: SerialService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.dispose();
});

function harness(presencePollMs = 60_000) {
  const ports = new MockSerialPorts();
  const data: Buffer[] = [];
  const sessions: SerialSession[] = [];
  const matches: WatchMatch[] = [];
  const service = new SerialService(
    { data: (_id, chunk) => data.push(chunk), match: (_id, _at, m) => matches.push(m), session: (s) => sessions.push(s) },
    { dataDir: dir, presencePollMs, ports },
  );
  services.push(service);
  return { ports, service, data, sessions, matches, text: () => Buffer.concat(data).toString('latin1') };
}

describe('serial service on mock ports', () => {
  it('auto-stop: a U-Boot countdown fed through the port makes the service type a key (a space, never Enter), once', async () => {
    const h = harness();
    const dev = h.ports.createPort(PORT);
    const s = await h.service.open(PORT, { ...SETTINGS }, 'generic', true);
    expect(s.state).toBe('open');
    dev.emitData('U-Boot 2023.07\r\nDRAM:  128 MiB\r\n');
    dev.emitData('Hit any key to stop autoboot:  3');
    await dev.waitForWrite(' ');
    expect(dev.recording.toString('latin1')).toBe(' ');
    // the countdown goes on ticking; it is answered once, not once per tick
    dev.emitData('\b\b\b 2\b\b\b 1');
    await until(() => h.text().endsWith(' 1'), 'the rest of the countdown');
    expect(dev.recording.toString('latin1')).toBe(' ');
    expect(h.matches.map((m) => m.kind)).toContain('uboot-autoboot');
    expect(h.service.get(s.id)).toMatchObject({ bytesOut: 1, lastMatch: { kind: 'uboot-autoboot' } });
  });

  it('a countdown gets one answer whoever asks (auto-stop and the U-Boot automation both react to it)', async () => {
    const h = harness();
    const dev = h.ports.createPort(PORT);
    const s = await h.service.open(PORT, { ...SETTINGS }, 'generic', true);
    const second: (string | undefined)[] = [];
    h.service.onMatch(s.id, (m) => second.push(h.service.answerCountdown(s.id, m)));
    dev.emitData('Hit any key to stop autoboot:  1');
    await until(() => second.length === 1, 'the automation to ask');
    expect(second).toEqual([undefined]);
    expect(dev.recording.toString('latin1')).toBe(' ');
  });

  it('a keyed countdown (TP-Link) is answered with its stop string, split across chunks as a UART delivers it', async () => {
    const h = harness();
    const dev = h.ports.createPort(PORT);
    await h.service.open(PORT, { ...SETTINGS }, 'tplink-ath', true);
    for (const part of ['Autoboo', 'ting in 1 s', 'econds']) dev.emitData(part);
    expect((await dev.waitForWrite('tpl')).toString('latin1')).toBe('tpl');
  });

  it('without auto-stop the countdown is reported but nothing is typed', async () => {
    const h = harness();
    const dev = h.ports.createPort(PORT);
    await h.service.open(PORT, { ...SETTINGS }, 'generic', false);
    dev.emitData('Hit any key to stop autoboot:  2');
    await until(() => h.matches.some((m) => m.kind === 'uboot-autoboot'), 'the countdown match');
    await new Promise((r) => setTimeout(r, 20));
    expect(dev.recording.length).toBe(0);
  });

  it('bytes the router prints before anyone listens are not lost; writes reach the port', async () => {
    const h = harness();
    const dev = h.ports.createPort(PORT);
    const s = await h.service.open(PORT, { ...SETTINGS });
    dev.emitData('BusyBox v1.36\r\nroot@OpenWrt:/# ');
    await until(() => h.text().includes('root@OpenWrt'), 'the shell prompt');
    expect(await h.service.write(s.id, Buffer.from('uname -a\n'))).toBe(9);
    expect(dev.lastWrite?.toString()).toBe('uname -a\n');
    expect(h.service.get(s.id).bytesIn).toBe(h.text().length);
    expect(h.service.backlog(s.id).toString('latin1')).toBe(h.text());
  });

  it('unplug mid-session is reported in three parts, writes are refused plainly, and replugging reconnects', async () => {
    const h = harness(20);
    const dev = h.ports.createPort(PORT);
    const s = await h.service.open(PORT, { ...SETTINGS });
    dev.emitData('Starting kernel ...\r\n');
    await until(() => h.text().includes('kernel'), 'boot output');

    dev.unplug(); // the port reports the disconnect (serialport: 'close' with disconnected)
    await until(() => h.service.get(s.id).state === 'unplugged', 'the unplug');
    const info = h.service.get(s.id);
    expect(info.error).toMatchObject({ code: 'SERIAL_UNPLUGGED', message: expect.stringContaining(PORT), meaning: expect.any(String), fix: expect.stringContaining('Plug it back in'), details: 'the port reported a disconnect' });
    expect(h.sessions.at(-1)?.state).toBe('unplugged');
    await expect(h.service.write(s.id, Buffer.from('x'))).rejects.toMatchObject({ code: 'SERIAL_NOT_CONNECTED', message: 'The serial adapter is unplugged.' });
    expect(dev.recording.length).toBe(0);

    dev.replug();
    await until(() => h.service.get(s.id).state === 'open', 'the reconnect');
    expect(h.service.get(s.id)).toMatchObject({ reconnects: 1 });
    expect(h.service.get(s.id).error).toBeUndefined();
    expect(dev.opens).toBe(2);
    expect(dev.settings).toEqual(SETTINGS);
    dev.emitData('back\r\n');
    await until(() => h.text().includes('back'), 'output after the reconnect');
  });

  it('an adapter pulled out without a word is noticed by the presence poll', async () => {
    const h = harness(20);
    const dev = h.ports.createPort(PORT);
    const s = await h.service.open(PORT, { ...SETTINGS });
    dev.unplug({ silently: true });
    await until(() => h.service.get(s.id).state === 'unplugged', 'the poll to notice');
    expect(h.service.get(s.id).error?.details).toBe('the port disappeared');
  });

  it('a port without modem lines or speed read-back says so up front; DTR is refused in plain words', async () => {
    const h = harness();
    h.ports.createPort(PORT, { signals: false, reportsBaud: false });
    const s = await h.service.open(PORT, { ...SETTINGS });
    expect(s.signals).toMatchObject({ supported: false });
    expect(s.actual).toEqual({ note: 'This port does not report its speed.', noteMsg: { id: 'serial.note.noSpeed' } });
    await expect(h.service.signals(s.id, { dtr: true })).rejects.toMatchObject({ code: 'SERIAL_SIGNALS_UNSUPPORTED' });
    // the console itself still works
    expect(await h.service.write(s.id, Buffer.from('\r'))).toBe(1);
  });

  it('speed: the actual rate is read back, a refused speed keeps the old one', async () => {
    const h = harness();
    const dev = h.ports.createPort(PORT, { bauds: [9600, 57600, 115200], actualBaud: (b) => (b === 57600 ? 57143 : b) });
    const s = await h.service.open(PORT, { ...SETTINGS });
    expect(s.actual).toEqual({ baud: 115200 });
    const slower = await h.service.configure(s.id, 57600);
    expect(slower.actual).toMatchObject({ baud: 57143, note: expect.stringContaining('not the 57600'), noteMsg: { id: 'serial.note.otherSpeed', values: { baud: '57143', asked: '57600' } } });
    await expect(h.service.configure(s.id, 250000)).rejects.toMatchObject({ code: 'SERIAL_BAUD_REJECTED', fix: expect.stringContaining('115200') });
    expect(dev.baud).toBe(57600);
    expect(h.service.get(s.id).requested.baud).toBe(57600);
    const lines = await h.service.signals(s.id, { dtr: false, rts: true });
    expect(lines.signals).toMatchObject({ supported: true, dtr: false, rts: true });
    expect(dev.signalLog).toEqual([{ dtr: false, rts: true }]);
  });

  it('opening: a missing port and a port open twice are refused in three parts; the list names the chip', async () => {
    const h = harness();
    h.ports.createPort('/dev/ttyUSB0', { vendorId: '0403', manufacturer: 'FTDI' });
    await expect(h.service.open('/dev/ttyUSB9', { ...SETTINGS })).rejects.toMatchObject({ code: 'SERIAL_NOT_FOUND' });
    await h.service.open('/dev/ttyUSB0', { ...SETTINGS });
    await expect(h.service.open('/dev/ttyUSB0', { ...SETTINGS })).rejects.toMatchObject({ code: 'SERIAL_ALREADY_OPEN' });
    expect((await h.service.listPorts()).ports).toEqual([expect.objectContaining({ path: '/dev/ttyUSB0', label: 'USB serial adapter (FTDI) — /dev/ttyUSB0' })]);
  });

  it('a list that cannot be read: a note with the reason, its id beside the English, said in German (decision 0164)', async () => {
    const h = harness();
    h.ports.list = async () => {
      throw new Error('EACCES: permission denied');
    };
    const r = await h.service.listPorts();
    expect(r).toEqual({
      ports: [],
      note: 'The list of serial ports could not be read (EACCES: permission denied). Type the port name instead, for example /dev/ttyUSB0 or COM3.',
      noteMsg: { id: 'serial.ports.unreadable', values: { reason: 'EACCES: permission denied' } },
    });
    const de = translator('de', await loadCatalog('de'));
    expect(sayIn(de, r.noteMsg, r.note!)).toBe('Die Liste der seriellen Anschlüsse konnte nicht gelesen werden (EACCES: permission denied). Tippen Sie stattdessen den Namen des Anschlusses ein, zum Beispiel /dev/ttyUSB0 oder COM3.');
  });

  it('close ends the session and releases the port', async () => {
    const h = harness();
    const dev = h.ports.createPort(PORT);
    const s = await h.service.open(PORT, { ...SETTINGS });
    expect(dev.isOpen).toBe(true);
    expect((await h.service.close(s.id)).state).toBe('closed');
    expect(dev.isOpen).toBe(false);
    expect(() => h.service.get(s.id)).toThrow(/not open/);
  });
});
