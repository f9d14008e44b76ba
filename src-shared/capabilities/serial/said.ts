/**
 * The serial service's sentences as catalogue id + values (issue 19, decision 0164): what a recognised console
 * line means and what "Find speed" found. One place for the screen, the command line and the service, so the
 * English sent beside the id (journal, --json, logs) and the words in the language shown cannot drift.
 */
import { said, type Said } from '../../i18n/said';
import type { MessageId } from '../../i18n/catalog';
import type { WatchMatch } from './watchers';

/** What a recognised line means (describeMatch's words, by their catalogue id). */
export function matchSaid(m: WatchMatch): Said {
  const word = m.stopWith && m.stopWith !== 'any' ? m.stopWith : undefined;
  switch (m.kind) {
    case 'uboot-banner':
      return said('serial.match.uboot-banner', { version: m.detail ?? '' });
    case 'uboot-autoboot':
      return word ? said('serial.match.uboot-autoboot.word', { word }) : said('serial.match.uboot-autoboot');
    case 'uboot-prompt':
    case 'shell-prompt':
      return said(`serial.match.${m.kind}`, { prompt: m.prompt?.trimEnd() ?? '' });
    case 'kernel-panic':
      return said('serial.match.kernel-panic', { reason: m.detail || 'none' });
    default:
      return said(`serial.match.${m.kind}` as MessageId);
  }
}

/** The result of "Find speed": the speed that reads as text, or why none did (nothing arrived, or only garbage). */
export function autobaudSaid(r: { baud?: number | undefined; tried: ReadonlyArray<{ bytes: number }> }): Said {
  if (r.baud !== undefined) return said('serial.findSpeed.found', { baud: String(r.baud) });
  return r.tried.every((x) => x.bytes === 0) ? said('serial.findSpeed.silent') : said('serial.findSpeed.garbled');
}
