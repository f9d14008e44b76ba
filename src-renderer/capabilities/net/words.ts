import type { Finding, NetInterface } from '../../../src-shared/capabilities/net/contract';

/** "1 Gbit/s", "100 Mbit/s". */
export function speedText(mbps: number | undefined): string {
  if (mbps === undefined) return '';
  return mbps >= 1000 ? `${mbps / 1000} Gbit/s` : `${mbps} Mbit/s`;
}

/** The kind of connection in plain words. */
export function kindText(i: NetInterface): string {
  if (i.loopback) return 'This computer only';
  if (i.wireless) return 'Wi-Fi';
  if (i.wired) return i.virtual ? 'Cable (virtual)' : 'Cable';
  return 'Other';
}

/** The link in plain words: what the user can check with their eyes. */
export function linkText(i: NetInterface): string {
  if (!i.up) return 'Switched off on this computer';
  if (i.carrier === true) return `Link${i.speedMbps ? ` · ${speedText(i.speedMbps)}` : ''}`;
  if (i.carrier === false) return i.wireless ? 'Not connected' : 'No cable, or the other end is off';
  return 'Unknown';
}

/** A mark that does not rely on colour alone. */
export const FINDING_MARK: Record<Finding['level'], { mark: string; label: string }> = {
  ok: { mark: '✓', label: 'Good' },
  info: { mark: 'i', label: 'Note' },
  warn: { mark: '!', label: 'Needs attention' },
  bad: { mark: '✗', label: 'Blocks the recovery' },
};

/** The wired connections a router cable can be in, physical ones first. */
export function cableCandidates(list: NetInterface[]): NetInterface[] {
  return list.filter((i) => i.wired && !i.loopback).sort((a, b) => Number(a.virtual) - Number(b.virtual) || a.name.localeCompare(b.name));
}
