/** Quote one word for a POSIX shell (busybox ash, bash): single quotes, with ' written as '\''. */
export function shQuote(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
