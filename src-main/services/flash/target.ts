import fs from 'node:fs';
import path from 'node:path';
import { RbFault } from '../../../src-shared/errors';
import type { SessionTarget } from '../../../src-shared/contract/flash';
import { openSession, type Session } from '../session';

/** Where remembered router keys live. */
export function knownHostsFile(dataDir: string): string {
  return path.join(dataDir, 'known-hosts.json');
}

/** Open a session for a contract target (reads the key file, applies the host-key policy). */
export async function openTarget(target: SessionTarget, dataDir: string): Promise<Session> {
  let privateKey: Buffer | undefined;
  if (target.keyFile) {
    try {
      privateKey = fs.readFileSync(target.keyFile);
    } catch (err) {
      throw new RbFault({
        code: 'KEY_FILE_UNREADABLE',
        message: `Rescue Bench could not read the key file ${target.keyFile}.`,
        meaning: 'Without it the SSH login with a key cannot work.',
        fix: 'Check the path and that the file is readable, or log in with a password instead.',
        details: (err as Error).message,
      });
    }
  }
  return openSession({
    host: target.host,
    ...(target.port ? { port: target.port } : {}),
    method: target.method,
    user: target.user,
    ...(target.password ? { password: target.password } : {}),
    ...(privateKey ? { privateKey } : {}),
    hostKeyPolicy: target.hostKeyPolicy,
    knownHostsFile: knownHostsFile(dataDir),
  });
}
