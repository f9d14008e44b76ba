/**
 * How a transfer that was running ends badly, in the product's words: one place for both engines (the
 * JavaScript transfers in transfer.ts and the native lock-step engine in native-transfer.ts). Also the texts of
 * the refusals by the folder and name rules in jail.ts.
 */
import path from 'node:path';
import { parseError, TFTP_ERR } from '../../../src-shared/capabilities/tftp/codec';
import type { RbErrorShape } from '../../../src-shared/errors';
import type { FolderProblem } from '../../platform/folders';

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
export function hiddenNameRefused(peer: string, file: string, direction: 'read' | 'write', why: string): RbErrorShape {
  return {
    code: 'TFTP_HIDDEN_NAME',
    message: `The router at ${peer} ${direction === 'read' ? 'asked for' : 'tried to upload'} "${file}"; Rescue Bench refused: hidden files are never ${direction === 'read' ? 'sent' : 'written'}.`,
    meaning: 'Names that start with a dot (such as .ssh/id_ed25519) are hidden files that keep keys and settings, so TFTP never hands them out or replaces them, even inside the served folder. Nothing was sent or written.',
    fix: 'If the router really needs this file, copy it into the served folder under a name without a leading dot (for example "firmware.bin") and ask for that name.',
    details: why,
  };
}
