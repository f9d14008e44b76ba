/**
 * The station's pure parts: the rate and time left of a slot's long step, and which router moved to another
 * card. No `node:` imports (the renderer and the tests use them too).
 */
import type { SlotRouter } from './contract';

export interface Sample {
  at: number;
  done: number;
}

/** How far back the rate looks: long enough to smooth a bursty copy, short enough to follow a slow-down. */
export const RATE_WINDOW_MS = 3000;

/**
 * Bytes per second over the samples of the last RATE_WINDOW_MS (oldest first), and the seconds left at that rate.
 * Undefined until the window spans at least 200 ms with bytes moved (a rate from one sample is a guess).
 */
export function rateOf(samples: readonly Sample[], total: number): { bytesPerS: number; etaS: number } | undefined {
  const last = samples[samples.length - 1];
  if (!last) return undefined;
  const first = samples.find((s) => last.at - s.at <= RATE_WINDOW_MS) ?? last;
  const ms = last.at - first.at;
  const moved = last.done - first.done;
  if (ms < 200 || moved <= 0) return undefined;
  const bytesPerS = (moved * 1000) / ms;
  return { bytesPerS, etaS: Math.max(0, (total - last.done) / bytesPerS) };
}

/** Drop samples older than the window (keeps one just outside it, so the window stays full). */
export function trimSamples(samples: Sample[], now: number): void {
  while (samples.length > 2 && now - samples[1]!.at > RATE_WINDOW_MS) samples.shift();
}

export interface SlotSeen {
  slotId: string;
  name: string;
  interface?: string;
  /** Whether the slot's guide is still going (a finished job's router may be moved freely). */
  active: boolean;
  router: SlotRouter;
}

/**
 * A router whose MAC the slot `now` just learned and that another slot's going job already has, on another card:
 * it was moved (or two cables lead to one router). Returns the other slot, or undefined.
 */
export function movedFrom(now: SlotSeen, others: readonly SlotSeen[]): SlotSeen | undefined {
  const mac = now.router.mac?.toLowerCase();
  if (!mac) return undefined;
  return others.find((o) => o.slotId !== now.slotId && o.active && o.router.mac?.toLowerCase() === mac && o.interface !== now.interface);
}
