/**
 * The raw-frame binding's own steps (src-main/platform/bindings/rawether.ts) on every OS, with a fake addon in place
 * of native/rawether: loading, Npcap checked first on Windows, errno names turned into three-part faults, frames and
 * troubles handed on, close once. The real addon is tested on Linux in test/integration/nmrp (namespaces); its
 * Windows and macOS C parts are compiled/syntax-checked in test/integration/nmrp/native-syntax.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { makeRawEther, type AddonLoad, type RawEtherAddon } from '../../../src-main/platform/bindings/rawether';
import type { NpcapState } from '../../../src-main/platform/bindings/rawether-access';
import { RbFault } from '../../../src-shared/errors';
import type { PlatformName } from '../../../src-main/platform/host';

type OnFrame = (frame: Buffer | null, err: string | null) => void;

/** A fake addon: records calls; `openError` makes open throw like the C code (Error with an errno-name code). */
function fakeAddon(o: { npcap?: RawEtherAddon['npcap']; openError?: string; sendError?: string } = {}) {
  const calls: string[] = [];
  let onFrame: OnFrame | undefined;
  const sent: Buffer[] = [];
  const api = {
    abi: 1,
    open(ifname: string, ethertype: number, cb: OnFrame) {
      calls.push(`open ${ifname} 0x${ethertype.toString(16)}`);
      if (o.openError) throw Object.assign(new Error(`opening raw frames on ${ifname}: failed`), { code: o.openError });
      onFrame = cb;
      return {} as never;
    },
    mac: () => Buffer.from([2, 0, 0, 0, 0, 0x0a]),
    send(_h: unknown, f: Buffer) {
      if (o.sendError) throw Object.assign(new Error('sending a frame: down'), { code: o.sendError });
      sent.push(Buffer.from(f));
      return f.length;
    },
    dropped: () => 3,
    close: () => void calls.push('close'),
    ...(o.npcap ? { npcap: o.npcap, adapters: () => [{ name: 'Ethernet 2', device: '\\Device\\NPF_{0F1E}', mac: '02:00:00:00:00:0a', description: 'Realtek USB GbE' }] } : {}),
  } as unknown as RawEtherAddon;
  return { api, calls, sent, deliver: (f: Buffer | null, e: string | null) => onFrame?.(f, e) };
}

function host(platform: PlatformName, load: () => AddonLoad, npcapFiles: NpcapState = { installed: false, winpcapCompatible: false }) {
  let loads = 0;
  const raw = makeRawEther({
    platform: () => platform,
    load: () => (loads++, load()),
    npcapFiles: () => npcapFiles,
    binary: () => (platform === 'win32' ? 'C:\\Program Files\\Rescue Bench\\Rescue Bench.exe' : '/usr/bin/node'),
  });
  return { raw, loads: () => loads };
}

function faultOf(fn: () => unknown): RbFault {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(RbFault);
    const f = err as RbFault;
    expect(f.message.length).toBeGreaterThan(10);
    expect(f.meaning?.length).toBeGreaterThan(10);
    expect(f.fix?.length).toBeGreaterThan(10);
    return f;
  }
  throw new Error('expected a fault');
}

describe.each(['linux', 'darwin', 'win32'] as const)('raw frames through the addon on %s', (platform) => {
  const npcapOk = platform === 'win32' ? { npcap: () => ({ loaded: true, version: 'Npcap version 1.79, based on libpcap version 1.10.4' }) } : {};

  it('opens, reports the MAC, sends, hands frames and troubles on, counts drops, closes once', () => {
    const a = fakeAddon(npcapOk);
    const { raw, loads } = host(platform, () => ({ ok: true, api: a.api }));
    const s = raw.open(platform === 'win32' ? 'Ethernet 2' : 'eth9', 0x0912);
    expect(s.mac).toBe('02:00:00:00:00:0a');
    const got: Uint8Array[] = [];
    const trouble: string[] = [];
    s.onFrame((f) => got.push(f));
    s.onTrouble((e) => trouble.push(e));
    a.deliver(Buffer.from('frame'), null);
    a.deliver(null, 'ENETDOWN');
    expect(Buffer.from(got[0]!).toString()).toBe('frame');
    expect(trouble).toEqual(['ENETDOWN']);
    const sub = new Uint8Array(Buffer.from('xxframe-to-send'));
    s.send(sub.subarray(2));
    expect(a.sent[0]!.toString()).toBe('frame-to-send');
    expect(s.dropped()).toBe(3);
    s.close();
    s.close();
    expect(a.calls.filter((c) => c === 'close')).toHaveLength(1);
    raw.open('eth9', 0x0912);
    expect(loads()).toBe(1); // loaded once
  });

  it('an addon that is not built: NMRP_ADDON_MISSING with the reason in Details', () => {
    const { raw } = host(platform, () => ({ ok: false, why: 'not built (npm run build:native needs a C compiler)' }));
    const f = faultOf(() => raw.open('eth9', 0x0912));
    expect(f.code).toBe('NMRP_ADDON_MISSING');
    expect(f.details).toContain('not built');
    expect(f.fix).toMatch(platform === 'win32' ? /Developer Command Prompt/ : platform === 'darwin' ? /xcode-select/ : /apt install gcc/);
  });

  it('no permission: what to do on this OS', () => {
    const a = fakeAddon({ ...npcapOk, openError: platform === 'linux' ? 'EPERM' : 'EACCES' });
    const f = faultOf(() => host(platform, () => ({ ok: true, api: a.api })).raw.open('eth9', 0x0912));
    expect(f.code).toBe('NMRP_NO_RAW_PRIVILEGE');
    expect(f.fix).toMatch(platform === 'win32' ? /Run as administrator/ : platform === 'darwin' ? /ChmodBPF/ : /setcap cap_net_raw\+ep \/usr\/bin\/node/);
  });

  it('a send on a link that went down is a three-part fault, not a crash', () => {
    const a = fakeAddon({ ...npcapOk, sendError: 'ENETDOWN' });
    const s = host(platform, () => ({ ok: true, api: a.api })).raw.open('eth9', 0x0912);
    expect(faultOf(() => s.send(Buffer.alloc(60))).code).toBe('NMRP_LINK_DOWN');
  });
});

describe('Windows: Npcap first', () => {
  it('Npcap missing: says to install it and which option to tick, before any adapter is opened', () => {
    const a = fakeAddon({ npcap: () => ({ loaded: false, error: 'wpcap.dll was not found in System32\\Npcap or System32 (Windows error 126)' }) });
    const f = faultOf(() => host('win32', () => ({ ok: true, api: a.api })).raw.open('Ethernet 2', 0x0912));
    expect(f.code).toBe('NMRP_NPCAP_MISSING');
    expect(f.fix).toContain('WinPcap API-compatible Mode');
    expect(f.details).toContain('Windows error 126');
    expect(a.calls).toEqual([]);
  });

  it('Npcap installed but not loadable: NMRP_NPCAP_BROKEN', () => {
    const a = fakeAddon({ npcap: () => ({ loaded: false, error: 'wpcap.dll has no pcap_create' }) });
    const f = faultOf(() => host('win32', () => ({ ok: true, api: a.api }), { installed: true, winpcapCompatible: false }).raw.open('Ethernet 2', 0x0912));
    expect(f.code).toBe('NMRP_NPCAP_BROKEN');
  });

  it('an addon without the Npcap part (built for another system) is not taken for a working one', () => {
    const a = fakeAddon();
    const f = faultOf(() => host('win32', () => ({ ok: true, api: a.api })).raw.open('Ethernet 2', 0x0912));
    expect(f.code).toBe('NMRP_NPCAP_MISSING');
  });

  it('an unknown adapter name: the fault lists the adapters Windows has, by the names users see', () => {
    const a = fakeAddon({ npcap: () => ({ loaded: true }), openError: 'ENODEV' });
    const f = faultOf(() => host('win32', () => ({ ok: true, api: a.api })).raw.open('eth0', 0x0912));
    expect(f.code).toBe('NMRP_NO_INTERFACE');
    expect(f.message).toContain('"eth0"');
    expect(f.details).toContain('"Ethernet 2" (Realtek USB GbE, 02:00:00:00:00:0a)');
  });
});

describe('answers from the reader thread and in-process neighbour entries (decisions 0108, 0109)', () => {
  it('passes an armed answer to the addon (a copy of the frame, or null to disarm) and hands on the answered flag', () => {
    const a = fakeAddon();
    const armed: Array<[number, number, string | null]> = [];
    let cb: ((f: Buffer | null, e: string | null, answered?: boolean) => void) | undefined;
    const api = {
      ...a.api,
      open: (i: string, t: number, f: typeof cb) => ((cb = f), a.api.open(i, t, () => {})),
      answer: (_h: unknown, off: number, val: number, reply: Buffer | null) => void armed.push([off, val, reply ? reply.toString('hex') : null]),
    } as unknown as RawEtherAddon;
    const s = host('linux', () => ({ ok: true, api })).raw.open('eth9', 0x0912);
    expect(s.answer({ offset: 16, value: 2 }, Uint8Array.from([1, 2, 3]))).toBe(true);
    expect(s.answer({ offset: 16, value: 2 }, null)).toBe(true);
    expect(armed).toEqual([
      [16, 2, '010203'],
      [16, 2, null],
    ]);
    const got: boolean[] = [];
    s.onFrame((_f, answered) => got.push(answered));
    cb?.(Buffer.from('x'), null, true);
    cb?.(Buffer.from('y'), null);
    expect(got).toEqual([true, false]);
    s.close();
    expect(s.answer({ offset: 16, value: 2 }, null)).toBe(false); // closed: nothing armed any more
  });

  it('says false where the addon has no answer or neighbour part (Windows), so the caller does it itself', () => {
    const a = fakeAddon();
    const s = host('linux', () => ({ ok: true, api: a.api })).raw.open('eth9', 0x0912);
    expect(s.answer({ offset: 16, value: 2 }, Uint8Array.from([1]))).toBe(false);
    expect(s.neighbour('10.164.183.253', '20:e5:2a:00:00:01')).toBe(false);
  });

  it('adds and removes a neighbour entry on its own interface with the MAC as 6 bytes; a refusal is a three-part fault', () => {
    const a = fakeAddon();
    const calls: string[] = [];
    let refuse = false;
    const api = {
      ...a.api,
      neighbour: (ifname: string, ip: string, mac: Buffer | null) => {
        if (refuse) throw Object.assign(new Error('adding the neighbour entry: Operation not permitted'), { code: 'EPERM' });
        calls.push(`${ifname} ${ip} ${mac ? mac.toString('hex') : 'remove'}`);
      },
    } as unknown as RawEtherAddon;
    const s = host('linux', () => ({ ok: true, api })).raw.open('eth9', 0x0912);
    expect(s.neighbour('10.164.183.253', '20:E5:2a:00:00:01')).toBe(true);
    expect(s.neighbour('10.164.183.253', null)).toBe(true);
    expect(calls).toEqual(['eth9 10.164.183.253 20e52a000001', 'eth9 10.164.183.253 remove']);
    expect(() => s.neighbour('10.164.183.253', '20:e5:2a:00:01')).toThrow(/not a MAC address/);
    refuse = true;
    const f = faultOf(() => s.neighbour('10.164.183.253', '20:e5:2a:00:00:01'));
    expect(f.details).toContain('Operation not permitted');
  });
});
