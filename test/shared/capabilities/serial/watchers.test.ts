import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { ConsoleWatcher, describeMatch, watchAll, watchProfile, WATCH_KINDS, type WatchMatch } from '../../../../src-shared/capabilities/serial/watchers';

const fixture = (name: string): Buffer => fs.readFileSync(path.join(__dirname, '../../fixtures', 'serial', name));
const kinds = (ms: WatchMatch[]): string[] => ms.map((m) => m.kind);

describe('watchers on recorded boots of several vendors', () => {
  it('mainline U-Boot under QEMU (recorded on the rig): banner, countdown, prompt', () => {
    const log = fixture('qemu-uboot-2023.log');
    const ms = watchAll(log);
    expect(ms[0]).toMatchObject({ kind: 'uboot-banner', detail: '2023.01+dfsg-2+deb12u3' });
    expect(ms.find((m) => m.kind === 'uboot-autoboot')).toMatchObject({ seconds: 2, stopWith: 'any' });
    expect(ms.at(-1)).toMatchObject({ kind: 'uboot-prompt', prompt: '=> ' });
    // Fed one byte at a time, every prompt the recording shows is seen as it appears.
    const bytewise = watchAll(log, { chunk: 1 }).filter((m) => m.kind === 'uboot-prompt');
    expect(bytewise.length).toBeGreaterThanOrEqual(6);
    expect(new Set(bytewise.map((m) => m.prompt))).toEqual(new Set(['=> ']));
  });

  it('Linksys WRT3200ACM (Marvell U-Boot): the countdown rewritten with backspaces fires once, then Marvell>> ', () => {
    for (const chunk of [1, 7, 64, 100_000]) {
      const ms = watchAll(fixture('linksys-wrt3200acm-marvell.log'), { chunk });
      expect(kinds(ms)).toEqual(['uboot-banner', 'uboot-autoboot', 'uboot-prompt']);
      expect(ms[1]).toMatchObject({ seconds: 3, stopWith: 'any' });
      expect(ms[2]!.prompt).toBe('Marvell>> ');
    }
  });

  it('TP-Link Atheros U-Boot: "Autobooting in 1 seconds" asks for the profile stop string tpl; ath> prompt', () => {
    const ms = watchAll(fixture('tplink-wr1043nd-ath.log'), { profile: watchProfile('tplink-ath') });
    expect(ms.find((m) => m.kind === 'uboot-autoboot')).toMatchObject({ seconds: 1, stopWith: 'tpl' });
    expect(ms.at(-1)).toMatchObject({ kind: 'uboot-prompt', prompt: 'ath> ' });
    expect(ms.find((m) => m.kind === 'uboot-banner')!.detail).toBe('1.1.4');
  });

  it('keyed autoboot announced by the device itself', () => {
    const ms = watchAll("Hit 'abc' to stop autoboot:  2 \b\b\b 1");
    expect(ms).toEqual([expect.objectContaining({ kind: 'uboot-autoboot', stopWith: 'abc', seconds: 2 })]);
  });

  it('IPQ40xx QSDK: (IPQ40xx) # prompt before and after a tftpboot', () => {
    const bytewise = watchAll(fixture('ipq40xx-qsdk.log'), { chunk: 1 });
    expect(bytewise.filter((m) => m.kind === 'uboot-prompt').map((m) => m.prompt)).toEqual(['(IPQ40xx) # ', '(IPQ40xx) # ']);
  });

  it('OpenWrt preinit: failsafe prompt (exported for the failsafe flow), debug prompt, entered, console, shell', () => {
    for (const chunk of [1, 13, 100_000]) {
      const ms = watchAll(fixture('openwrt-preinit-failsafe.log'), { chunk });
      expect(kinds(ms)).toEqual(['preinit-failsafe-prompt', 'preinit-debug-prompt', 'failsafe-entered', 'console-activate', 'failsafe-entered', 'shell-prompt']);
      expect(ms.at(-1)!.prompt).toBe('root@(none):/# ');
    }
  });

  it('the failsafe prompt is recognised before its newline arrives', () => {
    const w = new ConsoleWatcher();
    expect(kinds(w.feed('Press the [f] key and hit [enter] to enter failsafe mode'))).toEqual(['preinit-failsafe-prompt']);
    expect(w.feed('\r\n')).toEqual([]);
  });

  it('kernel panic with its reason; Starting kernel and the first kernel line', () => {
    const ms = watchAll(fixture('kernel-panic-mvebu.log'));
    expect(kinds(ms)).toEqual(['kernel-start', 'kernel-start', 'kernel-start', 'kernel-panic', 'kernel-panic']);
    expect(ms[3]!.detail).toBe('VFS: Unable to mount root fs on unknown-block(0,0)');
  });

  it('login and password prompts', () => {
    expect(watchAll(fixture('openwrt-login.log')).map((m) => m.kind)).toEqual(['login-prompt']);
    expect(watchAll('Password: ').map((m) => m.kind)).toEqual(['password-prompt']);
    expect(watchAll('/ # ').map((m) => m.kind)).toEqual(['shell-prompt']);
  });

  it('does not take ordinary text for a prompt', () => {
    for (const s of ['Loading: #', ' | Lane # | Speed', 'abc', 'printenv\r\n', '=>', 'rate 5 > 3 ', 'x> ', '1abc> ', 'ok\u0001> ']) {
      expect(watchAll(s), s).toEqual([]);
    }
  });

  it('every kind has a plain-words description', () => {
    for (const kind of WATCH_KINDS) expect(describeMatch({ kind, text: '', offset: 0 }).length).toBeGreaterThan(10);
  });

  it('an endless line without newline is bounded', () => {
    const w = new ConsoleWatcher({ maxLine: 100 });
    for (let i = 0; i < 100; i++) w.feed('a'.repeat(1000));
    expect(w.currentLine.length).toBeLessThanOrEqual(100);
    // a cut line is no longer trusted for prompts
    expect(w.feed('=> ')).toEqual([]);
  });
});

describe('watchers on noise', () => {
  it('100k random byte streams: no throw, no match', () => {
    let streams = 0;
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 0, maxLength: 96 }), { minLength: 1, maxLength: 6 }), (chunks) => {
        streams++;
        const w = new ConsoleWatcher({ profile: watchProfile('tplink-ath') });
        for (const c of chunks) {
          const ms = w.feed(c);
          if (ms.length) throw new Error(`false trigger ${JSON.stringify(ms)} on ${JSON.stringify([...c])}`);
        }
      }),
      { numRuns: 100_000, seed: 5 },
    );
    expect(streams).toBe(100_000);
  }, 120_000);

  it('random printable text (line noise from a wrong baud rate looks like this) does not trigger', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdefghij XYZ#>=()-_:/@\r\n\t\b\u0000~0123'.split('')), maxLength: 200 }), (s) => {
        const ms = watchAll(s, { chunk: 50 }).filter((m) => !['uboot-prompt', 'shell-prompt', 'login-prompt'].includes(m.kind));
        return ms.length === 0;
      }),
      { numRuns: 20_000, seed: 7 },
    );
  });

  it('never throws on any string, any chunking', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (s, chunk) => {
        watchAll(s, { chunk });
      }),
      { numRuns: 10_000, seed: 9 },
    );
  });
});

describe('profiles from the device list', () => {
  it('a keyed router profile makes the watcher ask for its stop string', async () => {
    const { watchProfileFromSerial } = await import('../../../../src-shared/capabilities/serial/watchers');
    const { DEVICE_PROFILES } = await import('../../../../src-shared/profiles/profiles');
    const tp = DEVICE_PROFILES.find((p) => p.serial.stopString === 'tpl')!;
    const prof = watchProfileFromSerial(tp.id, tp.model, tp.serial);
    expect(prof.stopString).toBe('tpl');
    const ms = watchAll(`Autobooting in 1 seconds\r\n${tp.serial.prompt ?? 'ath> '}`, { profile: prof });
    expect(ms.map((m) => [m.kind, m.stopWith ?? m.prompt])).toEqual([['uboot-autoboot', 'tpl'], ['uboot-prompt', tp.serial.prompt ?? 'ath> ']]);
    const mv = DEVICE_PROFILES.find((p) => p.serial.prompt === 'Marvell>> ')!;
    expect(watchProfileFromSerial(mv.id, mv.model, mv.serial).stopString).toBeUndefined();
  });
});
