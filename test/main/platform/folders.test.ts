/**
 * The operating-system half of the host-path rules (platform/folders.ts), for Linux, macOS and Windows on any
 * machine: the platform and the folders are parameters, paths are handled with path.posix / path.win32.
 */
import { describe, expect, it } from 'vitest';
import { folderProblem, folderWithin, looksLikeSerialPort, type FolderFacts } from '../../../src-main/platform/folders';

const linux: FolderFacts = { platform: 'linux', home: '/home/ann', dataDir: '/home/ann/.local/share/rescue-bench', tmpDir: '/tmp' };
const mac: FolderFacts = { platform: 'darwin', home: '/Users/ann', dataDir: '/Users/ann/Library/Application Support/Rescue Bench', tmpDir: '/private/var/folders/zz/abc/T' };
const win: FolderFacts = { platform: 'win32', home: 'C:\\Users\\ann', dataDir: 'C:\\Users\\ann\\AppData\\Roaming\\Rescue Bench', tmpDir: 'C:\\Users\\ann\\AppData\\Local\\Temp' };

const kind = (p: string, f: FolderFacts) => folderProblem(p, f)?.kind ?? null;

describe('folderProblem: Linux', () => {
  it('refuses the disk, the home folder and every folder that holds it', () => {
    expect(folderProblem('/', linux)).toEqual({ kind: 'disk-root', folder: '/' });
    expect(kind('/home/ann', linux)).toBe('home');
    expect(kind('/home/ann/', linux)).toBe('home');
    expect(folderProblem('/home', linux)).toEqual({ kind: 'contains-home', folder: '/home/ann' });
  });
  it('refuses hidden folders and folders inside them, naming the hidden one', () => {
    expect(folderProblem('/home/ann/.ssh', linux)).toEqual({ kind: 'hidden', folder: '/home/ann/.ssh' });
    expect(folderProblem('/home/ann/.config/foo/bar', linux)).toEqual({ kind: 'hidden', folder: '/home/ann/.config' });
    expect(folderProblem('/srv/.git/objects', linux)).toEqual({ kind: 'hidden', folder: '/srv/.git' });
  });
  it('the data folder: itself and what holds it refused; inside it allowed although it lies in ~/.local', () => {
    expect(kind('/home/ann/.local/share/rescue-bench', linux)).toBe('data-folder');
    expect(kind('/home/ann/.local/share/rescue-bench/uploads/ab12', linux)).toBeNull();
    expect(folderProblem('/home/ann/.local/share/rescue-bench/.cache', linux)).toEqual({ kind: 'hidden', folder: '/home/ann/.local/share/rescue-bench/.cache' });
    expect(folderProblem('/home/ann/.local/share/other', linux)).toEqual({ kind: 'hidden', folder: '/home/ann/.local' });
    expect(kind('/var/lib/rescue-bench/tftp', { ...linux, dataDir: '/var/lib/rescue-bench' })).toBeNull();
  });
  it('refuses system folders and what is inside them, except temporary folders and the classic TFTP folder', () => {
    for (const [p, folder] of [
      ['/etc', '/etc'],
      ['/etc/ssh', '/etc'],
      ['/usr/local/share', '/usr'],
      ['/boot/efi', '/boot'],
      ['/var', '/var'],
      ['/var/lib/dpkg', '/var'],
      ['/proc/1', '/proc'],
      ['/lib64', '/lib64'],
      ['/run/user/1000', '/run'],
    ]) expect(folderProblem(p!, linux), p).toEqual({ kind: 'system', folder });
    expect(kind('/root', linux)).toBe('homes');
    for (const ok of ['/var/tmp/fw', '/var/lib/tftpboot', '/srv/tftp', '/tmp/rb-123', '/tmp', '/mnt/usb', '/media/ann/STICK', '/opt/firmware', '/home/ann/firmware', '/home/bob/firmware', '/etcetera']) {
      expect(kind(ok, linux), ok).toBeNull();
    }
  });
  it('running as root: /root is the home folder; folders in it are allowed, its hidden ones are not', () => {
    const asRoot: FolderFacts = { ...linux, home: '/root', dataDir: '/root/.local/share/rescue-bench' };
    expect(kind('/root', asRoot)).toBe('home');
    expect(kind('/root/firmware', asRoot)).toBeNull();
    expect(kind('/root/.ssh', asRoot)).toBe('hidden');
    expect(kind('/home', asRoot)).toBe('homes');
  });
  it('inside the temporary folder only the part below it counts', () => {
    expect(kind('/home/ann/.tmp/rb-1', { ...linux, tmpDir: '/home/ann/.tmp' })).toBeNull();
    expect(kind('/home/ann/.tmp', { ...linux, tmpDir: '/home/ann/.tmp' })).toBe('hidden');
    expect(folderProblem('/tmp/x/home/ann/.ssh', linux)).toEqual({ kind: 'hidden', folder: '/tmp/x/home/ann/.ssh' });
  });
  it('is case-sensitive on Linux', () => {
    expect(kind('/ETC', linux)).toBeNull();
  });
});

describe('folderProblem: macOS', () => {
  it('refuses /Users, /System, /Library, /Applications and /private (the real /etc and /var)', () => {
    expect(kind('/Users', mac)).toBe('contains-home');
    expect(kind('/Users/ann', mac)).toBe('home');
    for (const [p, folder] of [
      ['/System/Library', '/System'],
      ['/Library/Keychains', '/Library'],
      ['/Applications/Foo.app', '/Applications'],
      ['/private/etc', '/private'],
      ['/private/var/db', '/private'],
      ['/etc', '/etc'],
      ['/usr/local/bin', '/usr'],
    ]) expect(folderProblem(p!, mac), p).toEqual({ kind: 'system', folder });
    expect(kind('/Volumes', mac)).toBe('homes');
  });
  it('case does not matter (the default file system ignores it)', () => {
    expect(kind('/system/library', mac)).toBe('system');
    expect(kind('/users/ANN', mac)).toBe('home');
  });
  it('~/Library keeps settings and passwords: refused, except the data folder inside it', () => {
    expect(folderProblem('/Users/ann/Library/Keychains', mac)).toEqual({ kind: 'private-settings', folder: '/Users/ann/Library' });
    expect(kind('/Users/ann/Library/Application Support/Rescue Bench', mac)).toBe('data-folder');
    expect(kind('/Users/ann/Library/Application Support/Rescue Bench/tftp', mac)).toBeNull();
  });
  it('allows temporary folders (/private/tmp is where /tmp leads), USB sticks and ordinary folders', () => {
    for (const ok of ['/private/tmp/rb-1', '/private/var/folders/zz/abc/T/rb-2', '/Volumes/STICK', '/Users/ann/Downloads/fw', '/Users/ann/Desktop']) expect(kind(ok, mac), ok).toBeNull();
    expect(kind('/Users/ann/.ssh', mac)).toBe('hidden');
  });
});

describe('folderProblem: Windows', () => {
  it('refuses drives, C:\\Users, the home folder, and system folders on any drive, in any case', () => {
    expect(folderProblem('C:\\', win)).toEqual({ kind: 'disk-root', folder: 'C:\\' });
    expect(kind('D:\\', win)).toBe('disk-root');
    expect(kind('C:\\Users', win)).toBe('contains-home');
    expect(kind('c:\\users\\ANN', win)).toBe('home');
    expect(folderProblem('C:\\Windows\\System32', win)).toEqual({ kind: 'system', folder: 'C:\\Windows' });
    expect(kind('c:\\windows', win)).toBe('system');
    expect(kind('C:\\Program Files\\Foo', win)).toBe('system');
    expect(kind('C:\\Program Files (x86)', win)).toBe('system');
    expect(kind('C:\\ProgramData\\ssh', win)).toBe('system');
    expect(kind('D:\\$Recycle.Bin', win)).toBe('system');
    expect(kind('D:\\Users', win)).toBe('homes');
  });
  it('AppData keeps settings and passwords: refused, except the data folder and the temporary folder inside it', () => {
    expect(folderProblem('C:\\Users\\ann\\AppData\\Roaming\\Mozilla', win)).toEqual({ kind: 'private-settings', folder: 'C:\\Users\\ann\\AppData' });
    expect(kind('C:\\Users\\ann\\AppData\\Roaming\\Rescue Bench', win)).toBe('data-folder');
    expect(kind('C:\\Users\\ann\\AppData\\Roaming\\Rescue Bench\\tftp', win)).toBeNull();
    expect(kind('C:\\Users\\ann\\AppData\\Local\\Temp\\rb-1', win)).toBeNull();
  });
  it('hidden folders, with either slash; ordinary folders are allowed', () => {
    expect(folderProblem('C:\\Users\\ann\\.ssh', win)).toEqual({ kind: 'hidden', folder: 'C:\\Users\\ann\\.ssh' });
    expect(kind('C:/Users/ann/.ssh/keys', win)).toBe('hidden');
    for (const ok of ['C:\\Users\\ann\\Downloads\\fw', 'D:\\firmware', 'C:\\tftp', 'E:\\Windowsill']) expect(kind(ok, win), ok).toBeNull();
  });
});

describe('folderWithin', () => {
  it('compares by whole path parts', () => {
    expect(folderWithin('linux', '/data', '/data/x')).toBe(true);
    expect(folderWithin('linux', '/data', '/data')).toBe(true);
    expect(folderWithin('linux', '/data', '/database')).toBe(false);
    expect(folderWithin('linux', '/data', '/DATA/x')).toBe(false);
    expect(folderWithin('darwin', '/data', '/DATA/x')).toBe(true);
    expect(folderWithin('win32', 'C:\\Data', 'c:\\data\\X')).toBe(true);
    expect(folderWithin('win32', 'C:\\Data', 'C:\\Database')).toBe(false);
  });
});

describe('looksLikeSerialPort', () => {
  it('Linux: adapters and built-in ports, not consoles, terminals or other files', () => {
    for (const p of ['/dev/ttyUSB0', '/dev/ttyACM12', '/dev/ttyS0', '/dev/ttyAMA0', '/dev/ttymxc1', '/dev/rfcomm0', '/dev/serial/by-id/usb-FTDI_FT232R_A1-if00-port0', '/dev/serial/by-path/pci-0000:00:14.0-usb-0:1:1.0-port0']) {
      expect(looksLikeSerialPort(p, 'linux'), p).toBe(true);
    }
    for (const p of ['/dev/tty', '/dev/tty1', '/dev/pts/3', '/dev/ttyUSB', '/dev/sda', '/etc/passwd', '/dev/ttyUSB0/../sda', '/dev/serial/by-id/../../sda', '/dev/serial/by-id/..', 'ttyUSB0', 'COM3']) {
      expect(looksLikeSerialPort(p, 'linux'), p).toBe(false);
    }
  });
  it('macOS: /dev/cu.* and /dev/tty.*', () => {
    expect(looksLikeSerialPort('/dev/cu.usbserial-A1', 'darwin')).toBe(true);
    expect(looksLikeSerialPort('/dev/tty.Bluetooth-Incoming-Port', 'darwin')).toBe(true);
    expect(looksLikeSerialPort('/dev/ttys003', 'darwin')).toBe(false);
    expect(looksLikeSerialPort('/dev/cu.x/../disk0', 'darwin')).toBe(false);
  });
  it('Windows: COM ports, also in their \\\\.\\ form', () => {
    for (const p of ['COM1', 'com3', 'COM256', '\\\\.\\COM10']) expect(looksLikeSerialPort(p, 'win32'), p).toBe(true);
    for (const p of ['COM0', 'COM', 'C:\\Windows\\win.ini', '\\\\.\\PhysicalDrive0', 'NUL']) expect(looksLikeSerialPort(p, 'win32'), p).toBe(false);
  });
});
