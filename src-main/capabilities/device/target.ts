import fs from 'node:fs';
import path from 'node:path';
import { RbFault, fault } from '../../../src-shared/errors';
import type { SessionTarget } from '../../../src-shared/capabilities/device/contract';
import { openSession, type Session, type SessionOptions } from '../../session';

/** Where remembered router keys live. */
export function knownHostsFile(dataDir: string): string {
  return path.join(dataDir, 'known-hosts.json');
}

/** Open a session for a contract target (reads the key file, applies the host-key policy). */
export async function openTarget(target: SessionTarget, dataDir: string): Promise<Session> {
  return openSession(await targetSessionOptions(target, dataDir));
}

/** What openTarget logs in with (the key file read and checked): also handed to the backup's copy thread. */
export async function targetSessionOptions(target: SessionTarget, dataDir: string): Promise<SessionOptions> {
  let privateKey: Buffer | undefined;
  if (target.keyFile) {
    try {
      privateKey = fs.readFileSync(target.keyFile);
    } catch (err) {
      throw fault('KEY_FILE_UNREADABLE', { file: target.keyFile }, { details: (err as Error).message });
    }
    // ssh2 is loaded when a login needs it, not at start-up (cold start, issue 18)
    const ssh2 = (await import('ssh2')).default;
    const parsedAll = ssh2.utils.parseKey(privateKey);
    const parsed = Array.isArray(parsedAll) ? parsedAll[0] : parsedAll;
    // a public key parses too (the .pub next to it, a common slip): only a private key can log in
    const problem = !parsed ? new Error('no key in the file') : parsed instanceof Error ? parsed : !parsed.isPrivateKey() ? new Error('this is a public key') : undefined;
    if (problem) {
      const encrypted = /encrypted/i.test(problem.message);
      throw fault('KEY_FILE_UNUSABLE', { file: target.keyFile, encrypted: encrypted ? 'yes' : 'no' }, { details: problem.message });
    }
  }
  return {
    host: target.host,
    ...(target.port ? { port: target.port } : {}),
    method: target.method,
    user: target.user,
    ...(target.password ? { password: target.password } : {}),
    ...(privateKey ? { privateKey } : {}),
    hostKeyPolicy: target.hostKeyPolicy,
    knownHostsFile: knownHostsFile(dataDir),
    ...(target.localAddress ? { localAddress: target.localAddress } : {}),
    ...(target.routerMac ? { routerMac: target.routerMac } : {}),
  };
}
