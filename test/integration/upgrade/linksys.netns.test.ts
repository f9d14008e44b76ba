/**
 * `firmware flash` (a vendor image) and `firmware return-to-stock` end to end through the CLI, run inside the station namespace
 * against the stand-in router (real dropbear, real busybox telnetd, real fw_printenv/fw_setenv on a real
 * environment image; the sysupgrade stand-in writes the stand-in flash, flips boot_part, and the stand-in
 * reboots into what was written). Scenarios of issue 14: OpenWrt→OpenWrt keeping settings; compat mismatch
 * needing -n (new host key expected, never the changed-key alarm); a vendor image needing -F (refused without
 * consent, done with it); the WRT32X two-step plan from the 6 MB layout; an upload cut mid-way; a router that
 * never returns.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { payloads, resultOf, type CliRun } from '../../../test-support/cli-lines';
import { explainInterrupted, parseJournal, replayJournal } from '../../../src-shared/capabilities/playbook';
import { cli, outcomeOf, plainCli, VENDOR_FILE, wrt32x, WRT_ENV, type Outcome } from '../../../test-support/upgrade-rig';
import { factory3m, openwrtImage, sha256, vendorImage } from '../../../test-support/upgrade-images';

const support = netnsSupport();
if (!support.ok) reportSkip('upgrade (stand-in router)', support.reason);


describe.skipIf(!support.ok)('Linksys WRT32X: vendor image, return to stock, a router that never returns', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  /** A data folder per stand-in router: each start is a different router (new host key) at the same address. */
  let data: string;
  let starts = 0;
  const vendor = vendorImage();
  const inter = factory3m();
  const unknownVendor = Buffer.concat([vendor, Buffer.from('another build')]);
  const start = async (rootfs: number, release: string, compat: string | undefined, images: Record<string, Parameters<typeof startStandinRouter>[1]['upgrade'] extends infer U ? (U extends { images: infer I } ? I[keyof I] : never) : never>) => {
    router?.stop();
    router = await startStandinRouter(lan, {
      partitions: wrt32x(rootfs),
      boardName: 'linksys,wrt32x',
      model: 'Linksys WRT32X',
      ubootEnv: WRT_ENV,
      openwrt: { release, revision: 'r28959-29397011cc', ...(compat ? { compat } : {}) },
      upgrade: { bootDelayMs: 1500, images },
    });
    data = path.join(tmp, `data-${++starts}`);
  };
  beforeAll(() => {
    lan = createRescueLan('upls');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-upls-'));
    fs.mkdirSync(path.join(tmp, 'files'));
    fs.writeFileSync(path.join(tmp, 'files', VENDOR_FILE), vendor);
    fs.writeFileSync(path.join(tmp, 'files', 'unknown-vendor.img'), unknownVendor);
    const interFile = path.join(tmp, 'files', 'openwrt-19.07.9-mvebu-cortexa9-linksys-wrt32x-squashfs-factory.img');
    fs.writeFileSync(interFile, inter);
    fs.writeFileSync(`${interFile}.sha256`, `${sha256(inter)}  ${path.basename(interFile)}\n`);
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });
  const vendorBoot = { kind: 'vendor' as const, title: 'Linksys Smart Wi-Fi', version: '1.0.180404.58', needsRootfsSize: 0x7800000 };

  it('vendor image from the 3 MB layout: -F refused without consent (router text, exit 1), done with --force --yes; boot_part flipped', async () => {
    await start(0x7800000, '19.07.9', undefined, { [sha256(vendor)]: vendorBoot });
    const file = path.join(tmp, 'files', VENDOR_FILE);
    // a dry run says the router's refusal in the language asked for; what sysupgrade printed stays as it printed it (decision 0161)
    const dry = await plainCli(lan, data, ['firmware', 'flash', '--host', '192.168.1.1', '--ssh', '--file', file, '--dry-run', '--lang', 'de']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/Probelauf fertig: Probelauf: der Router lehnt dieses Image ab, wenn es nicht erzwungen wird \(-F\): ".*Image metadata not present.*"\. Ein echter Lauf fragt Sie vorher/);
    expect(router.reboots()).toEqual([]);
    const no = await cli(lan, data, ['firmware', 'flash', '--host', '192.168.1.1', '--ssh', '--file', file, '--force', '--json']);
    expect(no.code).toBe(1);
    const e = outcomeOf(no);
    expect(e.ok).toBe(false);
    if (!e.ok) {
      expect(e.error.code).toBe('FORCE_NOT_CONFIRMED');
      expect(e.error.message).toContain('Image metadata not present');
      expect(e.error.message).toContain('Use sysupgrade -F to override this check when downgrading or flashing to vendor firmware');
      expect(e.error.meaning).toMatch(/normal for the maker's own firmware/);
    }
    // the same refusal with --lang de (decision 0166): our words in German, the router's own lines as it printed them
    const noDe = await plainCli(lan, data, ['firmware', 'flash', '--host', '192.168.1.1', '--ssh', '--file', file, '--force', '--lang', 'de']);
    expect(noDe.code).toBe(1);
    const saidDe = `${noDe.out}\n${noDe.err}`;
    expect(saidDe).toMatch(/Der Router lehnt das Image ab, wenn es nicht erzwungen wird, und das Erzwingen wurde nicht bestätigt: ".*Image metadata not present" ".*Use sysupgrade -F to override this check when downgrading or flashing to vendor firmware"/);
    expect(saidDe).toMatch(/Das Image enthält keine OpenWrt-Beschreibung; .+ Der Router nimmt ein solches Image nur, wenn man ihm sagt, diese Prüfung zu überspringen .+ Es wurde nichts geschrieben\./);
    expect(saidDe).toMatch(/Um es trotzdem zu schreiben, bestätigen Sie mit der Eingabe FORCE \(auf der Kommandozeile: --force --yes\)\./);
    expect(saidDe).not.toMatch(/Nothing was written|normal for the maker's own firmware|To write it anyway/);
    expect(router.reboots()).toEqual([]);
    expect(router.env().boot_part).toBe('1');

    const yes = await cli(lan, data, ['firmware', 'flash', '--host', '192.168.1.1', '--ssh', '--file', file, '--force', '--yes', '--json']);
    expect(yes.code, JSON.stringify(outcomeOf(yes)).slice(0, 3000)).toBe(0);
    const v = outcomeOf(yes).value!;
    expect(v.verified).toMatchObject({ kind: 'vendor', release: '1.0.180404.58', slot: 2 });
    expect(v.verified!.text).toBe('Done. The router now runs Linksys firmware 1.0.180404.58 from slot 2. Its address is 192.168.1.1.');
    // the maker's firmware hands out addresses: the CLI (root in the station namespace) asked with its own
    // DHCPDISCOVER and the stand-in's real udhcpd offered one; in the result and in the journal's evidence
    expect(v.verified!.dhcp).toMatchObject({ state: 'present', how: 'probe', server: '192.168.1.1', offered: expect.stringMatching(/^192\.168\.1\.1[0-4]\d$/), interface: lan.stationIf });
    const verifyEv = v.run.steps.find((s) => s.id === 'verify')!.evidence.map((e) => e.text).join('\n');
    expect(verifyEv).toMatch(new RegExp(`A DHCP server answers on the cable on ${lan.stationIf}: 192\\.168\\.1\\.1 offered this computer 192\\.168\\.1\\.1[0-4]\\d\\.`));
    const journal = fs.readFileSync(v.journal, 'utf8');
    expect(journal).toContain('A DHCP server answers on the cable');
    expect(v.timing!.oursMs).toBeLessThan(v.timing!.totalMs); // the seconds of DHCP listening are after "verified"
    expect(router.env()).toMatchObject({ boot_part: '2', bootcmd: 'run altnandboot' });
    const transcript = payloads(yes.lines, 'playbook.transcript').map((l) => l.text).join('\n');
    expect(transcript).toContain('Image check failed but --force given - will update anyway!');
  }, 120_000);

  it('return to stock from the 6 MB layout: without --yes only the two-step plan (user-reported), nothing changed; without the intermediate image refused', async () => {
    await start(0x7500000, '24.10.4', '2.0', {});
    const file = path.join(tmp, 'files', VENDOR_FILE);
    const interFile = path.join(tmp, 'files', 'openwrt-19.07.9-mvebu-cortexa9-linksys-wrt32x-squashfs-factory.img');
    const refused = await cli(lan, data, ['firmware', 'return-to-stock', '--host', '192.168.1.1', '--file', file, '--sha256', sha256(vendor), '--json']);
    expect(refused.code).toBe(1);
    const rr = resultOf<'firmware return-to-stock'>(refused.lines);
    expect(rr.ok).toBe(false);
    if (!rr.ok) expect(rr.error.code).toBe('NEEDS_INTERMEDIATE');
    // the plan's refusal and its closing line in the language asked for (decisions 0160, 0161)
    const refusedDe = await plainCli(lan, data, ['firmware', 'return-to-stock', '--host', '192.168.1.1', '--file', file, '--sha256', sha256(vendor), '--lang', 'de']);
    expect(refusedDe.code).toBe(1);
    expect(refusedDe.out).toMatch(/ABGELEHNT: Mit der Aufteilung .+ startet die Linksys-Firmware nicht: .+\n  rootfs1 ist laut \/proc\/mtd 0x7500000 Byte groß .+\n  Was Sie tun können: Laden Sie das Factory-Image von OpenWrt 19\.07\.9 für den Linksys WRT32X herunter.+ Es wurde nichts geändert\.$/m);
    expect(refusedDe.out.trimEnd().split('\n').at(-1)).toBe('Es wurde nichts geändert.');

    const plan = await cli(lan, data, ['firmware', 'return-to-stock', '--host', '192.168.1.1', '--file', file, '--sha256', sha256(vendor), '--intermediate', interFile, '--json']);
    expect(plan.code, plan.stderr).toBe(0);
    const p = resultOf<'firmware return-to-stock'>(plan.lines).value!.plan!;
    expect(p.layout).toEqual({ id: '6m', label: '6 MB kernel' });
    expect(p.layoutEvidence).toBe('rootfs1 is 0x7500000 bytes in /proc/mtd (the 6 MB kernel layout)');
    expect(p.steps.map((s) => [s.id, s.slot, s.command])).toEqual([
      ['intermediate', 2, 'sysupgrade -F -n /tmp/openwrt-19.07.9-mvebu-cortexa9-linksys-wrt32x-squashfs-factory.img'],
      ['stock', 1, `sysupgrade -F -n /tmp/${VENDOR_FILE}`],
    ]);
    expect(p.steps[0]!.image.hash).toMatchObject({ source: 'sidecar', status: 'match' });
    expect(p.steps[1]!.image.hash).toMatchObject({ source: 'given', status: 'match' });
    expect(p.userReported).toMatch(/user reported on the OpenWrt forum.*not an official/);
    // the same plan with --lang de (decision 0168): its steps, reasons, layout evidence and note in German; the
    // commands, file names, sizes and the hash check's own line as data
    const planDe = await plainCli(lan, data, ['firmware', 'return-to-stock', '--host', '192.168.1.1', '--file', file, '--sha256', sha256(vendor), '--intermediate', interFile, '--lang', 'de']);
    expect(planDe.code, planDe.err).toBe(0);
    expect(planDe.out).toMatch(/^Linksys WRT32X: rootfs1 ist laut \/proc\/mtd 0x7500000 Byte groß \(die Aufteilung 6 MB kernel\)\. Laufender Platz 1, boot_part=1, .+\.$/m);
    expect(planDe.out).toMatch(/^ {2}Platz 1: kernel1 mtd\d+ 0x[0-9a-f]+, rootfs1 0x7500000 \(läuft\) \(startet als Nächstes\)$/m);
    expect(planDe.out).toMatch(/^1\. Mit OpenWrt 19\.07\.9 die alte Aufteilung zurückbringen: sysupgrade -F -n \/tmp\/openwrt-19\.07\.9-mvebu-cortexa9-linksys-wrt32x-squashfs-factory\.img → Platz 2\n {3}Ein Factory-Image wird vollständig auf Platz 2 geschrieben/m);
    expect(planDe.out).toMatch(/^2\. Die Linksys-Firmware 1\.0\.180404\.58 schreiben: sysupgrade -F -n \/tmp\/FW_WRT32X_1\.0\.180404\.58\.img → Platz 1\n {3}Die Firmware des Herstellers enthält keine OpenWrt-Beschreibung/m);
    expect(planDe.out).toMatch(/^Hinweis: Dieser Weg in zwei Schritten .+ ein offizielles Verfahren von OpenWrt oder Linksys ist er nicht\.$/m);
    // the hash check's lines (decision 0180): where the value came from in German, file names and hashes as data
    expect(planDe.out).toContain(`   openwrt-19.07.9-mvebu-cortexa9-linksys-wrt32x-squashfs-factory.img passt zu openwrt-19.07.9-mvebu-cortexa9-linksys-wrt32x-squashfs-factory.img.sha256 neben der Datei (SHA-256 ${sha256(inter)}).`);
    expect(planDe.out).toContain(`   ${VENDOR_FILE} passt zu dem Wert, den Sie angegeben haben (SHA-256 ${sha256(vendor)}).`);
    expect(planDe.out).not.toMatch(/Running slot|Put back|Write the|This two-step|The maker's firmware|bytes in \/proc\/mtd|\(running\)| matches /);
    expect(router.reboots()).toEqual([]);
    expect(router.processes().map((x) => x.comm)).not.toContain('sysupgrade');
    expect(fs.readdirSync(path.join(router.root, 'tmp')).filter((f) => f !== 'sysinfo')).toEqual([]);

    // a file named like the known Linksys image but with other bytes: refused by the known-images list
    const wrongName = path.join(tmp, 'files', 'renamed');
    fs.mkdirSync(wrongName, { recursive: true });
    fs.writeFileSync(path.join(wrongName, VENDOR_FILE), unknownVendor);
    const mism = await cli(lan, data, ['firmware', 'return-to-stock', '--host', '192.168.1.1', '--file', path.join(wrongName, VENDOR_FILE), '--intermediate', interFile, '--json']);
    expect(mism.code).toBe(1);
    const mr = resultOf<'firmware return-to-stock'>(mism.lines);
    if (!mr.ok) {
      expect(mr.error.code).toBe('IMAGE_HASH_MISMATCH');
      expect(mr.error.meaning).toContain('8a5dcaf95e418b86fdb09e5cef264b944bc21863db9728026d70027ee39c19a3');
    }

    // an OpenWrt upgrade (sysupgrade) image where the factory image is needed, even with --yes: refused, nothing sent
    const upgradeImg = path.join(tmp, 'files', 'openwrt-19.07.9-mvebu-cortexa9-linksys-wrt32x-squashfs-sysupgrade.bin');
    fs.writeFileSync(upgradeImg, openwrtImage({ board: 'linksys,wrt32x', devices: ['linksys,wrt32x'], version: '19.07.9', seed: 31 }));
    const notFactory = await cli(lan, data, ['firmware', 'return-to-stock', '--host', '192.168.1.1', '--file', file, '--sha256', sha256(vendor), '--intermediate', upgradeImg, '--yes', '--json']);
    expect(notFactory.code).toBe(1);
    const nf = resultOf<'firmware return-to-stock'>(notFactory.lines);
    expect(nf.ok).toBe(false);
    if (!nf.ok) {
      expect(nf.error.code).toBe('INTERMEDIATE_NOT_FACTORY');
      expect(nf.error.message).toContain('is not an OpenWrt factory image with the old 3 MB layout');
      expect(nf.error.meaning).toMatch(/upgrade \(sysupgrade\) image does not change the partition layout/);
      expect(nf.error.fix).toMatch(/-squashfs-factory\.img/);
    }
    expect(router.reboots()).toEqual([]);
    expect(fs.readdirSync(path.join(router.root, 'tmp')).filter((f) => f !== 'sysinfo')).toEqual([]);
  }, 120_000);

  it('return to stock with --yes: 19.07.9 factory to slot 2, layout back to 3 MB, then the Linksys firmware to slot 1, verified over HTTP', async () => {
    await start(0x7500000, '24.10.4', '2.0', {
      [sha256(inter)]: { kind: 'openwrt', release: '19.07.9', revision: 'r11407-a96cc1d2e5', boardName: 'linksys,venom', compat: null, rootfsSize: 0x7800000 },
      [sha256(vendor)]: vendorBoot,
    });
    const r = await cli(lan, data, [
      'firmware', 'return-to-stock', '--host', '192.168.1.1', '--file', path.join(tmp, 'files', VENDOR_FILE), '--sha256', sha256(vendor),
      '--intermediate', path.join(tmp, 'files', 'openwrt-19.07.9-mvebu-cortexa9-linksys-wrt32x-squashfs-factory.img'), '--yes', '--json',
    ], { killAfterMs: 190_000 }); // two full flashes: 144 s at a load average of 14 on two cores
    expect(r.code, JSON.stringify(resultOf(r.lines)).slice(0, 4000)).toBe(0);
    const v = resultOf<'firmware return-to-stock'>(r.lines).value!;
    expect(v.verified!.text).toBe('Done. The router now runs Linksys firmware 1.0.180404.58 from slot 1. Its address is 192.168.1.1.');
    expect(router.reboots().map((x) => [x.part, x.bootedAs])).toEqual([
      ['kernel2', 'openwrt'],
      ['kernel1', 'vendor'],
    ]);
    const interStep = v.run!.steps.find((s) => s.id === 'intermediate')!;
    const ev = interStep.evidence.map((e) => e.text).join('\n');
    expect(ev).toContain('boot_part=2: U-Boot starts slot 2, the one just written. Layout now: 3 MB kernel');
    expect(ev).toMatch(/runs OpenWrt 19\.07\.9/);
    expect(router.env().boot_part).toBe('1');
  }, 200_000);

  it('a router that never returns: exit 1 after --return-timeout, what happened, the other slot, what to do', async () => {
    await start(0x7800000, '19.07.9', undefined, {}); // nothing it is given will boot
    const r = await cli(lan, data, ['firmware', 'flash', '--host', '192.168.1.1', '--ssh', '--file', path.join(tmp, 'files', VENDOR_FILE), '--force', '--yes', '--return-timeout', '8', '--json']);
    expect(r.code).toBe(1);
    const res = outcomeOf(r);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('ROUTER_NOT_BACK');
    expect(res.error.meaning).toContain('Slot 1 still holds the firmware the router ran before; only slot 2 was written.');
    expect(res.error.meaning).toMatch(/three times/);
    // it went dark and stayed dark (a router that cannot start answers nothing, not even ping)
    expect(res.error.meaning).toContain('Nothing at all has answered since it restarted (no ping, no ARP, no port).');
    expect(router.reboots()).toMatchObject([{ part: 'kernel2', bootedAs: 'no-boot' }]);
    // the same with --lang de (decision 0180): ROUTER_NOT_BACK and the way back from the catalogue, in German
    await start(0x7800000, '19.07.9', undefined, {});
    const de = await plainCli(lan, data, ['firmware', 'flash', '--host', '192.168.1.1', '--ssh', '--file', path.join(tmp, 'files', VENDOR_FILE), '--force', '--yes', '--return-timeout', '8', '--lang', 'de']);
    expect(de.code).toBe(1);
    const said = `${de.out}\n${de.err}`;
    expect(said).toMatch(/Seit er vor \d+ s zu schreiben begann, hat der Router nicht geantwortet\./);
    expect(said).toContain('Seit dem Neustart hat gar nichts mehr geantwortet (kein Ping, kein ARP, kein Port).');
    expect(said).toContain('Platz 1 enthält noch die Firmware, mit der der Router vorher lief; nur Platz 2 wurde geschrieben.');
    expect(said).toContain('Schalten Sie ihn aus und ein wie oben beschrieben.');
    expect(said).not.toMatch(/still holds the firmware|three times in a row|has not answered for/);
  }, 150_000);
});

export type { Outcome };
