/**
 * How a transfer that was running ends badly, in the product's words: one place for both engines (the
 * JavaScript transfers in transfer.ts and the native lock-step engine in native-transfer.ts).
 */
import { parseError, TFTP_ERR } from '../../../src-shared/parsers/tftp';
import type { RbErrorShape } from '../../../src-shared/errors';

export function timedOut(peer: string, file: string, retries: number, timeoutMs: number, bytes: number): RbErrorShape {
  return {
    code: 'TFTP_TIMEOUT',
    message: `The router at ${peer} stopped answering during the transfer of "${file}".`,
    meaning: `Nothing came back after ${retries} retries, ${timeoutMs / 1000} s apart. The router was unplugged, restarted or gave up.`,
    fix: 'Check the cable and start the transfer again on the router.',
    details: `bytes so far ${bytes}`,
  };
}

export function clientGone(peer: string, file: string, details: string): RbErrorShape {
  return {
    code: 'TFTP_CLIENT_GONE',
    message: `The router at ${peer} stopped listening during the transfer of "${file}".`,
    meaning: 'It gave up or restarted; the file did not arrive completely.',
    fix: 'Start the transfer again on the router.',
    details,
  };
}

/** The client sent an ERROR packet (its raw bytes). */
export function clientCancelled(peer: string, file: string, packet: Uint8Array): RbErrorShape {
  const e = parseError(packet);
  const refused = e?.code === TFTP_ERR.OPTION_REFUSED;
  return {
    code: refused ? 'TFTP_OPTIONS_REFUSED' : 'TFTP_CLIENT_ABORTED',
    message: `The router at ${peer} cancelled the transfer of "${file}".`,
    meaning: refused ? 'It did not accept the transfer options we agreed to.' : 'The file did not arrive completely.',
    fix: 'Start the transfer again on the router. If it keeps cancelling, look at the message under Details.',
    details: e ? `client ERROR ${e.code}: ${e.message}` : 'malformed ERROR packet',
  };
}

export function protocolViolation(peer: string, file: string, opcode: number, length: number): RbErrorShape {
  return {
    code: 'TFTP_PROTOCOL',
    message: `The router at ${peer} sent something unexpected during the transfer of "${file}".`,
    meaning: 'The transfer was stopped.',
    fix: 'Start the transfer again on the router.',
    details: `opcode ${opcode}, ${length} bytes`,
  };
}

export function readFailed(file: string, details: string): RbErrorShape {
  return {
    code: 'TFTP_READ_FAILED',
    message: `Rescue Bench could not read "${file}" while sending it.`,
    meaning: 'The router received only part of the file; it will not use it.',
    fix: 'Make sure the file is not being changed or deleted during the transfer, then start again.',
    details,
  };
}
