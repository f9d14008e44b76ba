/**
 * Runs INSIDE the station namespace (see test/integration/flash/integrity.test.ts): a telnet copy whose data connection
 * ends while the router's command is still running, so the router's exit status comes later. Prints
 * `{"event":"ended"}` when the data has ended (the test pulls the cable then), and then one JSON line with
 * what `done` gave and how long it took after the data ended.
 */
import { openSession } from '../../../src-main/session';
import { RbFault } from '../../../src-shared/errors';

const [host, cmd, idle] = process.argv.slice(2) as [string, string, string];

async function main(): Promise<void> {
  const s = await openSession({ host, method: 'telnet', hostKeyPolicy: 'session-only', timeoutMs: 8000 });
  const pull = await s.pull(cmd, { idleTimeoutMs: Number(idle) });
  let bytes = 0;
  pull.stream.on('data', (c: Buffer) => (bytes += c.length));
  await new Promise<void>((resolve, reject) => {
    pull.stream.once('end', resolve);
    pull.stream.once('error', reject);
  });
  const ended = Date.now();
  process.stdout.write(JSON.stringify({ event: 'ended', bytes }) + '\n');
  try {
    const r = await pull.done;
    process.stdout.write(JSON.stringify({ event: 'done', code: r.code, ms: Date.now() - ended }) + '\n');
  } catch (err) {
    const fault = err instanceof RbFault ? err.toShape() : { code: 'THROWN', message: String(err) };
    const ms = Date.now() - ended;
    await new Promise((r) => setTimeout(r, 100)); // the dropped socket reports 'close' on a later tick
    process.stdout.write(JSON.stringify({ event: 'failed', fault, ms, sessionClosed: s.closed }) + '\n');
  }
  await s.close();
  process.exit(0);
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ event: 'fatal', message: String(err?.stack ?? err) }) + '\n');
  process.exit(1);
});
