/**
 * The inspector's sentences (structure descriptions, warnings; decision 0148) in the language shown: sizes with
 * Intl in that language, offsets hex, and what the image itself says (names, boards, versions, the header's
 * technical names) verbatim inside a `data-i18n-data` span, so the pseudo-locale scan knows it is data.
 */
import type { ReactNode } from 'react';
import type { SaidMessage } from '../../../src-shared/contract/common';
import { english, knownId } from '../../../src-shared/i18n';
import { intlTag } from '../../../src-shared/i18n/locales';
import { sizedValues } from '../../../src-shared/capabilities/firmware/image/words';
import { useLocale, useT } from '../../i18n';
import { place } from '../../i18n/place';

/** Values that are the image's own words (or its header's technical names), shown as they are. */
const DATA_KEYS = new Set(['name', 'model', 'title', 'device', 'board', 'release', 'compat', 'version', 'hw', 'rev', 'arch', 'os', 'imageType', 'compression', 'files', 'volumes', 'method']);

export type ImageWords = (msg: SaidMessage | undefined, given: string) => ReactNode;

/** `say(msg, given)`: the sentence in the language shown, or `given` as it came when `msg` is not its id + values. */
export function useImageWords(): ImageWords {
  const t = useT();
  const tag = intlTag(useLocale((s) => s.locale));
  return (msg, given) => {
    const id = msg && knownId(msg.id);
    if (!msg || !id) return given;
    try {
      if (english(id, sizedValues(msg.values, 'en')) !== given) return given;
      const values = sizedValues(msg.values, tag);
      const parts: Record<string, ReactNode> = {};
      for (const [k, v] of Object.entries(values)) {
        // 'none' picks a select's branch (no board, no name): it is not shown
        if (DATA_KEYS.has(k) && typeof v === 'string' && v !== 'none' && v !== '')
          parts[k] = (
            <span data-i18n-data="from the image" key={k}>
              {v}
            </span>
          );
      }
      return place(t, id, values, parts);
    } catch {
      return given;
    }
  };
}
