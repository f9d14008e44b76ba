/**
 * The "router" end of the reaction benchmark, in its own process (its timing is not disturbed by the sides
 * under test). For each trial it prints a U-Boot countdown line on one of the two ptys (alternating, so both
 * sides see the same machine load) and measures with the monotonic clock how long the stop key takes to come
 * back. Usage (from run.ts): tsx bench/serial/peer.ts PTY_A PTY_B TRIALS_EACH
 * Prints one JSON line: {"a": [ms, ...], "b": [ms, ...]}.
 */
import { SerialPort } from 'serialport';

const [pathA, pathB, trialsArg] = process.argv.slice(2);
const trials = Number(trialsArg ?? 200);

async function open(p: string): Promise<{ port: SerialPort; next(): Promise<bigint> }> {
  const port = new SerialPort({ path: p, baudRate: 115200, autoOpen: false });
  await new Promise<void>((r, j) => port.open((e) => (e ? j(e) : r())));
  let waiting: ((at: bigint) => void) | undefined;
  port.on('data', (d: Buffer) => {
    const at = process.hrtime.bigint();
    if (waiting && d.includes(0x20)) {
      const w = waiting;
      waiting = undefined;
      w(at);
    }
  });
  return { port, next: () => new Promise<bigint>((r) => (waiting = r)) };
}

const sides = [await open(pathA!), await open(pathB!)];
const out: number[][] = [[], []];
await new Promise((r) => setTimeout(r, 200));
for (let i = 0; i < trials * 2; i++) {
  const side = sides[i % 2]!;
  const line = `\r\nU-Boot 2023.01\r\nHit any key to stop autoboot:  ${1 + (i % 3)} `;
  const got = side.next();
  const t0 = process.hrtime.bigint();
  side.port.write(line);
  const t1 = await Promise.race([got, new Promise<bigint>((r) => setTimeout(() => r(-1n), 2000))]);
  if (t1 < 0n) {
    process.stdout.write(JSON.stringify({ error: `no key within 2 s at trial ${i}` }) + '\n');
    process.exit(1);
  }
  out[i % 2]!.push(Number(t1 - t0) / 1e6);
  await new Promise((r) => setTimeout(r, 5 + (i % 7)));
}
process.stdout.write(JSON.stringify({ a: out[0], b: out[1] }) + '\n');
process.exit(0);
