/**
 * The CLI's plain-words output as in-process tests read it (runCli with a CliIo): every line printed, in order,
 * and a way to wait for one that matches.
 */
import type { CliIo } from '../src-main/cli/types';

/** A CliIo that keeps every line (stdout and stderr alike) and is stopped by `stop()`, as Ctrl-C would. */
export function captureCliIo(): { lines: string[]; io: CliIo; stop: () => void } {
  const lines: string[] = [];
  let stop = () => undefined as void;
  const stopped = new Promise<void>((r) => (stop = r));
  return { lines, stop, io: { out: (l) => lines.push(l), err: (l) => lines.push(l), stopped } };
}

/** The first printed line that matches, waiting up to ten seconds for it; the lines so far when none does. */
export async function untilLine(lines: string[], re: RegExp): Promise<RegExpMatchArray> {
  for (let i = 0; i < 1000; i++) {
    for (const l of lines) {
      const m = l.match(re);
      if (m) return m;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no line matched ${re}:\n${lines.join('\n')}`);
}
