/**
 * Every way a TFTP upload to a router (client.ts) ends badly, in the product's words, three parts each.
 * Codes start with TFTP_PUT_ (scripts and the playbooks match on them).
 */
import { TFTP_ERR } from '../../../src-shared/capabilities/tftp/codec';
import { fault, type RbErrorShape } from '../../../src-shared/errors';

function errText(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  return `${e?.code ?? ''} ${e?.message ?? String(err)}`.trim();
}

export function badOption(what: string, problem: string, fix: string): RbErrorShape {
  return fault('TFTP_PUT_BAD_OPTION', { what, problem, fix }).toShape();
}

export function fileUnreadable(p: string, err: unknown): RbErrorShape {
  const code = (err as NodeJS.ErrnoException)?.code;
  return fault('TFTP_PUT_NO_FILE', { file: p, missing: code === 'ENOENT' ? 'yes' : 'no' }, { details: errText(err) }).toShape();
}

export function fileTooLarge(p: string, size: number, max: number): RbErrorShape {
  return fault('TFTP_PUT_FILE_TOO_LARGE', { file: p, size, max }).toShape();
}

export function bindFailed(localAddress: string | undefined, err: unknown): RbErrorShape {
  const code = (err as NodeJS.ErrnoException)?.code;
  return fault('TFTP_PUT_NO_LOCAL_ADDRESS', { address: localAddress ?? 'none', absent: code === 'EADDRNOTAVAIL' ? 'yes' : 'no' }, { details: errText(err) }).toShape();
}

export function noRoute(host: string, localAddress: string | undefined, err: unknown): RbErrorShape {
  return fault('TFTP_PUT_NO_ROUTE', { host, address: localAddress ?? 'none', example: host.replace(/\.\d+$/, '.2') }, { details: errText(err) }).toShape();
}

/** No answer at all to the write request. */
export function noAnswer(host: string, port: number, name: string, retries: number, timeoutMs: number, lastSendError?: string): RbErrorShape {
  return fault(
    'TFTP_PUT_NO_ANSWER',
    { host, file: name, tries: retries + 1, seconds: timeoutMs / 1000 },
    { details: `WRQ to ${host}:${port}, no reply${lastSendError ? `; last send error ${lastSendError}` : ''}` },
  ).toShape();
}

/** The router answered at first, then went silent. */
export function stoppedAnswering(host: string, name: string, block: number, blocks: number, retries: number, timeoutMs: number, lastSendError?: string): RbErrorShape {
  return fault(
    'TFTP_PUT_TIMEOUT',
    { host, file: name, block, blocks, tries: retries + 1, seconds: timeoutMs / 1000 },
    { details: `unacknowledged block ${block} of ${blocks}${lastSendError ? `; last send error ${lastSendError}` : ''}` },
  ).toShape();
}

/** The server sent an ERROR packet. */
export function serverError(host: string, name: string, code: number, text: string, acked: number, blocks: number, blksize: number): RbErrorShape {
  const details = `ERROR ${code}: ${text}${acked > 0 ? `; ${acked * blksize} bytes acknowledged` : ''}`;
  const values = { host, file: name, text: text || 'none', acked, blocks };
  switch (code) {
    case TFTP_ERR.DISK_FULL:
      return fault('TFTP_PUT_ROUTER_FULL', values, { details }).toShape();
    case TFTP_ERR.FILE_EXISTS:
    case TFTP_ERR.ACCESS_VIOLATION:
    case TFTP_ERR.FILE_NOT_FOUND:
      return fault('TFTP_PUT_REFUSED', values, { details }).toShape();
    case TFTP_ERR.UNKNOWN_TID:
      return fault('TFTP_PUT_CONFUSED', values, { details }).toShape();
    default:
      return fault('TFTP_PUT_ROUTER_ERROR', values, { details }).toShape();
  }
}

/** A reply that is not TFTP but plain text: the router's own error message. */
export function routerText(host: string, name: string, text: string, acked: number, blocks: number): RbErrorShape {
  return fault('TFTP_PUT_ROUTER_SAID', { host, file: name, text, acked, blocks }, { details: text }).toShape();
}

export function badOack(host: string, why: string): RbErrorShape {
  return fault('TFTP_PUT_BAD_OPTIONS', { host, why }, { details: why }).toShape();
}

export function cancelled(host: string, name: string, bytes: number, total: number): RbErrorShape {
  return fault('TFTP_PUT_CANCELLED', { host, file: name, bytes, total }).toShape();
}

/** The server's transfer port stopped existing mid-file (ICMP port unreachable on the connected socket). */
export function serverGone(host: string, name: string, block: number, blocks: number, details: string): RbErrorShape {
  return fault('TFTP_PUT_SERVER_GONE', { host, file: name, block, blocks }, { details }).toShape();
}

/** The file changed on disk while it was being sent (the engine's checksum differs, or the file became shorter). */
export function fileChanged(host: string, name: string, details?: string): RbErrorShape {
  return fault('TFTP_PUT_FILE_CHANGED', { host, file: name }, details ? { details } : {}).toShape();
}

/** Something that is not TFTP came from the server's port mid-file (native engine: opcode and length only). */
export function notTftp(host: string, name: string, acked: number, blocks: number, details: string): RbErrorShape {
  return fault('TFTP_PUT_NOT_TFTP', { host, file: name, acked, blocks }, { details }).toShape();
}

/** The native engine was asked for explicitly and cannot send this upload. */
export function nativeMissing(why: string, values: Record<string, string> = {}): RbErrorShape {
  // `put` says which reason (the catalogue's words); the engine's own reason keeps its `why` key, its English is `reason`
  return fault('TFTP_PUT_NATIVE_MISSING', values.put ? { reason: why, ...values } : { put: 'other', reason: why }).toShape();
}
