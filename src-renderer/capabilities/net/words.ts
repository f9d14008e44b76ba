import type { Finding, NetInterface } from '../../../src-shared/capabilities/net/contract';
import type { MessageId } from '../../../src-shared/i18n';
import type { T } from '../../i18n';

/** "1 Gbit/s", "100 Mbit/s". */
export function speedText(t: T, mbps: number | undefined): string {
  if (mbps === undefined) return '';
  return mbps >= 1000 ? t('net.speed.gbit', { n: mbps / 1000 }) : t('net.speed.mbit', { n: mbps });
}

/** The kind of connection in plain words. */
export function kindText(t: T, i: NetInterface): string {
  if (i.loopback) return t('net.kind.loopback');
  if (i.wireless) return t('net.kind.wifi');
  if (i.wired) return t(i.virtual ? 'net.kind.cableVirtual' : 'net.kind.cable');
  return t('net.kind.other');
}

/** The link in plain words: what the user can check with their eyes. */
export function linkText(t: T, i: NetInterface): string {
  if (!i.up) return t('net.link.off');
  if (i.carrier === true) return t('net.link.up', { speed: i.speedMbps ? speedText(t, i.speedMbps) : 'none' });
  if (i.carrier === false) return t(i.wireless ? 'net.link.wifiDown' : 'net.link.down');
  return t('net.link.unknown');
}

/** A mark that does not rely on colour alone. */
export const FINDING_MARK: Record<Finding['level'], { mark: string; label: MessageId }> = {
  ok: { mark: '✓', label: 'net.mark.ok' },
  info: { mark: 'i', label: 'net.mark.info' },
  warn: { mark: '!', label: 'net.mark.warn' },
  bad: { mark: '✗', label: 'net.mark.bad' },
};

/** The wired connections a router cable can be in, physical ones first. */
export function cableCandidates(list: NetInterface[]): NetInterface[] {
  return list.filter((i) => i.wired && !i.loopback).sort((a, b) => Number(a.virtual) - Number(b.virtual) || a.name.localeCompare(b.name));
}
