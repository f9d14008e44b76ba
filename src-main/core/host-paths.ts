/**
 * Which files and folders of this computer a contract call may name: the one place for the rule
 * (docs/decisions/0007-host-paths.md). Handlers ask here before they hand a path to a service.
 *
 * - Desktop app and CLI: the person at the computer typed or chose the path, so any path is used as given.
 * - Bench server: the screen may be a tablet on the shop network, so every host path must lie, by real path
 *   (links resolved), inside the data folder or a folder the person at the computer allowed at start-up
 *   (`rescue-bench serve --allow-folder DIR`). Serial ports must be ports: a name the port list reports or one
 *   written like a port (platform/folders.ts), never another file.
 * - Every host: a TFTP served or upload folder also passes the folder rules of tftp/jail.ts (checked when the
 *   server starts), and a folder allowed with --allow-folder passes the same rules.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { SessionTarget } from '../../src-shared/capabilities/device';
import { fault } from '../../src-shared/errors';
import { currentPlatform } from '../platform';
import { folderProblem, folderWithin, liveFolderFacts, looksLikeSerialPort } from '../platform/folders';
import type { HostKind } from './capability';

/** What the path is for: it names the thing in refusals and says where to put it instead. */
export type HostPathUse = 'firmware-file' | 'image-to-send' | 'key-file' | 'backup-folder' | 'backup-to-restore' | 'tftp-folder' | 'upload-folder';

export interface HostPathScope {
  host: HostKind;
  dataDir: string;
  /** Real paths of the folders allowed with --allow-folder (bench server). */
  allowedFolders: readonly string[];
}

/** "firmware-file" → "firmwareFile": an ICU select's keys are words. */
const camel = (s: string): string => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** The one path each use's advice names besides the data folder (the words are error.HOST_PATH_NOT_ALLOWED.*). */
const USES: Record<HostPathUse, { sub: (data: string) => string }> = {
  'firmware-file': { sub: (d) => path.join(d, 'uploads') },
  'image-to-send': { sub: (d) => path.join(d, 'uploads') },
  'key-file': { sub: (d) => path.join(d, 'keys', 'id_ed25519') },
  'backup-folder': { sub: (d) => path.join(d, 'backups') },
  'backup-to-restore': { sub: (d) => path.join(d, 'backups') },
  'tftp-folder': { sub: (d) => path.join(d, 'tftp') },
  'upload-folder': { sub: (d) => path.join(d, 'tftp-uploads') },
};

/** The real path of `p`; for a path that does not exist yet, its nearest existing parent's real path plus the rest. */
async function realOrPlanned(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let at = abs;
  for (;;) {
    try {
      return path.join(await fsp.realpath(at), ...rest.reverse());
    } catch (err) {
      const parent = path.dirname(at);
      if (parent === at || (err as NodeJS.ErrnoException).code !== 'ENOENT') return abs;
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

function realOr(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** The folders a bench-server call may use, as real paths: the data folder first, then the allowed ones. */
function benchFolders(scope: HostPathScope): string[] {
  return [realOr(scope.dataDir), ...scope.allowedFolders];
}

/**
 * The path a handler may hand to its service. Bench server: the real path, once it is inside the data folder or
 * an allowed folder (so a link swapped in later is not followed somewhere else); elsewhere `p` unchanged.
 * Throws RbFault HOST_PATH_NOT_ALLOWED.
 */
export async function allowHostPath(scope: HostPathScope, p: string, use: HostPathUse): Promise<string> {
  if (scope.host !== 'bench-server') return p;
  const real = await realOrPlanned(p);
  const platform = currentPlatform();
  if (benchFolders(scope).some((f) => folderWithin(platform, f, real))) return real;
  const leadsOut = real !== path.resolve(p);
  throw fault(
    'HOST_PATH_NOT_ALLOWED',
    { path: p, use: camel(use), leads: leadsOut ? 'yes' : 'no', real, data: scope.dataDir, allowed: scope.allowedFolders.length ? scope.allowedFolders.join(', ') : 'none', sub: USES[use].sub(scope.dataDir) },
    { details: `real path: ${real}` },
  );
}

/** A session target with its key file checked (bench server: inside the allowed folders). */
export async function allowTarget<T extends Pick<SessionTarget, 'keyFile'>>(scope: HostPathScope, target: T): Promise<T> {
  if (!target.keyFile) return target;
  return { ...target, keyFile: await allowHostPath(scope, target.keyFile, 'key-file') };
}

/**
 * A serial port a call may open. Bench server: a port the port list reports, a name written like a port on this
 * platform (that is not a plain file), or a link inside the allowed folders to a character device (a pty made
 * by the person at the computer); never another file. Elsewhere `p` unchanged. Throws SERIAL_PATH_NOT_ALLOWED.
 */
export async function allowSerialPath(scope: HostPathScope, p: string, listed: () => Promise<{ path: string }[]>): Promise<string> {
  if (scope.host !== 'bench-server') return p;
  const platform = currentPlatform();
  const isDevice = async (q: string): Promise<boolean | undefined> => {
    try {
      return (await fsp.stat(q)).isCharacterDevice();
    } catch {
      return undefined; // not there (unplugged): the serial service explains that
    }
  };
  if (looksLikeSerialPort(p, platform) && (platform === 'win32' || (await isDevice(p)) !== false)) return p;
  const ports = await listed().catch(() => []);
  if (ports.some((x) => x.path === p)) return p;
  if (platform !== 'win32' && path.isAbsolute(p)) {
    const parent = await realOrPlanned(path.dirname(p));
    if (benchFolders(scope).some((f) => folderWithin(platform, f, parent)) && (await isDevice(p)) === true) return p;
  }
  const example = platform === 'win32' ? 'COM3' : platform === 'darwin' ? '/dev/cu.usbserial-0001' : '/dev/ttyUSB0';
  throw fault('SERIAL_PATH_NOT_ALLOWED', { path: p, example });
}

/**
 * The folders given with --allow-folder as real paths, each checked: it must exist, be a folder, and pass the
 * same rules as a TFTP folder (not the whole disk, nor a folder holding the home folder, nor a hidden or system
 * folder), because the bench reads and writes in it for whoever holds the link. Throws ALLOW_FOLDER_MISSING or
 * ALLOW_FOLDER_REFUSED.
 */
export function resolveAllowedFolders(folders: readonly string[], dataDir: string): string[] {
  return folders.map((f) => {
    let real: string;
    try {
      real = fs.realpathSync.native(f);
      if (!fs.statSync(real).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (err) {
      throw fault('ALLOW_FOLDER_MISSING', { folder: f, why: (err as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'file' : 'unopened' }, { details: (err as Error).message });
    }
    const facts = liveFolderFacts(dataDir);
    const problem = folderProblem(real, facts);
    // a folder that holds the data folder adds nothing private: the data folder is open to the bench anyway
    if (problem && problem.kind !== 'data-folder') {
      const inside = problem.folder !== real;
      const kind = problem.kind === 'hidden' && inside ? 'hidden-inside' : problem.kind === 'system' && inside ? 'system-inside' : problem.kind;
      throw fault('ALLOW_FOLDER_REFUSED', { folder: real, kind: camel(kind), inside: problem.folder, example: path.join(facts.home, 'firmware'), data: dataDir });
    }
    return real;
  });
}
