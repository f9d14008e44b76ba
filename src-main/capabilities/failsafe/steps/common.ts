/** What the failsafe steps share: the run-scoped bag's keys, the run options they read, and how they fail. */
import { clock as clockOf } from '../../../../src-shared/capabilities/playbook';
import type { StepContext, StepOutcome } from '../../playbook';
import { fault as faultOf } from '../../../../src-shared/errors';

/** Keys of the run-scoped bag (StepContext.bag) that carry state from one step to the next. */
export const BAG = {
  /** The BootEvents the watch step armed (boot-events.ts). */
  events: 'failsafe.events',
  /** When the router offered rescue mode (ms): the press and outcome steps time their windows from it. */
  cueAt: 'failsafe.promptAt',
  /** The logged-in Session to the router (connect step), used by the actions step. */
  session: 'failsafe.session',
  /** mount_root has run in this session. */
  mounted: 'failsafe.mounted',
  /** The address step already offered to set the rescue address once in this run. */
  triedSetAddress: 'failsafe.triedSet',
} as const;

export const clock = (at: number): string => clockOf(at, true);

/** A failed step in three parts, its words from the catalogue (src-shared/capabilities/failsafe/messages). */
export function fault(code: string, values: Record<string, string | number> = {}, details?: string): StepOutcome {
  return { ok: false, error: faultOf(code, values, details ? { details } : {}).toShape() };
}

export const stopped = (): StepOutcome => fault('STOPPED', { why: 'step' });

/** The router's rescue address (run option routerAddress, default 192.168.1.1). */
export const routerOf = (ctx: StepContext): string => String(ctx.options.routerAddress ?? '192.168.1.1');
/** The run's own card and this computer's address on it (a station slot, or --interface), when it has one. */
export function cardOf(ctx: StepContext): { interface: string; sourceAddress: string } | undefined {
  const { interface: iface, sourceAddress } = ctx.options;
  return typeof iface === 'string' && typeof sourceAddress === 'string' ? { interface: iface, sourceAddress } : undefined;
}

/** A numeric run option, or its default. */
export const num = (ctx: StepContext, k: string, d: number): number => (typeof ctx.options[k] === 'number' ? (ctx.options[k] as number) : d);
