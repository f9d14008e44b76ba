/**
 * Netgear recovery's faults, each in three parts (ux-voice.md §3), from the catalogue (`error.NMRP_*`,
 * src-shared/capabilities/nmrp/messages): English here, the person's language on the screen and in the CLI.
 */
import { fault, type RbErrorShape } from '../../../src-shared/errors';

export function noRouterFault(seconds: number, everSawCarrier: boolean, sendFailures: number): RbErrorShape {
  return fault('NMRP_NO_ROUTER', { seconds, carrier: everSawCarrier ? 'seen' : 'never' }, { details: `advertised every 60 ms for ${seconds} s; ${sendFailures} sends failed (link down)` }).toShape();
}

export function twoRoutersFault(first: string, second: string): RbErrorShape {
  return fault('NMRP_TWO_ROUTERS', { first, second }).toShape();
}

export function otherServerFault(mac: string): RbErrorShape {
  return fault('NMRP_OTHER_SERVER', { mac }).toShape();
}

export function silentFault(waitingFor: string, seconds: number, after: 'configured' | 'writing' | 'other'): RbErrorShape {
  return fault('NMRP_ROUTER_SILENT', { after, seconds, waitingFor }).toShape();
}

export function imageRejectedFault(times: number): RbErrorShape {
  return fault('NMRP_IMAGE_REJECTED', { times }).toShape();
}

export function tftpFault(bytes: number, total: number, routerIp: string, cause: RbErrorShape): RbErrorShape {
  const details = [cause.message, cause.details].filter(Boolean).join(' — ');
  if (bytes === 0) return fault('NMRP_TFTP_NO_ANSWER', { routerIp }, { details }).toShape();
  return fault('NMRP_UPLOAD_INTERRUPTED', { percent: Math.round((100 * bytes) / Math.max(1, total)) }, { details }).toShape();
}

export function tooBigFault(size: number, maxBytes: number): RbErrorShape {
  return fault('NMRP_IMAGE_TOO_BIG', { size: (size / 1048576).toFixed(1), max: (maxBytes / 1048576).toFixed(1) }).toShape();
}

export function cancelledFault(): RbErrorShape {
  return fault('NMRP_CANCELLED').toShape();
}
