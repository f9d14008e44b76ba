/**
 * Runs tftpPut (src-main/capabilities/tftp/client.ts) inside a network namespace for the real-peer tests: one
 * process per namespace takes many uploads, so a suite does not pay a Node start-up per transfer. Reads one JSON
 * request per line on stdin ({ id, options: TftpPutOptions with source {path} }, or { cancel: id }), writes one JSON line per
 * upload on stdout: { id, ok: true, result } or { id, ok: false, error: { code, message, meaning, fix, details } }.
 * Started with test-support/netns.ts nodeTsArgs inside `ip netns exec`.
 */
import readline from 'node:readline';
import { tftpPut, type TftpPutOptions } from '../src-main/capabilities/tftp/client';
import { toErrorShape } from '../src-shared/errors';

const rl = readline.createInterface({ input: process.stdin });
const running = new Map<number, AbortController>();
rl.on('line', (line) => {
  if (!line.trim()) return;
  const msg = JSON.parse(line) as { id: number; options: TftpPutOptions } | { cancel: number };
  if ('cancel' in msg) {
    running.get(msg.cancel)?.abort();
    return;
  }
  const { id, options } = msg;
  const ac = new AbortController();
  running.set(id, ac);
  options.signal = ac.signal;
  tftpPut(options).finally(() => running.delete(id)).then(
    (result) => process.stdout.write(`${JSON.stringify({ id, ok: true, result })}\n`),
    (err: unknown) => process.stdout.write(`${JSON.stringify({ id, ok: false, error: toErrorShape(err) })}\n`),
  );
});
rl.on('close', () => undefined);
