/**
 * Will this image go onto this router, and what will sysupgrade say? Follows OpenWrt's fwtool.sh
 * (fwtool_check_image, facts §3.2) line by line, plus the partition-size and Linksys dual-slot layout rules
 * (facts §4.3, §9). The printed lines are quoted exactly as fwtool.sh prints them.
 */
import { findDeviceProfile, type DeviceProfile, type SlotLayout } from '../../profiles/profiles';
import type { ImageIdentity } from './identify';
import type { SaidMessage } from '../../contract/common';
import { english, knownId } from '../../i18n';

export type VerdictKind = 'compatible' | 'needs-n' | 'needs-F' | 'needs-factory' | 'does-not-fit' | 'damaged' | 'unknown';

export interface DeviceFacts {
  /** /tmp/sysinfo/board_name, e.g. "linksys,wrt32x". */
  boardName: string;
  model?: string;
  /** uci get system.@system[0].compat_version (empty means 1.0). */
  compatVersion?: string;
  /** From /proc/mtd on the router: name and size in bytes. */
  partitions?: { name: string; size: number }[];
}

export interface Verdict {
  verdict: VerdictKind;
  /** One sentence for the report card. */
  headline: string;
  reasons: string[];
  /** The lines `sysupgrade` would print for this image on this router (exact fwtool.sh wording). */
  sysupgradeSays: string[];
  /** What it prints when run with -F (force). */
  withForce?: string[];
  /** The command that would work, if any. */
  command?: string;
  /** Ordered steps when one command is not enough (intermediate factory image). */
  steps?: string[];
  risk: 'low' | 'medium' | 'high';
  /** What we assumed because the router did not tell us. */
  assumptions: string[];
  device: { boardName: string; model?: string; compatVersion: string; layout?: { id: string; label: string; source: 'partitions' | 'compat-version' | 'assumed' } };
  /** Known only from user reports, not from an official procedure. */
  userReported?: string;
  /** The catalogue ids and values of our sentences above (headline, reasons, steps, assumptions, userReported). */
  said?: SaidMessage[];
}

export const SYSUPGRADE = {
  noMetadata: 'Image metadata not present',
  useForce: 'Use sysupgrade -F to override this check when downgrading or flashing to vendor firmware',
  major: (a: string, b: string) => `The device is supported, but this image is incompatible for sysupgrade based on the image version (${a}->${b}).`,
  minor: (a: string, b: string) => `The device is supported, but the config is incompatible to the new image (${a}->${b}). Please upgrade without keeping config (sysupgrade -n).`,
  notSupported: (board: string) => `Device ${board} not supported by this image`,
  supportedList: (list: string[]) => `Supported devices: ${list.join(' ')}`,
  forced: 'Image check failed but --force given - will update anyway!',
  invalid: 'Invalid image metadata',
} as const;

const MiB = 1024 * 1024;
const mb = (n: number) => `${(n / MiB).toFixed(n % MiB === 0 ? 0 : 1)} MB`;
const major = (v: string) => v.split('.')[0] ?? v;

function deviceLayout(p: DeviceProfile | undefined, dev: DeviceFacts, compat: string | undefined): Verdict['device']['layout'] & { l?: SlotLayout } {
  const layouts = p?.dualFirmware?.layouts ?? [];
  if (layouts.length < 2) return undefined as never;
  const rootfs = dev.partitions?.find((x) => x.name === 'rootfs1' || x.name === 'rootfs2');
  if (rootfs) {
    const l = layouts.find((x) => x.rootfsSize === rootfs.size);
    if (l) return { id: l.id, label: l.label, source: 'partitions', l };
  }
  if (compat) {
    const l = layouts.find((x) => x.compatVersion === compat);
    if (l) return { id: l.id, label: l.label, source: 'compat-version', l };
  }
  const l = layouts.find((x) => x.compatVersion === p!.compatVersion) ?? layouts[layouts.length - 1]!;
  return { id: l.id, label: l.label, source: 'assumed', l };
}

/**
 * The verdict, its sentences in English (the CLI, --json, the journal) with their catalogue ids and values in
 * `said` (decision 0139): the screen shows each sentence in its language where an entry's English is that sentence.
 * What sysupgrade prints, the image's own compat_message and names, versions and commands stay as they are.
 */
export function verdictFor(image: ImageIdentity, metadata: Record<string, unknown> | null, dev: DeviceFacts, fileName = 'firmware.bin'): Verdict {
  const said: SaidMessage[] = [];
  const s = (key: string, values?: Record<string, string>): string => {
    const id = knownId(`firmware.v.${key}`);
    if (!id) throw new Error(`no catalogue text firmware.v.${key}`);
    said.push(values ? { id, values } : { id });
    return english(id, values);
  };
  return { ...judge(image, metadata, dev, fileName, s), said };
}

function judge(image: ImageIdentity, metadata: Record<string, unknown> | null, dev: DeviceFacts, fileName: string, s: (key: string, values?: Record<string, string>) => string): Verdict {
  const p = findDeviceProfile(dev.boardName) ?? (dev.model ? findDeviceProfile(dev.model) : undefined);
  const board = dev.boardName || p?.boardName || '';
  const assumptions: string[] = [];
  let devCompat = dev.compatVersion?.trim() || '';
  const layout = deviceLayout(p, dev, devCompat || undefined);
  if (!devCompat) {
    if (layout && layout.source !== 'assumed' && layout.l) devCompat = layout.l.compatVersion;
    else if (p) {
      devCompat = p.compatVersion;
      assumptions.push(s('assumeCompat', { compat: p.compatVersion }));
    } else devCompat = '1.0';
  }
  if (layout?.source === 'assumed') assumptions.push(s('assumeLayout', { layout: layout.label }));
  const device: Verdict['device'] = { boardName: board, compatVersion: devCompat };
  if (dev.model ?? p?.model) device.model = dev.model ?? `${p!.vendor} ${p!.model}`;
  if (layout) device.layout = { id: layout.id, label: layout.label, source: layout.source };
  const f = `/tmp/${fileName.replace(/[^\w.+-]/g, '_')}`;
  const base = { assumptions, device };
  const routerName = device.model ?? board;

  // ---- a metadata trailer whose JSON does not parse: fwtool.sh fails at json_load
  if (!metadata && image.metadataInvalid) {
    return {
      ...base,
      verdict: 'needs-F',
      headline: s('invalidMeta'),
      reasons: [s('invalidMetaWhy')],
      sysupgradeSays: [SYSUPGRADE.invalid],
      withForce: [SYSUPGRADE.invalid, SYSUPGRADE.forced],
      risk: 'high',
    };
  }

  // ---- a damaged image is never flashed
  if (image.integrity === 'damaged') {
    return { ...base, verdict: 'damaged', headline: s('damaged'), reasons: [image.integrityText], sysupgradeSays: [], risk: 'high' };
  }

  // ---- does it fit at all?
  const firmwarePart = dev.partitions?.find((x) => x.name === 'firmware');
  const maxSize = firmwarePart?.size ?? p?.dualFirmware?.slotSize ?? p?.firmwareMaxSize;
  if (maxSize !== undefined && image.bodySize > maxSize) {
    return {
      ...base,
      verdict: 'does-not-fit',
      headline: s('tooBig', { router: routerName }),
      reasons: [s('tooBigWhy', { size: mb(image.bodySize), max: mb(maxSize) })],
      sysupgradeSays: [],
      risk: 'high',
    };
  }

  const dual = p?.dualFirmware && p.dualFirmware.layouts.length > 1 ? p.dualFirmware : undefined;
  const imgLayout = dual && image.slotLayout ? dual.layouts.find((l) => l.id === image.slotLayout) : undefined;

  // ---- no OpenWrt metadata (vendor image, factory image, old OpenWrt)
  if (!metadata) {
    const says: string[] = [SYSUPGRADE.noMetadata];
    const requires = p?.requiresMetadata ?? false;
    if (requires) says.push(SYSUPGRADE.useForce);
    const wrongBoard = image.profileId && p && image.profileId !== p.id;
    if (wrongBoard) {
      return {
        ...base,
        verdict: 'needs-F',
        headline: s('otherRouter', { boards: image.boards.join(', ') || image.profileId!, router: routerName }),
        reasons: [s('forceOther')],
        sysupgradeSays: says,
        risk: 'high',
      };
    }
    if (dual && imgLayout && layout?.l && imgLayout.id !== layout.id) {
      const isFactoryStep = image.kind === 'openwrt-factory';
      if (isFactoryStep) {
        return {
          ...base,
          verdict: 'needs-F',
          headline: s('factoryStep', { layout: imgLayout.label }),
          reasons: [
            s('factoryStepWhy', { has: layout.label, layout: imgLayout.label, why: String(image.slotLayoutReason) }),
            s('factoryRaw'),
          ],
          sysupgradeSays: says,
          withForce: [SYSUPGRADE.noMetadata, SYSUPGRADE.forced],
          command: `sysupgrade -F -n ${f}`,
          risk: 'medium',
        };
      }
      const small = dual.layouts[0]!;
      return {
        ...base,
        verdict: 'needs-factory',
        headline: s('needsFactory', { router: routerName, layout: imgLayout.label }),
        reasons: [
          s('needsFactoryWhy', { has: layout.label, source: layout.source === 'compat-version' ? 'compatVersion' : layout.source, compat: devCompat, layout: imgLayout.label, why: String(image.slotLayoutReason) }),
          s('forceNoLayout'),
          imgLayout.id === small.id
            ? s('lastSmall', { layout: small.label })
            : s('releaseChanges', { layout: imgLayout.label }),
        ],
        sysupgradeSays: says,
          withForce: [SYSUPGRADE.noMetadata, SYSUPGRADE.forced],
        steps:
          imgLayout.id === small.id
            ? [
                s('stepBackUp'),
                s('stepFlash1907', { router: routerName, file: '/tmp/<19.07.9 factory image>', layout: small.label }),
                s('stepStart1907'),
                s('stepFrom1907', { file: f }),
              ]
            : [s('stepFactoryOther', { layout: imgLayout.label })],
        risk: 'medium',
        userReported: s('userReported'),
      };
    }
    if (requires) {
      return {
        ...base,
        verdict: 'needs-F',
        headline:
          image.kind === 'vendor'
            ? s('requiresVendor')
            : s('requiresNoMeta'),
        reasons: [
          s('requiresWhy'),
          ...(image.boards.length ? [s('imageNames', { boards: image.boards.join(', ') })] : []),
        ],
        sysupgradeSays: says,
          withForce: [SYSUPGRADE.noMetadata, SYSUPGRADE.forced],
        command: `sysupgrade -F -n ${f}`,
        risk: image.profileId === p?.id ? 'medium' : 'high',
      };
    }
    return {
      ...base,
      verdict: image.kind === 'unknown' ? 'unknown' : 'compatible',
      headline:
        image.kind === 'unknown'
          ? s('unknown')
          : s('acceptsUnchecked'),
      reasons: [s('noMetaNotRequired')],
      sysupgradeSays: says,
      command: `sysupgrade -n ${f}`,
      risk: image.profileId && image.profileId === p?.id ? 'medium' : 'high',
    };
  }

  // ---- OpenWrt metadata: fwtool_check_image
  const imgCompat = String(metadata.compat_version ?? '') || '1.0';
  const listName = imgCompat !== '1.0' ? 'new_supported_devices' : 'supported_devices';
  const list = Array.isArray(metadata[listName]) ? (metadata[listName] as unknown[]).map(String) : undefined;
  const msg = typeof metadata.compat_message === 'string' ? [metadata.compat_message] : [];
  if (!list) {
    return {
      ...base,
      verdict: 'needs-F',
      headline: s('noList', { list: listName }),
      reasons: [s('incomplete')],
      sysupgradeSays: [],
      withForce: [SYSUPGRADE.forced],
      command: `sysupgrade -F ${f}`,
      risk: 'high',
    };
  }
  if (!list.includes(board)) {
    return {
      ...base,
      verdict: 'needs-F',
      headline: s('notForRouter', { router: routerName }),
      reasons: [s('listsBoards', { list: list.join(', '), board }), s('forceOther')],
      sysupgradeSays: [SYSUPGRADE.notSupported(board), SYSUPGRADE.supportedList(list)],
      risk: 'high',
    };
  }
  if (major(devCompat) !== major(imgCompat)) {
    const toLayout = dual ? dual.layouts.find((l) => l.compatVersion === imgCompat) : undefined;
    return {
      ...base,
      verdict: 'needs-factory',
      headline: s('major'),
      reasons: [
        s('majorWhy', { dev: devCompat, img: imgCompat, layout: toLayout ? toLayout.label : 'none' }),
        ...msg,
        s('noKeep'),
      ],
      sysupgradeSays: [SYSUPGRADE.major(devCompat, imgCompat), ...msg],
      steps: [
        s('stepBackUpSettings'),
        s('stepDownload', { router: routerName }),
        s('stepFlashIt', { file: '/tmp/<factory image>' }),
      ],
      risk: 'medium',
    };
  }
  // fits the layout?
  if (layout?.l && image.kernelSize !== undefined && image.kernelSize > layout.l.kernelSize) {
    return {
      ...base,
      verdict: 'does-not-fit',
      headline: s('kernelBig', { layout: layout.label }),
      reasons: [s('kernelBigWhy', { size: mb(image.kernelSize), max: mb(layout.l.kernelSize) })],
      sysupgradeSays: [],
      risk: 'high',
    };
  }
  if (devCompat !== imgCompat) {
    return {
      ...base,
      verdict: 'needs-n',
      headline: s('minor'),
      reasons: [s('minorWhy', { dev: devCompat, img: imgCompat }), ...msg],
      sysupgradeSays: [SYSUPGRADE.minor(devCompat, imgCompat), ...msg],
      command: `sysupgrade -n ${f}`,
      risk: 'low',
    };
  }
  return {
    ...base,
    verdict: 'compatible',
    headline: s('compatible', { router: routerName }),
    reasons: [s('compatibleWhy', { board, compat: imgCompat })],
    sysupgradeSays: [],
    command: `sysupgrade ${f}`,
    risk: 'low',
  };
}
