/**
 * The TFTP jail: which folders may be served, and which names inside them.
 *
 * Folders (docs/decisions/0007-host-paths.md): never the whole disk, a folder that holds the home folder or
 * Rescue Bench's data folder, a hidden folder or one inside it (folders inside the data folder excepted), nor a
 * system folder; the operating-system half of the rule is platform/folders.ts. Checked by real path when a
 * server starts, whichever host starts it (desktop app, bench server, CLI, U-Boot automation).
 *
 * Names: a requested name is checked twice: first as text (no "..", no absolute path, no backslash, no control
 * characters, not over-long, no part starting with a dot), then after the file system has resolved every
 * symlink: the real path must still be inside the folder's real path, and no part of it below the folder may
 * start with a dot (a link "key.bin" to ".ssh/id_ed25519" is refused too). The file is then opened with
 * O_NOFOLLOW so a final-component symlink swapped in between cannot be followed. Both engines send from the
 * file handle opened here (the native one never opens files itself), so the same rules hold for both.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { RbFault } from '../../../src-shared/errors';
import { TFTP_ERR, unsafeNameReason } from '../../../src-shared/capabilities/tftp/codec';
import { folderProblem, folderWithin, liveFolderFacts } from '../../platform/folders';
import { currentPlatform } from '../../platform/host';
import { folderMissing, folderRefused, TftpRefusal, type ServedFileReason } from './failures';

export { TftpRefusal } from './failures';

/**
 * Refuse a folder as the served folder or the upload folder when it would expose too much (see the top of this
 * file). `real` is the folder's real path; `dataDir` is Rescue Bench's data folder (default: this computer's).
 */
function refuseExposedFolder(real: string, what: 'served folder' | 'upload folder', dataDir?: string): void {
  const facts = liveFolderFacts(dataDir);
  const problem = folderProblem(real, facts);
  if (problem) throw new RbFault(folderRefused(real, what, problem, facts.home));
}

/** The real path of an existing folder, or a three-part fault (TFTP_FOLDER_MISSING) saying it cannot be served. */
async function realFolder(p: string, what: 'served folder' | 'upload folder'): Promise<string> {
  try {
    const real = await fsp.realpath(p);
    const st = await fsp.stat(real);
    if (!st.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    return real;
  } catch (err) {
    throw new RbFault(folderMissing(p, what, err));
  }
}

/**
 * The folders a server may start with, by real path: the served folder and the upload folder (when uploads are
 * on) must exist and must not expose too much (refuseExposedFolder). Throws the three-part fault otherwise.
 */
export async function servableFolders(root: string, upload: string | undefined, dataDir?: string): Promise<{ root: string; upload: string | undefined }> {
  const rootReal = await realFolder(root, 'served folder');
  refuseExposedFolder(rootReal, 'served folder', dataDir);
  const uploadReal = upload !== undefined ? await realFolder(upload, 'upload folder') : undefined;
  if (uploadReal !== undefined) refuseExposedFolder(uploadReal, 'upload folder', dataDir);
  return { root: rootReal, upload: uploadReal };
}

/** The first part of a relative path that starts with a dot (".ssh", ".env"); a lone "." (this folder) is harmless. */
function hiddenPart(rel: string, sep = '/'): string | undefined {
  return rel.split(sep).find((part) => part.startsWith('.') && part !== '.');
}

/**
 * Hidden names are refused with ERROR 2 (access violation), not 1 (file not found): the rule is applied to the
 * name before the file system is asked, so the answer is the same whether such a file exists (it tells nothing
 * about the folder), and it tells the person at the router that a rule refused the name, not that a file is missing.
 */
function hiddenRefusal(why: string, reason?: ServedFileReason): TftpRefusal {
  return new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', why, 'hidden', reason);
}

/** `p` is `root` or lies inside it (real paths; case ignored where the file system ignores it: platform/folders.ts). */
function isInside(root: string, p: string): boolean {
  return folderWithin(currentPlatform(), root, p);
}

function fsRefusal(err: unknown, name: string): TftpRefusal {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new TftpRefusal(TFTP_ERR.FILE_NOT_FOUND, 'File not found', `"${name}" is not in the served folder`, 'missing');
  if (code === 'ELOOP') return new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', `"${name}" is a symbolic link loop or a link that may not be followed`, undefined, { problem: 'loop', quoted: name });
  if (code === 'EACCES' || code === 'EPERM') return new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', `this computer does not let Rescue Bench read "${name}"`, undefined, { problem: 'denied', quoted: name });
  if (code === 'ENAMETOOLONG') return new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', 'the file name is too long', undefined, { problem: 'tooLong' });
  return new TftpRefusal(TFTP_ERR.NOT_DEFINED, 'Cannot open file', `could not open "${name}": ${code ?? String(err)}`);
}

interface OpenedFile {
  fh: fsp.FileHandle;
  realPath: string;
  size: number;
}

/** Open a file for reading inside `rootReal` (already a real path). Throws TftpRefusal. */
export async function openInside(rootReal: string, name: string): Promise<OpenedFile> {
  const bad = unsafeNameReason(name);
  if (bad) throw new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', bad);
  const hidden = hiddenPart(name);
  if (hidden !== undefined) throw hiddenRefusal(`"${hidden}" starts with a dot: hidden files are never served`, { problem: 'hiddenPart', part: hidden });
  let real: string;
  try {
    real = await fsp.realpath(path.resolve(rootReal, name));
  } catch (err) {
    throw fsRefusal(err, name);
  }
  if (!isInside(rootReal, real) || real === rootReal) {
    throw new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', `"${name}" leads outside the served folder (a symbolic link pointing elsewhere)`, undefined, { problem: 'outside', quoted: name });
  }
  const linkedHidden = hiddenPart(path.relative(rootReal, real), path.sep);
  if (linkedHidden !== undefined) throw hiddenRefusal(`"${name}" is a link to a hidden file or folder ("${linkedHidden}"): hidden files are never served`, { problem: 'hiddenLink', quoted: name, part: linkedHidden });
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(real, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    throw fsRefusal(err, name);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new TftpRefusal(TFTP_ERR.FILE_NOT_FOUND, 'Not a regular file', `"${name}" is a folder or a device, not a file`, undefined, { problem: 'notFile', quoted: name });
    return { fh, realPath: real, size: st.size };
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw err instanceof TftpRefusal ? err : fsRefusal(err, name);
  }
}

interface UploadTarget {
  dirReal: string;
  target: string;
  base: string;
}

/** Where an upload of `name` would go inside `uploadReal`; refuses names outside it and existing files unless `overwrite`. */
export async function uploadTarget(uploadReal: string, name: string, overwrite: boolean): Promise<UploadTarget> {
  const bad = unsafeNameReason(name);
  if (bad) throw new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', bad);
  const hidden = hiddenPart(name);
  if (hidden !== undefined) throw hiddenRefusal(`"${hidden}" starts with a dot: hidden names are not accepted for uploads`);
  const abs = path.resolve(uploadReal, name);
  let dirReal: string;
  try {
    dirReal = await fsp.realpath(path.dirname(abs));
  } catch (err) {
    throw fsRefusal(err, path.dirname(name));
  }
  if (!isInside(uploadReal, dirReal)) throw new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', `"${name}" leads outside the upload folder`);
  const linkedHidden = hiddenPart(path.relative(uploadReal, dirReal), path.sep);
  if (linkedHidden !== undefined) throw hiddenRefusal(`"${name}" goes through a link into a hidden folder ("${linkedHidden}"): hidden folders are never written`);
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

/**
 * A file the server sends for other names (an alias's target, or the answer-any file), checked when the server
 * starts by the same rules as a requested name: given relative to the served folder or as an absolute path inside
 * it, it must open with openInside (inside by real path, no part starting with a dot, a regular file). Returns its
 * name relative to the folder, which is opened again by openInside at each request. Throws TftpRefusal.
 */
export async function servedFileName(rootReal: string, target: string): Promise<string> {
  let rel = target;
  if (path.isAbsolute(target)) {
    let real: string;
    try {
      real = await fsp.realpath(target);
    } catch (err) {
      throw fsRefusal(err, target);
    }
    if (!isInside(rootReal, real) || real === rootReal)
      throw new TftpRefusal(TFTP_ERR.ACCESS_VIOLATION, 'Access violation', `"${target}" is not inside the served folder ${rootReal}`, undefined, { problem: 'notInside', quoted: target, root: rootReal });
    rel = path.relative(rootReal, real).split(path.sep).join('/');
  }
  const opened = await openInside(rootReal, rel);
  await opened.fh.close().catch(() => undefined);
  return rel;
}

/** Why a name cannot be an alias (the name a router asks for), or null: its key (for the catalogue) and English. */
export function aliasNameProblem(name: string): { key: 'length' | 'control' | 'hidden'; why: string } | null {
  if (name.length === 0 || name.length > 255) return { key: 'length', why: 'it must be 1 to 255 characters long' };
  if (/[\x00-\x1f\x7f]/.test(name)) return { key: 'control', why: 'it contains control characters' };
  if (hiddenPart(name) !== undefined) return { key: 'hidden', why: 'it has a part starting with a dot (hidden names are never served)' };
  return null;
}
