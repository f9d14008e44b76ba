/**
 * A failure the user can act on. Every error Rescue Bench shows has three parts (ux-voice.md §3):
 * what happened, what it means, what to do. Raw detail (errno, log lines) goes in `details`.
 */
export interface RbErrorShape {
  /** Stable machine code, e.g. "PORT_IN_USE". Tests and scripts match on it. */
  code: string;
  /** What happened, in plain words. */
  message: string;
  /** What it means for the user. */
  meaning?: string;
  /** What to do now. */
  fix?: string;
  /** Raw technical detail, shown behind "Details". */
  details?: string;
}

export class RbFault extends Error implements RbErrorShape {
  readonly code: string;
  readonly meaning?: string;
  readonly fix?: string;
  readonly details?: string;
  constructor(shape: RbErrorShape) {
    super(shape.message);
    this.name = 'RbFault';
    this.code = shape.code;
    if (shape.meaning !== undefined) this.meaning = shape.meaning;
    if (shape.fix !== undefined) this.fix = shape.fix;
    if (shape.details !== undefined) this.details = shape.details;
  }
  toShape(): RbErrorShape {
    const s: RbErrorShape = { code: this.code, message: this.message };
    if (this.meaning !== undefined) s.meaning = this.meaning;
    if (this.fix !== undefined) s.fix = this.fix;
    if (this.details !== undefined) s.details = this.details;
    return s;
  }
}

/** Turn anything thrown into an RbErrorShape without leaking stack traces to the UI. */
export function toErrorShape(err: unknown, fallbackCode = 'INTERNAL'): RbErrorShape {
  if (err instanceof RbFault) return err.toShape();
  if (err && typeof err === 'object' && 'message' in err && typeof (err as { message: unknown }).message === 'string') {
    const e = err as { message: string; code?: unknown };
    return {
      code: typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code) ? e.code : fallbackCode,
      message: 'Something went wrong inside Rescue Bench.',
      meaning: 'The step did not finish. Nothing was written to the router by this step after the failure.',
      fix: 'Try again. If it keeps happening, save the log from Details and send it to us.',
      details: e.message,
    };
  }
  return { code: fallbackCode, message: 'Something went wrong inside Rescue Bench.', details: String(err) };
}
