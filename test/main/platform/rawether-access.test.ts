import { describe, expect, it } from 'vitest';
import { grantRawFramesCommand, hasCapNetRaw, npcapState, rawFrameFault, rawFramesUnavailable, rawFramesUntested } from '../../../src-main/platform/bindings/rawether-access';

describe('raw frames: who may send them, per OS (Linux verified here; macOS and Windows from their documentation, untested)', () => {
  it('reads CAP_NET_RAW (bit 13) from /proc/self/status', () => {
    expect(hasCapNetRaw('Name:\tnode\nCapEff:\t000001ffffffffff\n')).toBe(true); // root
    expect(hasCapNetRaw('CapEff:\t0000000000000000\n')).toBe(false);
    expect(hasCapNetRaw('CapEff:\t0000000000002000\n')).toBe(true); // setcap cap_net_raw+ep
    expect(hasCapNetRaw('CapEff:\t0000000000001000\n')).toBe(false); // cap_net_admin only
    expect(hasCapNetRaw('no such line')).toBe(false);
  });

  it('grants the permission through the OS prompt: pkexec setcap on Linux, osascript for /dev/bpf* on macOS, none on Windows', () => {
    const all = () => true;
    expect(grantRawFramesCommand('linux', '/usr/lib/rescue-bench/rescue-bench', all)).toEqual(['pkexec', ['setcap', 'cap_net_raw+ep', '/usr/lib/rescue-bench/rescue-bench']]);
    expect(grantRawFramesCommand('linux', '/usr/bin/node', (p) => p !== 'pkexec')).toBeUndefined();
    expect(grantRawFramesCommand('linux', 'relative/bin', all)).toBeUndefined();
    expect(grantRawFramesCommand('darwin', '/Applications/Rescue Bench.app', all)?.[1][1]).toMatch(/chgrp admin \/dev\/bpf\* && \/bin\/chmod g\+rw \/dev\/bpf\*" with administrator privileges/);
    expect(grantRawFramesCommand('win32', 'C:\\rb.exe', all)).toBeUndefined();
  });

  it('says how to grant it when the OS refuses, in three parts', () => {
    const l = rawFrameFault('linux', 'EPERM', 'eth0', '/opt/Rescue Bench/rescue-bench');
    expect(l.code).toBe('NMRP_NO_RAW_PRIVILEGE');
    expect(l.fix).toContain("sudo setcap cap_net_raw+ep '/opt/Rescue Bench/rescue-bench'");
    expect(l.meaning).toMatch(/CAP_NET_RAW/);
    const m = rawFrameFault('darwin', 'EACCES', 'en5', '/x');
    expect(m.meaning).toMatch(/\/dev\/bpf/);
    expect(m.fix).toMatch(/ChmodBPF/);
    expect(rawFrameFault('linux', 'ENODEV', 'eth7', '/x').code).toBe('NMRP_NO_INTERFACE');
    expect(rawFrameFault('linux', 'ENETDOWN', 'eth7', '/x').code).toBe('NMRP_LINK_DOWN');
  });

  it('detects Npcap and its WinPcap API-compatible mode from its DLLs, and says what to install and which option to tick', () => {
    const files = new Set(['C:\\Windows\\System32\\Npcap\\wpcap.dll']);
    const st = npcapState('C:\\Windows\\', (p) => files.has(p));
    expect(st).toEqual({ installed: true, winpcapCompatible: false });
    const missing = rawFramesUnavailable('win32', 'no-npcap', { installed: false, winpcapCompatible: false }, { loaded: false, error: 'wpcap.dll was not found' });
    expect(missing.code).toBe('NMRP_NPCAP_MISSING');
    expect(missing.fix).toMatch(/Install Npcap from npcap.com: in its installer tick "Install Npcap in WinPcap API-compatible Mode"/);
    expect(missing.details).toBe('wpcap.dll was not found');
    const broken = rawFramesUnavailable('win32', 'no-npcap', st, { loaded: false, error: 'wpcap.dll has no pcap_create' });
    expect(broken.code).toBe('NMRP_NPCAP_BROKEN');
    expect(broken.fix).toMatch(/current Npcap from npcap.com/);
    expect(rawFramesUnavailable('win32', 'not-built').fix).toMatch(/Developer Command Prompt/);
  });

  it('Windows: Npcap for administrators only is named, with "Run as administrator"', () => {
    const w = rawFrameFault('win32', 'EACCES', 'Ethernet 2', 'C:\\Program Files\\Rescue Bench\\Rescue Bench.exe');
    expect(w.code).toBe('NMRP_NO_RAW_PRIVILEGE');
    expect(w.meaning).toMatch(/Administrators only/);
    expect(w.fix).toMatch(/Run as administrator/);
    expect(w.fix).not.toMatch(/setcap/);
  });

  it('says where raw frames are untested: macOS and Windows, not Linux', () => {
    expect(rawFramesUntested('win32')).toMatch(/not been tried on a real Windows computer/);
    expect(rawFramesUntested('darwin')).toMatch(/not been tried on a real Mac/);
    expect(rawFramesUntested('linux')).toBeUndefined();
  });

  it('says what to install when the addon is not built', () => {
    expect(rawFramesUnavailable('linux', 'not-built').fix).toMatch(/apt install gcc/);
    expect(rawFramesUnavailable('darwin', 'not-built').fix).toMatch(/xcode-select --install/);
  });
});
