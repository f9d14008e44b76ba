/// <reference lib="dom" />
/**
 * Failsafe benchmarks (issue 3 §4), each side by side with an anchor in the same run:
 *  1. Cue latency: a netmsg prompt leaves the router namespace → the PRESS-NOW cue is in Chromium's DOM and its
 *     next animation frame starts. Anchor: socat (UDP-RECV on port 4919 in the same namespace) printing the same
 *     datagram. 200 trials; the guide loops watch → cue → missed → "try again".
 *  2. Serial reaction: the preinit prompt line's last byte written on a pty → `f` arriving back on that pty.
 *     Ours: the serial service's session + its ConsoleWatcher match → writeNow. Anchor: a busybox ash `read` loop.
 * Run: npm run bench:failsafe  (root, Debian chromium, socat, busybox-static; renderer built)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { createRescueLan } from '../../test-support/netns';
import { startNsBench } from '../../test-support/ns-bench';
import { SerialPort } from 'serialport';
import { SerialService } from '../../src-main/services/serial/service';
import { serialViaService } from '../../src-main/services/failsafe/rescue';

const TRIALS = Number(process.env.TRIALS ?? 200);
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const summary = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99), max: Math.max(...xs) });
const f = (n: number): string => n.toFixed(2);

function lines(child: ChildProcess, on: (l: string) => void): void {
  readline.createInterface({ input: child.stdout! }).on('line', on);
}

async function cueLatency(): Promise<{ cueDom: number[]; cueFrame: number[]; anchor: number[]; delivered: number[] }> {
  const lan = createRescueLan('fsbench');
  const bench = await startNsBench(lan.station);
  const children: ChildProcess[] = [];
  try {
    await bench.page.addInitScript(() => {
      const Orig = WebSocket;
      (window as unknown as { WebSocket: unknown }).WebSocket = class extends Orig {
        constructor(...a: ConstructorParameters<typeof WebSocket>) {
          super(...a);
          // when the frame carrying the cue reached the page: splits the latency into delivery and rendering
          this.addEventListener('message', (m) => {
            const w = window as unknown as { __wsAt?: number };
            if (w.__wsAt === undefined && String(m.data).includes('"kind":"cue"')) w.__wsAt = performance.timeOrigin + performance.now();
          });
        }
      };
    });
    const page = await bench.openUi();
    // The anchor: socat hearing the same broadcast (SO_REUSEADDR on 4919, like a sniffer next to us).
    const anchorProc = lan.station.spawn('socat', ['-u', '-b', '2048', 'UDP-RECV:4919,reuseaddr', 'STDOUT'], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(anchorProc);
    let anchorAt: number[] = [];
    anchorProc.stdout!.on('data', () => anchorAt.push(performance.timeOrigin + performance.now()));
    const sender = lan.router.spawn(process.execPath, ['bench/failsafe/sender.mjs'], { stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(sender);
    const sentQ: number[] = [];
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    lines(sender, (l) => {
      const o = JSON.parse(l) as { ready?: boolean; sent?: number };
      if (o.ready) ready();
      if (o.sent) sentQ.push(o.sent);
    });
    await isReady;
    await page.getByText('Timing (for technicians)').click();
    await page.getByTestId('fs-window').fill('0.3');
    await page.getByTestId('fs-probe').fill('0.3');
    await page.getByTestId('fs-start-button').click();
    await page.getByTestId('fs-choice-ok').click();
    // the router namespace is "on" (its address answers with a reset), so the address step warns first
    await page.getByTestId('fs-choice-go').click({ timeout: 20_000 });
    const cueDom: number[] = [];
    const cueFrame: number[] = [];
    const anchor: number[] = [];
    const delivered: number[] = [];
    for (let t = 0; t < TRIALS + 5; t++) {
      await page.locator('[data-testid="fs-now"][data-step="watch"]').waitFor({ timeout: 20_000 });
      // a fresh watch step has armed its listener once its first evidence is shown
      await page.locator('[data-testid="fs-step"][data-step="watch"][data-state="active"] .fs-evidence li').first().waitFor({ timeout: 20_000 });
      await page.evaluate(() => {
        const w = window as unknown as { __cue?: Promise<[number, number]> };
        w.__cue = new Promise((resolve) => {
          const obs = new MutationObserver(() => {
            if (document.querySelector('[data-testid="failsafe-cue"]')) {
              const dom = performance.timeOrigin + performance.now();
              obs.disconnect();
              requestAnimationFrame(() => resolve([dom, performance.timeOrigin + performance.now()]));
            }
          });
          obs.observe(document.body, { childList: true, subtree: true });
        });
      });
      anchorAt = [];
      sentQ.length = 0;
      sender.stdin!.write('go\n');
      const [dom, frame] = await page.evaluate(() => (window as unknown as { __cue: Promise<[number, number]> }).__cue);
      const wsAt = await page.evaluate(() => { const w = window as unknown as { __wsAt?: number }; const v = w.__wsAt; w.__wsAt = undefined; return v ?? 0; });
      for (let i = 0; i < 100 && (sentQ.length === 0 || anchorAt.length === 0); i++) await new Promise((r) => setTimeout(r, 5));
      const sent = sentQ[0]!;
      if (t >= 5) {
        // the first few trials warm up Chromium and the JIT
        cueDom.push(dom - sent);
        cueFrame.push(frame - sent);
        if (anchorAt[0] !== undefined) anchor.push(anchorAt[0] - sent);
        if (wsAt) delivered.push(wsAt - sent);
      }
      await page.getByTestId('fs-choice-again').click({ timeout: 20_000 });
    }
    await page.getByTestId('fs-stop').click();
    return { cueDom, cueFrame, anchor, delivered };
  } finally {
    for (const c of children) c.kill('SIGKILL');
    await bench.close();
    lan.destroy();
  }
}

const PROMPT = 'Press the [f] key and hit [enter] to enter failsafe mode\r\n';

async function ptyPair(dir: string, tag: string): Promise<{ a: string; b: string; proc: ChildProcess }> {
  const a = path.join(dir, `${tag}-a`);
  const b = path.join(dir, `${tag}-b`);
  const proc = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  for (let i = 0; i < 200 && !(fs.existsSync(a) && fs.existsSync(b)); i++) await new Promise((r) => setTimeout(r, 10));
  return { a, b, proc };
}

/** Write the prompt on `end` (opened with serialport, like a USB adapter), time until an `f` comes back on it. */
async function serialTrials(end: string): Promise<number[]> {
  const port = new SerialPort({ path: end, baudRate: 115200, autoOpen: false });
  await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
  let waiter: ((at: number) => void) | undefined;
  port.on('data', (d: Buffer) => {
    if (d.includes(0x66) && waiter) {
      const w = waiter;
      waiter = undefined;
      w(performance.now());
    }
  });
  const out: number[] = [];
  for (let t = 0; t < TRIALS + 5; t++) {
    const got = new Promise<number>((r) => (waiter = r));
    port.write('Please press Enter to activate this console.\r\n[    2.1] random: crng init done\r\n');
    await new Promise((r) => setTimeout(r, 5));
    const t0 = performance.now();
    port.write(PROMPT);
    const t1 = await Promise.race([got, new Promise<number>((r) => setTimeout(() => r(NaN), 2000))]);
    if (t >= 5 && !Number.isNaN(t1)) out.push(t1 - t0);
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise<void>((r) => port.close(() => r()));
  return out;
}

async function serialReaction(): Promise<{ ours: number[]; anchor: number[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-fsser-'));
  const procs: ChildProcess[] = [];
  try {
    const p1 = await ptyPair(dir, 'ours');
    procs.push(p1.proc);
    const service = new SerialService({ data: () => undefined, match: () => undefined, session: () => undefined }, { dataDir: dir });
    const watch = await serialViaService(service)(p1.b, 115200, true, () => undefined);
    const ours = await serialTrials(p1.a);
    await watch.close();
    await service.dispose();
    const p2 = await ptyPair(dir, 'anchor');
    procs.push(p2.proc);
    const sh = spawn('busybox', ['sh', '-c', `while IFS= read -r l; do case "$l" in *"[f] key"*) printf 'f\\n';; esac; done <"${p2.b}" >"${p2.b}"`], { stdio: 'ignore' });
    procs.push(sh);
    await new Promise((r) => setTimeout(r, 200));
    const anchor = await serialTrials(p2.a);
    return { ours, anchor };
  } finally {
    for (const p of procs) p.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const load = os.loadavg()[0]!;
const serial = await serialReaction();
const cue = await cueLatency();
const result = {
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`,
  trials: TRIALS,
  loadAverageAtStart: load,
  cue: { frameArrived: summary(cue.delivered), dom: summary(cue.cueDom), frame: summary(cue.cueFrame), anchorSocat: summary(cue.anchor) },
  serial: { ours: summary(serial.ours), anchorBusyboxSh: summary(serial.anchor) },
};
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
process.stdout.write(
  `cue (datagram → WebSocket frame in page): p50 ${f(result.cue.frameArrived.p50)} ms, p99 ${f(result.cue.frameArrived.p99)} ms; → cue in DOM: p50 ${f(result.cue.dom.p50)} ms, p99 ${f(result.cue.dom.p99)} ms; → next frame p50 ${f(result.cue.frame.p50)} ms, p99 ${f(result.cue.frame.p99)} ms; socat anchor p50 ${f(result.cue.anchorSocat.p50)} ms, p99 ${f(result.cue.anchorSocat.p99)} ms\n` +
    `serial (prompt → f): ours p50 ${f(result.serial.ours.p50)} ms, p99 ${f(result.serial.ours.p99)} ms; busybox sh anchor p50 ${f(result.serial.anchorBusyboxSh.p50)} ms, p99 ${f(result.serial.anchorBusyboxSh.p99)} ms\n`,
);
