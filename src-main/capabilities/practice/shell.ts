/**
 * STAND-IN: the practice router's shell. OpenWrt runs busybox ash; the practice router runs inside the
 * workstation on any OS, without root or a chroot, so it cannot run the real ash on its own files. This is a
 * small POSIX shell interpreter, not a list of our scripts' strings (decision 0098):
 *
 *   lists `;` `&` `&&` `||` and newlines, pipelines with `!`, `( … )` and `{ …; }`, if/elif/else/fi,
 *   for/while/until … do … done, case … in pat|pat) … ;; esac, break/continue/exit;
 *   words: '…', "…", \x, $name ${name} ${name:-x} ${name#p} ${name##p} ${name%p} ${name%%p} ${#name},
 *   $? $! $$ $# $1…, $(…) and `…`, field splitting of unquoted expansions, * ? […] globs;
 *   redirections [n]> [n]>> [n]< [n]>&m with /dev/null; NAME=value; trap, wait, command -v, read, shift, set.
 *
 * Differences from ash, on purpose: there are no processes, so a background job (`&`) runs to its end before the
 * next command (its $! and exit code are kept for `wait`), and a pipeline's commands run one after the other.
 * The busybox applets the flows use (cat, grep, head, wc, df, sha256sum, md5sum, ls, cp, mv, rm, …) are here;
 * the router's own tools come from the host. Anything else answers `ash: X: not found` with 127, as ash does.
 */
import crypto from 'node:crypto';

export interface ShellResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** The router behind the shell: its files and its tools' effects. */
export interface ShellHost {
  read(path: string): Buffer | undefined;
  /** Returns a problem ("Read-only file system") or undefined. */
  write(path: string, data: Buffer, append?: boolean): string | undefined;
  remove(path: string): boolean;
  isDir(path: string): boolean;
  list(dir: string): string[];
  /** Tools whose work is the router's (mount_root, firstboot, passwd, uci, mtd, reboot, fw_printenv, sysupgrade). */
  tool(name: string, args: string[], stdin: Buffer): ShellResult | undefined;
  /** Whether the router has that tool (for `command -v`); without it, tools are probed by running them. */
  has?(name: string): boolean;
  /** Free KiB of /tmp for `df` (default 60 MiB). */
  tmpFreeKiB?(): number;
}

// ------------------------------------------------------------------ lexer

type Tok = { t: 'word'; v: string } | { t: 'op'; v: string; fd?: number };

const OPS = ['&&', '||', ';;', '>>', '>&', '<&', '>|', ';', '&', '|', '(', ')', '<', '>', '\n'];

export class ShellSyntax extends Error {
  constructor(
    msg: string,
    /** The line ended inside an open construct: more input would complete it. */
    readonly incomplete = false,
  ) {
    super(msg);
  }
}

/** Index just past a `$(…)` that starts at `i` (pointing at `$`), respecting quotes and nesting. */
function skipSubst(s: string, i: number): number {
  let depth = 0;
  let j = i + 1;
  while (j < s.length) {
    const c = s[j]!;
    if (c === '\\') j += 2;
    else if (c === "'") {
      const e = s.indexOf("'", j + 1);
      if (e < 0) throw new ShellSyntax('unterminated quoted string', true);
      j = e + 1;
    } else if (c === '"') j = skipDouble(s, j);
    else if (c === '(') {
      depth++;
      j++;
    } else if (c === ')') {
      depth--;
      j++;
      if (depth === 0) return j;
    } else j++;
  }
  throw new ShellSyntax('missing ")"', true);
}

function skipDouble(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length) {
    const c = s[j]!;
    if (c === '\\') j += 2;
    else if (c === '"') return j + 1;
    else if (c === '$' && s[j + 1] === '(') j = skipSubst(s, j);
    else if (c === '`') {
      const e = s.indexOf('`', j + 1);
      if (e < 0) throw new ShellSyntax('unterminated `', true);
      j = e + 1;
    } else j++;
  }
  throw new ShellSyntax('unterminated quoted string', true);
}

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    // an fd number right before a redirection: 2>, 2>>, 2>&1, 0<
    const fdm = /^(\d)(>>|>&|<&|>|<)/.exec(src.slice(i, i + 4));
    if (fdm) {
      out.push({ t: 'op', v: fdm[2]!, fd: Number(fdm[1]) });
      i += fdm[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    const start = i;
    while (i < src.length && !/[\s;&|<>()]/.test(src[i]!)) {
      const ch = src[i]!;
      if (ch === '\\') i += 2;
      else if (ch === "'") {
        const e = src.indexOf("'", i + 1);
        if (e < 0) throw new ShellSyntax('unterminated quoted string', true);
        i = e + 1;
      } else if (ch === '"') i = skipDouble(src, i);
      else if (ch === '$' && src[i + 1] === '(') i = skipSubst(src, i);
      else if (ch === '$' && src[i + 1] === '{') {
        const e = src.indexOf('}', i);
        if (e < 0) throw new ShellSyntax('missing "}"', true);
        i = e + 1;
      } else if (ch === '`') {
        const e = src.indexOf('`', i + 1);
        if (e < 0) throw new ShellSyntax('unterminated `', true);
        i = e + 1;
      } else i++;
    }
    out.push({ t: 'word', v: src.slice(start, Math.min(i, src.length)) });
  }
  return out;
}

// ------------------------------------------------------------------ parser

interface Redir {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&';
  target: string;
}
type Cmd =
  | { k: 'simple'; assigns: string[]; words: string[]; redirs: Redir[] }
  | { k: 'group'; body: List; sub: boolean; redirs: Redir[] }
  | { k: 'if'; arms: { cond: List; body: List }[]; else?: List; redirs: Redir[] }
  | { k: 'for'; name: string; items: string[] | undefined; body: List; redirs: Redir[] }
  | { k: 'while'; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { k: 'case'; word: string; arms: { pats: string[]; body: List }[]; redirs: Redir[] };
interface Pipeline {
  bang: boolean;
  cmds: Cmd[];
}
interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; p: Pipeline }[];
  bg: boolean;
}
type List = AndOr[];

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}
  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'op' && t.v === v && t.fd === undefined;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'word' && t.v === v;
  }
  private eof(): never {
    throw new ShellSyntax('unexpected end of input', true);
  }
  private expectWord(v: string): void {
    this.newlines();
    if (!this.peek()) this.eof();
    if (!this.isWord(v)) throw new ShellSyntax(`syntax error: "${v}" expected near "${this.peek()!.v === '\n' ? 'newline' : this.peek()!.v}"`);
    this.i++;
  }
  private newlines(): void {
    while (this.isOp('\n')) this.i++;
  }
  parseAll(): List {
    const l = this.list([]);
    if (this.peek()) throw new ShellSyntax(`syntax error: unexpected "${this.peek()!.v}"`);
    return l;
  }
  /** A list up to one of the stop words (or ")" / ";;" / end). */
  list(stop: string[]): List {
    const out: List = [];
    for (;;) {
      while (this.isOp('\n') || this.isOp(';')) this.i++;
      const t = this.peek();
      if (!t) break;
      if (t.t === 'word' && stop.includes(t.v)) break;
      if (t.t === 'op' && (t.v === ')' || t.v === ';;')) break;
      const ao = this.andOr();
      out.push(ao);
      const n = this.peek();
      if (!n) break;
      if (n.t === 'op' && n.v === '&' && n.fd === undefined) {
        ao.bg = true;
        this.i++;
      } else if (n.t === 'op' && (n.v === ';' || n.v === '\n')) this.i++;
      else if (!(n.t === 'word' && stop.includes(n.v)) && !(n.t === 'op' && (n.v === ')' || n.v === ';;'))) throw new ShellSyntax(`syntax error: unexpected "${n.v}"`);
    }
    return out;
  }
  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = this.peek()!.v as '&&' | '||';
      this.i++;
      this.newlines();
      if (!this.peek()) this.eof();
      rest.push({ op, p: this.pipeline() });
    }
    return { first, rest, bg: false };
  }
  private pipeline(): Pipeline {
    let bang = false;
    if (this.isWord('!')) {
      bang = true;
      this.i++;
    }
    const cmds = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.newlines();
      if (!this.peek()) this.eof();
      cmds.push(this.command());
    }
    return { bang, cmds };
  }
  private redirs(into: Redir[]): void {
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== 'op' || !['>', '>>', '<', '>&', '<&', '>|'].includes(t.v)) return;
      this.i++;
      const target = this.peek();
      if (!target) this.eof();
      if (target.t !== 'word') throw new ShellSyntax(`syntax error: a file name after ${t.v}`);
      this.i++;
      const op = (t.v === '>|' ? '>' : t.v) as Redir['op'];
      into.push({ fd: t.fd ?? (op === '<' || op === '<&' ? 0 : 1), op, target: target.v });
    }
  }
  private nest = 0;
  private command(): Cmd {
    if (++this.nest > 100) throw new ShellSyntax('nested too deeply');
    try {
      return this.commandInner();
    } finally {
      this.nest--;
    }
  }
  private commandInner(): Cmd {
    const t = this.peek();
    if (!t) this.eof();
    let c: Cmd;
    if (t.t === 'op' && t.v === '(') {
      this.i++;
      const body = this.list([]);
      if (!this.peek()) this.eof();
      if (!this.isOp(')')) throw new ShellSyntax('syntax error: ")" expected');
      this.i++;
      c = { k: 'group', body, sub: true, redirs: [] };
    } else if (t.t === 'word' && t.v === '{') {
      this.i++;
      const body = this.list(['}']);
      this.expectWord('}');
      c = { k: 'group', body, sub: false, redirs: [] };
    } else if (t.t === 'word' && t.v === 'if') {
      this.i++;
      const arms: { cond: List; body: List }[] = [];
      let otherwise: List | undefined;
      for (;;) {
        const cond = this.list(['then']);
        this.expectWord('then');
        const body = this.list(['elif', 'else', 'fi']);
        arms.push({ cond, body });
        if (!this.peek()) this.eof();
        if (this.isWord('elif')) {
          this.i++;
          continue;
        }
        if (this.isWord('else')) {
          this.i++;
          otherwise = this.list(['fi']);
        }
        this.expectWord('fi');
        break;
      }
      c = { k: 'if', arms, ...(otherwise ? { else: otherwise } : {}), redirs: [] };
    } else if (t.t === 'word' && (t.v === 'while' || t.v === 'until')) {
      this.i++;
      const cond = this.list(['do']);
      this.expectWord('do');
      const body = this.list(['done']);
      this.expectWord('done');
      c = { k: 'while', until: t.v === 'until', cond, body, redirs: [] };
    } else if (t.t === 'word' && t.v === 'for') {
      this.i++;
      const name = this.peek();
      if (!name) this.eof();
      if (name.t !== 'word' || !NAME.test(name.v)) throw new ShellSyntax('syntax error: a variable name after "for"');
      this.i++;
      let items: string[] | undefined;
      this.newlines();
      if (this.isWord('in')) {
        this.i++;
        items = [];
        while (this.peek()?.t === 'word') items.push(this.toks[this.i++]!.v);
        if (!this.peek()) this.eof();
        if (!this.isOp(';') && !this.isOp('\n')) throw new ShellSyntax(`syntax error: unexpected "${this.peek()!.v}"`);
        this.i++;
      } else if (this.isOp(';')) this.i++;
      this.expectWord('do');
      const body = this.list(['done']);
      this.expectWord('done');
      c = { k: 'for', name: name.v, items, body, redirs: [] };
    } else if (t.t === 'word' && t.v === 'case') {
      this.i++;
      const w = this.peek();
      if (!w) this.eof();
      if (w.t !== 'word') throw new ShellSyntax('syntax error: a word after "case"');
      this.i++;
      this.expectWord('in');
      const arms: { pats: string[]; body: List }[] = [];
      for (;;) {
        this.newlines();
        if (!this.peek()) this.eof();
        if (this.isWord('esac')) {
          this.i++;
          break;
        }
        if (this.isOp('(')) this.i++;
        const pats: string[] = [];
        for (;;) {
          const p = this.peek();
          if (!p) this.eof();
          if (p.t !== 'word') throw new ShellSyntax(`syntax error: a pattern expected near "${p.v}"`);
          pats.push(p.v);
          this.i++;
          if (this.isOp('|')) {
            this.i++;
            continue;
          }
          break;
        }
        if (!this.peek()) this.eof();
        if (!this.isOp(')')) throw new ShellSyntax('syntax error: ")" expected after a case pattern');
        this.i++;
        const body = this.list(['esac']);
        arms.push({ pats, body });
        if (this.isOp(';;')) {
          this.i++;
          continue;
        }
        this.newlines();
        if (!this.peek()) this.eof();
        if (!this.isWord('esac')) throw new ShellSyntax('syntax error: ";;" expected');
      }
      c = { k: 'case', word: w.v, arms, redirs: [] };
    } else if (t.t === 'word' && RESERVED.has(t.v) && t.v !== '!') {
      throw new ShellSyntax(`syntax error: unexpected "${t.v}"`);
    } else {
      const s = { k: 'simple' as const, assigns: [] as string[], words: [] as string[], redirs: [] as Redir[] };
      for (;;) {
        const x = this.peek();
        if (!x) break;
        if (x.t === 'word') {
          if (!s.words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(x.v)) s.assigns.push(x.v);
          else s.words.push(x.v);
          this.i++;
          continue;
        }
        if (['>', '>>', '<', '>&', '<&', '>|'].includes(x.v)) {
          this.redirs(s.redirs);
          continue;
        }
        break;
      }
      if (!s.words.length && !s.assigns.length && !s.redirs.length) throw new ShellSyntax(`syntax error: unexpected "${t.v === '\n' ? 'newline' : t.v}"`);
      return s;
    }
    this.redirs(c.redirs);
    return c;
  }
}

// ------------------------------------------------------------------ patterns

/** A shell pattern (* ? [...] with \ escapes) as a RegExp; `quotedMask` marks characters that were quoted. */
function patternRe(p: string, quoted: boolean[] = [], anchored = true): RegExp {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (quoted[i]) re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const e = p.indexOf(']', i + 2);
      if (e < 0) re += '\\[';
      else {
        let body = p.slice(i + 1, e);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = e;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(anchored ? `^${re}$` : re);
  } catch {
    return new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
  }
}

/** A word as a pattern (case arms, ${x#p}): quotes and backslashes make characters literal. */
interface Piece {
  text: string;
  quoted: boolean;
  /** From an unquoted expansion: split into fields on IFS. */
  split: boolean;
}

// ------------------------------------------------------------------ interpreter

class Exit {
  constructor(readonly code: number) {}
}
class Loop {
  constructor(
    readonly kind: 'break' | 'continue',
    public n: number,
  ) {}
}

interface Ctx {
  vars: Map<string, string>;
  args: string[];
  last: number;
  bgPid: number;
  jobs: Map<number, number>;
  traps: Map<string, string>;
}

interface Io {
  out: Buffer[];
  err: string[];
}

const MAX_DEPTH = 40;
const MAX_LOOP = 100_000;
/** Commands per run(): a loop that never ends stops here instead of freezing the workstation. */
const MAX_STEPS = 200_000;
const MAX_OUT = 64 * 1024 * 1024;

/** printf with %s %d %i %u %x %X %o %c %b %%, widths, and \n \t \\ \0NNN escapes. */
function printfFormat(args: string[]): string {
  const [fmt = '', ...rest] = args;
  let out = '';
  let k = 0;
  const esc = (s: string) =>
    s.replace(/\\(0[0-7]{0,3}|[0-7]{1,3}|.)/g, (_m, e: string) => {
      if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
      return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' } as Record<string, string>)[e] ?? '\\' + e;
    });
  let guard = 0;
  do {
    out += fmt.replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([sdiuxXocb%])|\\(0[0-7]{0,3}|[0-7]{1,3}|.)/g, (m, flags: string, width: string, prec: string, conv: string) => {
      if (!conv) return esc(m);
      if (conv === '%') return '%';
      const a = rest[k++] ?? '';
      let v: string;
      const num = () => {
        const n = /^'/.test(a) ? (a.codePointAt(1) ?? 0) : Number.parseInt(a, /^0x/i.test(a) ? 16 : 10);
        return Number.isFinite(n) ? n : 0;
      };
      if (conv === 's') v = prec ? a.slice(0, Number(prec)) : a;
      else if (conv === 'b') v = esc(a);
      else if (conv === 'c') v = a.slice(0, 1);
      else if (conv === 'x') v = (num() >>> 0).toString(16);
      else if (conv === 'X') v = (num() >>> 0).toString(16).toUpperCase();
      else if (conv === 'o') v = (num() >>> 0).toString(8);
      else v = String(Math.trunc(num()));
      const w = Math.min(Number(width || 0), 4096);
      if (v.length < w) v = flags.includes('-') ? v.padEnd(w) : v.padStart(w, flags.includes('0') && conv !== 's' ? '0' : ' ');
      return v;
    });
  } while (k < rest.length && /%[-+ 0#]*\d*(?:\.\d+)?[sdiuxXocb]/.test(fmt) && ++guard < 10_000);
  return out;
}

/** A basic (BRE) pattern as a JS RegExp source; -E patterns are taken as they are. */
function breToJs(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\' && i + 1 < p.length) {
      const n = p[++i]!;
      out += '(){}|+?'.includes(n) ? n : '\\' + n;
    } else out += '(){}|+?'.includes(c) ? '\\' + c : c;
  }
  return out;
}

export class PracticeShell {
  private readonly ctx: Ctx = { vars: new Map([['PATH', '/usr/sbin:/usr/bin:/sbin:/bin'], ['IFS', ' \t\n'], ['HOME', '/root']]), args: [], last: 0, bgPid: 0, jobs: new Map(), traps: new Map() };
  private depth = 0;
  private pidSeq = 1200;
  private outBytes = 0;
  private steps = 0;

  constructor(private readonly host: ShellHost) {}

  /** Whether a line is unfinished (an open quote, "(", "if", "case"…): ash then reads the next line as its continuation. */
  needsMore(line: string): boolean {
    try {
      new Parser(tokenize(line)).parseAll();
      return false;
    } catch (err) {
      return err instanceof ShellSyntax && err.incomplete;
    }
  }

  /** Run a script (one or more lines); what it printed, and the exit code of its last command. */
  run(line: string, stdin: Buffer = Buffer.alloc(0)): ShellResult {
    let list: List;
    try {
      list = new Parser(tokenize(line)).parseAll();
    } catch (err) {
      if (!(err instanceof ShellSyntax)) throw err;
      this.ctx.last = 2;
      return { stdout: Buffer.alloc(0), stderr: `ash: ${err.message}\n`, code: 2 };
    }
    const io: Io = { out: [], err: [] };
    this.outBytes = 0;
    this.steps = 0;
    let code: number;
    try {
      code = this.list(list, stdin, io);
    } catch (e) {
      if (e instanceof Exit) code = e.code;
      else if (e instanceof Loop) code = 0;
      else if (e instanceof ShellSyntax) {
        io.err.push(`ash: ${e.message}\n`);
        code = 2;
      } else throw e;
    }
    this.ctx.last = code;
    return { stdout: Buffer.concat(io.out), stderr: io.err.join(''), code };
  }

  // ---------------------------------------------------------------- execution

  private list(l: List, stdin: Buffer, io: Io): number {
    let code = this.ctx.last;
    for (const ao of l) {
      if (ao.bg) {
        // no processes here: the job runs to its end now; $! and `wait` see its exit code
        const sub: Io = { out: [], err: [] };
        const saved = this.snapshot();
        let c: number;
        try {
          c = this.andOr(ao, Buffer.alloc(0), sub);
        } catch (e) {
          if (e instanceof Exit) c = e.code;
          else throw e;
        } finally {
          this.restore(saved);
        }
        io.out.push(...sub.out);
        io.err.push(...sub.err);
        const pid = ++this.pidSeq;
        this.ctx.bgPid = pid;
        this.ctx.jobs.set(pid, c);
        code = 0;
      } else code = this.andOr(ao, stdin, io);
      this.ctx.last = code;
    }
    return code;
  }

  private andOr(ao: AndOr, stdin: Buffer, io: Io): number {
    let code = this.pipeline(ao.first, stdin, io);
    this.ctx.last = code;
    for (const { op, p } of ao.rest) {
      if ((op === '&&') !== (code === 0)) continue;
      code = this.pipeline(p, stdin, io);
      this.ctx.last = code;
    }
    return code;
  }

  private pipeline(p: Pipeline, stdin: Buffer, io: Io): number {
    let input = stdin;
    let code = 0;
    for (let i = 0; i < p.cmds.length; i++) {
      const last = i === p.cmds.length - 1;
      if (last) code = this.command(p.cmds[i]!, input, io);
      else {
        const mid: Io = { out: [], err: io.err };
        const saved = p.cmds.length > 1 ? this.snapshot() : undefined;
        try {
          this.command(p.cmds[i]!, input, mid);
        } catch (e) {
          if (!(e instanceof Exit)) throw e;
        } finally {
          if (saved) this.restore(saved);
        }
        input = Buffer.concat(mid.out);
      }
    }
    return p.bang ? (code === 0 ? 1 : 0) : code;
  }

  private snapshot(): Ctx {
    return { ...this.ctx, vars: new Map(this.ctx.vars), args: [...this.ctx.args], traps: new Map(this.ctx.traps) };
  }

  private restore(s: Ctx): void {
    this.ctx.vars = s.vars;
    this.ctx.args = s.args;
    this.ctx.traps = s.traps;
  }

  /** Apply redirections around `fn`: its output goes where they say; returns fn's code (1 on a bad redirection). */
  private redirected(redirs: Redir[], stdin: Buffer, io: Io, fn: (stdin: Buffer, io: Io) => number): number {
    if (!redirs.length) return fn(stdin, io);
    type Sink = { kind: 'out' } | { kind: 'err' } | { kind: 'null' } | { kind: 'file'; path: string };
    const fds = new Map<number, Sink>([
      [1, { kind: 'out' }],
      [2, { kind: 'err' }],
    ]);
    let input = stdin;
    for (const r of redirs) {
      const target = this.expandOne(r.target, io);
      if (r.op === '<') {
        if (target === '/dev/null') input = Buffer.alloc(0);
        else {
          const b = this.host.read(target);
          if (!b) {
            io.err.push(`ash: can't open '${target}': No such file or directory\n`);
            return 1;
          }
          if (r.fd === 0) input = b;
        }
      } else if (r.op === '>&' || r.op === '<&') {
        if (target === '-') fds.set(r.fd, { kind: 'null' });
        else if (/^\d$/.test(target)) {
          const from = fds.get(Number(target));
          if (from) fds.set(r.fd, from);
          else if (Number(target) !== 0) {
            io.err.push(`ash: ${target}: bad file descriptor\n`);
            return 1;
          }
        } else fds.set(r.fd, { kind: 'file', path: target });
      } else if (target === '/dev/null') fds.set(r.fd, { kind: 'null' });
      else {
        if (r.op === '>') {
          const problem = this.host.write(target, Buffer.alloc(0), false);
          if (problem) {
            io.err.push(`ash: can't create ${target}: ${problem}\n`);
            return 1;
          }
        } else if (!this.host.read(target)) this.host.write(target, Buffer.alloc(0), true);
        fds.set(r.fd, { kind: 'file', path: target });
      }
    }
    const inner: Io = { out: [], err: [] };
    let code: number;
    let thrown: unknown;
    try {
      code = fn(input, inner);
    } catch (e) {
      thrown = e;
      code = 0;
    }
    const route = (sink: Sink | undefined, data: Buffer): void => {
      if (!data.length || !sink) return;
      if (sink.kind === 'out') io.out.push(data);
      else if (sink.kind === 'err') io.err.push(data.toString('utf8'));
      else if (sink.kind === 'file') {
        const problem = this.host.write(sink.path, data, true);
        if (problem) io.err.push(`ash: write error: ${problem}\n`);
      }
    };
    route(fds.get(1), Buffer.concat(inner.out));
    route(fds.get(2), Buffer.from(inner.err.join('')));
    if (thrown) throw thrown;
    return code;
  }

  private command(c: Cmd, stdin: Buffer, io: Io): number {
    if (++this.steps > MAX_STEPS) throw new Exit(io.err.push('ash: stopped: too many commands in one go\n') && 1);
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      io.err.push('ash: nested too deeply\n');
      return 2;
    }
    try {
      return this.redirected(c.redirs, stdin, io, (input, o) => this.commandBody(c, input, o));
    } finally {
      this.depth--;
    }
  }

  private commandBody(c: Cmd, stdin: Buffer, io: Io): number {
    switch (c.k) {
      case 'simple':
        return this.simple(c, stdin, io);
      case 'group': {
        if (!c.sub) return this.list(c.body, stdin, io);
        const saved = this.snapshot();
        try {
          return this.list(c.body, stdin, io);
        } catch (e) {
          if (e instanceof Exit) return e.code;
          throw e;
        } finally {
          this.restore(saved);
        }
      }
      case 'if': {
        for (const arm of c.arms) if (this.list(arm.cond, stdin, io) === 0) return this.list(arm.body, stdin, io);
        return c.else ? this.list(c.else, stdin, io) : 0;
      }
      case 'for': {
        const items = c.items ? this.expandWords(c.items, io) : [...this.ctx.args];
        let code = 0;
        for (const it of items.slice(0, MAX_LOOP)) {
          this.ctx.vars.set(c.name, it);
          const r = this.loopBody(c.body, stdin, io);
          code = r.code;
          if (r.brk) break;
        }
        return code;
      }
      case 'while': {
        let code = 0;
        for (let n = 0; n < MAX_LOOP; n++) {
          const cond = this.list(c.cond, stdin, io);
          if ((cond === 0) === c.until) break;
          const r = this.loopBody(c.body, stdin, io);
          code = r.code;
          if (r.brk) break;
        }
        return code;
      }
      case 'case': {
        const w = this.expandOne(c.word, io);
        for (const arm of c.arms) if (arm.pats.some((p) => this.patternOf(p, io).test(w))) return this.list(arm.body, stdin, io);
        return 0;
      }
    }
  }

  private loopBody(body: List, stdin: Buffer, io: Io): { code: number; brk: boolean } {
    try {
      return { code: this.list(body, stdin, io), brk: false };
    } catch (e) {
      if (!(e instanceof Loop)) throw e;
      if (e.n > 1) {
        e.n--;
        throw e;
      }
      return { code: 0, brk: e.kind === 'break' };
    }
  }

  private simple(c: Extract<Cmd, { k: 'simple' }>, stdin: Buffer, io: Io): number {
    const words = this.expandWords(c.words, io);
    const assigns = c.assigns.map((a) => {
      const eq = a.indexOf('=');
      return [a.slice(0, eq), this.expandOne(a.slice(eq + 1), io)] as const;
    });
    if (!words.length) {
      for (const [k, v] of assigns) this.ctx.vars.set(k, v);
      return this.ctx.last;
    }
    const [name, ...args] = words as [string, ...string[]];
    return this.builtin(name, args, stdin, io);
  }

  // ---------------------------------------------------------------- expansion

  /** Split a raw word into pieces: literal text (quoted or not) and expansion results. */
  private pieces(word: string, io: Io, inDouble = false): Piece[] {
    const out: Piece[] = [];
    let lit = '';
    let litQuoted = inDouble;
    const flush = () => {
      if (lit) out.push({ text: lit, quoted: litQuoted, split: false });
      lit = '';
    };
    const push = (text: string, quoted: boolean, split: boolean) => {
      flush();
      out.push({ text, quoted, split });
    };
    let i = 0;
    while (i < word.length) {
      const c = word[i]!;
      if (c === '\\') {
        const n = word[i + 1];
        if (n === undefined) {
          lit += '\\';
          i++;
        } else if (inDouble && !'$`"\\\n'.includes(n)) {
          lit += '\\' + n;
          i += 2;
        } else {
          push(n === '\n' ? '' : n, true, false);
          i += 2;
        }
      } else if (c === "'" && !inDouble) {
        const e = word.indexOf("'", i + 1);
        push(word.slice(i + 1, e < 0 ? word.length : e), true, false);
        out[out.length - 1]!.quoted = true;
        i = e < 0 ? word.length : e + 1;
      } else if (c === '"' && !inDouble) {
        const e = skipDouble(word, i);
        flush();
        const inner = this.pieces(word.slice(i + 1, e - 1), io, true);
        if (!inner.length) out.push({ text: '', quoted: true, split: false });
        else out.push(...inner.map((p) => ({ ...p, quoted: true, split: false })));
        i = e;
      } else if (c === '`') {
        const e = word.indexOf('`', i + 1);
        const end = e < 0 ? word.length : e;
        push(this.substitute(word.slice(i + 1, end), io), inDouble, !inDouble);
        i = end + 1;
      } else if (c === '$' && word[i + 1] === '(') {
        const e = skipSubst(word, i);
        push(this.substitute(word.slice(i + 2, e - 1), io), inDouble, !inDouble);
        i = e;
      } else if (c === '$' && word[i + 1] === '{') {
        const e = word.indexOf('}', i);
        const end = e < 0 ? word.length : e;
        push(this.param(word.slice(i + 2, end), io), inDouble, !inDouble);
        i = end + 1;
      } else if (c === '$' && /[A-Za-z_]/.test(word[i + 1] ?? '')) {
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(word.slice(i + 1))!;
        push(this.ctx.vars.get(m[0]) ?? '', inDouble, !inDouble);
        i += 1 + m[0].length;
      } else if (c === '$' && /[?!$#@*0-9]/.test(word[i + 1] ?? '')) {
        push(this.special(word[i + 1]!), inDouble, !inDouble);
        i += 2;
      } else {
        if (lit && litQuoted !== inDouble) flush();
        litQuoted = inDouble;
        lit += c;
        i++;
      }
    }
    flush();
    return out;
  }

  private special(ch: string): string {
    switch (ch) {
      case '?':
        return String(this.ctx.last);
      case '!':
        return this.ctx.bgPid ? String(this.ctx.bgPid) : '';
      case '$':
        return '1';
      case '#':
        return String(this.ctx.args.length);
      case '@':
      case '*':
        return this.ctx.args.join(' ');
      case '0':
        return 'ash';
      default:
        return this.ctx.args[Number(ch) - 1] ?? '';
    }
  }

  private param(expr: string, io: Io): string {
    if (expr.startsWith('#') && expr.length > 1) return String(this.param(expr.slice(1), io).length);
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[?!$#@*0-9])(?:(:?[-=+?])|(##?|%%?))?([\s\S]*)$/.exec(expr);
    if (!m) throw new ShellSyntax(`\${${expr}}: bad substitution`);
    const [, name, colonOp, trimOp, rest = ''] = m;
    const set = /^[A-Za-z_]/.test(name!) ? this.ctx.vars.has(name!) : true;
    const value = /^[A-Za-z_]/.test(name!) ? (this.ctx.vars.get(name!) ?? '') : this.special(name!);
    if (colonOp) {
      const empty = colonOp.startsWith(':') ? value === '' : !set;
      const op = colonOp.replace(':', '');
      const word = () => this.expandOne(rest, io);
      if (op === '-') return empty ? word() : value;
      if (op === '=') {
        if (empty) this.ctx.vars.set(name!, word());
        return this.ctx.vars.get(name!) ?? '';
      }
      if (op === '+') return empty ? '' : word();
      if (empty) throw new ShellSyntax(`${name}: ${word() || 'parameter not set'}`);
      return value;
    }
    if (trimOp) {
      const re = this.patternOf(rest, io);
      if (trimOp === '#' || trimOp === '##') {
        const lens = trimOp === '#' ? [...Array(value.length + 1).keys()] : [...Array(value.length + 1).keys()].reverse();
        for (const n of lens) if (re.test(value.slice(0, n))) return value.slice(n);
      } else {
        const lens = trimOp === '%' ? [...Array(value.length + 1).keys()].reverse() : [...Array(value.length + 1).keys()];
        for (const n of lens) if (re.test(value.slice(n))) return value.slice(0, n);
      }
      return value;
    }
    return value;
  }

  /** A pattern word (case arm, ${x#pat}) as an anchored RegExp: quoted parts match literally. */
  private patternOf(word: string, io: Io): RegExp {
    const ps = this.pieces(word, io);
    let text = '';
    const mask: boolean[] = [];
    for (const p of ps) {
      text += p.text;
      for (let k = 0; k < p.text.length; k++) mask.push(p.quoted);
    }
    return patternRe(text, mask);
  }

  private substitute(script: string, io: Io): string {
    const saved = this.snapshot();
    const sub: Io = { out: [], err: [] };
    let code = 0;
    try {
      const list = new Parser(tokenize(script)).parseAll();
      code = this.list(list, Buffer.alloc(0), sub);
    } catch (e) {
      if (e instanceof Exit) code = e.code;
      else if (e instanceof ShellSyntax) {
        sub.err.push(`ash: ${e.message}\n`);
        code = 2;
      } else if (!(e instanceof Loop)) throw e;
    } finally {
      this.restore(saved);
    }
    io.err.push(...sub.err);
    this.ctx.last = code;
    return Buffer.concat(sub.out).toString('utf8').replace(/\n+$/, '');
  }

  /** Expand words into fields: parameter and command substitution, field splitting, globs. */
  private expandWords(words: string[], io: Io): string[] {
    const out: string[] = [];
    const ifs = this.ctx.vars.get('IFS') ?? ' \t\n';
    for (const w of words) {
      const ps = this.pieces(w, io);
      // fields: each carries its text and which characters may glob
      const fields: { text: string; mask: boolean[]; any: boolean }[] = [];
      let cur: { text: string; mask: boolean[]; any: boolean } | undefined;
      const add = (s: string, quoted: boolean) => {
        cur ??= { text: '', mask: [], any: false };
        cur.text += s;
        for (let k = 0; k < s.length; k++) cur.mask.push(quoted);
        cur.any = true;
      };
      for (const p of ps) {
        if (!p.split) {
          add(p.text, p.quoted);
          continue;
        }
        const parts = ifs ? p.text.split(new RegExp(`[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+`)) : [p.text];
        parts.forEach((s, k) => {
          if (k > 0 && cur) {
            fields.push(cur);
            cur = undefined;
          }
          if (s) add(s, false);
          else if (k === 0 && cur === undefined) {
            /* leading separator: nothing */
          }
        });
      }
      if (cur && (cur.text !== '' || ps.some((p) => p.quoted))) fields.push(cur);
      else if (cur === undefined && ps.some((p) => p.quoted && !p.split) && !fields.length) fields.push({ text: '', mask: [], any: true });
      for (const f of fields) out.push(...this.glob(f.text, f.mask));
    }
    return out;
  }

  private expandOne(word: string, io: Io): string {
    return this.pieces(word, io)
      .map((p) => p.text)
      .join('');
  }

  private glob(text: string, mask: boolean[]): string[] {
    const globby = [...text].some((c, k) => !mask[k] && (c === '*' || c === '?' || c === '['));
    if (!globby || !text.startsWith('/')) return [text];
    const segs = text.split('/').slice(1);
    let bases = [''];
    let off = 1;
    for (const seg of segs) {
      const segMask = mask.slice(off, off + seg.length);
      off += seg.length + 1;
      const hasMeta = [...seg].some((c, k) => !segMask[k] && (c === '*' || c === '?' || c === '['));
      const next: string[] = [];
      for (const b of bases) {
        if (!hasMeta) next.push(`${b}/${seg}`);
        else {
          const re = patternRe(seg, segMask);
          for (const n of this.host.list(b || '/').sort()) if (re.test(n) && !(n.startsWith('.') && !seg.startsWith('.'))) next.push(`${b}/${n}`);
        }
      }
      bases = next.slice(0, 10_000);
      if (!bases.length) return [text];
    }
    const hit = bases.filter((p) => this.host.read(p) !== undefined || this.host.isDir(p));
    return hit.length ? hit : [text];
  }

  // ---------------------------------------------------------------- commands

  private emit(io: Io, data: string | Buffer): void {
    const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.outBytes += b.length;
    if (this.outBytes > MAX_OUT) throw new Exit(1);
    io.out.push(b);
  }

  private has(name: string): boolean {
    if (BUILTINS.has(name) || APPLETS.has(name)) return true;
    return this.host.has?.(name) ?? false;
  }

  private builtin(name: string, args: string[], stdin: Buffer, io: Io): number {
    const h = this.host;
    const err = (text: string, code = 1): number => {
      io.err.push(text);
      return code;
    };
    switch (name) {
      case 'true':
      case ':':
      case 'sync':
      case 'stty':
      case 'cd':
      case 'local':
        return 0;
      case 'false':
        return 1;
      case 'exit':
        throw new Exit(args[0] !== undefined ? Number(args[0]) & 255 || 0 : this.ctx.last);
      case 'break':
      case 'continue':
        throw new Loop(name, Math.max(1, Number(args[0] ?? 1) || 1));
      case 'export':
      case 'readonly':
        for (const a of args) {
          const eq = a.indexOf('=');
          if (eq > 0) this.ctx.vars.set(a.slice(0, eq), a.slice(eq + 1));
        }
        return 0;
      case 'unset':
        for (const a of args.filter((x) => !x.startsWith('-'))) this.ctx.vars.delete(a);
        return 0;
      case 'set':
        if (args[0] === '--') this.ctx.args = args.slice(1);
        return 0;
      case 'shift': {
        const n = Number(args[0] ?? 1) || 1;
        if (n > this.ctx.args.length) return 1;
        this.ctx.args = this.ctx.args.slice(n);
        return 0;
      }
      case 'trap':
        if (args.length >= 2) for (const sig of args.slice(1)) this.ctx.traps.set(sig, args[0]!);
        return 0;
      case 'wait': {
        if (!args.length) return 0;
        const code = this.ctx.jobs.get(Number(args[args.length - 1]));
        return code ?? 127;
      }
      case 'read': {
        const names = args.filter((a) => !a.startsWith('-'));
        const text = stdin.toString('utf8');
        if (!text) {
          for (const n of names) this.ctx.vars.set(n, ''); // ash empties them at end of input
          return 1;
        }
        const line = text.split('\n')[0]!;
        const parts = line.trim().split(/\s+/);
        names.forEach((n, k) => this.ctx.vars.set(n, k === names.length - 1 ? parts.slice(k).join(' ') : (parts[k] ?? '')));
        return 0;
      }
      case 'command': {
        if (args[0] === '-v' || args[0] === '-V') {
          const found = args.slice(1).filter((n) => this.has(n));
          for (const n of found) this.emit(io, BUILTINS.has(n) ? `${n}\n` : `${APPLETS.has(n) ? '/bin' : '/sbin'}/${n}\n`);
          return found.length === args.length - 1 && found.length ? 0 : 1;
        }
        if (!args.length) return 0;
        return this.builtin(args[0]!, args.slice(1), stdin, io);
      }
      case 'busybox':
        if (!args.length) return err('BusyBox v1.36.1 (practice router) multi-call binary.\n');
        return this.builtin(args[0]!, args.slice(1), stdin, io);
      case 'eval':
        return this.list(new Parser(tokenize(args.join(' '))).parseAll(), stdin, io);
      case 'echo': {
        let a = args;
        let nl = true;
        while (a[0] === '-n' || a[0] === '-e' || a[0] === '-ne' || a[0] === '-en') {
          if (a[0]!.includes('n')) nl = false;
          a = a.slice(1);
        }
        this.emit(io, `${a.join(' ')}${nl ? '\n' : ''}`);
        return 0;
      }
      case 'printf':
        this.emit(io, printfFormat(args));
        return 0;
      case '[':
      case 'test': {
        const a = name === '[' ? args.slice(0, -1) : args;
        if (name === '[' && args[args.length - 1] !== ']') return err('[: missing ]\n', 2);
        return this.test(a, io);
      }
      case 'cat': {
        const files = args.filter((a) => a !== '-u');
        if (!files.length || (files.length === 1 && files[0] === '-')) {
          this.emit(io, stdin);
          return 0;
        }
        let code = 0;
        for (const a of files) {
          const b = a === '-' ? stdin : h.read(a);
          if (b) this.emit(io, b);
          else {
            code = 1;
            io.err.push(`cat: can't open '${a}': ${h.isDir(a) ? 'Is a directory' : 'No such file or directory'}\n`);
          }
        }
        return code;
      }
      case 'ls': {
        const dirs = args.filter((a) => !a.startsWith('-'));
        const lines: string[] = [];
        let code = 0;
        for (const d of dirs.length ? dirs : ['/']) {
          if (h.isDir(d)) lines.push(...h.list(d).sort());
          else if (h.read(d)) lines.push(d);
          else {
            code = 1;
            io.err.push(`ls: ${d}: No such file or directory\n`);
          }
        }
        if (lines.length) this.emit(io, lines.join('\n') + '\n');
        return code;
      }
      case 'mv':
      case 'cp': {
        const files = args.filter((a) => !a.startsWith('-'));
        if (files.length !== 2) return err(`${name}: need a source and a target\n`);
        const data = h.read(files[0]!);
        if (!data) return err(`${name}: can't stat '${files[0]}': No such file or directory\n`);
        const problem = h.write(files[1]!, data);
        if (problem) return err(`${name}: can't create '${files[1]}': ${problem}\n`);
        if (name === 'mv') h.remove(files[0]!);
        return 0;
      }
      case 'rm': {
        const force = args.some((a) => /^-[a-z]*f/.test(a));
        let code = 0;
        for (const a of args.filter((x) => !x.startsWith('-'))) {
          if (!h.remove(a) && !force) {
            code = 1;
            io.err.push(`rm: can't remove '${a}': No such file or directory\n`);
          }
        }
        return code;
      }
      case 'mkdir':
      case 'touch':
        if (name === 'touch') for (const a of args.filter((x) => !x.startsWith('-'))) if (!h.read(a)) h.write(a, Buffer.alloc(0));
        return 0;
      case 'sleep':
        return 0;
      case 'head':
      case 'tail': {
        const nIdx = args.findIndex((a) => a === '-n' || a === '-c');
        const mode = nIdx >= 0 ? args[nIdx] : '-n';
        const n = nIdx >= 0 ? Number(args[nIdx + 1]) : Number(/^-(\d+)$/.exec(args.find((a) => /^-\d+$/.test(a)) ?? '')?.[1] ?? 10);
        if (!Number.isFinite(n) || n < 0) return err(`${name}: invalid number '${args[nIdx + 1]}'\n`);
        const files = args.filter((a, k) => !a.startsWith('-') && k !== nIdx + 1);
        const data = files.length ? h.read(files[0]!) : stdin;
        if (!data) return err(`${name}: can't open '${files[0]}': No such file or directory\n`);
        if (mode === '-c') this.emit(io, name === 'head' ? data.subarray(0, n) : data.subarray(Math.max(0, data.length - n)));
        else {
          const lines = data.toString('latin1').split('\n');
          if (lines[lines.length - 1] === '') lines.pop();
          const pick = name === 'head' ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n));
          if (pick.length) this.emit(io, Buffer.from(pick.join('\n') + '\n', 'latin1'));
        }
        return 0;
      }
      case 'wc': {
        const files = args.filter((a) => !a.startsWith('-'));
        const data = files.length ? h.read(files[0]!) : stdin;
        if (!data) return err(`wc: can't open '${files[0]}': No such file or directory\n`);
        const lines = data.toString('latin1').split('\n').length - 1;
        const words = data.toString('latin1').split(/\s+/).filter(Boolean).length;
        const flag = args.find((a) => a.startsWith('-'));
        const v = flag === '-c' ? [data.length] : flag === '-l' ? [lines] : flag === '-w' ? [words] : [lines, words, data.length];
        this.emit(io, `${v.join(' ')}${files[0] ? ` ${files[0]}` : ''}\n`);
        return 0;
      }
      case 'grep':
        return this.grep(args, stdin, io);
      case 'df': {
        const free = h.tmpFreeKiB?.() ?? 61440;
        const total = free + 1024;
        this.emit(io, `Filesystem           1K-blocks      Used Available Use% Mounted on\ntmpfs               ${String(total).padStart(9)} ${String(total - free).padStart(9)} ${String(free).padStart(9)} ${String(Math.round(((total - free) * 100) / total)).padStart(3)}% /tmp\n`);
        return 0;
      }
      case 'sha256sum':
      case 'md5sum': {
        const alg = name === 'md5sum' ? 'md5' : 'sha256';
        const files = args.filter((a) => !a.startsWith('-') || a === '-');
        if (!files.length) {
          this.emit(io, `${crypto.createHash(alg).update(stdin).digest('hex')}  -\n`);
          return 0;
        }
        let code = 0;
        for (const f of files) {
          const b = f === '-' ? stdin : h.read(f);
          if (!b) {
            code = 1;
            io.err.push(`${name}: can't open '${f}': No such file or directory\n`);
          } else this.emit(io, `${crypto.createHash(alg).update(b).digest('hex')}  ${f}\n`);
        }
        return code;
      }
      default: {
        const r = h.tool(name.replace(/^\/(usr\/)?s?bin\//, ''), args, stdin);
        if (!r) return err(`ash: ${name}: not found\n`, 127);
        this.emit(io, r.stdout);
        if (r.stderr) io.err.push(r.stderr);
        return r.code;
      }
    }
  }

  private test(a: string[], io: Io): number {
    const h = this.host;
    const unary = (op: string, x: string): number | undefined => {
      switch (op) {
        case '-f':
          return h.read(x) !== undefined && !h.isDir(x) ? 0 : 1;
        case '-d':
          return h.isDir(x) ? 0 : 1;
        case '-e':
        case '-r':
        case '-w':
          return h.read(x) !== undefined || h.isDir(x) ? 0 : 1;
        case '-x':
          return this.has(x.replace(/^.*\//, '')) ? 0 : 1;
        case '-s':
          return (h.read(x)?.length ?? 0) > 0 ? 0 : 1;
        case '-n':
          return x !== '' ? 0 : 1;
        case '-z':
          return x === '' ? 0 : 1;
        default:
          return undefined;
      }
    };
    const num = (x: string): number | undefined => (/^\s*-?\d+\s*$/.test(x) ? Number(x) : undefined);
    const one = (b: string[]): number => {
      if (b[0] === '!' && b.length > 1) return one(b.slice(1)) === 0 ? 1 : 0;
      if (b.length === 0) return 1;
      if (b.length === 1) return b[0] !== '' ? 0 : 1;
      if (b.length === 2) {
        const r = unary(b[0]!, b[1]!);
        if (r === undefined) throw new ShellSyntax(`test: ${b[0]}: unary operator expected`);
        return r;
      }
      if (b.length === 3) {
        const [x = '', op = '', y = ''] = b;
        if (op === '=' || op === '==') return x === y ? 0 : 1;
        if (op === '!=') return x !== y ? 0 : 1;
        const cmp: Record<string, (p: number, q: number) => boolean> = { '-eq': (p, q) => p === q, '-ne': (p, q) => p !== q, '-lt': (p, q) => p < q, '-le': (p, q) => p <= q, '-gt': (p, q) => p > q, '-ge': (p, q) => p >= q };
        if (cmp[op]) {
          const p = num(x);
          const q = num(y);
          if (p === undefined || q === undefined) throw new ShellSyntax(`test: ${p === undefined ? x : y}: bad number`);
          return cmp[op](p, q) ? 0 : 1;
        }
      }
      const ai = b.indexOf('-a');
      const oi = b.indexOf('-o');
      if (oi > 0) return one(b.slice(0, oi)) === 0 || one(b.slice(oi + 1)) === 0 ? 0 : 1;
      if (ai > 0) return one(b.slice(0, ai)) === 0 && one(b.slice(ai + 1)) === 0 ? 0 : 1;
      throw new ShellSyntax('test: syntax error');
    };
    try {
      return one(a);
    } catch (e) {
      if (!(e instanceof ShellSyntax)) throw e;
      io.err.push(`ash: ${e.message}\n`);
      return 2;
    }
  }

  private grep(args: string[], stdin: Buffer, io: Io): number {
    let quiet = false;
    let ci = false;
    let ext = false;
    let invert = false;
    let count = false;
    let fixed = false;
    let only = false;
    const rest: string[] = [];
    const patterns: string[] = [];
    for (let k = 0; k < args.length; k++) {
      const a = args[k]!;
      if (a === '-e') patterns.push(args[++k] ?? '');
      else if (/^-[qiEvcFosw]+$/.test(a)) {
        quiet ||= a.includes('q');
        ci ||= a.includes('i');
        ext ||= a.includes('E');
        invert ||= a.includes('v');
        count ||= a.includes('c');
        fixed ||= a.includes('F');
        only ||= a.includes('o');
      } else rest.push(a);
    }
    if (!patterns.length) {
      if (!rest.length) {
        io.err.push('Usage: grep [-qiEvcFo] PATTERN [FILE]...\n');
        return 2;
      }
      patterns.push(rest.shift()!);
    }
    let re: RegExp;
    try {
      const src = patterns.map((p) => (fixed ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : ext ? p : breToJs(p))).join('|');
      re = new RegExp(src, ci ? 'i' : '');
    } catch {
      io.err.push(`grep: bad regex '${patterns[0]}'\n`);
      return 2;
    }
    let hits = 0;
    let code = 1;
    const inputs: [string, Buffer | undefined][] = rest.length ? rest.map((f) => [f, f === '-' ? stdin : this.host.read(f)]) : [['-', stdin]];
    const out: string[] = [];
    let missing = false;
    for (const [f, data] of inputs) {
      if (!data) {
        missing = true;
        if (!quiet) io.err.push(`grep: ${f}: No such file or directory\n`);
        continue;
      }
      const lines = data.toString('latin1').split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      for (const l of lines) {
        const m = re.test(l);
        if (m !== invert) {
          hits++;
          if (!count && !quiet) out.push(`${inputs.length > 1 ? `${f}:` : ''}${only && !invert ? (re.exec(l)?.[0] ?? l) : l}`);
        }
      }
    }
    if (hits) code = 0;
    else if (missing) code = 2;
    if (quiet) return code;
    if (count) this.emit(io, `${hits}\n`);
    else if (out.length) this.emit(io, Buffer.from(out.join('\n') + '\n', 'latin1'));
    return code;
  }
}

const BUILTINS = new Set(['true', 'false', ':', 'exit', 'break', 'continue', 'export', 'readonly', 'unset', 'set', 'shift', 'trap', 'wait', 'read', 'command', 'eval', 'echo', 'printf', 'test', '[', 'cd', 'local']);
/** The busybox applets this shell carries (nc is not among them: the practice router has none, as some builds). */
const APPLETS = new Set(['busybox', 'cat', 'ls', 'cp', 'mv', 'rm', 'mkdir', 'touch', 'sleep', 'sync', 'stty', 'head', 'tail', 'wc', 'grep', 'df', 'sha256sum', 'md5sum']);
