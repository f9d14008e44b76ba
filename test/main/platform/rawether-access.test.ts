import { describe, expect, it } from 'vitest';
import { grantRawFramesCommand, hasCapNetRaw, npcapState, rawFrameFault, rawFramesUnavailable } from '../../../src-main/platform/bindings/rawether-access';

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

  it('detects Npcap and its WinPcap API-compatible mode from its DLLs, and says which option to tick', () => {
    const files = new Set(['C:\\Windows\\System32\\Npcap\\wpcap.dll']);
    const st = npcapState('C:\\Windows\\', (p) => files.has(p));
    expect(st).toEqual({ installed: true, winpcapCompatible: false });
    expect(rawFramesUnavailable('win32', 'windows', st).meaning).toMatch(/without "WinPcap API-compatible Mode"/);
    expect(rawFramesUnavailable('win32', 'windows', { installed: false, winpcapCompatible: false }).meaning).toMatch(/Install Npcap from npcap.com .*tick "Install Npcap in WinPcap API-compatible Mode"/);
    expect(rawFramesUnavailable('win32', 'windows', { installed: true, winpcapCompatible: true }).message).toMatch(/does not run on Windows in this version/);
  });

  it('says what to install when the addon is not built', () => {
    expect(rawFramesUnavailable('linux', 'not-built').fix).toMatch(/apt install gcc/);
    expect(rawFramesUnavailable('darwin', 'not-built').fix).toMatch(/xcode-select --install/);
  });
});
