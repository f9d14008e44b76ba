/**
 * What the router's bootloader gets: the chosen file, cut where it carries things the recovery must not see,
 * and checked against the chosen model where the vendor's header says which model it is for. Pure (no node:*):
 * the main process reads the file and hands the bytes here; the fuzz tests throw random bytes at it.
 *
 * TP-Link (facts §7.5, vendor facts §1): a stock "up_boot" image starts with an outer TP-Link v1 header whose
 * boot length is not 0, followed by the bootloader (U-Boot) and then the firmware with its own v1 header. The
 * recovery bootloader checks that inner header and writes the file from the start of its firmware partition,
 * so the outer header and the bootloader (0x200 + boot_len bytes; 0x20200 = `dd bs=512 skip=257` for 128 KiB)
 * are cut. An image whose boot length is 0 (OpenWrt factory images) is served unchanged.
 * Ubiquiti (mkfwimage.c): "UBNT" and a version string whose first field names the platform ("XM.ar7240.v5.6.3…").
 */
import { readTplinkV1Header, type TplinkV1Header } from '../firmware';
import type { DeviceProfile, VendorFlow } from '../../profiles/profiles';
import { fault, type RbErrorShape } from '../../errors';
import { said, type SaidMessage, type SaidValues } from '../../i18n/said';
import type { MessageId } from '../../i18n/catalog';

export interface ImageCheck {
  name: string;
  ok: boolean;
  /** Plain words: what was found and what it means. */
  text: string;
  /** `text` as catalogue id + values (decision 0130); the name's words are `recover.check.name.<key>`. */
  msg?: SaidMessage;
  key?: string;
}

const NAMES = { tplinkHeader: 'TP-Link header', model: 'Model', length: 'Length', ubntHeader: 'Ubiquiti header', format: 'Format', size: 'Size', bootloader: 'Bootloader inside' } as const;

/** A check whose words are in the catalogue. */
function check(key: keyof typeof NAMES, ok: boolean, id: MessageId, values?: SaidValues): ImageCheck {
  const w = said(id, values);
  return { name: NAMES[key], key, ok, text: w.text, msg: w.msg };
}

/** A cut reason whose words are in the catalogue. */
function reason(id: MessageId, values?: SaidValues): { cutReason: string; cutReasonMsg: SaidMessage } {
  const w = said(id, values);
  return { cutReason: w.text, cutReasonMsg: w.msg };
}

export interface ImagePlan {
  flow: VendorFlow;
  /** Bytes of the chosen file. */
  size: number;
  /** Bytes cut from the start (0 = served unchanged). */
  cutBytes: number;
  /** Why it was cut (or why not), for the user and the journal. */
  cutReason: string;
  cutReasonMsg?: SaidMessage;
  /** Bytes the router gets. */
  servedBytes: number;
  checks: ImageCheck[];
  /** Set when the file must not be sent to this model: the three-part reason. */
  refuse?: RbErrorShape;
  /** What the header says the file is for, when it says anything. */
  header?: { format: string; hwId?: string; hwRevision?: number; version?: string; vendor?: string };
}

export const hex32 = (n: number): string => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
/** A bootloader's length as the catalogue says it (`bootUnit`: whole KiB, else bytes), numbers formatted by ICU. */
const bootSize = (n: number): SaidValues => (n % 1024 === 0 ? { bootUnit: 'kib', boot: n / 1024 } : { bootUnit: 'bytes', boot: n });

/** The file name TP-Link bootloaders ask for when the profile names none: `<Model><vN>_tp_recovery.bin`. */
export function tplinkRecoveryNames(p: DeviceProfile | undefined): string[] {
  const names = [...(p?.recovery.fileNames ?? []), ...(p?.recovery.fileName ? [p.recovery.fileName] : [])];
  if (p && !names.length) {
    const m = /^(.*?)\s*v(\d+)$/i.exec(p.model);
    if (m) names.push(`${m[1]!.replace(/[^A-Za-z0-9]/g, '')}v${m[2]}_tp_recovery.bin`);
  }
  names.push('tp_recovery.bin');
  return [...new Set(names)];
}

function tplinkPlan(buf: Uint8Array, profile: DeviceProfile | undefined): ImagePlan {
  const size = buf.length;
  const base: ImagePlan = { flow: 'tplink', size, cutBytes: 0, cutReason: '', servedBytes: size, checks: [] };
  const outer = readTplinkV1Header(buf, 0);
  if (!outer) {
    const safeloader = size > 0x1014 && ascii(buf, 0x1014, 0x20).includes('fwup-ptn');
    return {
      ...base,
      ...reason('recover.said.plan.noV1Cut'),
      checks: [check('tplinkHeader', false, safeloader ? 'recover.said.plan.safeloader' : 'recover.said.plan.noV1')],
      refuse: fault('RECOVER_NOT_TPLINK_IMAGE', { safeloader: safeloader ? 'yes' : 'no' }).toShape(),
    };
  }
  const header = { format: 'tplink-v1', hwId: hex32(outer.hwId), hwRevision: outer.hwRevision, version: outer.firmwareVersion, vendor: outer.vendor };
  let inner: TplinkV1Header | undefined = outer;
  let cut = 0;
  let why = reason('recover.said.plan.noBootloader');
  if (outer.bootLength !== 0) {
    cut = 0x200 + outer.bootLength;
    inner = cut + 0x200 <= size ? readTplinkV1Header(buf, cut) : undefined;
    if (!inner) {
      return {
        ...base,
        header,
        ...reason('recover.said.plan.noInnerHeader', { ...bootSize(outer.bootLength), at: hex32(cut) }),
        checks: [check('bootloader', false, 'recover.said.plan.noInnerHeaderCheck', { ...bootSize(outer.bootLength), at: hex32(cut) })],
        refuse: fault('RECOVER_TPLINK_LAYOUT_UNKNOWN', {}, { details: `boot_len ${hex32(outer.bootLength)}, expected a TP-Link v1 header at ${hex32(cut)}` }).toShape(),
      };
    }
    why = reason('recover.said.plan.cutBootloader', { cut, at: hex32(cut), header: 0x200, ...bootSize(outer.bootLength), dd: `dd bs=512 skip=${cut / 512}` });
  }
  const checks: ImageCheck[] = [check('tplinkHeader', true, 'recover.said.plan.v1', { version: outer.headerVersion, hwId: hex32(outer.hwId), revision: outer.hwRevision, firmware: outer.firmwareVersion })];
  const want = profile?.stockImage?.tplinkHwId;
  let refuse: RbErrorShape | undefined;
  if (want !== undefined) {
    const ids = [outer.hwId, inner.hwId];
    const ok = ids.every((id) => id === want);
    checks.push(
      ok
        ? check('model', true, 'recover.said.plan.hwOk', { want: hex32(want), model: profile!.model })
        : check('model', false, 'recover.said.plan.hwBad', { has: [...new Set(ids.map(hex32))].join(' / '), model: profile!.model, want: hex32(want) }),
    );
    if (!ok) {
      refuse = fault(
        'RECOVER_WRONG_MODEL',
        { kind: 'tplink', vendor: profile!.vendor, model: profile!.model, has: hex32(outer.hwId !== want ? outer.hwId : inner.hwId), want: hex32(want), version: '' },
        { details: `outer hw_id ${hex32(outer.hwId)}, firmware hw_id ${hex32(inner.hwId)}` },
      ).toShape();
    }
  } else checks.push(check('model', true, 'recover.said.plan.noModel'));
  if (inner.firmwareLength > size - cut) checks.push(check('length', false, 'recover.said.plan.cutOff', { want: inner.firmwareLength, has: size - cut }));
  const cutOff = checks.some((c) => c.name === 'Length' && !c.ok);
  if (cutOff && !refuse) {
    refuse = fault('RECOVER_IMAGE_TRUNCATED', {}, { details: `firmware length ${inner.firmwareLength}, ${size - cut} bytes after the cut` }).toShape();
  }
  return { flow: 'tplink', size, cutBytes: cut, ...why, servedBytes: size - cut, checks, header, ...(refuse ? { refuse } : {}) };
}

function ascii(buf: Uint8Array, off: number, len: number): string {
  let s = '';
  for (let i = off; i < Math.min(buf.length, off + len); i++) {
    const c = buf[i]!;
    if (c === 0) break;
    s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?';
  }
  return s;
}

function ubntPlan(buf: Uint8Array, profile: DeviceProfile | undefined): ImagePlan {
  const size = buf.length;
  const plan: ImagePlan = { flow: 'ubiquiti', size, cutBytes: 0, ...reason('recover.said.plan.ubntCut'), servedBytes: size, checks: [] };
  const isUbnt = ascii(buf, 0, 4) === 'UBNT';
  if (!isUbnt) {
    plan.checks.push(check('ubntHeader', false, 'recover.said.plan.notUbnt'));
    plan.refuse = fault('RECOVER_NOT_UBNT_IMAGE').toShape();
    return plan;
  }
  const version = ascii(buf, 4, 256);
  plan.header = { format: 'ubnt', version };
  const platform = version.split('.')[0] ?? '';
  plan.checks.push(check('ubntHeader', true, 'recover.said.plan.ubnt', { version }));
  const want = profile?.recovery.ubntPlatform;
  if (want) {
    const ok = platform === want;
    plan.checks.push(ok ? check('model', true, 'recover.said.plan.platformOk', { want, model: profile!.model }) : check('model', false, 'recover.said.plan.platformBad', { has: platform || 'unknown', model: profile!.model, want }));
    if (!ok)
      plan.refuse = fault('RECOVER_WRONG_MODEL', { kind: 'ubnt', vendor: profile!.vendor, model: profile!.model, has: platform || 'unknown', want, version }).toShape();
  }
  return plan;
}

/** ASUS (TRX) and D-Link images carry no model id this check reads: the file is served unchanged and said so. */
function plainPlan(flow: VendorFlow, buf: Uint8Array): ImagePlan {
  const size = buf.length;
  const trx = ascii(buf, 0, 4) === 'HDR0';
  const checks: ImageCheck[] = [];
  if (flow === 'asus') checks.push(check('format', trx, trx ? 'recover.said.plan.trx' : 'recover.said.plan.notTrx'));
  checks.push(check('model', true, 'recover.said.plan.noModelId'));
  const plan: ImagePlan = { flow, size, cutBytes: 0, ...reason('recover.said.plan.unchanged'), servedBytes: size, checks };
  if (trx) plan.header = { format: 'trx' };
  return plan;
}

export function planImage(flow: VendorFlow, buf: Uint8Array, profile?: DeviceProfile): ImagePlan {
  let plan: ImagePlan;
  if (buf.length === 0) {
    plan = { flow, size: 0, cutBytes: 0, cutReason: '', servedBytes: 0, checks: [check('size', false, 'recover.said.plan.empty')] };
    plan.refuse = fault('RECOVER_EMPTY_FILE').toShape();
    return plan;
  }
  if (flow === 'tplink') plan = tplinkPlan(buf, profile);
  else if (flow === 'ubiquiti') plan = ubntPlan(buf, profile);
  else plan = plainPlan(flow, buf);
  const max = profile?.firmwareMaxSize;
  if (max && plan.servedBytes > max && !profile!.unverified.includes('firmwareMaxSize')) {
    plan.checks.push(check('size', false, 'recover.said.plan.tooLarge', { has: plan.servedBytes, model: profile!.model, max }));
    plan.refuse ??= fault('RECOVER_IMAGE_TOO_LARGE', { kind: 'model', model: profile!.model }).toShape();
  }
  return plan;
}
