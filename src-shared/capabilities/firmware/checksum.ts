/** Compare a checksum the user pasted (from the maker's site or a forum) with the file's hashes. */
export interface ChecksumComparison {
  algorithm: 'sha256' | 'md5' | 'unknown';
  match: boolean;
  /** What the user gave, normalised (lower case, no spaces, no file name). */
  given: string;
  message: string;
}

export function compareChecksum(input: string, hashes: { sha256: string; md5: string }): ChecksumComparison {
  // Accept "8a5d…  FW_WRT32X.img", "SHA256: 8A5D…", spaces or colons between bytes.
  const token = input
    .trim()
    .replace(/^(sha-?256|md5)\s*[:=]?\s*/i, '')
    .split(/\s{2,}|\s+\*?(?=[^\s]*\.[^\s]+$)/)[0]!
    .replace(/[\s:]/g, '')
    .toLowerCase();
  if (/^[0-9a-f]{64}$/.test(token)) {
    const match = token === hashes.sha256;
    return { algorithm: 'sha256', match, given: token, message: match ? 'The SHA-256 matches: this is exactly the published file.' : 'The SHA-256 does NOT match: this file differs from the published one. Do not flash it; download it again from the maker.' };
  }
  if (/^[0-9a-f]{32}$/.test(token)) {
    const match = token === hashes.md5;
    return { algorithm: 'md5', match, given: token, message: match ? 'The MD5 matches: this is exactly the published file.' : 'The MD5 does NOT match: this file differs from the published one. Do not flash it; download it again from the maker.' };
  }
  return { algorithm: 'unknown', match: false, given: token, message: 'That does not look like a SHA-256 (64 hex characters) or an MD5 (32 hex characters) checksum.' };
}
