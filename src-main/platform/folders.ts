/**
 * Which folders of this computer must never be handed to other machines, and which names are serial ports:
 * the operating-system half of the host-path rules (docs/decisions/0007-host-paths.md). A TFTP server offers its
 * folder to anyone on the network without a password, and the bench server may be driven from a tablet on the
 * shop network, so a folder that holds the home folder, a hidden folder (keys and settings: ~/.ssh, ~/.gnupg,
 * ~/.config) and the system's own folders are refused. Pure functions: the platform and the folders are
 * parameters, so the Linux, macOS and Windows rules are unit-tested on any machine (path.posix / path.win32).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentPlatform, dataDir as defaultDataDir, type PlatformName } from './host';

export type FolderProblemKind =
  /** The whole disk (/, C:\). */
  | 'disk-root'
  /** The home folder itself. */
  | 'home'
  /** A folder that holds the home folder (/home, C:\Users, a parent of $HOME). */
  | 'contains-home'
  /** Rescue Bench's own data folder, or a folder that holds it (remembered router keys, backups, journals). */
  | 'data-folder'
  /** The folder of everyone's home folders (/home, /Users, C:\Users) or another account's (/root). */
  | 'homes'
  /** A folder whose name starts with a dot, or one inside it. */
  | 'hidden'
  /** Where programs keep settings and saved passwords without a dot: ~/Library (macOS), ~\AppData (Windows). */
  | 'private-settings'
  /** The operating system's own folders (/etc, /usr, C:\Windows, …). */
  | 'system';

export interface FolderProblem {
  kind: FolderProblemKind;
  /** The folder that makes it so: the hidden ancestor, the system folder, the home folder… */
  folder: string;
}

/** The facts the rules need, as real paths (symbolic links resolved). */
export interface FolderFacts {
  platform: PlatformName;
  home: string;
  /** Rescue Bench's data folder: folders inside it are allowed even when it lies in a hidden folder (~/.local/share). */
  dataDir?: string | undefined;
  /** The temporary folder: folders inside it are allowed even when it lies in ~\AppData (Windows) or a hidden folder. */
  tmpDir?: string | undefined;
}

function api(platform: PlatformName): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Comparable form: resolved, without a trailing separator, case-folded where the file system ignores case. */
function key(platform: PlatformName, p: string): string {
  const P = api(platform);
  let r = P.resolve(platform === 'win32' ? p.replace(/^\\\\\?\\(?=[A-Za-z]:)/, '') : p);
  if (r.length > P.parse(r).root.length && r.endsWith(P.sep)) r = r.slice(0, -1);
  return platform === 'linux' ? r : r.toLowerCase();
}

/** `inner` is `outer` or lies inside it (by path text; resolve links first). */
export function folderWithin(platform: PlatformName, outer: string, inner: string): boolean {
  const o = key(platform, outer);
  const i = key(platform, inner);
  if (i === o) return true;
  const sep = api(platform).sep;
  return i.startsWith(o.endsWith(sep) ? o : o + sep);
}

interface SystemFolders {
  /** Refused, and everything inside them. */
  trees: string[];
  /** Allowed although inside one of the trees (temporary folders, the classic TFTP folder). */
  except: string[];
  /** Refused themselves, but not what is inside them (a USB stick under /Volumes, a folder in root's home). */
  exact: string[];
}

/**
 * The system folders per platform. Linux: the FHS folders that hold the system, its settings, devices and
 * state (/var holds databases, logs, mail and cron; /run holds sockets and secrets of running services).
 * /var/tmp and /var/lib/tftpboot (the old tftpd default) stay allowed; /srv/tftp, /opt, /mnt, /media and /tmp
 * are not system folders. macOS: the same Unix folders plus /System, /Library, /Applications and /private
 * (the real place of /etc, /var and /tmp: /private/tmp and the per-user temporary folders stay allowed).
 * Windows, on any drive: Windows, Program Files, ProgramData, the recycle bin, recovery and boot folders.
 */
function systemFolders(platform: PlatformName, driveRoot = 'C:\\'): SystemFolders {
  if (platform === 'win32') {
    const d = (n: string): string => path.win32.join(driveRoot, n);
    return {
      trees: ['Windows', 'Program Files', 'Program Files (x86)', 'ProgramData', '$Recycle.Bin', 'System Volume Information', 'Recovery', 'Boot', 'Documents and Settings', 'PerfLogs'].map(d),
      except: [],
      exact: [d('Users')],
    };
  }
  const unix = ['/etc', '/usr', '/bin', '/sbin', '/dev', '/var'];
  if (platform === 'darwin') {
    return {
      trees: [...unix, '/System', '/Library', '/Applications', '/private', '/cores'],
      except: ['/private/tmp', '/private/var/tmp', '/private/var/folders', '/var/tmp', '/var/folders'],
      exact: ['/Users', '/Volumes'],
    };
  }
  return {
    trees: [...unix, '/lib', '/lib32', '/lib64', '/libx32', '/boot', '/proc', '/sys', '/run', '/snap', '/lost+found'],
    except: ['/var/tmp', '/var/lib/tftpboot'],
    exact: ['/home', '/root'],
  };
}

/**
 * Why `real` (a folder, links already resolved) must not be offered to other machines, or null when it may.
 * Order: the wider reasons first (the whole disk, the home folder), so the message names the biggest problem.
 */
export function folderProblem(real: string, facts: FolderFacts): FolderProblem | null {
  const { platform } = facts;
  const P = api(platform);
  const abs = P.resolve(real);
  const root = P.parse(abs).root;
  const same = (a: string, b: string): boolean => key(platform, a) === key(platform, b);
  const within = (outer: string, inner: string): boolean => folderWithin(platform, outer, inner);
  if (same(abs, root)) return { kind: 'disk-root', folder: abs };
  if (same(abs, facts.home)) return { kind: 'home', folder: abs };
  if (within(abs, facts.home)) return { kind: 'contains-home', folder: facts.home };
  if (facts.dataDir && within(abs, facts.dataDir)) return { kind: 'data-folder', folder: facts.dataDir };
  const sys = systemFolders(platform, root);
  if (sys.exact.some((f) => same(abs, f))) return { kind: 'homes', folder: abs };
  // The data folder may live in ~/.local/share, ~/Library or %APPDATA%, the temporary folder in %LOCALAPPDATA%
  // or wherever TMPDIR says: inside them, only the part of the path below them is looked at.
  const inData = facts.dataDir !== undefined && within(facts.dataDir, abs);
  const inTmp = facts.tmpDir !== undefined && within(facts.tmpDir, abs) && !same(facts.tmpDir, abs);
  if (!inData) {
    const tree = sys.trees.find((f) => within(f, abs));
    if (tree && !sys.except.some((f) => within(f, abs))) return { kind: 'system', folder: tree };
  }
  const from = inData ? facts.dataDir! : inTmp ? facts.tmpDir! : root;
  const parts = P.relative(from, abs).split(P.sep);
  const hiddenAt = parts.findIndex((s) => s.startsWith('.'));
  if (hiddenAt >= 0) return { kind: 'hidden', folder: P.join(from, ...parts.slice(0, hiddenAt + 1)) };
  const settings = platform === 'darwin' ? P.join(facts.home, 'Library') : platform === 'win32' ? P.join(facts.home, 'AppData') : undefined;
  if (settings && !inData && !inTmp && within(settings, abs)) return { kind: 'private-settings', folder: settings };
  return null;
}

function realOr(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** The facts for this computer now: the home, data and temporary folders by real path. */
export function liveFolderFacts(dataDir: string = defaultDataDir()): FolderFacts {
  return { platform: currentPlatform(), home: realOr(os.homedir()), dataDir: realOr(dataDir), tmpDir: realOr(os.tmpdir()) };
}

/**
 * Whether `p` is written like a serial port's name on this platform. Linux: /dev/tty + letters + a number
 * (ttyS0, ttyUSB0, ttyACM0, ttyAMA0…, not /dev/tty, /dev/tty1 (a login console) nor /dev/pts/N (someone's
 * terminal: opening it would read what they type)), /dev/rfcomm0, and the stable links /dev/serial/by-id/… and
 * /dev/serial/by-path/…. macOS: /dev/cu.* and /dev/tty.*. Windows: COM1…COM256, also as \\.\COM10.
 */
export function looksLikeSerialPort(p: string, platform: PlatformName): boolean {
  if (platform === 'win32') return /^(\\\\\.\\)?COM([1-9]\d{0,2})$/i.test(p);
  if (platform === 'darwin') return /^\/dev\/(cu|tty)\.[A-Za-z0-9._-]+$/.test(p);
  return /^\/dev\/(tty[A-Za-z][A-Za-z_]*\d+|rfcomm\d+|serial\/by-(id|path)\/[^/\0.][^/\0]*)$/.test(p);
}
