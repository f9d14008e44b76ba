/**
 * A failure the user can act on. Every error Rescue Bench shows has three parts (ux-voice.md §3):
 * what happened, what it means, what to do. Raw detail (errno, log lines) goes in `details`.
 */
import { english, knownId } from './i18n/translate';

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
  /**
   * The values the words were made with, so the screen and the CLI can say them in the person's language from
   * the catalogue (`error.<code>.message|meaning|fix`, src-shared/i18n). English travels beside them.
   */
  values?: Record<string, string | number>;
}

export class RbFault extends Error implements RbErrorShape {
  readonly code: string;
  readonly meaning?: string;
  readonly fix?: string;
  readonly details?: string;
  readonly values?: Record<string, string | number>;
  constructor(shape: RbErrorShape) {
    super(shape.message);
    this.name = 'RbFault';
    this.code = shape.code;
    if (shape.meaning !== undefined) this.meaning = shape.meaning;
    if (shape.fix !== undefined) this.fix = shape.fix;
    if (shape.details !== undefined) this.details = shape.details;
    if (shape.values !== undefined) this.values = shape.values;
  }
  toShape(): RbErrorShape {
    const s: RbErrorShape = { code: this.code, message: this.message };
    if (this.meaning !== undefined) s.meaning = this.meaning;
    if (this.fix !== undefined) s.fix = this.fix;
    if (this.details !== undefined) s.details = this.details;
    if (this.values !== undefined) s.values = this.values;
    return s;
  }
}

/**
 * A fault whose three parts come from the catalogue (`error.<code>.*`, in English here; the screen and the CLI
 * show them in the person's language). `values` fill the texts' {placeholders}.
 */
export function fault(code: string, values: Record<string, string | number> = {}, extra: { details?: string } = {}): RbFault {
  const id = knownId(`error.${code}.message`);
  if (!id) throw new Error(`no catalogue text for error ${code}`);
  const part = (p: 'meaning' | 'fix'): string | undefined => {
    const k = knownId(`error.${code}.${p}`);
    return k ? english(k, values) : undefined;
  };
  const shape: RbErrorShape = { code, message: english(id, values) };
  const meaning = part('meaning');
  const fix = part('fix');
  if (meaning !== undefined) shape.meaning = meaning;
  if (fix !== undefined) shape.fix = fix;
  if (extra.details !== undefined) shape.details = extra.details;
  if (Object.keys(values).length > 0) shape.values = values;
  return new RbFault(shape);
}

/** Turn anything thrown into an RbErrorShape without leaking stack traces to the UI. */
export function toErrorShape(err: unknown, fallbackCode = 'INTERNAL'): RbErrorShape {
  if (err instanceof RbFault) return err.toShape();
  if (err && typeof err === 'object' && 'message' in err && typeof (err as { message: unknown }).message === 'string') {
    const e = err as { message: string; code?: unknown };
    return {
      code: typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code) ? e.code : fallbackCode,
      message: english('error.internal.message'),
      meaning: english('error.internal.meaning'),
      fix: english('error.internal.fix'),
      details: e.message,
    };
  }
  return { code: fallbackCode, message: english('error.internal.message'), details: String(err) };
}
