/**
 * Will this image go onto this router, and what will sysupgrade say? Follows OpenWrt's fwtool.sh
 * (fwtool_check_image, facts §3.2) line by line, plus the partition-size and Linksys dual-slot layout rules
 * (facts §4.3, §9). The printed lines are quoted exactly as fwtool.sh prints them.
 */
import { findDeviceProfile, type DeviceProfile, type SlotLayout } from '../../profiles/profiles';
import type { ImageIdentity } from './identify';

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

export function verdictFor(image: ImageIdentity, metadata: Record<string, unknown> | null, dev: DeviceFacts, fileName = 'firmware.bin'): Verdict {
  const p = findDeviceProfile(dev.boardName) ?? (dev.model ? findDeviceProfile(dev.model) : undefined);
  const board = dev.boardName || p?.boardName || '';
  const assumptions: string[] = [];
  let devCompat = dev.compatVersion?.trim() || '';
  const layout = deviceLayout(p, dev, devCompat || undefined);
  if (!devCompat) {
    if (layout && layout.source !== 'assumed' && layout.l) devCompat = layout.l.compatVersion;
    else if (p) {
      devCompat = p.compatVersion;
      assumptions.push(`We assumed the router runs a current OpenWrt (compat_version ${p.compatVersion}); connect it to read the real value.`);
    } else devCompat = '1.0';
  }
  if (layout?.source === 'assumed') assumptions.push(`We assumed the router has the ${layout.label} layout of current OpenWrt; connect it so we can read its partition sizes (/proc/mtd).`);
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
      headline: "This image's OpenWrt metadata is unreadable, so sysupgrade refuses it unless forced. Get the image again instead.",
      reasons: ['The metadata block at the end of the file is there, but its text is not valid JSON.'],
      sysupgradeSays: [SYSUPGRADE.invalid],
      withForce: [SYSUPGRADE.invalid, SYSUPGRADE.forced],
      risk: 'high',
    };
  }

  // ---- a damaged image is never flashed
  if (image.integrity === 'damaged') {
    return { ...base, verdict: 'damaged', headline: 'Do not flash this file: it is damaged.', reasons: [image.integrityText], sysupgradeSays: [], risk: 'high' };
  }

  // ---- does it fit at all?
  const firmwarePart = dev.partitions?.find((x) => x.name === 'firmware');
  const maxSize = firmwarePart?.size ?? p?.dualFirmware?.slotSize ?? p?.firmwareMaxSize;
  if (maxSize !== undefined && image.bodySize > maxSize) {
    return {
      ...base,
      verdict: 'does-not-fit',
      headline: `This image is too big for the ${routerName}.`,
      reasons: [`The image is ${mb(image.bodySize)}; the router's firmware area holds ${mb(maxSize)}.`],
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
        headline: `This image is made for a different router (${image.boards.join(', ') || image.profileId}), not the ${routerName}. Do not force it.`,
        reasons: ['Forcing an image made for another router usually leaves it unable to start.'],
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
          headline: `This OpenWrt factory image changes the other firmware slot to the ${imgLayout.label} layout. sysupgrade only accepts it when forced, without keeping settings.`,
          reasons: [
            `The router has the ${layout.label} layout; this image is built for the ${imgLayout.label} layout (${image.slotLayoutReason}).`,
            'A factory-style image is written raw to the other slot, so it can change the layout; an upgrade image cannot (OpenWrt PR #3852).',
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
        headline: `The ${routerName} first needs an OpenWrt factory image with the ${imgLayout.label} layout; this image alone will not start.`,
        reasons: [
          `The router now has the ${layout.label} layout (${layout.source === 'partitions' ? 'read from its partition sizes' : layout.source === 'compat-version' ? `from its compat_version ${devCompat}` : 'assumed'}); this image expects the ${imgLayout.label} layout (${image.slotLayoutReason}).`,
          'sysupgrade -F would write it, but it does not change the layout, so the router would not start it (a forum user saw exactly this on a WRT32X).',
          imgLayout.id === small.id
            ? `The last official OpenWrt with the ${small.label} layout is 19.07; its factory image puts the old layout back on the other slot.`
            : `An OpenWrt factory image of a release with the ${imgLayout.label} layout changes the layout.`,
        ],
        sysupgradeSays: says,
          withForce: [SYSUPGRADE.noMetadata, SYSUPGRADE.forced],
        steps:
          imgLayout.id === small.id
            ? [
                'Back up anything you need from the router.',
                `Flash the OpenWrt 19.07.9 factory image for the ${routerName} with: sysupgrade -F -n /tmp/<19.07.9 factory image>. It goes to the other slot and restores the ${small.label} layout.`,
                'Let the router start OpenWrt 19.07.9 and log in again.',
                `From 19.07.9, flash this image with: sysupgrade -F -n ${f}`,
              ]
            : [`Flash the OpenWrt factory image (not the upgrade image) of a release with the ${imgLayout.label} layout with sysupgrade -F -n, then use upgrade images as usual.`],
        risk: 'medium',
        userReported:
          'The two-step return to the Linksys firmware (OpenWrt 19.07.9 factory first, then the Linksys image) worked for a user on the OpenWrt forum; it is not an official procedure.',
      };
    }
    if (requires) {
      return {
        ...base,
        verdict: 'needs-F',
        headline:
          image.kind === 'vendor'
            ? `sysupgrade refuses the maker's firmware unless forced: use -F, and -n because it cannot keep OpenWrt settings.`
            : 'This image has no OpenWrt metadata, so sysupgrade refuses it unless forced (-F).',
        reasons: [
          "The router's sysupgrade requires OpenWrt metadata in every image (REQUIRE_IMAGE_METADATA); this image has none, so it cannot check that the image suits the router.",
          ...(image.boards.length ? [`The image itself names ${image.boards.join(', ')}.`] : []),
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
          ? 'We cannot tell whether this image suits this router.'
          : 'sysupgrade accepts this image, but it cannot check that it is made for this router: make sure it is.',
      reasons: ['The image has no OpenWrt metadata, and this router does not require it.'],
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
      headline: `The image's metadata has no ${listName} list, so sysupgrade refuses it unless forced.`,
      reasons: ['The metadata is incomplete; the image may be damaged or made by an unusual tool.'],
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
      headline: `This image is not made for the ${routerName}. Do not force it.`,
      reasons: [`The image lists ${list.join(', ')}; the router calls itself ${board}.`, 'Forcing an image made for another router usually leaves it unable to start.'],
      sysupgradeSays: [SYSUPGRADE.notSupported(board), SYSUPGRADE.supportedList(list)],
      risk: 'high',
    };
  }
  if (major(devCompat) !== major(imgCompat)) {
    const toLayout = dual ? dual.layouts.find((l) => l.compatVersion === imgCompat) : undefined;
    return {
      ...base,
      verdict: 'needs-factory',
      headline: `This upgrade image cannot be used from the router's current OpenWrt: install the factory image of the same release instead.`,
      reasons: [
        `The router has compat_version ${devCompat}, the image ${imgCompat}: the major number differs, which means the flash layout changed${toLayout ? ` (to the ${toLayout.label} layout)` : ''}.`,
        ...msg,
        'Settings cannot be kept across this change.',
      ],
      sysupgradeSays: [SYSUPGRADE.major(devCompat, imgCompat), ...msg],
      steps: [
        'Back up your settings (you will re-enter them by hand; they cannot be restored across the layout change).',
        `Download the factory image of the same OpenWrt release for the ${routerName}.`,
        'Flash it with: sysupgrade -F -n /tmp/<factory image>',
      ],
      risk: 'medium',
    };
  }
  // fits the layout?
  if (layout?.l && image.kernelSize !== undefined && image.kernelSize > layout.l.kernelSize) {
    return {
      ...base,
      verdict: 'does-not-fit',
      headline: `The kernel in this image does not fit the router's ${layout.label} layout.`,
      reasons: [`The kernel is ${mb(image.kernelSize)}; the layout leaves ${mb(layout.l.kernelSize)}.`],
      sysupgradeSays: [],
      risk: 'high',
    };
  }
  if (devCompat !== imgCompat) {
    return {
      ...base,
      verdict: 'needs-n',
      headline: 'This image fits, but your settings cannot be kept: upgrade without keeping settings (-n).',
      reasons: [`The router has compat_version ${devCompat}, the image ${imgCompat}: the settings format changed.`, ...msg],
      sysupgradeSays: [SYSUPGRADE.minor(devCompat, imgCompat), ...msg],
      command: `sysupgrade -n ${f}`,
      risk: 'low',
    };
  }
  return {
    ...base,
    verdict: 'compatible',
    headline: `This image is made for the ${routerName}: sysupgrade accepts it and can keep your settings.`,
    reasons: [`The image lists ${board} and has the same compat_version (${imgCompat}) as the router.`],
    sysupgradeSays: [],
    command: `sysupgrade ${f}`,
    risk: 'low',
  };
}
