/**
 * Bounded, adaptive busy polling for lock-step transfers (decision 0011).
 *
 * In lock-step (windowsize 1) every block waits for the client's ACK. When the event loop blocks in epoll while
 * it waits, the process has to be woken and scheduled again when the ACK arrives; on a virtual machine whose
 * idle cores halt, that costs tens of microseconds per packet. Instead, after sending a block a transfer can ask the process-wide
 * poller to keep the event loop turning (setImmediate turns, each one non-blocking epoll) for a short budget.
 * The poller stops as soon as no transfer is waiting (the ACK came) or the budget has run out.
 *
 * Polling is not always a win: when the cores are kept awake by other work, the cost per block is CPU and the
 * ACK is often there before the loop would block anyway; and when the client shares the CPU with us (a QEMU
 * guest, a client packed onto our core) the spin takes time from it. So each transfer measures: it alternates short probe phases with polling off and on, times how long
 * each phase took per acknowledged block, and polls in the long phase after only if polling was clearly faster.
 */

let waiting = 0;
let until = 0;
let running = false;
/** setImmediate turns taken (for the tests). */
let turns = 0;

function release(): void {
  waiting--;
  if (waiting === 0) until = 0; // the next wait gets its own budget, not what is left of an old one
}

function tick(): void {
  if (waiting > 0 && performance.now() < until) {
    turns++;
    setImmediate(tick);
  } else running = false;
}

/** Start (or extend) polling until `deadline` (performance.now() ms). */
function pollUntil(deadline: number): void {
  if (deadline > until) until = deadline;
  if (!running) {
    running = true;
    setImmediate(tick);
  }
}

/** Process-wide poller state, for the tests. */
export function pollStats(): { waiting: number; running: boolean; turns: number } {
  return { waiting, running, turns };
}

/** Blocks per probe phase (off, then on) and per phase that uses the verdict (longer after repeated "off"). */
export const PROBE_BLOCKS = 128;
export const USE_BLOCKS = 2048;
const USE_BLOCKS_MAX = 16384;
/**
 * Polling must make a probe at least 25% faster per block to be used. Where it helps (a slow-waking machine) it
 * is 1.5–3× faster; where it hurts (a client that needs our core, e.g. QEMU) it is ~20% slower; a wide margin
 * keeps one noisy pair of 128-block probes from switching it on for thousands of blocks.
 */
export const MARGIN = 0.75;

type Phase = 'probe-off' | 'probe-on' | 'use';

/**
 * One transfer's use of the poller: `sent()` after a block goes out, `acked()` when the ACK that moves the
 * transfer forward arrives, `end()` when the transfer finishes. A budget of 0 turns it off.
 */
export class LockstepPoll {
  private polling = false;
  private waitingNow = false;
  private phase: Phase = 'probe-off';
  private left = PROBE_BLOCKS;
  private phaseStart = -1;
  private offPerBlock = 0;
  private useBlocks = USE_BLOCKS;
  /** Blocks sent with polling, blocks acknowledged in probe phases where polling won / lost (for tests, bench). */
  polledBlocks = 0;
  verdictsOn = 0;
  verdictsOff = 0;

  /** Verdicts in a row that said "off": the phase after grows (probing costs a little each time). */
  private offStreak = 0;

  /** `always`: poll on every block without probing (only for the benchmark that shows why we probe). */
  constructor(
    private readonly budgetMs: number,
    always = false,
  ) {
    if (always && budgetMs > 0) {
      this.polling = true;
      this.phase = 'use';
      this.left = Infinity;
    }
  }

  sent(): void {
    if (this.budgetMs <= 0) return;
    if (this.phaseStart < 0) this.phaseStart = performance.now();
    if (!this.polling) return;
    this.polledBlocks++;
    if (!this.waitingNow) {
      this.waitingNow = true;
      waiting++;
    }
    pollUntil(performance.now() + this.budgetMs);
  }

  acked(): void {
    if (this.budgetMs <= 0) return;
    if (this.waitingNow) {
      this.waitingNow = false;
      release();
    }
    if (--this.left > 0) return;
    const now = performance.now();
    const perBlock = (now - this.phaseStart) / (this.phase === 'use' ? this.useBlocks : PROBE_BLOCKS);
    this.phaseStart = now;
    if (this.phase === 'probe-off') {
      this.offPerBlock = perBlock;
      this.phase = 'probe-on';
      this.polling = true;
      this.left = PROBE_BLOCKS;
    } else if (this.phase === 'probe-on') {
      this.polling = perBlock < this.offPerBlock * MARGIN;
      if (this.polling) this.verdictsOn++;
      else this.verdictsOff++;
      this.offStreak = this.polling ? 0 : this.offStreak + 1;
      this.useBlocks = Math.min(USE_BLOCKS_MAX, USE_BLOCKS << Math.min(this.offStreak, 3));
      this.phase = 'use';
      this.left = this.useBlocks;
    } else {
      this.phase = 'probe-off';
      this.polling = false;
      this.left = PROBE_BLOCKS;
    }
  }

  end(): void {
    if (this.waitingNow) {
      this.waitingNow = false;
      release();
    }
  }
}
