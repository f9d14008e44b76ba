import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export { partitionFileName } from '../../../src-shared/capabilities/flash/backup-files';

/**
 * Write a file atomically: temp file in the same folder, fsync, rename, fsync the folder. Mode 0600 by
 * default, set explicitly (not left to the umask): backup files hold Wi-Fi keys and password hashes.
 */
export function writeFileAtomic(file: string, data: string | Buffer, mode = 0o600): void {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'w', mode);
  try {
    fs.fchmodSync(fd, mode);
    if (typeof data === "string") fs.writeSync(fd, data);
    else fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  syncDir(path.dirname(file));
}

export function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* not supported on this OS (Windows): rename is still atomic */
  }
}

/** Owner-only modes for what a backup writes (set explicitly, whatever the umask). */
export const BACKUP_DIR_MODE = 0o700;
export const BACKUP_FILE_MODE = 0o600;

/**
 * Open a file of a backup folder for reading: a plain file only, never through a symbolic link (a folder
 * must not be able to point restore at other files of this computer). Errors: ENOENT, ENOTREG (a link or
 * anything but a plain file), or the open's own.
 */
export function openBackupFile(dir: string, name: string): number {
  const file = path.join(dir, name);
  const notRegular = (): Error => Object.assign(new Error(`${file} is not a plain file`), { code: 'ENOTREG' });
  if (!fs.lstatSync(file).isFile()) throw notRegular();
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw notRegular(); // became a link since lstat
    throw err;
  }
  if (!fs.fstatSync(fd).isFile()) {
    fs.closeSync(fd);
    throw notRegular();
  }
  return fd;
}

export interface FileDigest {
  sha256: string;
  md5: string;
  bytes: number;
}

export function digestOf(data: Buffer): FileDigest {
  return { sha256: crypto.createHash('sha256').update(data).digest('hex'), md5: crypto.createHash('md5').update(data).digest('hex'), bytes: data.length };
}

/** sha256 + md5 of a backup file (see openBackupFile). */
export async function hashBackupFile(dir: string, name: string): Promise<FileDigest> {
  const fd = openBackupFile(dir, name);
  const sha = crypto.createHash('sha256');
  const md5 = crypto.createHash('md5');
  let bytes = 0;
  for await (const chunk of fs.createReadStream('', { fd, highWaterMark: 1 << 20 })) {
    sha.update(chunk as Buffer);
    md5.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: sha.digest('hex'), md5: md5.digest('hex'), bytes };
}

/** The whole backup file in memory, read once (see openBackupFile): what is hashed is what is sent. */
export function readBackupFile(dir: string, name: string): Buffer {
  const fd = openBackupFile(dir, name);
  try {
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
