/**
 * The values of upgrade's check-step refusals, taken from the verdict's said sentences by id, never from their
 * English (decisions 0160, 0166). Pure: the service raises them with `fault()`, tests check the English is the
 * verdict's own words.
 */
import type { Verdict } from '../firmware';

const by = (v: Verdict, id: string) => v.said?.find((m) => m.id === id)?.values ?? {};
const has = (v: Verdict, id: string) => v.said?.some((m) => m.id === id) ?? false;

/** IMAGE_TOO_BIG (one core entry with firmware's and flash's): the firmware area (`router`) or the layout's kernel part (`kernel`). */
export function tooBigValues(v: Verdict): Record<string, string | number> {
  return has(v, 'firmware.v.kernelBig')
    ? { what: 'kernel', ...by(v, 'firmware.v.kernelBig'), ...by(v, 'firmware.v.kernelBigWhy') }
    : { what: 'router', ...by(v, 'firmware.v.tooBig'), ...by(v, 'firmware.v.tooBigWhy') };
}

/**
 * NEEDS_FACTORY_IMAGE: `kind` (`layout`: the dual-slot layout differs; `major`: compat_version's major number
 * differs), `small` (the way back is OpenWrt 19.07.9 first) and the sentences' own values. The image's own
 * compat_message is quoted as it came (`note`, `none` without one); `factory` is the placeholder path of the
 * factory image the steps name.
 */
export function needsFactoryValues(v: Verdict): Record<string, string | number> {
  if (has(v, 'firmware.v.major')) {
    const why = by(v, 'firmware.v.majorWhy');
    const note = v.reasons.slice(1, -1).join(' ');
    return { kind: 'major', dev: why.dev ?? '', img: why.img ?? '', layout: why.layout ?? 'none', note: note || 'none', router: by(v, 'firmware.v.stepDownload').router ?? '', factory: by(v, 'firmware.v.stepFlashIt').file ?? '' };
  }
  const small = has(v, 'firmware.v.lastSmall');
  return {
    kind: 'layout',
    ...by(v, 'firmware.v.needsFactoryWhy'),
    ...by(v, 'firmware.v.needsFactory'),
    small: small ? 'yes' : 'no',
    ...(small ? { factory: by(v, 'firmware.v.stepFlash1907').file ?? '', file: by(v, 'firmware.v.stepFrom1907').file ?? '' } : {}),
  };
}
