/**
 * `firmware boot-slot` (the recovery action after a failed Linksys flash) through the CLI in the station namespace,
 * against the stand-in router with the real fw_printenv/fw_setenv (libubootenv-tool) on a real environment image:
 * without --yes nothing changes (the image's bytes stay the same); with --yes boot_part and bootcmd are written
 * and read back, and the image itself changed; a dual-slot router without an environment partition gets a
 * three-part error and nothing is run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { resultOf, type CliRun } from '../../../test-support/cli-lines';
import { cli as rigCli, plainCli, ROOTFS_3M, WRT_ENV_3M, wrt32x } from '../../../test-support/upgrade-rig';

const support = netnsSupport();
if (!support.ok) reportSkip('upgrade boot-slot (stand-in router)', support.reason);

describe.skipIf(!support.ok)('firmware boot-slot on the stand-in WRT32X (real fw_printenv/fw_setenv)', () => {
  let lan: RescueLan;
  let router: StandinRouter | undefined;
  let tmp: string;
  // a data folder per run: each stand-in start is a different router (new host key) at the same address
  let runs = 0;
  const cli = (args: string[]): Promise<CliRun> => rigCli(lan, path.join(tmp, `data-${++runs}`), args, { killAfterMs: 60_000 });
  const start = async (withEnv: boolean): Promise<StandinRouter> => {
    router?.stop();
    router = await startStandinRouter(lan, { partitions: wrt32x(ROOTFS_3M, { env: withEnv }), boardName: 'linksys,wrt32x', model: 'Linksys WRT32X', ubootEnv: WRT_ENV_3M, openwrt: { release: '19.07.9', revision: 'r11364-ef56c85848' } });
    return router;
  };
  beforeAll(() => {
    lan = createRescueLan('upbs');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-upbs-'));
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('without --yes says what it would change and changes nothing; with --yes boot_part and bootcmd are written, read back, and the environment image changed', async () => {
    const r = await start(true);
    const envImage = path.join(r.root, 'standin/mtd1.img');
    const before = fs.readFileSync(envImage);
    const look = await cli(['firmware', 'boot-slot', '--host', '192.168.1.1', '--ssh', '--slot', '2', '--json']);
    expect(look.code).toBe(0);
    const l = resultOf<'firmware boot-slot'>(look.lines);
    expect(l.ok).toBe(true);
    if (l.ok) {
      expect(l.value!.changed).toBe(false);
      expect(l.value!.changes).toEqual([
        { name: 'boot_part', from: '1', to: '2' },
        { name: 'bootcmd', from: 'run nandboot', to: 'run altnandboot' },
      ]);
    }
    expect(fs.readFileSync(envImage).equals(before)).toBe(true);
    expect(r.env().boot_part).toBe('1');

    const done = await cli(['firmware', 'boot-slot', '--host', '192.168.1.1', '--ssh', '--slot', '2', '--yes', '--json']);
    expect(done.code).toBe(0);
    const d = resultOf<'firmware boot-slot'>(done.lines);
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.value!.changed).toBe(true);
      expect(d.value!.env.boot_part).toBe('2');
      expect(d.value!.env.bootcmd).toBe('run altnandboot');
    }
    // the real image, read by the real fw_printenv outside our code, and its bytes
    expect(r.env()).toMatchObject({ boot_part: '2', bootcmd: 'run altnandboot', auto_recovery: 'yes' });
    const after = fs.readFileSync(envImage);
    expect(after.equals(before)).toBe(false);
    expect(after.includes('boot_part=2')).toBe(true);
    expect(after.includes('bootcmd=run altnandboot')).toBe(true);
  }, 120_000);

  it('says its lines in the language asked for (--lang de): now, would run, already, changed (decision 0161)', async () => {
    await start(true);
    const de = (args: string[]) => plainCli(lan, path.join(tmp, `data-${++runs}`), ['firmware', 'boot-slot', '--host', '192.168.1.1', '--ssh', ...args, '--lang', 'de'], { killAfterMs: 60_000 });
    const same = await de(['--slot', '1']);
    expect(same.code, same.err).toBe(0);
    expect(same.out).toContain('Jetzt: boot_part=1, bootcmd=run nandboot.\nDer Router startet schon Platz 1; nichts zu ändern.');
    const look = await de(['--slot', '2']);
    expect(look.code, look.err).toBe(0);
    expect(look.out).toMatch(/Würde ausführen: fw_setenv .+\n  boot_part: 1 → 2\n  bootcmd: run nandboot → run altnandboot\nEs wurde nichts geändert\. Starten Sie es noch einmal mit --yes/);
    const done = await de(['--slot', '2', '--yes']);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain('Geändert: boot_part=2, bootcmd=run altnandboot (vom Router zurückgelesen). Er startet Platz 2 beim nächsten Neustart.');
    expect(`${same.out}${look.out}${done.out}`).not.toMatch(/Now:|Would run|Changed:|already starts/);
  }, 120_000);

  it('a dual-slot router with no U-Boot environment partition: three-part error, nothing run', async () => {
    await start(false);
    const run = await cli(['firmware', 'boot-slot', '--host', '192.168.1.1', '--ssh', '--slot', '2', '--yes', '--json']);
    expect(run.code).toBe(1);
    const e = resultOf<'firmware boot-slot'>(run.lines);
    expect(e.ok).toBe(false);
    if (!e.ok) {
      expect(e.error.code).toBe('NO_UBOOT_ENV');
      expect(e.error.message).toMatch(/cannot read its bootloader settings/);
      expect(e.error.meaning).toMatch(/Nothing was changed/);
      expect(e.error.fix).toMatch(/three times|serial console/);
    }
  }, 60_000);

  it('--slot is required and must be 1 or 2', async () => {
    const run = await cli(['firmware', 'boot-slot', '--host', '192.168.1.1', '--slot', '3', '--json']);
    expect(run.code).not.toBe(0);
    expect(`${run.stderr}${JSON.stringify(run.lines)}`).toMatch(/--slot 1 or --slot 2/);
  }, 30_000);
});
