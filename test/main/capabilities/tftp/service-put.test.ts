/**
 * TftpService.put (the tftp.put command): tftp.put.progress events from "running" to "done" with the router's
 * acknowledged result, or to "error" with the three-part fault, and cancelPut, against the scripted receiver on
 * loopback. The client's protocol rules are in client.test.ts; the command line in test/integration/tftp/put.test.ts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TftpService } from '../../../../src-main/capabilities/tftp/service';
import type { TftpPutProgress } from '../../../../src-shared/capabilities/tftp/contract';
import { RbFault } from '../../../../src-shared/errors';
import { scriptedServer } from '../../../../test-support/tftp-scripted-server';

let dir: string;
let file: string;
let data: Buffer;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-put-svc-'));
  file = path.join(dir, 'RT-AC68U.trx');
  data = crypto.randomBytes(300_000);
  fs.writeFileSync(file, data);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function service(): { svc: TftpService; events: TftpPutProgress[] } {
  const events: TftpPutProgress[] = [];
  const svc = new TftpService({ transfer: () => undefined, state: () => undefined, put: (p) => events.push(p) });
  return { svc, events };
}

describe('TftpService.put', () => {
  it('reports running, then done with the result; the remote name defaults to the file name', async () => {
    const s = await scriptedServer();
    try {
      const { svc, events } = service();
      const r = await svc.put({ host: '127.0.0.1', port: s.port, file });
      expect(r).toMatchObject({ id: 1, host: '127.0.0.1', port: s.port, file, remoteName: 'RT-AC68U.trx', bytes: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex'), blksize: 1468 });
      expect(s.received.requests[0]!.req.filename).toBe('RT-AC68U.trx');
      expect(s.received.file().equals(data)).toBe(true);
      expect(events[0]).toMatchObject({ id: 1, state: 'running', bytes: 0, remoteName: 'RT-AC68U.trx' });
      expect(events.at(-1)).toMatchObject({ id: 1, state: 'done', bytes: data.length, total: data.length, result: r });
      expect(events.filter((e) => e.state !== 'running')).toHaveLength(1);
    } finally {
      s.close();
    }
  });

  it('a failure is an error event with the three-part fault, and the command rejects with the same', async () => {
    const s = await scriptedServer({ answer: () => ({ kind: 'error', code: 2, message: 'Only code.bin accepted' }) });
    try {
      const { svc, events } = service();
      const err = await svc.put({ host: '127.0.0.1', port: s.port, file, remoteName: 'x.bin' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RbFault);
      expect((err as RbFault).code).toBe('TFTP_PUT_REFUSED');
      expect(events.at(-1)).toMatchObject({ state: 'error', remoteName: 'x.bin', error: { code: 'TFTP_PUT_REFUSED' } });
      expect(events.at(-1)!.error!.meaning).toContain('Only code.bin accepted');
    } finally {
      s.close();
    }
  });

  it('cancelPut stops a running upload', async () => {
    const s = await scriptedServer({ answer: () => ({ kind: 'silent' }) });
    try {
      const { svc, events } = service();
      const p = svc.put({ host: '127.0.0.1', port: s.port, file, timeoutMs: 1000 });
      await expect.poll(() => s.received.requests.length).toBeGreaterThan(0);
      expect(svc.cancelPut()).toBe(1);
      await expect(p).rejects.toMatchObject({ code: 'TFTP_PUT_CANCELLED' });
      expect(events.at(-1)!.state).toBe('error');
      expect(svc.cancelPut()).toBe(0);
    } finally {
      s.close();
    }
  });
});
