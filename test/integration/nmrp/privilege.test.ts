/**
 * Raw frames without the permission, for real: the built CLI run as uid 65534 ("nobody") inside a throw-away
 * namespace gets EPERM from AF_PACKET, and says in three parts how to grant CAP_NET_RAW — before it touches the
 * network (no address is set).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectCliRun, resultOf } from '../../../test-support/cli-lines';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../../../test-support/netns';
import { dniImage } from '../../../test-support/nmrp';
import { stageCliForOtherUser, type StagedCli } from '../../../test-support/other-user';

const ns = netnsSupport();
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const staged: StagedCli = ns.ok && hasSetpriv ? stageCliForOtherUser() : { ok: false, reason: '' };
const skip = !ns.ok ? ns.reason : !hasSetpriv ? 'setpriv (util-linux) missing' : !staged.ok ? staged.reason : !fs.existsSync('dist/native/rb_rawether.node') ? 'the raw-Ethernet addon is not built (npm run build:native)' : undefined;
if (skip) reportSkip('nmrp without the raw-frame permission', skip);

let lan: RescueLan | undefined;
let dir: string | undefined;
afterAll(() => {
  lan?.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (staged.ok) staged.cleanup();
});

describe.skipIf(!!skip)('Netgear recovery without the raw-frame permission', () => {
  it('says how to grant CAP_NET_RAW (setcap on the program), and sets no address', async () => {
    const s = staged as Extract<StagedCli, { ok: true }>;
    lan = createRescueLan('nmrpp');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-nmrp-priv-'));
    fs.chmodSync(dir, 0o755);
    const image = path.join(dir, 'R7800.img');
    fs.writeFileSync(image, dniImage(Buffer.alloc(4096, 1)));
    fs.chmodSync(image, 0o644);
    const p: ChildProcess = lan.station.spawn(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', 'env', 'HOME=/tmp', process.execPath, s.cli, 'recover', 'netgear', '--interface', lan.stationIf, '--file', image, '--json'],
      { cwd: s.dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const run = await collectCliRun(p, { killAfterMs: 60_000 });
    expect(run.code).toBe(1);
    const r = resultOf(run.lines);
    if (r.ok) throw new Error('raw frames opened without the permission');
    expect(r.error.code).toBe('NMRP_NO_RAW_PRIVILEGE');
    expect(r.error.meaning).toContain('CAP_NET_RAW');
    expect(r.error.fix).toContain('sudo setcap cap_net_raw+ep');
    expect(lan.station.exec('ip', ['-4', 'addr', 'show', 'dev', lan.stationIf]).toString()).not.toContain('10.164.183.252');
  }, 90_000);
});
