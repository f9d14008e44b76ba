import type { DangerKind } from '../device/contract';

/**
 * Which partitions must never be written blindly (facts §6.5): bootloaders, their environment, per-device
 * calibration and identity data, the NAND bad-block table, Linksys' boot counter. Matching is by the names
 * OpenWrt's device trees use; a kernel read-only flag adds a reason of its own.
 */
const RULES: Array<{ kind: DangerKind; re: RegExp; reason: string }> = [
  {
    kind: 'bootloader',
    re: /^(0:)?(u-?boot|uboot|boot|bootloader|boot-?loader|sbl\d?|appsbl|bl2|bl31|fip|preloader|spl|cfe|pmon|redboot|bootstrap|loader|qsee|tz|rpm|cdt|mibib|ddr(params)?|devcfg|apdp|atf|bootconfig\d?|u-boot-spl|tpl)$/i,
    reason: 'the bootloader: the first program the router runs. If it is damaged the router cannot start at all, and only a flash programmer can fix it.',
  },
  {
    kind: 'bootloader-env',
    re: /^(0:)?(u-?boot[-_]?env\d?|uboot[-_]?env\d?|u_env|env|bootenv|appsblenv|nvram|config_env)$/i,
    reason: "the bootloader's settings. If they are wrong the router may boot the wrong firmware or fall back to defaults.",
  },
  {
    kind: 'boot-counter',
    re: /^s_env$/i,
    reason: "Linksys' boot counter. Writing it can make the router switch to its other firmware.",
  },
  {
    kind: 'calibration',
    re: /^(0:)?(art|factory|caldata|calibration|cal|eeprom|radio|board[-_]?data|wifi[-_]?data|mrd|rf|wmac|ath\d?cal)$/i,
    reason: "Wi-Fi calibration and MAC addresses. They are unique to this router and no firmware file contains them; a wrong copy breaks Wi-Fi for good.",
  },
  {
    kind: 'identity',
    re: /^(devinfo|syscfg|hw[-_]?info|product[-_]?info|mac|bdinfo|oem|board[-_]?info|serial)$/i,
    reason: "the router's identity (serial number, MAC, stock settings), unique to this unit.",
  },
  {
    kind: 'bbt',
    re: /^(bbt|bad[-_ ]?block[-_ ]?table|bad[-_]?blocks?)$/i,
    reason: "the NAND bad-block table. Overwriting it makes the flash forget which blocks are worn out.",
  },
];

export interface DangerReason {
  kind: DangerKind;
  reason: string;
}

export function dangerOf(name: string, opts: { readOnly?: boolean } = {}): DangerReason[] {
  const out: DangerReason[] = [];
  const n = name.trim();
  for (const r of RULES) if (r.re.test(n)) out.push({ kind: r.kind, reason: `This is ${r.reason}` });
  if (opts.readOnly && !out.length)
    out.push({ kind: 'identity', reason: 'The router\'s own firmware marks this partition read-only, which usually means it must never change.' });
  return out;
}

/** The word the user must type to allow writing a dangerous partition: its exact name. */
export function overrideWord(name: string): string {
  return name;
}
