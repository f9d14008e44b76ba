import type { T } from '../../i18n';

/** "about 3 minutes left" / "about 40 seconds left" from milliseconds, in the language shown. */
export function timeLeft(t: T, ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return t('flash.backup.leftUnknown');
  const s = Math.ceil(ms / 1000);
  if (s < 60) return t('flash.backup.leftSeconds', { n: s });
  return t('flash.backup.leftMinutes', { n: Math.round(s / 60) });
}

export function hex(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `0x${n.toString(16).padStart(6, '0')}`;
}
