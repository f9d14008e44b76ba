/** "about 3 minutes" / "about 40 seconds" from milliseconds. */
export function timeLeft(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return 'working out the time left…';
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `about ${s} second${s === 1 ? '' : 's'} left`;
  const m = Math.round(s / 60);
  return `about ${m} minute${m === 1 ? '' : 's'} left`;
}

export function hex(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `0x${n.toString(16).padStart(6, '0')}`;
}
