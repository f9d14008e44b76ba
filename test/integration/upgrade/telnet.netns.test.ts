/**
 * `firmware flash` over telnet (old rescue modes): the router pulls the image with nc, as the OpenWrt wiki does by
 * hand, or, on a busybox without nc, with wget from a one-shot web server of ours on the router-facing address.
 * Stand-in router in a network namespace: real busybox telnetd, no SSH at all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { resultOf, type CliRun } from '../../../test-support/cli-lines';
import { cli as rigCli } from '../../../test-support/upgrade-rig';
import { openwrtImage, sha256 } from '../../../test-support/upgrade-images';

const support = netnsSupport();
if (!support.ok) reportSkip('upgrade over telnet (stand-in router)', support.reason);

const cli = (lan: RescueLan, dataDir: string, args: string[]): Promise<CliRun> => rigCli(lan, dataDir, args, { killAfterMs: 120_000 });
const evidence = (r: CliRun) => resultOf<'firmware flash'>(r.lines).value!.run.steps.flatMap((s) => s.evidence.map((e) => e.text)).join('\n');

for (const nc of ['applet', 'none'] as const) {
  describe.skipIf(!support.ok)(`firmware flash over telnet, router ${nc === 'applet' ? 'with nc' : 'without nc (wget)'}`, () => {
    let lan: RescueLan;
    let router: StandinRouter;
    let tmp: string;
    const image = openwrtImage({ board: 'rescue-bench,standin', devices: ['rescue-bench,standin'], version: '24.10.4', kernelBytes: 1_500_000 });
    beforeAll(async () => {
      lan = createRescueLan(nc === 'applet' ? 'uptn' : 'uptw');
      router = await startStandinRouter(lan, {
        partitions: [
          { name: 'u-boot', size: 0x40000, readOnly: true },
          { name: 'firmware', size: 0x800000 },
        ],
        ssh: false,
        telnet: 'shell',
        nc,
        openwrt: { release: '23.05.5', revision: 'r24106-10cc5fcd00', ubus: false },
        upgrade: { bootDelayMs: 1000, images: { [sha256(image)]: { kind: 'openwrt', release: '24.10.4', revision: 'r28959-29397011cc' } } },
      });
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-uptn-'));
      fs.writeFileSync(path.join(tmp, 'openwrt-sysupgrade.bin'), image);
    }, 60_000);
    afterAll(() => {
      router?.stop();
      lan?.destroy();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    if (nc === 'applet')
      it('copies with nc (the router connects back), checks the sha256, writes, comes back and is verified over telnet', async () => {
        const r = await cli(lan, tmp, ['firmware', 'flash', '--host', '192.168.1.1', '--telnet', '--file', path.join(tmp, 'openwrt-sysupgrade.bin'), '--json']);
        expect(r.code, JSON.stringify(resultOf(r.lines)).slice(0, 3000)).toBe(0);
        const ev = evidence(r);
        expect(ev).toMatch(/with nc \(the router fetched it, as the OpenWrt wiki does\)/);
        expect(ev).toMatch(/router's sha256 of the copy matches/);
        // the terminal's text streamed line by line: sysupgrade's last words before it closed the telnet session
        expect(ev).toMatch(/The router said "[^]*Commencing upgrade\. Closing all shell sessions\.[^]*" and closed the connection/);
        expect(resultOf<'firmware flash'>(r.lines).value!.verified!.text).toBe('Done. The router now runs OpenWrt 24.10.4 r28959-29397011cc. Its address is 192.168.1.1.');
        expect(router.reboots()).toMatchObject([{ keep: true, bootedAs: 'openwrt' }]);
      }, 90_000);
    else
      it('without nc the router fetches the image with busybox wget from a one-shot server; checked, dry run', async () => {
        const r = await cli(lan, tmp, ['firmware', 'flash', '--host', '192.168.1.1', '--telnet', '--file', path.join(tmp, 'openwrt-sysupgrade.bin'), '--dry-run', '--json']);
        expect(r.code, JSON.stringify(resultOf(r.lines)).slice(0, 3000)).toBe(0);
        const ev = evidence(r);
        expect(ev).toMatch(/with wget from this computer/);
        expect(ev).toMatch(/router's sha256 of the copy matches/);
        expect(ev).toContain('sysupgrade -T /tmp/openwrt-sysupgrade.bin → exit 0');
        expect(router.reboots()).toEqual([]);
      }, 90_000);
  });
}
