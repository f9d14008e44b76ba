/**
 * Linksys dual-firmware routers (mvebu WRT family, facts §4 and §9): which layout the flash has now (rootfs
 * 0x7500000 = 6 MB kernel, 0x7800000 = 3 MB kernel on the WRT32X), which slot runs, which one U-Boot boots
 * next (boot_part), and the plan back to the maker's firmware. Pure.
 */
import type { DeviceInfo, Partition } from '../device';
import { findDeviceProfile, type DeviceProfile, type SlotLayout } from '../../profiles/profiles';
import { fault, type RbErrorShape } from '../../errors';
import { KNOWN_IMAGES, knownListing, type HashCheck } from './hashes';
import type { SaidMessage } from '../../contract/common';
import { said, sayIn, type Said, type SaidValues, type Words } from '../../i18n/said';
import { english } from '../../i18n/translate';

export interface SlotView {
  slot: 1 | 2;
  kernel?: { index: number; name: string; size: number; offset: number | null };
  rootfs?: { index: number; name: string; size: number; offset: number | null };
  running: boolean;
  /** U-Boot starts this slot next (boot_part). */
  bootsNext: boolean;
}

export interface DualSlotState {
  profileId?: string;
  model: string;
  layout?: SlotLayout;
  /** How the layout was read: "rootfs1 is 0x7500000 bytes in /proc/mtd". */
  layoutEvidence: string;
  /** Its catalogue id + values (decision 0168). */
  layoutEvidenceMsg?: SaidMessage;
  bootPart?: 1 | 2;
  runningSlot?: 1 | 2;
  runningEvidence?: string;
  slots: [SlotView, SlotView];
  /** The U-Boot variables that matter, as fw_printenv printed them. */
  env: Record<string, string>;
  warnings: string[];
  /** Each warning's kind and values, in the same order (decision 0180): the connect step says them as `upgrade.said.ev.slotNote`. */
  warningValues?: SaidValues[];
  /** The same warnings as `upgrade.said.slotWarning` id + values (decision 0184), for StockReport.warningsMsg. */
  warningsMsg?: SaidMessage[];
}

const ENV_NAMES = ['boot_part', 'boot_part_ready', 'bootcmd', 'auto_recovery', 'priKernSize', 'altKernSize', 'pri_kern_size', 'altFwSize', 'altKernAddr'];

const part = (ps: Partition[], name: string) => {
  const p = ps.find((x) => x.name === name);
  return p ? { index: p.index, name: p.name, size: p.size, offset: p.offset } : undefined;
};

/** undefined when the router has no kernel1/kernel2 slots (not a dual-firmware Linksys). */
export function dualSlotState(device: Pick<DeviceInfo, 'identity' | 'partitions' | 'env' | 'running'>): DualSlotState | undefined {
  const ps = device.partitions;
  if (!ps.some((p) => p.name === 'kernel1') || !ps.some((p) => p.name === 'kernel2')) return undefined;
  const profile: DeviceProfile | undefined = (device.identity.boardName ? findDeviceProfile(device.identity.boardName) : undefined) ?? (device.identity.model ? findDeviceProfile(device.identity.model.replace(/^Linksys\s+/i, '')) : undefined);
  const env: Record<string, string> = {};
  for (const k of ENV_NAMES) if (device.env?.[k] !== undefined) env[k] = device.env[k]!;
  const warnings: string[] = [];
  const warningValues: SaidValues[] = [];
  const warningsMsg: SaidMessage[] = [];
  // each warning made from its entry, so its English and its id cannot drift apart (decision 0184)
  const warn = (v: SaidValues) => {
    const w = said('upgrade.said.slotWarning', v);
    warnings.push(w.text);
    warningValues.push(v);
    warningsMsg.push(w.msg);
  };
  const rootfs1 = part(ps, 'rootfs1');
  let layout: SlotLayout | undefined;
  let evidence: Said = said('upgrade.plan.said.noRootfs');
  if (rootfs1) {
    layout = profile?.dualFirmware?.layouts.find((l) => l.rootfsSize === rootfs1.size);
    evidence = said('upgrade.plan.said.layoutEvidence', { rootfs: `0x${rootfs1.size.toString(16)}`, known: layout ? 'yes' : profile ? 'unknown' : 'none', layout: layout?.label ?? '' });
  }
  const layoutEvidence = evidence.text;
  const bp = env.boot_part === '1' || env.boot_part === '2' ? (Number(env.boot_part) as 1 | 2) : undefined;
  if (!bp) warn({ kind: device.env ? 'noBootPart' : 'noEnv' });
  const running = device.running && (device.running.slot === 1 || device.running.slot === 2) ? (device.running.slot as 1 | 2) : undefined;
  const kernSize = env.priKernSize ?? env.pri_kern_size;
  if (layout && kernSize && /^0x[0-9a-f]+$/i.test(kernSize) && parseInt(kernSize, 16) < layout.kernelSize) {
    const name = env.priKernSize ? 'priKernSize' : 'pri_kern_size';
    warn({ kind: 'kernSize', mb: String(parseInt(kernSize, 16) / 1048576), name, value: kernSize, layout: layout.label });
  }
  const slot = (n: 1 | 2): SlotView => {
    const v: SlotView = { slot: n, running: running === n, bootsNext: bp === n };
    const k = part(ps, `kernel${n}`);
    const r = part(ps, `rootfs${n}`);
    if (k) v.kernel = k;
    if (r) v.rootfs = r;
    return v;
  };
  const st: DualSlotState = { model: profile ? `${profile.vendor} ${profile.model}` : device.identity.model ?? 'Linksys router', layoutEvidence, layoutEvidenceMsg: evidence.msg, slots: [slot(1), slot(2)], env, warnings, warningValues, warningsMsg };
  if (profile) st.profileId = profile.id;
  if (layout) st.layout = layout;
  if (bp) st.bootPart = bp;
  if (running) {
    st.runningSlot = running;
    st.runningEvidence = device.running!.evidence;
  }
  return st;
}

/** `fw_setenv NAME VALUE` lines that make U-Boot start `slot` (linksys.sh's pairs, facts §4.2). */
export function bootSlotCommands(slot: 1 | 2): string[] {
  return [`fw_setenv boot_part ${slot}`, `fw_setenv bootcmd ${slot === 1 ? "'run nandboot'" : "'run altnandboot'"}`];
}

export interface ImageForPlan {
  fileName: string;
  path: string;
  size: number;
  kind: 'openwrt-sysupgrade' | 'openwrt-factory' | 'vendor' | 'unknown';
  slotLayout?: string;
  version?: string;
  hash: HashCheck;
}

export interface PlanStep {
  id: 'intermediate' | 'stock';
  title: string;
  image: ImageForPlan;
  /** The slot sysupgrade writes (the one not running at that moment). */
  slot: 1 | 2;
  command: string;
  why: string;
  /** The title's and the reason's catalogue ids + values (decision 0168). */
  titleMsg?: SaidMessage;
  whyMsg?: SaidMessage;
}

export interface ReturnPlan {
  ok: boolean;
  refusal?: RbErrorShape;
  model: string;
  layout?: { id: string; label: string };
  layoutEvidence: string;
  layoutEvidenceMsg?: SaidMessage;
  runningSlot?: 1 | 2;
  steps: PlanStep[];
  /** Plain warnings shown before going on (an image in no list, an intermediate that is not needed). */
  warnings: string[];
  /** The two-step path is what a forum user reported, not an official procedure. */
  userReported?: string;
  /** The words for the end: "Done. The router now runs Linksys firmware 1.0.180404.58 from slot 2." */
  successText: string;
  /** Catalogue ids + values of the words above (decision 0168): each warning's (by its English), userReported's, successText's. */
  warningsMsg?: SaidMessage[];
  userReportedMsg?: SaidMessage;
  successMsg?: SaidMessage;
}

export const TWO_STEP_USER_REPORTED =
  "This two-step path (OpenWrt 19.07.9 factory image first, then the Linksys firmware) is what a user reported on the OpenWrt forum for a WRT32X that would not start the Linksys firmware from OpenWrt's newer 6 MB layout. It worked there; it is not an official OpenWrt or Linksys procedure.";

/** The values of a hash mismatch: where the expected value came from is a select key (decision 0153), a known image's listing is data. */
function hashMismatchValues(img: ImageForPlan): Record<string, string> {
  const h = img.hash;
  const listed = h.source === 'known' ? KNOWN_IMAGES.find((k) => k.sha256 === h.expected) : undefined;
  return { file: img.fileName, source: h.source, listed: listed ? knownListing(listed) : h.from, expected: h.expected ?? '?', actual: h.sha256 };
}

function refuse(base: Omit<ReturnPlan, 'ok' | 'refusal'>, e: RbErrorShape): ReturnPlan {
  return { ...base, ok: false, refusal: e };
}

export function planReturnToStock(state: DualSlotState | undefined, stock: ImageForPlan, intermediate?: ImageForPlan): ReturnPlan {
  const base: Omit<ReturnPlan, 'ok' | 'refusal'> = { model: state?.model ?? 'router', layoutEvidence: state?.layoutEvidence ?? '', steps: [], warnings: [], successText: '' };
  if (state?.layoutEvidenceMsg) base.layoutEvidenceMsg = state.layoutEvidenceMsg;
  /** A warning: its English, and its id + values where they make exactly that English. */
  const warn = (text: string, w?: Said): void => {
    base.warnings.push(text);
    if (w && w.text === text) (base.warningsMsg ??= []).push(w.msg);
  };
  const userReported = (): Pick<ReturnPlan, 'userReported' | 'userReportedMsg'> => {
    const u = said('upgrade.plan.said.userReported');
    return { userReported: TWO_STEP_USER_REPORTED, ...(u.text === TWO_STEP_USER_REPORTED ? { userReportedMsg: u.msg } : {}) };
  };
  const success = (slot: 1 | 2): Pick<ReturnPlan, 'successText' | 'successMsg'> => {
    const w = said('upgrade.plan.said.success', { vendor, version: stock.version ?? 'none', slot });
    return { successText: w.text, successMsg: w.msg };
  };
  if (!state)
    return refuse(base, fault('NOT_DUAL_SLOT', { where: 'plan' }).toShape());
  if (state.layout) base.layout = { id: state.layout.id, label: state.layout.label };
  if (state.runningSlot) base.runningSlot = state.runningSlot;
  for (const img of [stock, ...(intermediate ? [intermediate] : [])]) {
    if (img.hash.status === 'mismatch')
      return refuse(base, fault('IMAGE_HASH_MISMATCH', hashMismatchValues(img)).toShape());
    if (img.hash.status === 'unlisted') warn(img.hash.text, said('upgrade.plan.said.unlisted', { file: img.fileName, sha: img.hash.sha256 }));
  }
  if (stock.kind !== 'vendor')
    return refuse(base, fault('NOT_VENDOR_IMAGE', { file: stock.fileName, openwrt: stock.kind.startsWith('openwrt') ? 'yes' : 'no' }).toShape());
  const running = state.runningSlot ?? (state.bootPart as 1 | 2 | undefined);
  if (!running)
    return refuse(base, fault('SLOT_UNKNOWN').toShape());
  const other = (running === 1 ? 2 : 1) as 1 | 2;
  const vendor = state.model.split(' ')[0] ?? 'factory';
  const small = state.layout && state.layout.kernelSize <= 3 * 1048576;
  const vendorLayout = stock.slotLayout;
  const stockStep = (slot: 1 | 2): PlanStep => {
    const title = said('upgrade.plan.said.stockTitle', { vendor, version: stock.version ?? 'none' });
    const why = said('upgrade.plan.said.stockWhy', { slot });
    return { id: 'stock', title: title.text, image: stock, slot, command: `sysupgrade -F -n /tmp/${stock.fileName}`, why: why.text, titleMsg: title.msg, whyMsg: why.msg };
  };
  if (!state.layout)
    return refuse(base, fault('LAYOUT_UNKNOWN', { evidence: state.layoutEvidence }).toShape());
  if (small || (vendorLayout && vendorLayout === state.layout.id)) {
    if (intermediate) {
      const w = said('upgrade.plan.said.notNeeded', { layout: state.layout.label, vendor, file: intermediate.fileName });
      warn(w.text, w);
    }
    return { ...base, ok: true, steps: [stockStep(other)], ...success(other) };
  }
  // the 6 MB (or other resized) layout: a factory image of an old OpenWrt puts the old layout back first
  if (!intermediate)
    return refuse(
      { ...base, ...userReported() },
      // the layout's evidence as values (decision 0160): rootfs1's size as /proc/mtd lists it and the layout's label
      fault('NEEDS_INTERMEDIATE', { layout: state.layout.label, vendor, model: state.model, rootfs: `0x${(state.slots[0].rootfs?.size ?? 0).toString(16)}` }).toShape(),
    );
  if (intermediate.kind !== 'openwrt-factory' || (intermediate.slotLayout && intermediate.slotLayout === state.layout.id))
    return refuse(
      { ...base, ...userReported() },
      fault('INTERMEDIATE_NOT_FACTORY', { file: intermediate.fileName, kind: intermediate.kind === 'openwrt-sysupgrade' ? 'sysupgrade' : 'other' }).toShape(),
    );
  const interTitle = said('upgrade.plan.said.interTitle');
  const interWhy = said('upgrade.plan.said.interWhy', { slot: other, vendor });
  const inter: PlanStep = {
    id: 'intermediate',
    title: interTitle.text,
    image: intermediate,
    slot: other,
    command: `sysupgrade -F -n /tmp/${intermediate.fileName}`,
    why: interWhy.text,
    titleMsg: interTitle.msg,
    whyMsg: interWhy.msg,
  };
  return { ...base, ok: true, ...userReported(), steps: [inter, stockStep(running)], ...success(running) };
}

/** An image as the plan question names it: its file name and how its hash was checked. */
export type PlanImageWords = { fileName: string; hash?: Pick<HashCheck, 'status' | 'sha256'> };

/**
 * The return plan question's detail (decision 0168): the steps, the notes, the user-reported path and what goes,
 * said from the plan's own ids and values; the English as it was (joined lines), which it falls back to if the
 * plan holds a note this entry does not know.
 */
export function returnPlanDetail(plan: ReturnPlan, stockImage?: PlanImageWords, interImage?: PlanImageWords): Words {
  const text = [...plan.steps.map((s, i) => `${i + 1}. ${s.title} (slot ${s.slot})`), ...plan.warnings, ...(plan.userReported ? [plan.userReported] : []), said('upgrade.said.ask.returnPlan.gone').text].join('\n');
  const stock = plan.steps.find((s) => s.id === 'stock');
  const inter = plan.steps.find((s) => s.id === 'intermediate');
  const title = stock?.titleMsg?.values ?? {};
  const notNeeded = plan.warningsMsg?.find((m) => m.id === 'upgrade.plan.said.notNeeded')?.values;
  const unlisted = (i: PlanImageWords | undefined) => i?.hash?.status === 'unlisted';
  const d = said('upgrade.said.ask.returnPlanDetail', {
    two: inter ? 'yes' : 'no',
    vendor: title.vendor ?? '',
    version: title.version ?? 'none',
    stockSlot: stock?.slot ?? 0,
    interSlot: inter?.slot ?? 0,
    unlistedStock: unlisted(stockImage) ? 'yes' : 'no',
    stockFile: stockImage?.fileName ?? '',
    stockSha: stockImage?.hash?.sha256 ?? '',
    unlistedInter: unlisted(interImage) ? 'yes' : 'no',
    interFile: interImage?.fileName ?? '',
    interSha: interImage?.hash?.sha256 ?? '',
    notNeeded: notNeeded ? 'yes' : 'no',
    layout: notNeeded?.layout ?? '',
  });
  return d.text === text ? d : text;
}

/**
 * What ROUTER_NOT_BACK says about the way back (decision 0180), as its values: a Linksys router whose slot
 * `written` was written (the other still holds the old firmware; three interrupted starts switch back), or `none`
 * for a single-firmware router (rescue mode, the maker's TFTP recovery).
 */
export function recoveryValues(written: 1 | 2 | undefined, model: string): SaidValues {
  return written ? { slot: String(written), old: String(written === 1 ? 2 : 1), model } : { slot: 'none', old: '', model };
}

/** Words said only when their English is still `text` (a reworded line stays readable, in English). */
const sameAs = (text: string, w: Said): Words => (w.text === text ? w : text);

/**
 * The connect step's lines about the two slots (decision 0180): the layout, the running slot and the one U-Boot
 * starts next, then each note. The layout evidence's values come from its id; the running slot's evidence (the
 * device reading's English) is data.
 */
export function slotsEvidence(dual: DualSlotState): Words[] {
  const lay = dual.layoutEvidenceMsg?.id === 'upgrade.plan.said.layoutEvidence' ? (dual.layoutEvidenceMsg.values ?? {}) : undefined;
  const text = `Two firmware slots. ${dual.layoutEvidence}. It runs from slot ${dual.runningSlot ?? '?'}${dual.runningEvidence ? ` (${dual.runningEvidence})` : ''}; U-Boot starts slot ${dual.bootPart ?? '?'} next (boot_part).`;
  const head = said('upgrade.said.ev.slots', {
    rootfs: String(lay?.rootfs ?? 'none'),
    known: String(lay?.known ?? 'none'),
    layout: String(lay?.layout ?? ''),
    running: String(dual.runningSlot ?? '?'),
    how: dual.runningEvidence || 'none',
    bootPart: String(dual.bootPart ?? '?'),
  });
  const notes = dual.warnings.map((w, i) => {
    const v = dual.warningValues?.[i];
    return v ? sameAs(`Note: ${w}`, said('upgrade.said.ev.slotNote', v)) : `Note: ${w}`;
  });
  return [sameAs(text, head), ...notes];
}

/**
 * The plan step's evidence lines (decision 0180): "Plan for the …", each step, "User-reported:", each "Warning:".
 * Each line is its own entry whose values are those of the plan's own ids (no English sentence inside another);
 * a line the entry does not make word for word stays English.
 */
export function planEvidence(plan: ReturnPlan): Words[] {
  const out: Words[] = [];
  out.push(sameAs(`Plan for the ${plan.model} (${plan.layout?.label ?? 'layout unknown'}, running slot ${plan.runningSlot ?? '?'}):`, said('upgrade.plan.said.ev.head', { model: plan.model, known: plan.layout ? 'yes' : 'no', layout: plan.layout?.label ?? '', slot: String(plan.runningSlot ?? '?') })));
  plan.steps.forEach((s, i) => {
    const text = `  ${i + 1}. ${s.title}: ${s.command} → slot ${s.slot}. ${s.why}`;
    const v = { ...(s.titleMsg?.values ?? {}), ...(s.whyMsg?.values ?? {}) };
    out.push(s.titleMsg && s.whyMsg ? sameAs(text, said('upgrade.plan.said.ev.step', { n: String(i + 1), step: s.id, command: s.command, slot: String(s.slot), vendor: String(v.vendor ?? ''), version: String(v.version ?? 'none') })) : text);
  });
  if (plan.userReported) {
    const text = `User-reported: ${plan.userReported}`;
    out.push(plan.userReportedMsg ? sameAs(text, said('upgrade.plan.said.ev.userReported')) : text);
  }
  for (const w of plan.warnings) {
    const text = `Warning: ${w}`;
    const m = plan.warningsMsg?.find((x) => sayIn(english, x, '') === w);
    const kind = m?.id === 'upgrade.plan.said.unlisted' ? 'unlisted' : m?.id === 'upgrade.plan.said.notNeeded' ? 'notNeeded' : undefined;
    out.push(m && kind ? sameAs(text, said('upgrade.plan.said.ev.warning', { kind, file: '', sha: '', layout: '', vendor: '', ...m.values })) : text);
  }
  return out;
}
