/**
 * The shop server in plain words, made from its state (the workstation's English `ShopSync.text` says the same):
 * the jobs screen and `jobs settings` on the command line say it in the language shown (decision 0163).
 */
import type { MessageId, MessageValues } from '../../i18n/catalog';
import type { Job, SeenBefore, ShopSync } from './contract';
import { day } from './extract';

type T = (id: MessageId, values?: MessageValues) => string;

export function shopWords(t: T, s: ShopSync): string {
  if (!s.configured) return t('jobs.shop.none');
  if (s.reachable === false) return s.queued ? t('jobs.shop.silentQueued', { count: s.queued }) : t('jobs.shop.silent');
  if (s.queued) return t('jobs.shop.queued', { count: s.queued });
  return s.reachable ? t('jobs.shop.allSent') : t('jobs.shop.notYet');
}

/** "Seen before" from the earlier jobs and the router's identity (the workstation's English `text` says the same). */
export function seenWords(t: T, job: Job, seen: SeenBefore[]): string {
  const r = job.router;
  const by = r.mac ? t('jobs.seen.byMac', { mac: r.mac }) : r.serial ? t('jobs.seen.bySerial', { serial: r.serial }) : r.board ? t('jobs.seen.byBoard', { board: r.board }) : undefined;
  if (!by) return t('jobs.seen.unknownRouter');
  const last = seen.at(-1);
  if (!last) return t('jobs.seen.first', { by });
  return t('jobs.seen.last', { day: day(last.at), backup: last.backupTaken ? 'yes' : 'no', title: last.title, state: t(`jobs.state.${last.state}`), count: seen.length, by });
}
