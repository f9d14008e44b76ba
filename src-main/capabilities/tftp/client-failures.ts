/**
 * Every way a TFTP upload to a router (client.ts) ends badly, in the product's words, three parts each.
 * Codes start with TFTP_PUT_ (scripts and the playbooks match on them).
 */
import { TFTP_ERR } from '../../../src-shared/capabilities/tftp/codec';
import type { RbErrorShape } from '../../../src-shared/errors';

function errText(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  return `${e?.code ?? ''} ${e?.message ?? String(err)}`.trim();
}

export function badOption(what: string, problem: string, fix: string): RbErrorShape {
  return {
    code: 'TFTP_PUT_BAD_OPTION',
    message: `The ${what} for the upload is not usable: ${problem}.`,
    meaning: 'Nothing was sent to the router.',
    fix,
  };
}

export function fileUnreadable(p: string, err: unknown): RbErrorShape {
  const code = (err as NodeJS.ErrnoException)?.code;
  return {
    code: 'TFTP_PUT_NO_FILE',
    message: code === 'ENOENT' ? `The file "${p}" does not exist.` : `Rescue Bench could not read the file "${p}".`,
    meaning: 'Nothing was sent to the router.',
    fix: code === 'ENOENT' ? 'Check the file name and folder, then try again.' : 'Choose a firmware file you can open (not a folder), then try again.',
    details: errText(err),
  };
}

export function fileTooLarge(p: string, size: number, max: number): RbErrorShape {
  return {
    code: 'TFTP_PUT_FILE_TOO_LARGE',
    message: `The file "${p}" is ${size} bytes, larger than any router firmware (limit ${max} bytes).`,
    meaning: 'It is probably not a firmware image. Nothing was sent to the router.',
    fix: 'Choose the firmware file for this router model.',
  };
}

export function bindFailed(localAddress: string | undefined, err: unknown): RbErrorShape {
  const code = (err as NodeJS.ErrnoException)?.code;
  return {
    code: 'TFTP_PUT_NO_LOCAL_ADDRESS',
    message: localAddress
      ? `This computer cannot send from the address ${localAddress}${code === 'EADDRNOTAVAIL' ? ': no network connection has it' : ''}.`
      : 'This computer could not open a network port for the upload.',
    meaning: 'Nothing was sent to the router.',
    fix: localAddress ? `Give this computer the address ${localAddress} on the cable to the router (the network step does this), then try again.` : 'Try again; if it keeps failing, restart the computer.',
    details: errText(err),
  };
}

export function noRoute(host: string, localAddress: string | undefined, err: unknown): RbErrorShape {
  return {
    code: 'TFTP_PUT_NO_ROUTE',
    message: `This computer has no way to reach ${host}.`,
    meaning: `None of its network connections is in the router's network${localAddress ? ` (or ${localAddress} is not one of its addresses)` : ''}. Nothing was sent.`,
    fix: `Plug the cable into a LAN port of the router and give this computer an address in the router's network (for ${host}: the same first three numbers, for example ${host.replace(/\.\d+$/, '.2')}), then try again.`,
    details: errText(err),
  };
}

/** No answer at all to the write request. */
export function noAnswer(host: string, port: number, name: string, retries: number, timeoutMs: number, lastSendError?: string): RbErrorShape {
  return {
    code: 'TFTP_PUT_NO_ANSWER',
    message: `The router at ${host} did not answer the request to upload "${name}".`,
    meaning:
      `Rescue Bench asked ${retries + 1} times, ${timeoutMs / 1000} s apart, and heard nothing. Usually the router is not in rescue mode (yet), ` +
      `it has a different address, the cable is in the WAN port, or a firewall on this computer blocks the answer (TFTP replies come from a new port).`,
    fix:
      `Put the router into rescue mode again (watch for its rescue LED), check that the cable is in a LAN port, and that ${host} is the router's rescue address. ` +
      `If it still does not answer, allow UDP from ${host} in this computer's firewall (Linux: sudo ufw allow from ${host}; Windows: allow Rescue Bench in Windows Defender Firewall).`,
    details: `WRQ to ${host}:${port}, no reply${lastSendError ? `; last send error ${lastSendError}` : ''}`,
  };
}

/** The router answered at first, then went silent. */
export function stoppedAnswering(host: string, name: string, block: number, blocks: number, retries: number, timeoutMs: number, lastSendError?: string): RbErrorShape {
  return {
    code: 'TFTP_PUT_TIMEOUT',
    message: `The router at ${host} stopped answering at block ${block} of ${blocks} of "${name}".`,
    meaning: `Rescue Bench sent that block ${retries + 1} times, ${timeoutMs / 1000} s apart, without an answer. The router restarted, lost power or the cable came out; the file did not arrive completely and the router will not use it.`,
    fix: 'Check the cable and the router\'s power, put the router into rescue mode again and start the upload again.',
    details: `unacknowledged block ${block} of ${blocks}${lastSendError ? `; last send error ${lastSendError}` : ''}`,
  };
}

/** The server sent an ERROR packet. */
export function serverError(host: string, name: string, code: number, text: string, acked: number, blocks: number, blksize: number): RbErrorShape {
  const said = text ? `The router said: "${text}".` : 'The router gave no reason.';
  const where = acked > 0 ? ` after ${acked} of ${blocks} blocks` : '';
  const details = `ERROR ${code}: ${text}${acked > 0 ? `; ${acked * blksize} bytes acknowledged` : ''}`;
  switch (code) {
    case TFTP_ERR.DISK_FULL:
      return { code: 'TFTP_PUT_ROUTER_FULL', message: `The router at ${host} ran out of room for "${name}"${where}.`, meaning: `${said} The file is larger than the router can take; it is probably not the firmware for this model.`, fix: 'Check that the firmware file is for this exact router model and hardware version, then try again.', details };
    case TFTP_ERR.FILE_EXISTS:
    case TFTP_ERR.ACCESS_VIOLATION:
    case TFTP_ERR.FILE_NOT_FOUND:
      return { code: 'TFTP_PUT_REFUSED', message: `The router at ${host} refused the upload of "${name}".`, meaning: `${said} Some rescue modes accept only one exact file name.`, fix: 'Use the file name the router\'s instructions give (the recovery guide says it), then try again.', details };
    case TFTP_ERR.UNKNOWN_TID:
      return { code: 'TFTP_PUT_CONFUSED', message: `The router at ${host} no longer recognised the upload of "${name}"${where}.`, meaning: `${said} It probably restarted the transfer on its side.`, fix: 'Put the router into rescue mode again and start the upload again.', details };
    default:
      return { code: 'TFTP_PUT_ROUTER_ERROR', message: `The router at ${host} stopped the upload of "${name}"${where}.`, meaning: `${said} The file did not arrive completely; the router will not use it.`, fix: 'Start the upload again. If the router says the same, check the file is the firmware for this model.', details };
  }
}

/** A reply that is not TFTP but plain text: the router's own error message. */
export function routerText(host: string, name: string, text: string, acked: number, blocks: number): RbErrorShape {
  return {
    code: 'TFTP_PUT_ROUTER_SAID',
    message: `The router at ${host} answered the upload of "${name}" with its own message: "${text}".`,
    meaning: `That is not a file transfer answer; the router's rescue program refused${acked > 0 ? ` after ${acked} of ${blocks} blocks` : ''}.`,
    fix: 'Read the router\'s message: it usually names the problem (wrong file, wrong model). Fix that and try again.',
    details: text,
  };
}

export function badOack(host: string, why: string): RbErrorShape {
  return {
    code: 'TFTP_PUT_BAD_OPTIONS',
    message: `The router at ${host} answered with transfer options Rescue Bench did not ask for.`,
    meaning: `${why}. The upload was stopped before any data went out.`,
    fix: 'Try again with block size 512 (--blksize 512), which sends no options.',
    details: why,
  };
}

export function cancelled(host: string, name: string, bytes: number, total: number): RbErrorShape {
  return {
    code: 'TFTP_PUT_CANCELLED',
    message: `The upload of "${name}" to ${host} was cancelled${total > 0 ? ` after ${bytes} of ${total} bytes` : ''}.`,
    meaning: 'The router did not receive the whole file and will not use it.',
    fix: 'Start the upload again when you are ready; put the router into rescue mode again first if it has left it.',
  };
}

/** The server's transfer port stopped existing mid-file (ICMP port unreachable on the connected socket). */
export function serverGone(host: string, name: string, block: number, blocks: number, details: string): RbErrorShape {
  return {
    code: 'TFTP_PUT_SERVER_GONE',
    message: `The router at ${host} stopped listening at block ${block} of ${blocks} of "${name}".`,
    meaning: 'Its TFTP server ended the transfer on its side (it restarted or gave up). The file did not arrive completely; the router will not use it.',
    fix: 'Put the router into rescue mode again and start the upload again.',
    details,
  };
}

/** The file changed on disk while it was being sent (the engine's checksum differs, or the file became shorter). */
export function fileChanged(host: string, name: string, details?: string): RbErrorShape {
  return {
    code: 'TFTP_PUT_FILE_CHANGED',
    message: `The file changed on this computer while "${name}" was being sent to ${host}.`,
    meaning: 'What the router received is not one consistent file; it must not be used.',
    fix: 'Make sure nothing writes to the firmware file, put the router into rescue mode again and send it again.',
    ...(details ? { details } : {}),
  };
}

/** Something that is not TFTP came from the server's port mid-file (native engine: opcode and length only). */
export function notTftp(host: string, name: string, acked: number, blocks: number, details: string): RbErrorShape {
  return {
    code: 'TFTP_PUT_NOT_TFTP',
    message: `The router at ${host} answered the upload of "${name}" with something that is not a file transfer packet, after ${acked} of ${blocks} blocks.`,
    meaning: 'The upload was stopped; the router will not use a partial file.',
    fix: 'Put the router into rescue mode again and send the file again. If it happens again, send it with block size 512.',
    details,
  };
}

/** The native engine was asked for explicitly and cannot send this upload. */
export function nativeMissing(why: string): RbErrorShape {
  return {
    code: 'TFTP_PUT_NATIVE_MISSING',
    message: 'The fast lock-step sender cannot send this upload.',
    meaning: `It was asked for explicitly, so nothing was sent: ${why}.`,
    fix: 'Leave the engine choice on auto (the JavaScript sender is used then), or build the native engine with `npm run build:native`.',
  };
}
