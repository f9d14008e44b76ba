/**
 * StockReport.warnings travel with ids (decision 0184): the dual-slot reading's warnings (boot_part missing, no
 * fw_printenv, too small a kernel size) are made from `upgrade.said.slotWarning`, English word for word as the
 * old templates wrote them (written out here); the device reading's own warnings bring their ids (decision 0182);
 * a router's own line has none. The command line's plan says them in the language asked for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkImageHash, dualSlotState, planReturnToStock, type ImageForPlan, type StockReport } from '../../../../src-shared/capabilities/upgrade';
import type { DeviceInfo, Partition } from '../../../../src-shared/capabilities/device';
import { loadCatalog, translator, type Translate } from '../../../../src-shared/i18n';
import { said, saidAmong } from '../../../../src-shared/i18n/said';
import { planText } from '../../../../src-main/capabilities/upgrade/cli';

const part = (index: number, name: string, size: number): Partition => ({ index, name, size, erasesize: 0x20000, offset: null, type: 'nand', readOnly: false, danger: [] });
const wrt = (env: Record<string, string> | undefined): Pick<DeviceInfo, 'identity' | 'partitions' | 'env' | 'running'> => ({
  identity: { boardName: 'linksys,wrt32x' },
  partitions: [part(5, 'kernel1', 0x7b00000), part(6, 'rootfs1', 0x7800000), part(7, 'kernel2', 0x7b00000), part(8, 'rootfs2', 0x7800000)],
  ...(env ? { env } : {}),
  running: { slot: 1, evidence: 'root=/dev/mtdblock6 in /proc/cmdline' },
});
const image = (fileName: string, kind: ImageForPlan['kind'], version?: string): ImageForPlan => ({ fileName, path: `/${fileName}`, size: 1, kind, slotLayout: '3m', ...(version ? { version } : {}), hash: checkImageHash({ sha256: 'a', fileName, given: 'a' }) });

let de: Translate;
beforeAll(async () => {
  de = translator('de', await loadCatalog('de'));
});

describe("the dual-slot reading's warnings", () => {
  it('English as the old templates wrote them, each with its id; German', () => {
    const noEnv = dualSlotState(wrt(undefined))!;
    expect(noEnv.warnings).toEqual(['The router has no fw_printenv, so we cannot read which slot U-Boot starts next.']);
    const small = dualSlotState(wrt({ priKernSize: '0x200000' }))!;
    const layout = small.layout!.label;
    expect(small.warnings).toEqual(['The bootloader setting boot_part is missing, so we cannot tell which slot U-Boot starts next.', `U-Boot loads only ${0x200000 / 1048576} MB of kernel (priKernSize=0x200000), less than the ${layout} layout needs.`]);
    expect(small.warningsMsg!.map((m) => m.id)).toEqual(['upgrade.said.slotWarning', 'upgrade.said.slotWarning']);
    expect(small.warnings.map((w) => saidAmong(de, w, small.warningsMsg))).toEqual([
      'Die Bootloader-Einstellung boot_part fehlt; wir können deshalb nicht sagen, welchen Platz U-Boot als Nächstes startet.',
      `U-Boot lädt nur 2 MB Kernel (priKernSize=0x200000), weniger als die Aufteilung ${layout} braucht.`,
    ]);
    expect(dualSlotState(wrt({ boot_part: '1' }))!.warningsMsg).toEqual([]);
  });

  it('the command line prints them as notes in German: ours from their ids, a router\'s own line as it came', () => {
    const state = dualSlotState(wrt({}))!;
    const plan = planReturnToStock(state, image('FW.img', 'vendor', '1.0.180404.58'), image('f.img', 'openwrt-factory'));
    const nc = said('device.said.warning.noNc');
    const own = 'fw_printenv: Cannot parse config file: No such file or directory';
    const r: StockReport = { plan, slots: state.slots, env: state.env, warnings: [...state.warnings, nc.text, own], warningsMsg: [...state.warningsMsg!, nc.msg] };
    const text = planText(r, de);
    expect(text).toContain('\nHinweis: Die Bootloader-Einstellung boot_part fehlt; wir können deshalb nicht sagen, welchen Platz U-Boot als Nächstes startet.\n');
    expect(text).toContain('\nHinweis: Der Router hat keinen Befehl „nc“, deshalb können Sicherungen über Telnet keine Daten kopieren. Verwenden Sie SSH, falls er es hat.\n');
    expect(text).toContain(`\nHinweis: ${own}\n`);
    expect(text).not.toMatch(/The bootloader setting|no "nc" command/);
    // English: the report's own words, word for word
    expect(planText(r)).toContain(`\nNote: ${state.warnings[0]}\n`);
  });
});
