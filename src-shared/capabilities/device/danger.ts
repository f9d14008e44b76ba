import type { DangerKind } from '../device/contract';
import type { SaidMessage } from '../../contract/common';
import type { MessageId } from '../../i18n/catalog';
import { said, type SaidValues } from '../../i18n/said';

/**
 * Which partitions must never be written blindly (facts §6.5): bootloaders, their environment, per-device
 * calibration and identity data, the NAND bad-block table, Linksys' boot counter. Matching is by the names
 * OpenWrt's device trees use; a kernel read-only flag adds a reason of its own.
 */
const RULES: Array<{ kind: DangerKind; re: RegExp; id: MessageId }> = [
  {
    kind: 'bootloader',
    re: /^(0:)?(u-?boot|uboot|boot|bootloader|boot-?loader|sbl\d?|appsbl|bl2|bl31|fip|preloader|spl|cfe|pmon|redboot|bootstrap|loader|qsee|tz|rpm|cdt|mibib|ddr(params)?|devcfg|apdp|atf|bootconfig\d?|u-boot-spl|tpl)$/i,
    id: 'device.said.danger.bootloader',
  },
  { kind: 'bootloader-env', re: /^(0:)?(u-?boot[-_]?env\d?|uboot[-_]?env\d?|u_env|env|bootenv|appsblenv|nvram|config_env)$/i, id: 'device.said.danger.bootloaderEnv' },
  { kind: 'boot-counter', re: /^s_env$/i, id: 'device.said.danger.bootCounter' },
  { kind: 'calibration', re: /^(0:)?(art|factory|caldata|calibration|cal|eeprom|radio|board[-_]?data|wifi[-_]?data|mrd|rf|wmac|ath\d?cal)$/i, id: 'device.said.danger.calibration' },
  { kind: 'identity', re: /^(devinfo|syscfg|hw[-_]?info|product[-_]?info|mac|bdinfo|oem|board[-_]?info|serial)$/i, id: 'device.said.danger.identity' },
  { kind: 'bbt', re: /^(bbt|bad[-_ ]?block[-_ ]?table|bad[-_]?blocks?)$/i, id: 'device.said.danger.bbt' },
];

export interface DangerReason {
  kind: DangerKind;
  /** The English (journal, --json, older screens). */
  reason: string;
  /** The same as catalogue id + values, said in the language shown (decision 0182). */
  msg?: SaidMessage;
}

function reasonOf(kind: DangerKind, id: MessageId, values?: SaidValues): DangerReason {
  const s = said(id, values);
  return { kind, reason: s.text, msg: s.msg };
}

export function dangerOf(name: string, opts: { readOnly?: boolean } = {}): DangerReason[] {
  const out: DangerReason[] = [];
  const n = name.trim();
  for (const r of RULES) if (r.re.test(n)) out.push(reasonOf(r.kind, r.id));
  if (opts.readOnly && !out.length) out.push(reasonOf('identity', 'device.said.danger.readOnly'));
  return out;
}

/** The running firmware slot's reason; the evidence is the reading's own words (data, as it came). */
export function runningDanger(slot: number, evidence: string): DangerReason {
  return reasonOf('running', 'device.said.danger.running', { slot: String(slot), evidence });
}

/** The word the user must type to allow writing a dangerous partition: its exact name. */
export function overrideWord(name: string): string {
  return name;
}
