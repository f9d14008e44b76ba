/**
 * The upgrade's last English sentences (decision 0180): the image hash check's texts, the return plan's evidence
 * lines, the connect step's slot lines, LAYOUT_NOT_CHANGED and ROUTER_NOT_BACK (with the way back that
 * recoveryAdvice used to write). Each English is what the code built inline before, word for word (the old
 * templates are written out here); German and Spanish come from the catalogue, each line its own entry (no
 * English sentence left inside a translated one).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkImageHash, dualSlotState, KNOWN_IMAGES, knownListing, planEvidence, planReturnToStock, recoveryValues, slotsEvidence, type DualSlotState, type ImageForPlan } from '../../../../src-shared/capabilities/upgrade';
import type { DeviceInfo, Partition } from '../../../../src-shared/capabilities/device';
import { fault } from '../../../../src-shared/errors';
import { loadCatalog, localizeError, sayIn, translator, type Translate } from '../../../../src-shared/i18n';
import { said, wordsText, type Words } from '../../../../src-shared/i18n/said';

const part = (index: number, name: string, size: number): Partition => ({ index, name, size, erasesize: 0x20000, offset: null, type: 'nand', readOnly: false, danger: [] });
const wrt = (rootfs: number | undefined, env: Record<string, string> | undefined, boardName = 'linksys,wrt32x'): Pick<DeviceInfo, 'identity' | 'partitions' | 'env' | 'running'> => ({
  identity: { boardName },
  partitions: [part(5, 'kernel1', 0x7b00000), ...(rootfs ? [part(6, 'rootfs1', rootfs)] : []), part(7, 'kernel2', 0x7b00000), ...(rootfs ? [part(8, 'rootfs2', rootfs)] : [])],
  ...(env ? { env } : {}),
  running: { slot: 1, evidence: 'root=/dev/mtdblock6 in /proc/cmdline' },
});
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const img = (o: Partial<ImageForPlan>): ImageForPlan => ({ fileName: 'FW_WRT32X_1.0.180404.58.img', path: '/x', size: 40960, kind: 'vendor', slotLayout: '3m', version: '1.0.180404.58', hash: checkImageHash({ sha256: A, fileName: 'FW_WRT32X_1.0.180404.58.img', given: A }), ...o });
/** A line as the screen and the CLI say it: ours from its id, anything else as it came. */
const say = (t: Translate, w: Words) => (typeof w === 'string' ? w : sayIn(t, w.msg, w.text));

let de: Translate;
let es: Translate;
beforeAll(async () => {
  de = translator('de', await loadCatalog('de'));
  es = translator('es', await loadCatalog('es'));
});

describe('the image hash check says its text from ids', () => {
  it('matches: the value given, a .sha256 beside it, a sha256sums list, the known list — English as before, German', () => {
    const f = 'openwrt-19.07.9-factory.img';
    const given = checkImageHash({ sha256: A, fileName: f, given: A.toUpperCase() });
    expect(given.text).toBe(`${f} matches the value you gave (SHA-256 ${A}).`);
    expect(sayIn(de, given.textMsg, given.text)).toBe(`${f} passt zu dem Wert, den Sie angegeben haben (SHA-256 ${A}).`);
    const side = checkImageHash({ sha256: A, fileName: f, sidecar: `${A}  ${f}\n` });
    expect(side.text).toBe(`${f} matches ${f}.sha256 beside the file (SHA-256 ${A}).`);
    expect(sayIn(es, side.textMsg, side.text)).toBe(`${f} coincide con ${f}.sha256 junto al archivo (SHA-256 ${A}).`);
    const sums = checkImageHash({ sha256: A, fileName: f, sums: `${B}  other.img\n${A} *${f}\n` });
    expect(sums.text).toBe(`${f} matches the sha256sums list beside the file (SHA-256 ${A}).`);
    expect(sayIn(de, sums.textMsg, sums.text)).toBe(`${f} passt zu der sha256sums-Liste neben der Datei (SHA-256 ${A}).`);
    const k = KNOWN_IMAGES[0]!;
    const known = checkImageHash({ sha256: k.sha256, fileName: k.file });
    expect(known.text).toBe(`${k.file} matches Rescue Bench's list of known images (${knownListing(k)}) (SHA-256 ${k.sha256}).`);
    expect(sayIn(de, known.textMsg, known.text)).toBe(`${k.file} passt zu der Liste bekannter Images von Rescue Bench (${knownListing(k)}) (SHA-256 ${k.sha256}).`);
  });

  it('does NOT match, and in no list — English as before, German', () => {
    const bad = checkImageHash({ sha256: A, fileName: 'x.img', given: B });
    expect(bad.text).toBe(`x.img does NOT match the value you gave: expected SHA-256 ${B}, the file has ${A}.`);
    expect(sayIn(de, bad.textMsg, bad.text)).toBe(`x.img passt NICHT zu dem Wert, den Sie angegeben haben: erwartet SHA-256 ${B}, die Datei hat ${A}.`);
    const k = KNOWN_IMAGES[0]!;
    const renamed = checkImageHash({ sha256: A, fileName: k.file });
    expect(renamed.text).toBe(`${k.file} does NOT match Rescue Bench's list of known images (${knownListing(k)}): expected SHA-256 ${k.sha256}, the file has ${A}.`);
    const none = checkImageHash({ sha256: A, fileName: 'y.img' });
    expect(none.text).toBe(`y.img is in no list Rescue Bench knows, so nobody has confirmed these exact bytes. Its SHA-256 is ${A}: compare it with the one on the maker's download page before you go on.`);
    expect(sayIn(de, none.textMsg, none.text)).toMatch(/^y\.img steht in keiner Liste, die Rescue Bench kennt; .+ bevor Sie weitermachen\.$/);
  });
});

describe('the return plan evidence lines, each its own entry', () => {
  it('one step, an unlisted image and an intermediate not needed: English as the step wrote it, German, Spanish', () => {
    const dual = dualSlotState(wrt(0x7800000, { boot_part: '1' }))!;
    const stock = img({ fileName: 'FW_WRT32X_9.img', hash: checkImageHash({ sha256: A, fileName: 'FW_WRT32X_9.img' }) });
    const inter = img({ fileName: 'openwrt-19.07.9-factory.img', kind: 'openwrt-factory', hash: checkImageHash({ sha256: B, fileName: 'openwrt-19.07.9-factory.img', given: B }) });
    const plan = planReturnToStock(dual, stock, inter);
    expect(plan.ok).toBe(true);
    const lines = planEvidence(plan);
    // what the plan step wrote inline before decision 0180
    const old = [
      `Plan for the ${plan.model} (${plan.layout?.label ?? 'layout unknown'}, running slot ${plan.runningSlot ?? '?'}):`,
      ...plan.steps.map((s, i) => `  ${i + 1}. ${s.title}: ${s.command} → slot ${s.slot}. ${s.why}`),
      ...plan.warnings.map((w) => `Warning: ${w}`),
    ];
    expect(lines.map(wordsText)).toEqual(old);
    expect(lines.every((l) => typeof l !== 'string')).toBe(true);
    const [head, step, unlisted, notNeeded] = lines.map((l) => say(de, l));
    expect(head).toBe(`Plan für den Linksys WRT32X (Aufteilung ${plan.layout!.label}, laufender Platz 1):`);
    expect(step).toMatch(/^ {2}1\. Die Linksys-Firmware 1\.0\.180404\.58 schreiben: sysupgrade -F -n \/tmp\/FW_WRT32X_9\.img → Platz 2\. Die Firmware des Herstellers .+ Sie kommt auf Platz 2, den, der gerade nicht läuft\.$/);
    expect(unlisted).toBe(`Warnung: FW_WRT32X_9.img steht in keiner Liste, die Rescue Bench kennt; niemand hat also genau diese Bytes bestätigt. Die SHA-256 ist ${A}: Vergleichen Sie sie mit der auf der Download-Seite des Herstellers, bevor Sie weitermachen.`);
    expect(notNeeded).toBe(`Warnung: Der Router hat schon die Aufteilung ${plan.layout!.label}, die die Linksys-Firmware braucht; openwrt-19.07.9-factory.img wird deshalb nicht gebraucht und nicht geschrieben.`);
    expect(say(es, lines[0]!)).toBe(`Plan para el Linksys WRT32X (distribución ${plan.layout!.label}, ranura en marcha 1):`);
    // no English sentence of ours left inside a German line
    for (const l of [head, step, unlisted, notNeeded]) expect(l).not.toMatch(/\b(the|is|and|slot|Warning)\b/);
  });

  it('two steps from the 6 MB layout with the user-reported path', () => {
    const dual = dualSlotState(wrt(0x7500000, { boot_part: '2' }))!;
    const plan = planReturnToStock({ ...dual, runningSlot: 2 }, img({ version: undefined }), img({ fileName: 'openwrt-19.07.9-factory.img', kind: 'openwrt-factory' }));
    expect(plan.steps).toHaveLength(2);
    const lines = planEvidence(plan);
    expect(lines.map(wordsText)).toEqual([
      `Plan for the Linksys WRT32X (${plan.layout!.label}, running slot 2):`,
      ...plan.steps.map((s, i) => `  ${i + 1}. ${s.title}: ${s.command} → slot ${s.slot}. ${s.why}`),
      `User-reported: ${plan.userReported}`,
    ]);
    const german = lines.map((l) => say(de, l));
    expect(german[1]).toMatch(/^ {2}1\. Mit OpenWrt 19\.07\.9 die alte Aufteilung zurückbringen: sysupgrade -F -n \/tmp\/openwrt-19\.07\.9-factory\.img → Platz 1\. Ein Factory-Image wird vollständig auf Platz 1 geschrieben, .+ die die Linksys-Firmware braucht\. OpenWrt 19\.07 ist die letzte Version mit dieser Aufteilung\.$/);
    expect(german[2]).toMatch(/^ {2}2\. Die Linksys-Firmware schreiben: sysupgrade -F -n \/tmp\/FW_WRT32X_1\.0\.180404\.58\.img → Platz 2\. /);
    expect(german[3]).toMatch(/^Von Nutzern berichtet: Dieser Weg in zwei Schritten .+ ist er nicht\.$/);
  });

  it('a line the entry does not make word for word stays English (a plan without ids)', () => {
    const plan = planReturnToStock(dualSlotState(wrt(0x7800000, { boot_part: '1' }))!, img({}));
    const { titleMsg: _t, whyMsg: _w, ...bare } = plan.steps[0]!;
    const lines = planEvidence({ ...plan, steps: [bare], warnings: ['Something new.'] });
    expect(typeof lines[1]).toBe('string');
    expect(lines[2]).toBe('Warning: Something new.');
  });
});

describe("the connect step's slot lines", () => {
  const old = (d: DualSlotState) => [`Two firmware slots. ${d.layoutEvidence}. It runs from slot ${d.runningSlot ?? '?'}${d.runningEvidence ? ` (${d.runningEvidence})` : ''}; U-Boot starts slot ${d.bootPart ?? '?'} next (boot_part).`, ...d.warnings.map((w) => `Note: ${w}`)];

  it('known layout, unknown size, no rootfs1, no boot_part, no fw_printenv, a short kernel size: English as before, German', () => {
    const known = dualSlotState(wrt(0x7500000, { boot_part: '1' }))!;
    expect(slotsEvidence(known).map(wordsText)).toEqual(old(known));
    expect(say(de, slotsEvidence(known)[0]!)).toBe(`Zwei Firmware-Plätze. rootfs1 ist laut /proc/mtd 0x7500000 Byte groß (die Aufteilung ${known.layout!.label}). Er läuft von Platz 1 (root=/dev/mtdblock6 in /proc/cmdline); U-Boot startet als Nächstes Platz 1 (boot_part).`);
    const odd = dualSlotState(wrt(0x1234000, {}))!;
    expect(slotsEvidence(odd).map(wordsText)).toEqual(old(odd));
    expect(slotsEvidence(odd).map((l) => say(de, l))).toEqual([
      'Zwei Firmware-Plätze. rootfs1 ist laut /proc/mtd 0x1234000 Byte groß, eine Größe, die Rescue Bench für dieses Modell nicht kennt. Er läuft von Platz 1 (root=/dev/mtdblock6 in /proc/cmdline); U-Boot startet als Nächstes Platz ? (boot_part).',
      'Hinweis: Die Bootloader-Einstellung boot_part fehlt; wir können deshalb nicht sagen, welchen Platz U-Boot als Nächstes startet.',
    ]);
    const bare = dualSlotState(wrt(undefined, undefined))!;
    expect(slotsEvidence(bare).map(wordsText)).toEqual(old(bare));
    expect(slotsEvidence(bare).map((l) => say(es, l))[1]).toBe('Nota: El router no tiene fw_printenv, así que no podemos leer qué ranura arrancará U-Boot la próxima vez.');
    expect(say(de, slotsEvidence(bare)[0]!)).toMatch(/^Zwei Firmware-Plätze\. Der Router führt keine Partition rootfs1\. /);
    const short = dualSlotState(wrt(0x7500000, { boot_part: '2', priKernSize: '0x300000' }))!;
    expect(short.warnings).toHaveLength(1);
    expect(slotsEvidence(short).map(wordsText)).toEqual(old(short));
    expect(say(de, slotsEvidence(short)[1]!)).toBe(`Hinweis: U-Boot lädt nur 3 MB Kernel (priKernSize=0x300000), weniger als die Aufteilung ${short.layout!.label} braucht.`);
  });
});

describe('LAYOUT_NOT_CHANGED and ROUTER_NOT_BACK from the catalogue', () => {
  it('LAYOUT_NOT_CHANGED: English as the intermediate step wrote it, German', () => {
    const dual = dualSlotState(wrt(0x7500000, { boot_part: '1' }))!;
    const e = fault('LAYOUT_NOT_CHANGED', { layout: dual.layout!.label, rootfs: '0x7500000' }).toShape();
    expect(e).toMatchObject({
      message: `The router still has the ${dual.layout!.label} layout after OpenWrt 19.07.9.`,
      meaning: `${dual.layoutEvidence}. The factory firmware would not start from it, so it was not written.`,
      fix: 'Check that the intermediate file is the 19.07.9 *factory* image for this model.',
    });
    const g = localizeError(e, de);
    expect(g.message).toBe(`Der Router hat nach OpenWrt 19.07.9 immer noch die Aufteilung ${dual.layout!.label}.`);
    expect(g.meaning).toBe(`rootfs1 ist laut /proc/mtd 0x7500000 Byte groß (die Aufteilung ${dual.layout!.label}). Daraus würde die Werksfirmware nicht starten; deshalb wurde sie nicht geschrieben.`);
  });

  it('ROUTER_NOT_BACK: what was seen and the way back (both slots, a single-firmware router), English as before, German', () => {
    const base = { time: '5 min 2 s', host: '192.168.1.1', sign: 'answers ping', after: '40 s', service: 'web' };
    const linksys = fault('ROUTER_NOT_BACK', { ...base, seen: 'alive', ...recoveryValues(2, 'Linksys WRT32X') }).toShape();
    expect(linksys.message).toBe('The router has not answered for 5 min 2 s since it started writing.');
    expect(linksys.meaning).toBe(
      'A write and restart take 2 to 5 minutes; after that it should answer on 192.168.1.1. Its system started (it answers ping after 40 s), but its web page never answered. It may not be able to start the new firmware. ' +
        [
          'Slot 1 still holds the firmware the router ran before; only slot 2 was written.',
          "Switch the router off and on three times in a row, each time as soon as the power light comes on (before it finishes starting): after a few interrupted starts the Linksys WRT32X's bootloader switches to the other slot by itself (the exact count is reported by users, not confirmed by Linksys).",
          'If the router answers again (its old OpenWrt), Rescue Bench can make slot 1 the one it starts from: fw_setenv boot_part 1 and its bootcmd.',
        ].join(' '),
    );
    expect(linksys.fix).toBe('Wait a few more minutes ("Keep waiting"). If it still does not answer: power-cycle as described above.');
    const single = fault('ROUTER_NOT_BACK', { ...base, seen: 'still', service: 'login', ...recoveryValues(undefined, 'router') }).toShape();
    expect(single.meaning).toBe("A write and restart take 2 to 5 minutes; after that it should answer on 192.168.1.1. It never stopped answering either: it may still be writing. It may not be able to start the new firmware. If its lights show it is stuck, start it in rescue mode (failsafe) or use the maker's recovery (TFTP) with a backup.");
    expect(single.fix).toBe('Wait a few more minutes ("Keep waiting"). If it still does not answer: check its lights and use rescue mode.');
    const silent = fault('ROUTER_NOT_BACK', { ...base, seen: 'silent', ...recoveryValues(1, 'Linksys WRT32X') }).toShape();
    expect(silent.meaning).toContain('after that it should answer on 192.168.1.1. Nothing at all has answered since it restarted (no ping, no ARP, no port). It may not');
    const g = localizeError(linksys, de);
    expect(g.message).toBe('Seit er vor 5 min 2 s zu schreiben begann, hat der Router nicht geantwortet.');
    expect(g.meaning).toMatch(/^Schreiben und Neustart dauern 2 bis 5 Minuten; danach sollte er unter 192\.168\.1\.1 antworten\. Sein System ist gestartet \(nach 40 s: answers ping\), aber seine Webseite hat nie geantwortet\. .+Platz 1 enthält noch die Firmware, .+ fw_setenv boot_part 1 und sein bootcmd\.$/);
    expect(g.fix).toBe('Warten Sie noch ein paar Minuten („Weiter warten“). Antwortet er dann immer noch nicht: Schalten Sie ihn aus und ein wie oben beschrieben.');
    expect(localizeError(single, es).fix).toBe('Espera unos minutos más («Seguir esperando»). Si sigue sin responder: mira sus luces y usa el modo de rescate.');
  });

  it("the verify and intermediate steps' layout lines: English as the steps wrote them, German", () => {
    const d = dualSlotState(wrt(0x7800000, { boot_part: '2' }))!;
    const w = said('upgrade.said.ev.slotWritten', { slot: '2', known: 'yes', layout: d.layout!.label, rootfs: '0x7800000' });
    expect(w.text).toBe(`boot_part=2: U-Boot starts slot 2, the one just written. Layout now: ${d.layout!.label} (${d.layoutEvidence}).`);
    expect(say(de, w)).toBe(`boot_part=2: U-Boot startet Platz 2, den gerade geschriebenen. Aufteilung jetzt: ${d.layout!.label} (rootfs1 ist laut /proc/mtd 0x7800000 Byte groß (die Aufteilung ${d.layout!.label})).`);
    expect(said('upgrade.said.ev.slotWritten', { slot: '1', known: 'no', layout: '', rootfs: '0x0' }).text).toBe('boot_part=1: U-Boot starts slot 1, the one just written.');
    const inter = said('upgrade.said.ev.interDone', { known: 'yes', layout: d.layout!.label, slot: '1' });
    expect(inter.text).toBe(`The router runs OpenWrt with the ${d.layout!.label} layout now; next the factory firmware goes to slot 1.`);
    expect(say(de, inter)).toBe(`Der Router läuft jetzt mit OpenWrt und der Aufteilung ${d.layout!.label}; als Nächstes kommt die Werksfirmware auf Platz 1.`);
    expect(said('upgrade.said.ev.interDone', { known: 'no', layout: '', slot: '2' }).text).toBe('The router runs OpenWrt with the old layout now; next the factory firmware goes to slot 2.');
    expect(say(es, said('upgrade.said.interNotNeeded'))).toBe('No hace falta: el router ya tiene la distribución que necesita el firmware de fábrica.');
  });
});
