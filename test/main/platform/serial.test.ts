import { describe, expect, it } from 'vitest';
import { describePortForList, explainSerialError, explainSignalsUnsupported, serialPortPresent } from '../../../src-main/platform';
import { loadCatalog, sayIn, translator } from '../../../src-shared/i18n';

const err = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('serial errors in plain words, per OS', () => {
  it('missing port: names where adapters usually are on each OS', () => {
    expect(explainSerialError(err('ENOENT', 'No such file or directory, cannot open /dev/ttyUSB0'), '/dev/ttyUSB0', 'linux')).toMatchObject({ code: 'SERIAL_NOT_FOUND', fix: expect.stringContaining('/dev/ttyUSB0') });
    expect(explainSerialError(new Error('Opening COM7: File not found'), 'COM7', 'win32').fix).toContain('Device Manager');
    expect(explainSerialError(err('ENOENT', 'x'), '/dev/cu.usbserial', 'darwin').fix).toContain('/dev/cu.');
  });
  it('permission: the dialout group on Linux; another program on Windows', () => {
    const l = explainSerialError(err('EACCES', 'Permission denied, cannot open /dev/ttyUSB0'), '/dev/ttyUSB0', 'linux');
    expect(l).toMatchObject({ code: 'SERIAL_NOT_PERMITTED', fix: expect.stringContaining('usermod -aG dialout') });
    expect(explainSerialError(new Error('Opening COM3: Access denied'), 'COM3', 'win32')).toMatchObject({ code: 'SERIAL_BUSY', fix: expect.stringContaining('PuTTY') });
  });
  it('busy and unplugged', () => {
    expect(explainSerialError(new Error('Error Resource temporarily unavailable Cannot lock port'), '/dev/ttyUSB0', 'linux')).toMatchObject({ code: 'SERIAL_BUSY', fix: expect.stringContaining('ModemManager') });
    expect(explainSerialError(err('EIO', 'Input/output error'), '/dev/ttyUSB0', 'linux').code).toBe('SERIAL_UNPLUGGED');
  });
  it('every message has three parts', () => {
    for (const e of [err('ENOENT', ''), err('EACCES', ''), err('EBUSY', ''), err('EIO', ''), err('EWHAT', '')]) {
      const f = explainSerialError(e, '/dev/x', 'linux');
      expect(f.message && f.meaning && f.fix).toBeTruthy();
    }
    expect(explainSignalsUnsupported(new Error('Inappropriate ioctl for device'), '/dev/pts/3')).toMatchObject({ code: 'SERIAL_SIGNALS_UNSUPPORTED', details: 'Inappropriate ioctl for device' });
  });
  it('port labels name the adapter chip', () => {
    expect(describePortForList({ path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001', manufacturer: 'FTDI' }).label).toBe('USB serial adapter (FTDI) — /dev/ttyUSB0');
    expect(describePortForList({ path: '/dev/ttyUSB1', vendorId: '1a86' }).label).toBe('USB serial adapter (WCH CH340) — /dev/ttyUSB1');
    expect(describePortForList({ path: '/dev/ttyS0' }).label).toBe('Built-in serial port — /dev/ttyS0');
    expect(describePortForList({ path: '/dev/ttyUSB2', vendorId: 'abcd', manufacturer: 'Acme' }).label).toBe('USB serial adapter (Acme) — /dev/ttyUSB2');
    expect(describePortForList({ path: '/dev/ttyUSB3', vendorId: 'abcd', manufacturer: '' }).label).toBe('USB serial adapter — /dev/ttyUSB3');
    expect(describePortForList({ path: '/dev/pts/4' }).label).toBe('Serial port — /dev/pts/4');
  });
  it('port labels travel as catalogue id + values and are said in German; the chip, maker and path as they are (decision 0169)', async () => {
    const de = translator('de', await loadCatalog('de'));
    const say = (p: Parameters<typeof describePortForList>[0]): string => {
      const d = describePortForList(p);
      return sayIn(de, d.labelMsg, d.label);
    };
    expect(say({ path: '/dev/ttyUSB0', vendorId: '0403', manufacturer: 'FTDI' })).toBe('USB-Seriell-Adapter (FTDI) — /dev/ttyUSB0');
    expect(say({ path: 'COM3', vendorId: 'abcd', manufacturer: 'Prolific "Pro" {x}' })).toBe('USB-Seriell-Adapter (Prolific "Pro" {x}) — COM3');
    expect(say({ path: '/dev/ttyUSB3', vendorId: 'abcd' })).toBe('USB-Seriell-Adapter — /dev/ttyUSB3');
    expect(say({ path: '/dev/ttyS0' })).toBe('Eingebauter serieller Anschluss — /dev/ttyS0');
    expect(say({ path: '/dev/pts/4' })).toBe('Serieller Anschluss — /dev/pts/4');
  });
  it('port presence: a device node on Linux/macOS, the port list on Windows (COM ports are not files)', async () => {
    const list = async () => [{ path: 'COM3' }];
    expect(await serialPortPresent('com3', list, 'win32')).toBe(true);
    expect(await serialPortPresent('COM4', list, 'win32')).toBe(false);
    expect(await serialPortPresent('COM3', () => Promise.reject(new Error('no list')), 'win32')).toBe(true);
    expect(await serialPortPresent('/dev/null', list, 'linux')).toBe(true);
    expect(await serialPortPresent('/dev/ttyUSB-not-there', list, 'darwin')).toBe(false);
  });
});
