/// <reference lib="dom" />
/**
 * Failsafe benchmarks (issue 3 §4), each side by side with an anchor in the same run:
 *  1. Cue latency: a netmsg prompt leaves the router namespace → the PRESS-NOW cue is in Chromium's DOM and its
 *     next animation frame starts. Anchor: socat (UDP-RECV on port 4919 in the same namespace) printing the same
 *     datagram. 200 trials; the guide loops watch → cue → missed → "try again".
 *  2. Serial reaction: the preinit prompt line's last byte written on a pty → `f` arriving back on that pty
 *     (one real pty per side, held by benchmarks/support/pty-peer.py). Ours: the serial service's session + its
 *     ConsoleWatcher match → writeNow. Anchor: a busybox ash `read` loop on its own pty.
 * Run: npm run bench:failsafe  (root, Debian chromium, socat, busybox-static; renderer built)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { createRescueLan } from '../../test-support/netns';
import { startNsBench } from '../../test-support/ns-bench';
import { SerialService } from '../../src-main/capabilities/serial';
import { serialViaService } from '../../src-main/capabilities/failsafe';
import { startPtyPeer } from '../support/pty-peer';

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

async function cueLatency(): Promise<{ cueDom: number[]; cueFrame: number[]; anchor: number[]; delivered: number[]; pageWork: number[] }> {
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
    const sender = lan.router.spawn(process.execPath, ['benchmarks/failsafe/sender.mjs'], { stdio: ['pipe', 'pipe', 'inherit'] });
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
    await page.getByTestId('nav-failsafe').click(); // the app opens on the start screen (issue 18)
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
    // the page's own work, frame → cue in DOM, both ends read on the page's clock (issue 19's regression lived here)
    const pageWork: number[] = [];
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
        if (wsAt) pageWork.push(dom - wsAt);
      }
      await page.getByTestId('fs-choice-again').click({ timeout: 20_000 });
    }
    await page.getByTestId('fs-stop').click();
    return { cueDom, cueFrame, anchor, delivered, pageWork };
  } finally {
    for (const c of children) c.kill('SIGKILL');
    await bench.close();
    lan.destroy();
  }
}

const PROMPT = 'Press the [f] key and hit [enter] to enter failsafe mode\\r\\n';
const PRELUDE = 'Please press Enter to activate this console.\\r\\n[    2.1] random: crng init done\\r\\n';

/**
 * One peer process (benchmarks/support/pty-peer.py) holds the master end of one real pty per side, as a USB adapter
 * is one tty with nothing in between; it writes boot noise, then 5 ms later the prompt line, and times until an
 * `f` comes back. Trials alternate between ours and the anchor, so both see the same load.
 */
async function serialReaction(): Promise<{ ours: number[]; anchor: number[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-fsser-'));
  const peer = await startPtyPeer({ sides: 2, trials: TRIALS, warmup: 5, line: PROMPT, want: 'f', prelude: PRELUDE });
  let sh: ChildProcess | undefined;
  const service = new SerialService({ data: () => undefined, match: () => undefined, session: () => undefined }, { dataDir: dir });
  try {
    const watch = await serialViaService(service)(peer.ptys[0]!, 115200, true, () => undefined);
    sh = spawn('busybox', ['sh', '-c', `while IFS= read -r l; do case "$l" in *"[f] key"*) printf 'f\\n';; esac; done <"${peer.ptys[1]}" >"${peer.ptys[1]}"`], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 200));
    const [ours, anchor] = await peer.run();
    await watch.close();
    return { ours: ours!, anchor: anchor! };
  } finally {
    peer.kill();
    sh?.kill('SIGKILL');
    await service.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const load = os.loadavg()[0]!;
const only = process.env.ONLY; // 'cue' or 'serial' to run one half
const result: Record<string, unknown> = {
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`,
  trials: TRIALS,
  loadAverageAtStart: load,
};
const report: string[] = [];
if (only !== 'cue') {
  const serial = await serialReaction();
  const ours = summary(serial.ours);
  const anchor = summary(serial.anchor);
  result.serial = { ours, anchorBusyboxSh: anchor };
  report.push(`serial (prompt → f): ours p50 ${f(ours.p50)} ms, p99 ${f(ours.p99)} ms; busybox sh anchor p50 ${f(anchor.p50)} ms, p99 ${f(anchor.p99)} ms`);
}
if (only !== 'serial') {
  const cue = await cueLatency();
  const c = { frameArrived: summary(cue.delivered), dom: summary(cue.cueDom), frame: summary(cue.cueFrame), anchorSocat: summary(cue.anchor), pageWork: summary(cue.pageWork) };
  result.cue = c;
  report.push(
    `cue (datagram → WebSocket frame in page): p50 ${f(c.frameArrived.p50)} ms, p99 ${f(c.frameArrived.p99)} ms; → cue in DOM: p50 ${f(c.dom.p50)} ms, p99 ${f(c.dom.p99)} ms; → next frame p50 ${f(c.frame.p50)} ms, p99 ${f(c.frame.p99)} ms; socat anchor p50 ${f(c.anchorSocat.p50)} ms, p99 ${f(c.anchorSocat.p99)} ms`,
    `cue page work (WebSocket frame in page → cue in DOM, per trial): p50 ${f(c.pageWork.p50)} ms, p99 ${f(c.pageWork.p99)} ms`,
  );
}
result.loadAverageAtEnd = os.loadavg()[0];
process.stdout.write(JSON.stringify(result, null, 2) + '\n' + report.join('\n') + '\n');
