/**
 * `failsafe rescue --interface IF` on a station with two routers at 192.168.1.1 (issue 17, decision 0121): card 0
 * has a running router (the stand-in with a root password, not in rescue mode) and, like a computer that already
 * has an address in that network, this computer's own 192.168.1.50 — so anything NOT sent through the named card
 * goes to that router. Card 1 has a router that is switched off and then brought into rescue mode (the preinit
 * stand-in and its failsafe login). The run names card 1: it must hear router 1's prompt, log in to router 1
 * without a password, and undo its own set-up at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { netnsSupport, nodeTsArgs, reportSkip } from '../../../test-support/netns';
import { CliLines } from '../../../test-support/cli-lines';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook';
import { startFailsafeRouter, type FailsafeRouter } from '../../../test-support/failsafe-router';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { createStationLan, type StationLan } from '../../../test-support/station-lan';

const support = netnsSupport();
if (!support.ok) reportSkip('failsafe rescue --interface (namespaces)', support.reason);

const stepIs = (id: string, state: string) => (s: RunSnapshot): boolean => s.steps.some((st) => st.id === id && st.state === state);
const hasEvidence = (prefix: string) => (s: RunSnapshot): boolean => s.steps.some((st) => st.evidence.some((e) => e.text.startsWith(prefix)));

describe.skipIf(!support.ok)('failsafe rescue --interface: the router in rescue mode on the named card, not the one on the other', () => {
  let lan: StationLan;
  let other: StandinRouter;
  let rescue: FailsafeRouter;
  let tmp: string;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-fsif-'));
    lan = createStationLan('fsif', 2);
    other = await startStandinRouter(lan.cards[0]!, { partitions: [{ name: 'u-boot', size: 0x10000, readOnly: true }], rootPassword: 'secret1', telnet: 'login' });
    lan.station.exec('ip', ['addr', 'add', '192.168.1.50/24', 'dev', lan.cards[0]!.stationIf]);
    rescue = await startFailsafeRouter(lan.cards[1]!, {});
  }, 60_000);
  afterAll(() => {
    rescue?.stop();
    other?.stop();
    lan?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('hears router 1, logs in to router 1 from the card’s own address, and removes its set-up at the end', async () => {
    const dataDir = path.join(tmp, 'data');
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['failsafe', 'rescue', '--interface', lan.cards[1]!.stationIf, '--login-probe', '30', '--json']);
    const child = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir } });
    try {
      const out = new CliLines(child);
      const exit = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      await out.waitFor('playbook.run', hasEvidence('Listening'), 30_000, 'the monitor');
      // the card's place is set up: its own address and rule, while the run listens
      expect(lan.station.exec('ip', ['rule', 'show']).toString()).toContain('from 192.168.1.60 lookup 7170');
      await rescue.boot();
      await out.waitFor('playbook.run', stepIs('press', 'active'), 15_000, 'the cue');
      rescue.press();
      expect(await rescue.outcome()).toBe('failsafe');
      const res = await out.result<'failsafe rescue'>(90_000);
      const ev = [...new Set(out.of('playbook.run').flatMap((s) => s.steps.flatMap((st) => st.evidence.map((e) => e.text))))].join('\n');
      expect(res.ok, ev).toBe(true);
      expect(await exit).toBe(0);
      expect(res.value!.run.options).toMatchObject({ interface: lan.cards[1]!.stationIf, sourceAddress: '192.168.1.60' });
      expect(ev).toContain('This computer has 192.168.1.60 on ' + lan.cards[1]!.stationIf);
      expect(ev).toMatch(/Broadcast received from 192\.168\.1\.1 at [\d:.]+: "Please press button now to enter failsafe"/);
      // logged in without a password: only router 1 (in rescue mode) allows that; router 0 wants secret1
      expect(ev).toMatch(/Logged in over (SSH|telnet) to 192\.168\.1\.1/);
      const transcript = out.of('playbook.transcript').map((l) => l.text).join('\n');
      expect(transcript).toContain('FAILSAFE MODE active');
    } finally {
      child.kill('SIGKILL');
    }
    expect(lan.station.exec('ip', ['rule', 'show']).toString()).not.toMatch(/lookup 71[7-9]\d/);
    const addrs = lan.station.exec('ip', ['-4', 'addr', 'show']).toString();
    expect(addrs).not.toContain('192.168.1.60');
    expect(addrs).toContain('192.168.1.50'); // this computer's own address was left alone
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'net-slots.json'), 'utf8'))).toEqual([]);
  }, 150_000);
});
