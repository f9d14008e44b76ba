/**
 * The upgrade's own looks at the router leave from the slot's card (issue 17, decision 0154): two routers at
 * 192.168.1.1 on two cards of one station namespace (test-support/station-lan.ts). Card 0 also carries this
 * computer's own 192.168.1.50, so anything not sent from card 1's own address reaches router 0 — which never
 * restarts and answers its web page as OpenWrt (LuCI, real busybox httpd). Router 1 (the stand-in, real dropbear)
 * is given the maker's firmware with `firmware flash --interface CARD1 --force --yes`:
 *  - the wait must see router 1 go quiet and come back (router 0 answers throughout: an unbound wait never sees a
 *    restart, and only takes "back" after its 60 s fallback);
 *  - the check of the maker's web page must reach router 1's page (router 0's LuCI page would be STILL_OPENWRT);
 *  - the settings backup (sysupgrade -b, forced path) reports its bytes as it goes: upgrade.progress events of
 *    stage settings-backup with the byte count and total 0 (size not known), and says how many so far.
 * Nothing of the card's set-up is left afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netnsSupport, reportSkip } from '../../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { createStationLan, type StationLan } from '../../../test-support/station-lan';
import { cli, outcomeOf, VENDOR_FILE, wrt32x, WRT_ENV } from '../../../test-support/upgrade-rig';
import { sha256, vendorImage } from '../../../test-support/upgrade-images';
import { payloads } from '../../../test-support/cli-lines';

const ns = netnsSupport();
if (!ns.ok) reportSkip("upgrade's wait and web check on a slot's card (namespaces)", ns.reason);

describe.skipIf(!ns.ok)("firmware flash --interface: the wait and the maker's web page check reach the router on that card", () => {
  let lan: StationLan;
  const routers: StandinRouter[] = [];
  let luci: ChildProcess | undefined;
  let tmp: string;
  const vendor = vendorImage();

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-upif-'));
    lan = createStationLan('upif', 2);
    for (let i = 0; i < 2; i++) {
      routers.push(
        await startStandinRouter(lan.cards[i]!, {
          partitions: wrt32x(0x7800000),
          rootPassword: 'secret1',
          boardName: 'linksys,wrt32x',
          model: 'Linksys WRT32X',
          ubootEnv: WRT_ENV,
          openwrt: { release: '19.07.9', revision: 'r11364-ef56c85848' },
          upgrade: { bootDelayMs: 1500, images: { [sha256(vendor)]: { kind: 'vendor', title: 'Linksys Smart Wi-Fi', version: '1.0.180404.58', needsRootfsSize: 0x7800000 } } },
        }),
      );
    }
    // router 0 answers its web page as OpenWrt does (LuCI) the whole time
    const www = path.join(tmp, 'www0');
    fs.mkdirSync(www);
    fs.writeFileSync(path.join(www, 'index.html'), '<!DOCTYPE html><html><head><title>OpenWrt - LuCI</title></head><body><!-- router 0 of the test (never flashed) --><a href="/cgi-bin/luci/">LuCI - Lua Configuration Interface</a></body></html>\n');
    luci = lan.cards[0]!.router.spawn('busybox', ['httpd', '-f', '-p', '192.168.1.1:80', '-h', www], { stdio: 'ignore' });
    fs.writeFileSync(path.join(tmp, VENDOR_FILE), vendor);
    // this computer's own address on card 0: traffic not sent from card 1's own address goes to router 0
    lan.station.exec('ip', ['addr', 'add', '192.168.1.50/24', 'dev', lan.cards[0]!.stationIf]);
    // router 0's web page is up before the run starts (so an unbound check would find it)
    const until = Date.now() + 10_000;
    while (!lan.station.exec('sh', ['-c', 'busybox wget -q -O - http://192.168.1.1/ 2>/dev/null || true']).toString().includes('LuCI')) {
      if (Date.now() > until) throw new Error("router 0's web page did not come up");
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 120_000);
  afterAll(() => {
    luci?.kill();
    for (const r of routers) r.stop();
    lan?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("writes router 1 only, sees it restart and come back on its card, reads the maker's page there; the settings backup shows its bytes", async () => {
    const data = path.join(tmp, 'data');
    const r = await cli(lan.cards[1]!, data, ['firmware', 'flash', '--host', '192.168.1.1', '--interface', lan.cards[1]!.stationIf, '--ssh', '--file', path.join(tmp, VENDOR_FILE), '--force', '--yes', '--return-timeout', '120', '--json'], { env: { RB_PASSWORD: 'secret1' } });
    const res = outcomeOf(r);
    expect(r.code, JSON.stringify(res).slice(0, 3000)).toBe(0);
    const v = res.value!;
    expect(v.run.options.sourceAddress).toBe('192.168.1.60');
    // only router 1 was written and restarted
    expect(routers[1]!.reboots()).toHaveLength(1);
    expect(routers[0]!.reboots()).toEqual([]);
    // the wait saw router 1 go quiet (router 0 never does) and come back well before the 60 s fallback
    const waitEv = v.run.steps.find((s) => s.id === 'wait')!.evidence.map((e) => e.text).join('\n');
    expect(waitEv).toMatch(/Nothing answers at the router any more|went quiet/);
    const answered = /answered again on port (\d+) \(.*\) after (\d+) s/.exec(waitEv);
    expect(answered, waitEv).not.toBeNull();
    expect(Number(answered![2])).toBeLessThan(50);
    // the maker's page was read on card 1 (router 0's LuCI page would be "still OpenWrt")
    expect(v.verified).toMatchObject({ kind: 'vendor', release: '1.0.180404.58' });
    const verifyEv = v.run.steps.find((s) => s.id === 'verify')!.evidence.map((e) => e.text).join('\n');
    expect(verifyEv).toContain('title "Linksys Smart Wi-Fi"');
    expect(verifyEv).not.toContain('LuCI');
    // the settings backup's progress: bytes as they arrived, size unknown (total 0), said with the count
    const saving = payloads(r.lines, 'upgrade.progress').filter((p) => p.stage === 'settings-backup');
    expect(saving.length).toBeGreaterThan(0);
    for (const p of saving) {
      expect(p.total).toBe(0);
      expect(p.done).toBeGreaterThan(0);
      expect(p.msg).toEqual({ id: 'upgrade.said.settingsSavingBytes', values: { bytes: p.done } });
      expect(p.text).toBe(`Saving your settings to this computer: ${p.done} bytes so far`);
    }
    const saved = /Saved your settings \((\d+) bytes, sysupgrade -b\)/.exec(v.run.steps.flatMap((s) => s.evidence.map((e) => e.text)).join('\n'));
    expect(saved).not.toBeNull();
    expect(saving.at(-1)!.done).toBeLessThanOrEqual(Number(saved![1]));
    // nothing of the card's set-up is left
    expect(lan.station.exec('ip', ['rule', 'show']).toString()).not.toMatch(/lookup 71[7-9]\d/);
    expect(lan.station.exec('ip', ['-4', 'addr', 'show']).toString()).not.toContain('192.168.1.60');
    expect(JSON.parse(fs.readFileSync(path.join(data, 'net-slots.json'), 'utf8'))).toEqual([]);
  }, 240_000);
});
