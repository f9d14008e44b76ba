/**
 * Every way the TFTP server says no or a transfer ends badly, in the product's words, in one place:
 * - how a running transfer ends badly, for both engines (the JavaScript transfers in transfer.ts and the native
 *   lock-step engine in native-transfer.ts), and how the server ends one (stopped, client restarted);
 * - requests refused before a transfer begins (server.ts): the short text the router gets in its ERROR packet
 *   (TftpRefusal) and the three-part error the screen shows for it (requestRefused);
 * - why a server does not start (folder missing, native engine missing) and the texts of the refusals by the
 *   folder and name rules in jail.ts.
 */
import path from 'node:path';
import { parseError, TFTP_ERR, type TftpRequest } from '../../../src-shared/capabilities/tftp/codec';
import { fault, type RbErrorShape } from '../../../src-shared/errors';
import { english } from '../../../src-shared/i18n';
import type { FolderProblem } from '../../platform/folders';

/** A request refused before any transfer began: thrown by the rules (jail.ts, server.ts), answered by server.ts. */
/** A jail rule's refusal as a key and the names it quotes (jail.ts; the English is the refusal's `why`). */
export interface ServedFileReason {
  problem: 'outside' | 'notInside' | 'loop' | 'hiddenPart' | 'hiddenLink' | 'notFile' | 'denied' | 'tooLong';
  /** The name as the refusal quotes it (the file, or its path inside the served folder). */
  quoted?: string;
  /** The hidden part of the name, or of where a link leads. */
  part?: string;
  /** The served folder (a file given by its full path outside it). */
  root?: string;
}

export class TftpRefusal extends Error {
  constructor(
    readonly tftpCode: number,
    /** Short text sent to the client in the ERROR packet. */
    readonly wire: string,
    /** Longer explanation for the log and the UI. */
    readonly why: string,
    /**
     * 'hidden': refused by the dot-name rule (the event says so in its own words); 'missing': the file is not
     * there (an alias's file or the answer-any file is then said by its name, decision 0170).
     */
    readonly kind?: 'hidden' | 'missing',
    /**
     * Which rule refused it, with the names it quotes: an alias's file or the answer-any file is then said in the
     * language shown (TFTP_ALIAS_REFUSED's `problem`, decision 0183). `why` stays its English.
     */
    readonly reason?: ServedFileReason,
  ) {
    super(why);
  }
}

export function timedOut(peer: string, file: string, retries: number, timeoutMs: number, bytes: number): RbErrorShape {
  return fault('TFTP_TIMEOUT', { peer, file, retries, seconds: timeoutMs / 1000 }, { details: `bytes so far ${bytes}` }).toShape();
}

export function clientGone(peer: string, file: string, details: string): RbErrorShape {
  return fault('TFTP_CLIENT_GONE', { peer, file }, { details }).toShape();
}

/** The client sent an ERROR packet (its raw bytes). */
export function clientCancelled(peer: string, file: string, packet: Uint8Array): RbErrorShape {
  const e = parseError(packet);
  const refused = e?.code === TFTP_ERR.OPTION_REFUSED;
  return fault(refused ? 'TFTP_OPTIONS_REFUSED' : 'TFTP_CLIENT_ABORTED', { peer, file }, { details: e ? `client ERROR ${e.code}: ${e.message}` : 'malformed ERROR packet' }).toShape();
}

export function protocolViolation(peer: string, file: string, opcode: number, length: number): RbErrorShape {
  return fault('TFTP_PROTOCOL', { how: 'read', peer, file }, { details: `opcode ${opcode}, ${length} bytes` }).toShape();
}

export function readFailed(file: string, details: string): RbErrorShape {
  return fault('TFTP_READ_FAILED', { file }, { details }).toShape();
}

// ---- How the server ends a transfer --------------------------------------------------------------------

/** A router that had already received data asked for the same file again from the same port: the old transfer ends. */
export function clientRestarted(peer: string, file: string): RbErrorShape {
  return fault('TFTP_CLIENT_RESTARTED', { peer, file }).toShape();
}

/** The server was stopped while a transfer ran; without `file`, while one was still being set up. */
export function serverStopped(file?: string): RbErrorShape {
  // while setting up: the message alone (its meaning and fix are about a file that was on its way)
  if (file === undefined) return { code: 'TFTP_SERVER_STOPPED', message: english('error.TFTP_SERVER_STOPPED.message', { file: 'none' }), values: { file: 'none' } };
  return fault('TFTP_SERVER_STOPPED', { file }).toShape();
}

/** What the router reads in the ERROR packet when the server stops under it. */
export const SERVER_STOPPED_WIRE = 'Server shutting down';

// ---- Requests refused before a transfer begins (server.ts) ------------------------------------------------

export function serverBusy(running: number, limit: number): TftpRefusal {
  return new TftpRefusal(TFTP_ERR.NOT_DEFINED, 'Server busy, try again', `already ${running} transfers running (limit ${limit})`);
}

/** Anything unexpected while setting a transfer up. */
export function serverError(err: unknown): TftpRefusal {
  return new TftpRefusal(TFTP_ERR.NOT_DEFINED, 'Server error', err instanceof Error ? err.message : String(err));
}

export function netasciiTooLarge(file: string, max: number): TftpRefusal {
  return new TftpRefusal(TFTP_ERR.NOT_DEFINED, 'File too large for netascii; use octet', `"${file}" is over ${max} bytes; netascii is for small text files`);
}

export function readOnlyServer(): TftpRefusal {
  return new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation: server is read-only', 'uploads are off (no upload folder chosen)');
}

export function uploadNotCreated(err: unknown): TftpRefusal {
  return new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Cannot create file', `could not create the upload file: ${err instanceof Error ? err.message : String(err)}`);
}

/** The router's options cannot be agreed to (negotiate() said why and with which ERROR code). */
export function optionsRefused(code: number, reason: string): TftpRefusal {
  return new TftpRefusal(code, reason, `the router asked for options we cannot agree to: ${reason}`);
}

/** The three-part error the screen shows for a refused request (the router got `r.wire`). */
export function requestRefused(req: TftpRequest, peer: string, r: TftpRefusal): RbErrorShape {
  if (r.kind === 'hidden') return hiddenNameRefused(peer, req.filename, req.op === 'rrq' ? 'read' : 'write', r.why);
  const values = { peer, file: req.filename, op: req.op === 'rrq' ? 'read' : 'write', why: r.why };
  const d = { details: r.why };
  switch (r.tftpCode) {
    case TFTP_ERR.FILE_NOT_FOUND:
      return fault('TFTP_FILE_NOT_FOUND', values, d).toShape();
    case TFTP_ERR.ACCESS_VIOLATION:
      return fault('TFTP_REFUSED', values, d).toShape();
    case TFTP_ERR.FILE_EXISTS:
      return fault('TFTP_UPLOAD_EXISTS', values, d).toShape();
    case TFTP_ERR.OPTION_REFUSED:
      return fault('TFTP_BAD_OPTIONS', values, d).toShape();
    default:
      return fault('TFTP_REQUEST_REFUSED', values, d).toShape();
  }
}

// ---- Why a server does not start ----------------------------------------------------------------------------

/** The served or upload folder cannot be opened, or is a file. */
export function folderMissing(p: string, what: 'served folder' | 'upload folder', err: unknown): RbErrorShape {
  const code = (err as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  return fault(
    'TFTP_FOLDER_MISSING',
    { what: what === 'served folder' ? 'served' : 'upload', folder: p, file: code === 'ENOTDIR' ? 'yes' : 'no' },
    { details: `${code}: ${err instanceof Error ? err.message : String(err)}` },
  ).toShape();
}

/** The native lock-step engine was asked for explicitly and is not there (`reason` says why). */
export function nativeEngineMissing(reason: string, values: Record<string, string> = {}): RbErrorShape {
  return fault('TFTP_NATIVE_MISSING', { ...values, reason }).toShape();
}

// ---- Refusals by the folder and name rules of jail.ts (issue 12, docs/decisions/0007-host-paths.md) --------

/** Why a folder cannot be the served folder or the upload folder, in three parts. */
export function folderRefused(real: string, what: 'served folder' | 'upload folder', problem: FolderProblem, home: string): RbErrorShape {
  const itself = real === problem.folder;
  const values = {
    kind: problem.kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    what: what === 'served folder' ? 'served' : 'upload',
    real,
    folder: problem.folder,
    itself: itself ? 'yes' : 'no',
    example: problem.kind === 'data-folder' ? path.join(problem.folder, 'tftp') : path.join(home, 'firmware'),
  };
  const code = problem.kind === 'hidden' || problem.kind === 'private-settings' ? 'TFTP_FOLDER_PRIVATE' : problem.kind === 'system' ? 'TFTP_FOLDER_SYSTEM' : 'TFTP_FOLDER_TOO_WIDE';
  return fault(code, values).toShape();
}

/** A router asked for (or tried to upload) a name with a hidden part: refused with ERROR 2 before any file is opened. */
function hiddenNameRefused(peer: string, file: string, direction: 'read' | 'write', why: string): RbErrorShape {
  return fault('TFTP_HIDDEN_NAME', { peer, file, op: direction }, { details: why }).toShape();
}

/**
 * An alias or the answer-any file cannot be served (jail.ts servedFileName or aliasNameProblem said why). `which`
 * (aliasName, aliasFile, answerAny) and `problem` (an aliasNameProblem key, `missing`, or `other` with the
 * refusal's English `why`) let the sentence be said in any language; `what` and `why` are its English parts.
 */
export function servedFileRefused(which: 'aliasName' | 'aliasFile' | 'answerAny', name: string, file: string, why: string, problem = 'other', quoted: Omit<ServedFileReason, 'problem'> = {}): RbErrorShape {
  const what =
    which === 'aliasName' ? `The alias name "${name.slice(0, 60)}"` : which === 'aliasFile' ? `The file for the alias "${name}" ("${file}")` : `The file to send for any name ("${file}")`;
  return fault('TFTP_ALIAS_REFUSED', {
    what,
    why,
    file: file || 'none',
    which,
    name: name.slice(0, which === 'aliasName' ? 60 : 255),
    problem,
    // the names a jail rule's sentence quotes (decision 0183); empty where it quotes none
    quoted: quoted.quoted ?? '',
    part: quoted.part ?? '',
    root: quoted.root ?? '',
  }).toShape();
}
