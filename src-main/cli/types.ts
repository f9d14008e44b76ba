export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the user asks to stop (Ctrl-C / SIGTERM). Long-running commands await it. */
  stopped: Promise<void>;
  /** Ask for a secret on the terminal without echo; undefined when there is no terminal (scripts, pipes). */
  askSecret?: (prompt: string) => Promise<string | undefined>;
}

export interface CliCommand {
  /** Words that select the command, e.g. ["failsafe", "watch"]. */
  words: string[];
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Print a value as one JSON line: the format scripts and the test suite read. */
export function jsonLine(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value));
}

export class UsageError extends Error {}
