/**
 * TftpServer.settled(): the final state of a file's transfer, for a caller that learned "done" from the client.
 * U-Boot prints "Bytes transferred" right after sending its last ACK, so the U-Boot flow asks the server only then;
 * a raw client here holds that last ACK back to make the race certain instead of rare (it failed CI once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTftpServer, type TftpServer } from '../../../src-main/capabilities/tftp/server';
import { makeTree, RawClient, tftpEngines, type Tree } from '../../../test-support/tftp';

/** Fetch one.bin (1 MiB) at blksize 1000 (1048 full blocks, then 576 bytes) and ACK everything but the last block. */
async function fetchAllButLastAck(server: TftpServer, client: RawClient): Promise<{ tid: number; last: number }> {
  client.request(server.port, 'rrq', 'one.bin', { blksize: '1000' });
  const oack = await client.next();
  expect(oack).toMatchObject({ type: 'oack', options: { blksize: '1000' } });
  const tid = oack!.from;
  client.ack(tid, 0);
  for (let block = 1; ; block++) {
    const d = await client.next();
    expect(d, `DATA ${block}`).toMatchObject({ type: 'data', block });
    if (d!.type !== 'data') throw new Error('unreachable');
    if (d!.len < 1000) return { tid, last: block };
    client.ack(tid, block);
  }
}

describe.each(tftpEngines())('settled() with the %s engine', (engine) => {
  let tree: Tree;
  let server: TftpServer;
  beforeAll(async () => {
    tree = makeTree({ big: false });
    // a long timeout: no retransmission while the test holds the last ACK back
    server = await startTftpServer({ root: tree.root, bind: '127.0.0.1', port: 0, timeoutMs: 10_000, retries: 2, engine });
  });
  afterAll(async () => {
    await server?.close();
    tree?.cleanup();
  });

  it('a file nobody asked for: undefined at once', async () => {
    expect(await server.settled('one.bin', 5000)).toBeUndefined();
  });

  it('waits for the last ACK the client sends late, then gives the final count and sha256', async () => {
    const client = await RawClient.open();
    try {
      const { tid, last } = await fetchAllButLastAck(server, client);
      expect(last).toBe(1049);
      let answer: Awaited<ReturnType<TftpServer['settled']>> | 'pending' = 'pending';
      const settled = server.settled('/one.bin', 5000).then((t) => (answer = t));
      await new Promise((r) => setTimeout(r, 300));
      expect(answer, 'no answer while the last ACK is outstanding').toBe('pending');
      const acked = Date.now();
      client.ack(tid, last);
      await settled;
      expect(Date.now() - acked, 'answered when the ACK arrived, not at the 5 s limit').toBeLessThan(2000);
      expect(answer).toMatchObject({ file: 'one.bin', state: 'done', bytes: 1024 * 1024, size: 1024 * 1024, sha256: tree.files['one.bin'], engine });
      // once ended, the answer comes at once
      expect(await server.settled('one.bin', 5000)).toMatchObject({ state: 'done', bytes: 1024 * 1024 });
    } finally {
      client.close();
    }
  });

  it('gives up after its limit and reports the transfer as it stands', async () => {
    const client = await RawClient.open();
    try {
      const { tid, last } = await fetchAllButLastAck(server, client);
      const t0 = Date.now();
      const t = await server.settled('one.bin', 300);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
      expect(t).toMatchObject({ state: 'running', bytes: 1048 * 1000, size: 1024 * 1024 });
      client.ack(tid, last);
      expect(await server.settled('one.bin', 5000)).toMatchObject({ state: 'done', bytes: 1024 * 1024 });
    } finally {
      client.close();
    }
  });
});
