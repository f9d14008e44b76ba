/**
 * What an image is, in a seller's words: whose firmware, for which router, and whether its checksums hold.
 * Pure: works on the inspector's tree plus the file hashes.
 */
import { DEVICE_PROFILES, type DeviceProfile } from '../../profiles/profiles';
import type { Inspection } from './image/inspect';
import type { Structure } from './image/types';
import type { SaidMessage } from '../../contract/common';
import { english, knownId } from '../../i18n';

export type ImageKind = 'openwrt-sysupgrade' | 'openwrt-factory' | 'vendor' | 'unknown';
export type Integrity = 'intact' | 'damaged' | 'partly-checked' | 'unchecked';

export interface ImageIdentity {
  kind: ImageKind;
  /** "This is the official Linksys firmware for the WRT32X." */
  headline: string;
  integrity: Integrity;
  /** "Its checksum is intact." */
  integrityText: string;
  /** Board names the image declares (fwtool list, CONTROL BOARD=, TP-Link hw id, Netgear board id). */
  boards: string[];
  /** Matching device profile id, if any. */
  profileId?: string;
  /** "OpenWrt 24.10.4 r28959-…" or the vendor version. */
  version?: string;
  compatVersion?: string;
  /** Linksys dual-firmware kernel layout this image is built for ("3m", "6m"). */
  slotLayout?: string;
  slotLayoutReason?: string;
  /** The catalogue ids and values of the sentences above (headline, integrityText, slotLayoutReason). */
  said?: SaidMessage[];
  /** How a Linksys dual-firmware router writes it (linksys.sh looks at the first 4 bytes). */
  writePath: 'sysupgrade-tar' | 'raw' | 'other';
  /** Sizes of the sysupgrade tar members, when it is one. */
  kernelSize?: number;
  rootSize?: number;
  /** The image without the fwtool trailer blocks. */
  bodySize: number;
  /** The file's SHA-256 matches a published file we know. */
  knownFile?: string;
  /** An fwtool trailer is there but its JSON does not parse (sysupgrade: "Invalid image metadata"). */
  metadataInvalid?: boolean;
}

function* walk(list: Structure[]): Generator<Structure> {
  for (const s of list) {
    yield s;
    yield* walk(s.children);
  }
}

/** A whole-file check: one that covers the entire image, not only a header. */
const WHOLE_FILE: Record<string, string> = {
  'fwtool-metadata': 'OpenWrt metadata CRC',
  'tplink-v1': 'TP-Link md5',
  trx: 'TRX CRC',
  'netgear-chk': 'Netgear image checksum',
  seama: 'Seama md5',
  'linksys-trailer': 'Linksys cksum',
};

const MiB = 1024 * 1024;

/** Plain names for the parts whose checks passed (catalogue ids: the screen says them in its language). */
const PLAIN: Record<string, string> = {
  'sysupgrade-tar': 'firmware.id.part.archive',
  tar: 'firmware.id.part.archive',
  squashfs: 'firmware.id.part.fs',
  uimage: 'firmware.id.part.kernel',
  fit: 'firmware.id.part.kernel',
  ubi: 'firmware.id.part.flash',
  jffs2: 'firmware.id.part.settings',
  xz: 'firmware.id.part.compressed',
};

/** The parts' words, for a screen that shows the partly-checked sentence in its language. */
export const IMAGE_PART_WORDS: readonly { id: string }[] = [...new Set(Object.values(PLAIN))].map((id) => ({ id }));

export function identifyImage(ins: Inspection, sha256: string): ImageIdentity {
  // our sentences, with their catalogue ids and values for the screen (decision 0139)
  const said: SaidMessage[] = [];
  const say = (key: string, values?: Record<string, string>): string => {
    const mid = knownId(`firmware.id.${key}`);
    if (!mid) throw new Error(`no catalogue text firmware.id.${key}`);
    said.push(values ? { id: mid, values } : { id: mid });
    return english(mid, values);
  };
  const all = [...walk(ins.structures)];
  const top = ins.structures.filter((s) => s.type !== 'padding' && s.type !== 'data');
  const outer = top[0];
  const meta = ins.metadata;
  const fw = all.find((s) => s.type === 'fwtool-metadata');
  const bodySize = ins.structures.filter((s) => !s.type.startsWith('fwtool-')).reduce((n, s) => Math.max(n, s.offset + s.length), 0);

  const knownFile = DEVICE_PROFILES.find((p) => p.stockImage?.exampleSha256 === sha256);
  // ---- integrity
  const failed = all.filter((s) => s.checks.some((c) => !c.ok) || s.valid === false);
  const checked = all.filter((s) => s.checks.length > 0);
  const whole = top.filter((s) => WHOLE_FILE[s.type] && s.checks.length > 0 && s.checks.every((c) => c.ok));
  let integrity: Integrity;
  let integrityText: string;
  if (failed.length) {
    integrity = 'damaged';
    // each damaged part is a sentence of its own; its problem is the failed checks' names (technical, as they
    // are), else the inspector's first warning without its full stop (said too: its id + values go into `said`),
    // else "damaged"
    const what = failed
      .slice(0, 3)
      .map((s) => {
        const bad = s.checks.filter((c) => !c.ok).map((c) => c.name).join(', ');
        if (!bad && s.warnings[0] && s.warningsMsg?.[0]) said.push(s.warningsMsg[0]);
        if (!bad && !s.warnings[0]) said.push({ id: 'firmware.tree.bad' });
        return say('damagedPart', { type: s.type, offset: String(s.offset), problem: bad || s.warnings[0]?.replace(/\.$/, '') || english('firmware.tree.bad') });
      })
      .join('; ');
    integrityText = say('integrityDamaged', { what });
  } else if (knownFile) {
    integrity = 'intact';
    integrityText = say('integrityOfficial', { vendor: knownFile.vendor });
  } else if (whole.length) {
    integrity = 'intact';
    integrityText = say('integrityWhole', { checks: whole.map((s) => WHOLE_FILE[s.type]).join(', ') });
  } else if (checked.length) {
    integrity = 'partly-checked';
    const part = (type: string): string => (PLAIN[type] ? english(knownId(PLAIN[type])!) : type);
    integrityText = say('integrityPartly', { parts: [...new Set(checked.map((s) => part(s.type)))].join(', ') });
  } else {
    integrity = 'unchecked';
    integrityText = say('integrityNone');
  }

  // ---- boards and profile
  const boards: string[] = [];
  let compatVersion: string | undefined;
  let version: string | undefined;
  if (meta) {
    compatVersion = String(meta.compat_version ?? '1.0');
    const list = compatVersion !== '1.0' ? meta.new_supported_devices : meta.supported_devices;
    if (Array.isArray(list)) boards.push(...list.map(String));
    const v = (meta.version ?? {}) as Record<string, unknown>;
    version = [v.dist, v.version, v.revision].filter(Boolean).map(String).join(' ') || undefined;
  }
  const tarS = all.find((s) => s.type === 'sysupgrade-tar');
  const control = tarS?.fields.board;
  if (typeof control === 'string' && !boards.includes(control)) boards.push(control);
  // The first "compatible" string of a device tree (appended to the kernel or inside a FIT) is exactly
  // what OpenWrt uses as board_name (facts §3.2, 10_sysinfo).
  if (boards.length === 0)
    for (const s of all) if ((s.type === 'fdt' || s.type === 'fit') && typeof s.fields.compatible === 'string' && s.fields.compatible && !boards.includes(s.fields.compatible)) boards.push(s.fields.compatible);
  const tpl = all.find((s) => s.type === 'tplink-v1');
  const chk = all.find((s) => s.type === 'netgear-chk');
  if (chk && typeof chk.fields.boardId === 'string') boards.push(chk.fields.boardId);
  if (tpl && !version) version = String(tpl.fields.firmwareVersion);
  if (chk && !version) version = `version ${chk.fields.version}`;

  let profile: DeviceProfile | undefined = knownFile;
  if (!profile)
    profile = DEVICE_PROFILES.find(
      (p) =>
        boards.some((b) => b === p.boardName || p.aliases.includes(b) || b === p.stockImage?.controlBoard || b === p.stockImage?.netgearBoardId) ||
        (tpl && p.stockImage?.tplinkHwId !== undefined && tpl.fields.hwId === '0x' + p.stockImage.tplinkHwId.toString(16).padStart(8, '0')),
    );

  // ---- kind
  const mentionsOpenwrt = all.some((s) => /openwrt|lede/i.test(String(s.fields.name ?? '') + String(s.fields.fitDescription ?? '')));
  const ubiVolumes: unknown[] = all.filter((s) => s.type === 'ubi').flatMap((s) => (Array.isArray(s.fields.volumes) ? (s.fields.volumes as unknown[]) : []));
  const hasOpenwrtUbi = ubiVolumes.some((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && (v as Record<string, unknown>).name === 'rootfs_data');
  let kind: ImageKind = 'unknown';
  if (fw) kind = 'openwrt-sysupgrade';
  else if (mentionsOpenwrt || hasOpenwrtUbi || all.some((s) => s.type === 'jffs2-eof-marker')) kind = 'openwrt-factory';
  else if (outer && (tarS || tpl || chk || outer.type === 'seama-seal' || outer.type === 'seama' || outer.type === 'trx' || outer.type === 'uimage' || outer.type === 'zimage' || top.some((s) => s.type === 'linksys-trailer')))
    kind = profile || tarS || tpl || chk ? 'vendor' : 'unknown';

  // ---- Linksys dual-slot layout
  let slotLayout: string | undefined;
  let slotLayoutReason: string | undefined;
  const members = Array.isArray(tarS?.fields.members) ? (tarS!.fields.members as Record<string, unknown>[]) : [];
  const kernelSize = members.find((m) => /\/kernel$/.test(String(m.name)))?.size as number | undefined;
  const rootSize = members.find((m) => /\/root$/.test(String(m.name)))?.size as number | undefined;
  const dual = profile?.dualFirmware;
  if (dual && dual.layouts.length > 1) {
    const byCompat = compatVersion ? dual.layouts.find((l) => l.compatVersion === compatVersion) : undefined;
    const ubiTop = top.find((s) => s.type === 'ubi');
    const small = dual.layouts[0]!;
    if (byCompat && kind === 'openwrt-sysupgrade') {
      slotLayout = byCompat.id;
      slotLayoutReason = say('layoutCompat', { compat: compatVersion!, layout: byCompat.label });
    } else if (ubiTop && outer && (outer.type === 'zimage' || outer.type === 'uimage')) {
      const l = dual.layouts.find((x) => x.kernelSize === ubiTop.offset);
      if (l) {
        slotLayout = l.id;
        slotLayoutReason = say('layoutUbi', { mb: String(ubiTop.offset / MiB), layout: l.label });
      }
    } else if (kernelSize !== undefined && kernelSize > small.kernelSize) {
      const l = dual.layouts.find((x) => x.kernelSize >= kernelSize);
      if (l) {
        slotLayout = l.id;
        slotLayoutReason = say('layoutKernel', { mb: (kernelSize / MiB).toFixed(1), layout: small.label });
      }
    } else if (kind === 'vendor') {
      slotLayout = small.id;
      slotLayoutReason = say('layoutVendor', { layout: small.label });
    }
  }

  const firstWord = outer?.offset === 0 ? outer.type : '';
  const writePath: ImageIdentity['writePath'] = firstWord === 'sysupgrade-tar' ? 'sysupgrade-tar' : firstWord === 'uimage' || firstWord === 'zimage' ? 'raw' : 'other';

  // ---- headline
  const who = { router: profile ? `${profile.vendor} ${profile.model}` : 'none', boards: boards.length ? boards.slice(0, 3).join(', ') : 'none' };
  let headline: string;
  if (knownFile) headline = say('official', { vendor: knownFile.vendor, file: knownFile.stockImage?.exampleFile || 'none', model: knownFile.model });
  else if (kind === 'openwrt-sysupgrade') headline = say('upgrade', { version: version || 'none', ...who });
  else if (kind === 'openwrt-factory') headline = say('factory', who);
  else if (kind === 'vendor') headline = profile ? say('vendorKnown', { vendor: profile.vendor, model: profile.model }) : say('vendor', { boards: who.boards });
  else if (outer) headline = say('structure', { type: outer.type });
  else headline = say('unknown');

  const id: ImageIdentity = { kind, headline, integrity, integrityText, boards, writePath, bodySize, said };
  if (profile) id.profileId = profile.id;
  if (version) id.version = version;
  if (compatVersion) id.compatVersion = compatVersion;
  if (slotLayout) id.slotLayout = slotLayout;
  if (slotLayoutReason) id.slotLayoutReason = slotLayoutReason;
  if (kernelSize !== undefined) id.kernelSize = kernelSize;
  if (rootSize !== undefined) id.rootSize = rootSize;
  if (knownFile) id.knownFile = knownFile.stockImage!.exampleFile!;
  if (fw && !meta) id.metadataInvalid = true;
  return id;
}
