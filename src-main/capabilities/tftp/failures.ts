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
import type { RbErrorShape } from '../../../src-shared/errors';
import type { FolderProblem } from '../../platform/folders';

/** A request refused before any transfer began: thrown by the rules (jail.ts, server.ts), answered by server.ts. */
export class TftpRefusal extends Error {
  constructor(
    readonly tftpCode: number,
    /** Short text sent to the client in the ERROR packet. */
    readonly wire: string,
    /** Longer explanation for the log and the UI. */
    readonly why: string,
    /** 'hidden': refused by the dot-name rule (the event says so in its own words). */
    readonly kind?: 'hidden',
  ) {
    super(why);
  }
}

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

// ---- How the server ends a transfer --------------------------------------------------------------------

/** A router that had already received data asked for the same file again from the same port: the old transfer ends. */
export function clientRestarted(peer: string, file: string): RbErrorShape {
  return {
    code: 'TFTP_CLIENT_RESTARTED',
    message: `The router at ${peer} started the transfer of "${file}" again from the beginning.`,
    meaning: 'The earlier attempt was abandoned by the router; the new one continues below.',
    fix: 'Nothing to do unless it keeps restarting: then check the cable and the router\'s timeout settings.',
  };
}

/** The server was stopped while a transfer ran; without `file`, while one was still being set up. */
export function serverStopped(file?: string): RbErrorShape {
  if (file === undefined) return { code: 'TFTP_SERVER_STOPPED', message: 'The TFTP server was stopped.' };
  return {
    code: 'TFTP_SERVER_STOPPED',
    message: `The TFTP server was stopped during the transfer of "${file}".`,
    meaning: 'The router did not receive the whole file.',
    fix: 'Start the server again, then restart the transfer on the router.',
  };
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
  const what = req.op === 'rrq' ? `asked for "${req.filename}"` : `tried to upload "${req.filename}"`;
  switch (r.tftpCode) {
    case TFTP_ERR.FILE_NOT_FOUND:
      return {
        code: 'TFTP_FILE_NOT_FOUND',
        message: `The router at ${peer} ${what}, but that file is not in the served folder.`,
        meaning: 'Bootloaders ask for one exact name. Nothing was sent.',
        fix: `Copy the firmware file into the served folder and name it exactly "${req.filename}", then retry on the router.`,
        details: r.why,
      };
    case TFTP_ERR.ACCESS_VIOLATION:
      return {
        code: 'TFTP_REFUSED',
        message: `The router at ${peer} ${what}; Rescue Bench refused.`,
        meaning: `Only files inside the served folder are sent${req.op === 'wrq' ? ', and uploads only go into the upload folder' : ''}. Reason: ${r.why}.`,
        fix: req.op === 'wrq' ? 'To accept uploads, choose an upload folder and start the server again.' : 'Put the file itself (not a link to somewhere else) in the served folder.',
        details: r.why,
      };
    case TFTP_ERR.FILE_EXISTS:
      return {
        code: 'TFTP_UPLOAD_EXISTS',
        message: `The router at ${peer} ${what}, but a file with that name is already in the upload folder.`,
        meaning: 'Rescue Bench never replaces a file unless overwriting is turned on. Nothing was changed.',
        fix: 'Move or rename the existing file, or turn on overwriting, then upload again.',
        details: r.why,
      };
    case TFTP_ERR.OPTION_REFUSED:
      return {
        code: 'TFTP_BAD_OPTIONS',
        message: `The router at ${peer} ${what} with transfer options that make no sense.`,
        meaning: 'The request was refused so the router does not wait for nothing.',
        fix: 'Use the router\'s default TFTP settings (for U-Boot: unset tftpblocksize and tftpwindowsize) and retry.',
        details: r.why,
      };
    default:
      return { code: 'TFTP_REQUEST_REFUSED', message: `The router at ${peer} ${what}; the request could not be served.`, meaning: r.why, fix: 'Retry on the router. If it keeps failing, look at Details.', details: r.why };
  }
}

// ---- Why a server does not start ----------------------------------------------------------------------------

/** The served or upload folder cannot be opened, or is a file. */
export function folderMissing(p: string, what: 'served folder' | 'upload folder', err: unknown): RbErrorShape {
  const code = (err as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  return {
    code: 'TFTP_FOLDER_MISSING',
    message: `The ${what} "${p}" ${code === 'ENOTDIR' ? 'is a file, not a folder' : 'cannot be opened'}.`,
    meaning: 'The TFTP server did not start.',
    fix: `Choose an existing folder as the ${what}.`,
    details: `${code}: ${err instanceof Error ? err.message : String(err)}`,
  };
}

/** The native lock-step engine was asked for explicitly and is not there (`reason` says why). */
export function nativeEngineMissing(reason: string): RbErrorShape {
  return {
    code: 'TFTP_NATIVE_MISSING',
    message: 'The fast lock-step TFTP engine is not available.',
    meaning: `It was asked for explicitly, so the server did not start. The engine is ${reason}.`,
    fix: 'Install a C compiler and run `npm run build:native`, or start the server without asking for the native engine.',
  };
}

// ---- Refusals by the folder and name rules of jail.ts (issue 12, docs/decisions/0007-host-paths.md) --------

/** Why a folder cannot be the served folder or the upload folder, in three parts. */
export function folderRefused(real: string, what: 'served folder' | 'upload folder', problem: FolderProblem, home: string): RbErrorShape {
  const itself = real === problem.folder;
  const open =
    what === 'served folder'
      ? 'TFTP has no password: anything on the network could read every file in it.'
      : 'TFTP has no password: anything on the network could put files into it, and with overwriting on, replace the ones there.';
  const fix = `Make a folder that holds only the firmware file (for example ${path.join(home, 'firmware')}) and choose it as the ${what}.`;
  const refuse = `Rescue Bench will not offer ${real} by TFTP`;
  switch (problem.kind) {
    case 'disk-root':
      return { code: 'TFTP_FOLDER_TOO_WIDE', message: `Rescue Bench will not offer the whole disk (${real}) by TFTP.`, meaning: open, fix };
    case 'home':
      return { code: 'TFTP_FOLDER_TOO_WIDE', message: `Rescue Bench will not offer your whole home folder (${real}) by TFTP.`, meaning: open, fix };
    case 'contains-home':
      return { code: 'TFTP_FOLDER_TOO_WIDE', message: `${refuse}: it holds your home folder (${problem.folder}).`, meaning: `${open} That includes your keys, passwords and documents.`, fix };
    case 'homes':
      return { code: 'TFTP_FOLDER_TOO_WIDE', message: `${refuse}: it holds the home folders of the people who use this computer.`, meaning: open, fix };
    case 'data-folder':
      return {
        code: 'TFTP_FOLDER_TOO_WIDE',
        message: `${refuse}: ${itself ? 'it is' : 'it holds'} Rescue Bench's own data folder (${problem.folder}).`,
        meaning: `That folder keeps the routers' remembered keys, your backups (with their Wi-Fi passwords) and the journals. ${open}`,
        fix: `Choose a folder inside it that holds only the firmware (for example ${path.join(problem.folder, 'tftp')}), or a folder of its own.`,
      };
    case 'hidden':
      return {
        code: 'TFTP_FOLDER_PRIVATE',
        message: `${refuse}: ${itself ? 'it is a hidden folder' : `it is inside the hidden folder ${problem.folder}`}.`,
        meaning: `Folders whose names start with a dot keep keys, passwords and settings (such as .ssh and .config). ${open}`,
        fix,
      };
    case 'private-settings':
      return {
        code: 'TFTP_FOLDER_PRIVATE',
        message: `${refuse}: it is inside ${problem.folder}, where programs keep their settings and saved passwords.`,
        meaning: open,
        fix,
      };
    case 'system':
      return {
        code: 'TFTP_FOLDER_SYSTEM',
        message: `${refuse}: ${itself ? 'it is a system folder' : `it is inside the system folder ${problem.folder}`}.`,
        meaning: `The operating system keeps its programs and settings there. ${open}`,
        fix,
      };
  }
}

/** A router asked for (or tried to upload) a name with a hidden part: refused with ERROR 2 before any file is opened. */
function hiddenNameRefused(peer: string, file: string, direction: 'read' | 'write', why: string): RbErrorShape {
  return {
    code: 'TFTP_HIDDEN_NAME',
    message: `The router at ${peer} ${direction === 'read' ? 'asked for' : 'tried to upload'} "${file}"; Rescue Bench refused: hidden files are never ${direction === 'read' ? 'sent' : 'written'}.`,
    meaning: 'Names that start with a dot (such as .ssh/id_ed25519) are hidden files that keep keys and settings, so TFTP never hands them out or replaces them, even inside the served folder. Nothing was sent or written.',
    fix: 'If the router really needs this file, copy it into the served folder under a name without a leading dot (for example "firmware.bin") and ask for that name.',
    details: why,
  };
}

/** An alias or the answer-any file cannot be served (jail.ts servedFileName or aliasNameProblem said why). */
export function servedFileRefused(what: string, file: string, why: string): RbErrorShape {
  return {
    code: 'TFTP_ALIAS_REFUSED',
    message: `${what} cannot be used: ${why}.`,
    meaning: `Only regular files inside the served folder are ever sent, whatever name the router asks for. The TFTP server did not start.`,
    fix: `Copy the firmware into the served folder (without a leading dot in its name) and give that file${file ? ` instead of "${file}"` : ''}.`,
  };
}
