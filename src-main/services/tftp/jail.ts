/**
 * Resolve a requested TFTP name inside a served folder by real path. Every name is checked twice: first as
 * text (no "..", no absolute path, no backslash, no control characters, not over-long), then after the file
 * system has resolved every symlink: the real path must still be inside the folder's real path. The file is
 * then opened with O_NOFOLLOW so a final-component symlink swapped in between cannot be followed.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { TFTP_ERR, unsafeNameReason } from '../../../src-shared/parsers/tftp';

export class TftpRefusal extends Error {
  constructor(
    readonly tftpCode: number,
    /** Short text sent to the client in the ERROR packet. */
    readonly wire: string,
    /** Longer explanation for the log and the UI. */
    readonly why: string,
  ) {
    super(why);
  }
}

export function isInside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function fsRefusal(err: unknown, name: string): TftpRefusal {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new TftpRefusal(TFTP_ERR.FILE_NOT_FOUND, 'File not found', `"${name}" is not in the served folder`);
  if (code === 'ELOOP') return new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', `"${name}" is a symbolic link loop or a link that may not be followed`);
  if (code === 'EACCES' || code === 'EPERM') return new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', `this computer does not let Rescue Bench read "${name}"`);
  if (code === 'ENAMETOOLONG') return new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', 'the file name is too long');
  return new TftpRefusal(TFTP_ERR.NOT_DEFINED, 'Cannot open file', `could not open "${name}": ${code ?? String(err)}`);
}

export interface OpenedFile {
  fh: fsp.FileHandle;
  realPath: string;
  size: number;
}

/** Open a file for reading inside `rootReal` (already a real path). Throws TftpRefusal. */
export async function openInside(rootReal: string, name: string): Promise<OpenedFile> {
  const bad = unsafeNameReason(name);
  if (bad) throw new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', bad);
  let real: string;
  try {
    real = await fsp.realpath(path.resolve(rootReal, name));
  } catch (err) {
    throw fsRefusal(err, name);
  }
  if (!isInside(rootReal, real) || real === rootReal) {
    throw new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', `"${name}" leads outside the served folder (a symbolic link pointing elsewhere)`);
  }
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(real, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    throw fsRefusal(err, name);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new TftpRefusal(TFTP_ERR.FILE_NOT_FOUND, 'Not a regular file', `"${name}" is a folder or a device, not a file`);
    return { fh, realPath: real, size: st.size };
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw err instanceof TftpRefusal ? err : fsRefusal(err, name);
  }
}

export interface UploadTarget {
  dirReal: string;
  target: string;
  base: string;
}

/** Where an upload of `name` would go inside `uploadReal`; refuses names outside it and existing files unless `overwrite`. */
export async function uploadTarget(uploadReal: string, name: string, overwrite: boolean): Promise<UploadTarget> {
  const bad = unsafeNameReason(name) ?? (name.split('/').some((seg) => seg.startsWith('.') && seg !== '.') ? 'hidden names (starting with a dot) are not accepted for uploads' : null);
  if (bad) throw new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', bad);
  const abs = path.resolve(uploadReal, name);
  let dirReal: string;
  try {
    dirReal = await fsp.realpath(path.dirname(abs));
  } catch (err) {
    throw fsRefusal(err, path.dirname(name));
  }
  if (!isInside(uploadReal, dirReal)) throw new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', `"${name}" leads outside the upload folder`);
  const base = path.basename(abs);
  const target = path.join(dirReal, base);
  let exists: fs.Stats | undefined;
  try {
    exists = await fsp.lstat(target);
  } catch {
    exists = undefined;
  }
  if (exists && !exists.isFile()) throw new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', `"${name}" exists and is not a plain file`);
  if (exists && !overwrite) throw new TftpRefusal(TFTP_ERR.FILE_EXISTS, 'File already exists', `"${name}" already exists in the upload folder and overwriting is off`);
  return { dirReal, target, base };
}

/**
 * The files a bootloader could fetch from the top level of `rootReal`: regular files, and links that resolve
 * to a regular file inside the folder. Hidden files (upload temporaries among them) are left out.
 */
export async function listServable(rootReal: string, max = 200): Promise<{ files: Array<{ name: string; size: number; modifiedAt: number }>; truncated: boolean }> {
  const entries = await fsp.readdir(rootReal, { withFileTypes: true });
  const files: Array<{ name: string; size: number; modifiedAt: number }> = [];
  let truncated = false;
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || unsafeNameReason(e.name)) continue;
    if (!e.isFile() && !e.isSymbolicLink()) continue;
    try {
      const real = await fsp.realpath(path.join(rootReal, e.name));
      if (!isInside(rootReal, real)) continue;
      const st = await fsp.stat(real);
      if (!st.isFile()) continue;
      if (files.length >= max) {
        truncated = true;
        break;
      }
      files.push({ name: e.name, size: st.size, modifiedAt: st.mtimeMs });
    } catch {
      /* vanished or unreadable: not offered */
    }
  }
  return { files, truncated };
}
