/**
 * The shop server in plain words, made from its state (the workstation's English `ShopSync.text` says the same):
 * the jobs screen and `jobs settings` on the command line say it in the language shown (decision 0163).
 */
import type { MessageId, MessageValues } from '../../i18n/catalog';
import type { ShopSync } from './contract';

export function shopWords(t: (id: MessageId, values?: MessageValues) => string, s: ShopSync): string {
  if (!s.configured) return t('jobs.shop.none');
  if (s.reachable === false) return s.queued ? t('jobs.shop.silentQueued', { count: s.queued }) : t('jobs.shop.silent');
  if (s.queued) return t('jobs.shop.queued', { count: s.queued });
  return s.reachable ? t('jobs.shop.allSent') : t('jobs.shop.notYet');
}
