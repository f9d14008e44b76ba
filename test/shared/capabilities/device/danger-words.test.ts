import { describe, expect, it } from 'vitest';
import { interpretDiscovery } from '../../../../src-shared/capabilities/device/device';
import { dangerOf } from '../../../../src-shared/capabilities/device/danger';
import { loadCatalog, saidAmong, sayIn, translator } from '../../../../src-shared/i18n';

/** Decision 0182: a partition's danger reasons and the discovery's warnings travel as ids + values beside the English. */
describe('danger reasons and discovery warnings as ids', () => {
  // the English as it was before the reasons became catalogue entries, word for word
  const before: Record<string, string> = {
    'u-boot': 'This is the bootloader: the first program the router runs. If it is damaged the router cannot start at all, and only a flash programmer can fix it.',
    'u-boot-env': "This is the bootloader's settings. If they are wrong the router may boot the wrong firmware or fall back to defaults.",
    s_env: "This is Linksys' boot counter. Writing it can make the router switch to its other firmware.",
    art: 'This is Wi-Fi calibration and MAC addresses. They are unique to this router and no firmware file contains them; a wrong copy breaks Wi-Fi for good.',
    devinfo: "This is the router's identity (serial number, MAC, stock settings), unique to this unit.",
    bbt: 'This is the NAND bad-block table. Overwriting it makes the flash forget which blocks are worn out.',
  };
  it.each(Object.entries(before))('%s: the English is unchanged and its id says it', (name, english) => {
    const [d] = dangerOf(name);
    expect(d!.reason).toBe(english);
    expect(d!.msg?.id).toMatch(/^device\.said\.danger\./);
  });
  it('the read-only reason and the running slot keep their English; the evidence is a value', () => {
    expect(dangerOf('unused', { readOnly: true })[0]!.reason).toBe("The router's own firmware marks this partition read-only, which usually means it must never change.");
    const d = interpretDiscovery(
      '@@ proc_mtd\ndev:    size   erasesize  name\nmtd0: 00200000 00020000 "u-boot"\nmtd7: 07b00000 00020000 "kernel2"\nmtd8: 07500000 00020000 "rootfs2"\n@@ ubi0\nmtd_num=8\n@@ end\n',
    );
    const running = d.partitions.find((p) => p.name === 'kernel2')!.danger[0]!;
    expect(running.reason).toBe('The router is running from firmware slot 2 right now (UBI is attached to mtd8 "rootfs2"). Writing it pulls the floor out from under the running system.');
    expect(running.msg).toEqual({ id: 'device.said.danger.running', values: { slot: '2', evidence: 'UBI is attached to mtd8 "rootfs2"' } });
    // no offsets from sysfs: the discovery's own warning, English and id
    expect(d.warnings).toEqual(['The router does not report partition offsets; the map shows them in order, one after another.']);
    expect(d.warningsMsg).toEqual([{ id: 'device.said.warning.noOffsets' }]);
  });
  it('says them in German; the evidence stays as the reading gave it, a router line (fw_printenv) as it came', async () => {
    const de = translator('de', await loadCatalog('de'));
    const [boot] = dangerOf('u-boot');
    expect(sayIn(de, boot!.msg, boot!.reason)).toBe('Das ist der Bootloader: das erste Programm, das der Router ausführt. Ist er beschädigt, startet der Router gar nicht mehr, und nur ein Flash-Programmiergerät kann das beheben.');
    const d = interpretDiscovery('@@ proc_mtd\n@@ tools\nfw_printenv=1\n@@ fw_printenv\nWarning: Bad CRC, using default environment\n@@ end\n');
    expect(d.warnings).toEqual(['fw_printenv: Warning: Bad CRC, using default environment', 'The router lists no flash partitions (/proc/mtd is empty or missing).']);
    expect(d.warnings.map((w) => saidAmong(de, w, d.warningsMsg))).toEqual([
      'fw_printenv: Warning: Bad CRC, using default environment',
      'Der Router nennt keine Flash-Partitionen (/proc/mtd ist leer oder fehlt).',
    ]);
    const run = interpretDiscovery('@@ proc_mtd\ndev:    size   erasesize  name\nmtd5: 07b00000 00020000 "kernel1"\n@@ cmdline\nroot=/dev/mtdblock5\n@@ end\n').partitions[0]!.danger[0]!;
    expect(sayIn(de, run.msg, run.reason)).toBe(
      'Der Router läuft gerade von Firmware-Platz 1 (the kernel command line says root=/dev/mtdblock5 ("kernel1")). Ihn zu schreiben zieht dem laufenden System den Boden unter den Füßen weg.',
    );
  });
});
