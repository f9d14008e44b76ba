import fs from 'node:fs';
import path from 'node:path';
import { RbFault } from '../../../src-shared/errors';
import type { SessionTarget } from '../../../src-shared/capabilities/device/contract';
import { openSession, type Session } from '../../session';

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
    // ssh2 is loaded when a login needs it, not at start-up (cold start, issue 18)
    const ssh2 = (await import('ssh2')).default;
    const parsedAll = ssh2.utils.parseKey(privateKey);
    const parsed = Array.isArray(parsedAll) ? parsedAll[0] : parsedAll;
    // a public key parses too (the .pub next to it, a common slip): only a private key can log in
    const problem = !parsed ? new Error('no key in the file') : parsed instanceof Error ? parsed : !parsed.isPrivateKey() ? new Error('this is a public key') : undefined;
    if (problem) {
      const encrypted = /encrypted/i.test(problem.message);
      throw new RbFault({
        code: 'KEY_FILE_UNUSABLE',
        message: encrypted ? `The key file ${target.keyFile} is locked with a passphrase.` : `The file ${target.keyFile} is not an SSH private key Rescue Bench can use.`,
        meaning: 'Rescue Bench did not try to log in with it.',
        fix: encrypted
          ? 'Use a key without a passphrase for the router (ssh-keygen -t ed25519 -N ""), or log in with a password.'
          : 'Choose the private key (e.g. id_ed25519, not id_ed25519.pub), or log in with a password.',
        details: problem.message,
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
    ...(target.localAddress ? { localAddress: target.localAddress } : {}),
    ...(target.routerMac ? { routerMac: target.routerMac } : {}),
  });
}
