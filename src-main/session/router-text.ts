/**
 * Text we type into a router's shell. Telnet carries it through a terminal on the router: a line break ends the
 * line (the rest runs as a new command), Ctrl-C interrupts, Ctrl-U erases, Tab completes. So nothing we send
 * over telnet — commands, the user name, the password — may hold a control character, and text goes out as
 * UTF-8, the encoding SSH clients, LuCI and today's terminals use, so a password set through telnet is the
 * same bytes the user types later. The same password rules apply over SSH (docs/decisions/0008).
 */
import { RbFault, fault } from '../../src-shared/errors';

export interface TextProblem {
  /** Position (in UTF-16 units) and a name for the character: never the text itself, which may be secret. */
  index: number;
  char: string;
  /** The character as a catalogue key (`lf`, `tab`, … `control` with `code`), so the fault can name it in any language. */
  key: string;
  code?: string;
  lineBreak: boolean;
}

const KEYS: Record<number, string> = { 0x0a: 'lf', 0x0d: 'cr', 0x09: 'tab', 0x1b: 'esc', 0x03: 'ctrlc', 0x7f: 'del', 0x85: 'nel', 0x2028: 'lsep', 0x2029: 'psep' };
const NAMES: Record<number, string> = { 0x0a: 'a line break', 0x0d: 'a line break (carriage return)', 0x09: 'a Tab', 0x1b: 'Escape', 0x03: 'Ctrl-C', 0x7f: 'Delete', 0x85: 'a line break (NEL)', 0x2028: 'a line separator', 0x2029: 'a paragraph separator' };

/**
 * The first character a router's terminal or shell cannot take as plain text: C0 controls (line breaks, Tab,
 * Ctrl-keys, Escape), Delete, C1 controls, U+2028/U+2029 and unpaired surrogates (no UTF-8 form).
 */
export function unsendableChar(s: string): TextProblem | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, char: 'a character that has no UTF-8 form (an unpaired surrogate)', key: 'surrogate', lineBreak: false };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { index: i, char: 'a character that has no UTF-8 form (an unpaired surrogate)', key: 'surrogate', lineBreak: false };
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f) || c === 0x2028 || c === 0x2029) {
      const lineBreak = c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0x0b || c === 0x0c;
      const code = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      return { index: i, char: NAMES[c] ?? `the control character ${code}`, key: KEYS[c] ?? 'control', ...(KEYS[c] ? {} : { code }), lineBreak };
    }
  }
  return undefined;
}

export type RouterTextKind = 'user name' | 'password' | 'command';

/** Refuse text before it is sent: the fault names the character and its position, never the text. */
export function textNotSendableFault(host: string, kind: RouterTextKind, p: TextProblem): RbFault {
  return fault('TEXT_NOT_SENDABLE', { kind: kind === 'command' ? 'command' : kind === 'user name' ? 'user' : 'password', host, char: p.key, code: p.code ?? 'none', position: String(p.index + 1) });
}

/**
 * Why a new router password is not usable, or undefined. Over SSH and telnet alike: at least 6 characters
 * (the failsafe screen's rule), one line, no control characters (the router's `passwd` reads one line from a
 * terminal or pipe). Letters from any alphabet are allowed and set as UTF-8.
 */
export function routerPasswordProblem(pw: string): { message: string; fix: string; values: Record<string, string | number> } | undefined {
  const said = (values: Record<string, string | number>) => {
    const f = fault('BAD_PASSWORD', values);
    return { message: f.message, fix: f.toShape().fix ?? '', values };
  };
  if ([...pw].length < 6) return said({ problem: 'short' });
  const p = unsendableChar(pw);
  if (!p) return undefined;
  return said({ problem: p.lineBreak ? 'lineBreak' : 'control', char: p.key, code: p.code ?? 'none', position: String(p.index + 1) });
}
