/**
 * `--interface IF` on the network commands that lacked it (issue 17, decision 0121): two routers at 192.168.1.1 on
 * two cards of one station namespace (test-support/station-lan.ts), each the stand-in router with its own board
 * name and its own TFTP server (tftpd-hpa); card 0 also has this computer's own 192.168.1.50, so traffic that
 * ignores the named card reaches router 0. Each command names a card and must reach the router on THAT card: the
 * upgrade dry run reads that router's board, `tftp put` lands byte-exact in that router's folder only. Each command
 * undoes its own set-up (no rule, table or address left, the slot record empty), also when it fails.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netnsSupport, nodeTsArgs, reportSkip } from '../../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { createStationLan, type StationLan } from '../../../test-support/station-lan';
import { cli, GENERIC, outcomeOf } from '../../../test-support/upgrade-rig';
import { openwrtImage, sha256 } from '../../../test-support/upgrade-images';
import { resultOf } from '../../../test-support/cli-lines';

const ns = netnsSupport();
const hasHpa = fs.existsSync('/usr/sbin/in.tftpd');
if (!ns.ok) reportSkip('--interface on the network commands (namespaces)', ns.reason);
else if (!hasHpa) reportSkip('--interface on tftp put', 'tftpd-hpa is not installed (apt-get install tftpd-hpa)');

const BOARDS = ['rescue-bench,left', 'rescue-bench,right'];

describe.skipIf(!ns.ok)('--interface IF: two routers at 192.168.1.1, each command reaches the one on the named card', () => {
  let lan: StationLan;
  const routers: StandinRouter[] = [];
  const tftpd: ChildProcess[] = [];
  const tftpDirs: string[] = [];
  let tmp: string;
  const img = openwrtImage({ board: BOARDS[1]!, devices: [BOARDS[1]!], compat: '1.0', version: '24.10.4' });

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-ifcmd-'));
    lan = createStationLan('ifc', 2);
    for (let i = 0; i < 2; i++) {
      routers.push(
        await startStandinRouter(lan.cards[i]!, {
          partitions: GENERIC,
          rootPassword: 'secret1',
          boardName: BOARDS[i]!,
          openwrt: { release: '23.05.5', revision: 'r24106-10cc5fcd00', compat: '1.0' },
          upgrade: { bootDelayMs: 1000, servicesDelayMs: 500, images: { [sha256(img)]: { kind: 'openwrt', release: '24.10.4', revision: 'r28959-29397011cc', compat: '1.0' } } },
        }),
      );
      if (hasHpa) {
        const dir = path.join(tmp, `tftp-router${i}`);
        fs.mkdirSync(dir, { mode: 0o777 });
        fs.chmodSync(dir, 0o777);
        tftpDirs.push(dir);
        tftpd.push(lan.cards[i]!.router.spawn('in.tftpd', ['-L', '-c', '-u', 'root', '-s', dir, '-a', '192.168.1.1:69'], { stdio: 'ignore' }));
      }
    }
    fs.writeFileSync(path.join(tmp, 'openwrt-24.10.4-sysupgrade.bin'), img);
    // this computer already has an address in that network on card 0 (as after a manual set-up): anything NOT sent
    // through the named card goes to router 0, so a command on card 1 that ignores its card reaches the wrong router
    lan.station.exec('ip', ['addr', 'add', '192.168.1.50/24', 'dev', lan.cards[0]!.stationIf]);
  }, 90_000);
  afterAll(() => {
    for (const d of tftpd) d.kill();
    for (const r of routers) r.stop();
    lan?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Nothing of a command's card set-up is left in the station namespace. */
  function nothingLeft(dataDir: string): void {
    expect(lan.station.exec('ip', ['rule', 'show']).toString()).not.toMatch(/lookup 71[7-9]\d/);
    expect(lan.station.exec('ip', ['route', 'show', 'table', 'all']).toString()).not.toMatch(/table 71[7-9]\d/);
    const addrs = lan.station.exec('ip', ['-4', 'addr', 'show']).toString();
    expect(addrs).not.toContain('192.168.1.60');
    expect(addrs).toContain('192.168.1.50'); // this computer's own address is left alone
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'net-slots.json'), 'utf8'))).toEqual([]);
  }

  it('firmware flash --dry-run --interface: reads, copies to and checks with the router on that card', async () => {
    const data = path.join(tmp, 'data-flash');
    const r = await cli(lan.cards[1]!, data, ['firmware', 'flash', '--host', '192.168.1.1', '--interface', lan.cards[1]!.stationIf, '--ssh', '--file', path.join(tmp, 'openwrt-24.10.4-sysupgrade.bin'), '--dry-run', '--json'], { env: { RB_PASSWORD: 'secret1' } });
    expect(r.code, r.stderr).toBe(0);
    const run = outcomeOf(r).value!.run;
    const ev = run.steps.flatMap((s) => s.evidence.map((e) => e.text)).join('\n');
    expect(ev).toContain(`(board ${BOARDS[1]})`);
    expect(ev).not.toContain(BOARDS[0]);
    expect(ev).toContain('sysupgrade -T /tmp/openwrt-24.10.4-sysupgrade.bin → exit 0');
    // the journal says where the router was: the card's own address
    expect(run.options.sourceAddress).toBe('192.168.1.60');
    nothingLeft(data);
  }, 120_000);

  it('firmware flash --interface on the other card reaches the other router (its board does not match the image: refused, nothing written)', async () => {
    const data = path.join(tmp, 'data-flash-0');
    const r = await cli(lan.cards[0]!, data, ['firmware', 'flash', '--host', '192.168.1.1', '--interface', lan.cards[0]!.stationIf, '--ssh', '--file', path.join(tmp, 'openwrt-24.10.4-sysupgrade.bin'), '--dry-run', '--json'], { env: { RB_PASSWORD: 'secret1' } });
    const res = outcomeOf(r);
    const ev = res.value!.run.steps.flatMap((s) => s.evidence.map((e) => e.text)).join('\n');
    expect(ev).toContain(`(board ${BOARDS[0]})`);
    expect(ev).not.toContain(`(board ${BOARDS[1]})`);
    expect(routers[0]!.reboots()).toEqual([]);
    nothingLeft(data);
  }, 120_000);

  it('firmware boot-slot --interface: a wrong card name is refused in three parts and nothing is set up', async () => {
    const data = path.join(tmp, 'data-bootslot');
    fs.mkdirSync(data, { recursive: true });
    fs.writeFileSync(path.join(data, 'net-slots.json'), '[]\n');
    const r = await cli(lan.cards[0]!, data, ['firmware', 'boot-slot', '--host', '192.168.1.1', '--interface', 'rbnosuch0', '--ssh', '--slot', '1', '--json'], { env: { RB_PASSWORD: 'secret1' } });
    expect(r.code).not.toBe(0);
    const res = resultOf(r.lines) as { ok: boolean; error?: { code: string; message: string; meaning?: string; fix?: string } };
    expect(res.error).toMatchObject({ code: 'NET_NO_SUCH_INTERFACE', message: expect.stringContaining('rbnosuch0'), meaning: expect.any(String), fix: expect.any(String) });
    nothingLeft(data);
  }, 60_000);

  it.skipIf(!hasHpa)('tftp put --interface: the file lands byte-exact with the router on that card only', async () => {
    const data = path.join(tmp, 'data-tftp');
    const file = path.join(tmp, 'factory.bin');
    fs.writeFileSync(file, crypto.createHash('sha512').update('tftp put via card 1').digest().toString('hex').repeat(20_000));
    const r = await cli(lan.cards[1]!, data, ['tftp', 'put', '--host', '192.168.1.1', '--interface', lan.cards[1]!.stationIf, '--file', file, '--remote-name', 'firmware.bin', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(sha256(fs.readFileSync(path.join(tftpDirs[1]!, 'firmware.bin')))).toBe(sha256(fs.readFileSync(file)));
    expect(fs.existsSync(path.join(tftpDirs[0]!, 'firmware.bin'))).toBe(false);
    nothingLeft(data);
    // and through the other card, the other router; in German plain words (not --json), the card's line from the
    // catalogue (decision 0152)
    const [cmd, cargs] = nodeTsArgs(path.join(__dirname, '../../../src-main/cli/main.ts'), ['tftp', 'put', '--host', '192.168.1.1', '--interface', lan.cards[0]!.stationIf, '--file', file, '--remote-name', 'other.bin', '--lang', 'de']);
    const r0 = spawnSync('ip', ['netns', 'exec', lan.station.name, cmd, ...cargs], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: data }, encoding: 'utf8', timeout: 60_000 });
    expect(r0.status, r0.stderr).toBe(0);
    expect(r0.stderr).toMatch(new RegExp(`^Der Router 192\\.168\\.1\\.1 wird über ${lan.cards[0]!.stationIf} von 192\\.168\\.1\\.\\d+ aus erreicht \\(am Ende wieder entfernt\\)\\.$`, 'm'));
    expect(r0.stderr).not.toMatch(/Reaching/);
    expect(fs.existsSync(path.join(tftpDirs[0]!, 'other.bin'))).toBe(true);
    expect(fs.existsSync(path.join(tftpDirs[1]!, 'other.bin'))).toBe(false);
    nothingLeft(data);
  }, 90_000);

  it('tftp put: --interface and --local-address together are refused before anything is set up', async () => {
    const data = path.join(tmp, 'data-tftp-both');
    const r = await cli(lan.cards[0]!, data, ['tftp', 'put', '--host', '192.168.1.1', '--interface', lan.cards[0]!.stationIf, '--local-address', '192.168.1.60', '--file', '/etc/hostname', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr + JSON.stringify(r.lines)).toMatch(/--interface IF or --local-address IP, not both/);
    expect(fs.existsSync(path.join(data, 'net-slots.json')) ? JSON.parse(fs.readFileSync(path.join(data, 'net-slots.json'), 'utf8')) : []).toEqual([]);
  }, 60_000);
});
