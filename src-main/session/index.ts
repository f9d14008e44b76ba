/**
 * Device sessions: one way to run commands on a router and move bulk bytes, over SSH or telnet.
 * Shared by every flow that talks to a running router (failsafe, backup, restore, sysupgrade).
 *
 *   const s = await openSession({ host: '192.168.1.1', method: 'auto', hostKeyPolicy: 'session-only' });
 *   const { code, stdout, stderr } = await s.exec('cat /proc/mtd', { timeoutMs: 10_000 });
 *   const pull = await s.pull('cat /dev/mtd3');   // pull.stream: raw bytes; await pull.done -> { code, stderr }
 *   await s.push('cat > /tmp/fw.bin', buffer);     // bytes into a command's stdin
 *   await s.close();
 *
 * SSH (ssh2): chacha20-poly1305 first (what dropbear offers); login tries none, key, password ('' when none
 * given: OpenWrt failsafe is root without a password), keyboard-interactive. Host keys:
 *  - hostKeyPolicy 'remember': first key stored per router in knownHostsFile (by its MAC when known, else host:port; decision 0111); a different key is refused
 *    with HOST_KEY_CHANGED (three-part error) and never accepted silently. `forgetHostKey` is the explicit
 *    user action after a reflash.
 *  - hostKeyPolicy 'session-only': failsafe and initramfs routers make a new key at every boot; any key is
 *    accepted for this session only, nothing is stored, and a note says so.
 * Telnet (busybox telnetd, old failsafe, initramfs): option negotiation, login/password/prompt detection,
 * exit codes via echo markers, `stty -echo -opost` for byte-exact text. Commands run one at a time. Telnet is
 * not binary safe, so pull/push use a separate TCP connection: the router runs `nc <this computer> <port>`
 * and we listen (needs `nc` on the router; ROUTER_HAS_NO_NC otherwise).
 * 'auto' tries SSH, and falls back to telnet on port 23 only when SSH is refused or not answering.
 * Errors are RbFault: CONNECT_REFUSED, CONNECT_TIMEOUT, HOST_UNREACHABLE, AUTH_FAILED, HOST_KEY_CHANGED,
 * LOGIN_NO_PROMPT, SHELL_NOT_READY, SESSION_LOST, COMMAND_TIMEOUT, CALLBACK_NOT_CONNECTED, ROUTER_HAS_NO_NC.
 */
import { RbFault } from '../../src-shared/errors';
import { said, saidFrom, type Words } from '../../src-shared/i18n';
import { openSsh } from './ssh';
import { openTelnet } from './telnet';
import { KnownHosts } from './known-hosts';
import type { Session, SessionOptions } from './types';

export type { Session, SessionOptions, SessionMethod, ExecOptions, ExecResult, Pull, PullOptions, HostKeyInfo } from './types';
export { KnownHosts, keyFingerprint } from './known-hosts';
export { shQuote } from './shell';

export async function openSession(opts: SessionOptions): Promise<Session> {
  if (opts.method === 'ssh') return openSsh(opts, opts.port ?? 22);
  if (opts.method === 'telnet') return openTelnet(opts, opts.port ?? 23);
  try {
    return await openSsh(opts, opts.port ?? 22);
  } catch (err) {
    const code = err instanceof RbFault ? err.code : '';
    if (code !== 'CONNECT_REFUSED' && code !== 'CONNECT_TIMEOUT') throw err;
    try {
      const s = await openTelnet({ ...opts, timeoutMs: Math.min(opts.timeoutMs ?? 15_000, 15_000) }, 23);
      const fellBack = said('session.note.telnetFallback', { code });
      s.notes.push(fellBack.text);
      s.notesMsg.push(fellBack.msg);
      return s;
    } catch (telnetErr) {
      // Report the SSH failure: it is the primary method and usually the more useful message.
      if (telnetErr instanceof RbFault && telnetErr.code !== 'CONNECT_REFUSED' && telnetErr.code !== 'CONNECT_TIMEOUT') throw telnetErr;
      throw err;
    }
  }
}

/** The explicit user action "this router was reflashed or replaced: forget its old key". */
export function forgetHostKey(knownHostsFile: string, host: string, port = 22, mac?: string): boolean {
  return new KnownHosts(knownHostsFile).forget(host, port, mac);
}

/** A session's notes as Words: with their id + values when one of `notesMsg` says the note's English (decision 0186). */
export function sessionNotes(s: Pick<Session, 'notes' | 'notesMsg'>): Words[] {
  return s.notes.map((text) => saidFrom(text, s.notesMsg));
}
