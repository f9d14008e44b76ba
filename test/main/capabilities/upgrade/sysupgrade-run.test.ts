/**
 * startSysupgrade (router-ops) over a scripted session: how the end of "write" is recognised from what the router
 * said as it came plus the drop. The real sessions (dropbear, busybox telnetd) and the sysupgrade stand-in run in
 * test/integration/upgrade/{flash,telnet}.netns.test.ts; the streaming itself in test/integration/session/.
 */
import { describe, expect, it } from 'vitest';
import { RbFault } from '../../../../src-shared/errors';
import { startSysupgrade } from '../../../../src-main/capabilities/upgrade/router-ops';
import type { ExecOptions, ExecResult, Session } from '../../../../src-main/session';

/** A session whose one command prints `chunks`, then ends as `end` says: an exit code, or the connection dropped. */
function scripted(chunks: string[], end: { code: number; closeAfterMs?: number } | 'drop'): Session & { sent: string[] } {
  const closeCbs: Array<() => void> = [];
  const s = {
    method: 'ssh' as const,
    host: '192.168.1.1',
    port: 22,
    banner: '',
    hostKey: undefined,
    notes: [],
    notesMsg: [],
    closed: false,
    sent: [] as string[],
    onClose: (cb: () => void) => void closeCbs.push(cb),
    close: async () => undefined,
    pull: () => Promise.reject(new Error('not used')),
    push: () => Promise.reject(new Error('not used')),
    async exec(cmd: string, opts: ExecOptions = {}): Promise<ExecResult> {
      s.sent.push(cmd);
      for (const c of chunks) {
        await new Promise((r) => setTimeout(r, 1));
        opts.onOutput?.(Buffer.from(c), 'stdout');
      }
      const close = () => {
        s.closed = true;
        for (const cb of closeCbs.splice(0)) cb();
      };
      if (end === 'drop') {
        close();
        throw new RbFault({ code: 'SESSION_LOST', message: 'The connection to the router was lost.' });
      }
      if (end.closeAfterMs !== undefined) setTimeout(close, end.closeAfterMs);
      return { code: end.code, stdout: Buffer.from(chunks.join('')), stderr: '' };
    },
  };
  return s as Session & { sent: string[] };
}

const COMMENCING_LINE = 'Wed Dec  2 14:02:11 UTC 2026 upgrade: Commencing upgrade. Closing all shell sessions.\n';

describe('sysupgrade run: the expected drop, read as it comes', () => {
  it('the line just before the drop is read, even split across chunks; the drop is the expected end', async () => {
    const s = scripted(['Saving config files...\nWed Dec  2 14:02:11 UTC 2026 upgrade: Commencing up', 'grade. Closing all shell sessions.\n'], 'drop');
    const lines: string[] = [];
    const r = await startSysupgrade(s, { args: ['-n'], stagePath: '/tmp/fw.bin', onLine: (l) => lines.push(l) });
    expect(r).toMatchObject({ dropped: true, lines: ['Saving config files...', COMMENCING_LINE.trim()] });
    expect(r.commencedAt).toBeDefined();
    expect(r.exitCode).toBeUndefined();
    expect(lines).toEqual(r.lines);
    // run on the session itself, signals from our side ignored, stderr with stdout
    expect(s.sent).toEqual(["trap '' HUP PIPE INT; sysupgrade -n /tmp/fw.bin </dev/null 2>&1"]);
  });

  it('a refusal: its exit code and words, no drop', async () => {
    const r = await startSysupgrade(scripted(['Image check failed.\n'], { code: 1 }), { args: [], stagePath: '/tmp/fw.bin', onLine: () => undefined });
    expect(r).toMatchObject({ dropped: false, exitCode: 1, lines: ['Image check failed.'] });
    expect(r.commencedAt).toBeUndefined();
  });

  it('killed by a signal (exit 143) and the session closes right after: the drop, not a refusal', async () => {
    const r = await startSysupgrade(scripted([], { code: 143, closeAfterMs: 50 }), { args: [], stagePath: '/tmp/fw.bin', onLine: () => undefined });
    expect(r).toMatchObject({ dropped: true, exitCode: 143 });
    expect(r.commencedAt).toBeDefined();
  });

  it('it said "Commencing" and its command ended (newer sysupgrade hands the write to procd): the session closing later is the drop', async () => {
    const r = await startSysupgrade(scripted([COMMENCING_LINE], { code: 0, closeAfterMs: 100 }), { args: [], stagePath: '/tmp/fw.bin', onLine: () => undefined });
    expect(r).toMatchObject({ dropped: true, exitCode: 0 });
  });
});
