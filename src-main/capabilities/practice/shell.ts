/**
 * STAND-IN: the practice router's shell. OpenWrt runs busybox ash; the practice router runs inside the
 * workstation on any OS, without root or a chroot, so it cannot run the real ash on its own files. This is a small
 * interpreter for the command lines our flows send (grep src-main for `exec(` and `run(ctx`): `;`, `&&`, `||`, `|`,
 * `if [ -f|-d X ]; then …; [else …;] fi`, quotes, `2>/dev/null`, `> file`, `*` globs, and the commands below.
 * What the tools print is modelled on busybox and OpenWrt's own (mount_root, firstboot, passwd, uci, mtd);
 * anything else answers `ash: X: not found` with exit code 127, as ash does.
 */

export interface ShellResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** The router behind the shell: its files and its tools' effects. */
export interface ShellHost {
  read(path: string): Buffer | undefined;
  write(path: string, data: Buffer, append?: boolean): string | undefined;
  remove(path: string): boolean;
  isDir(path: string): boolean;
  list(dir: string): string[];
  /** Tools whose work is the router's (mount_root, firstboot, passwd, uci, mtd, reboot, fw_printenv, sysupgrade). */
  tool(name: string, args: string[], stdin: Buffer): ShellResult | undefined;
}

type Tok = { t: 'word'; v: string; glob: boolean } | { t: 'op'; v: string };

const OPS = ['&&', '||', '2>&1', '2>>', '2>', '>>', '>', '|', ';', '<', '(', ')'];

/** `$?` in an unquoted or double-quoted word, expanded when the command runs. */
const LAST_CODE = '\u0001';

export function tokenize(line: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    const op = OPS.find((o) => line.startsWith(o, i) && (o[0] !== '2' || /\s/.test(line[i - 1] ?? ' ')));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    let word = '';
    let glob = false;
    // a lone '&' (background jobs: not supported) is a syntax error, as a stray character would be
    if (c === '&') throw new Error('syntax error near "&" (no background jobs here)');
    while (i < line.length && !/[\s;|&<>()]/.test(line[i]!)) {
      const ch = line[i]!;
      if (ch === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new Error('unterminated quoted string');
        word += line.slice(i + 1, end);
        i = end + 1;
      } else if (ch === '"') {
        let j = i + 1;
        while (j < line.length && line[j] !== '"') {
          if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) {
            word += line[j + 1];
            j += 2;
          } else if (line.startsWith('$?', j)) {
            word += LAST_CODE;
            j += 2;
          } else word += line[j++];
        }
        if (j >= line.length) throw new Error('unterminated quoted string');
        i = j + 1;
      } else if (ch === '\\' && i + 1 < line.length) {
        word += line[i + 1];
        i += 2;
      } else if (line.startsWith('$?', i)) {
        word += LAST_CODE;
        i += 2;
      } else {
        if (ch === '*') glob = true;
        word += ch;
        i++;
      }
    }
    out.push({ t: 'word', v: word, glob });
  }
  return out;
}

type Simple = { kind: 'simple'; words: { v: string; glob: boolean }[]; out?: { path: string; append: boolean }; errNull: boolean; errToOut: boolean };
type Pipeline = { kind: 'pipe'; cmds: (Simple | If | Sub)[] };
type If = { kind: 'if'; cond: List; then: List; else?: List };
type Sub = { kind: 'sub'; body: List; errNull: boolean; errToOut: boolean };
type List = { items: { op: ';' | '&&' | '||'; p: Pipeline }[] };

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}
  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'word' && t.v === v;
  }
  list(stop: string[] = [], inSub = false): List {
    const items: List['items'] = [];
    let op: ';' | '&&' | '||' = ';';
    for (;;) {
      while (this.peek()?.t === 'op' && this.peek()!.v === ';') this.i++;
      const t = this.peek();
      if (!t || (t.t === 'word' && stop.includes(t.v)) || (inSub && t.t === 'op' && t.v === ')')) break;
      items.push({ op, p: this.pipeline() });
      const n = this.peek();
      if (n?.t === 'op' && (n.v === '&&' || n.v === '||' || n.v === ';')) {
        op = n.v as ';' | '&&' | '||';
        this.i++;
      } else if (n && !(n.t === 'word' && stop.includes(n.v)) && !(inSub && n.t === 'op' && n.v === ')')) throw new Error(`syntax error near "${n.v}"`);
    }
    return { items };
  }
  private pipeline(): Pipeline {
    const cmds: (Simple | If | Sub)[] = [this.command()];
    while (this.peek()?.t === 'op' && this.peek()!.v === '|') {
      this.i++;
      cmds.push(this.command());
    }
    return { kind: 'pipe', cmds };
  }
  private command(): Simple | If | Sub {
    const open = this.peek();
    if (open?.t === 'op' && open.v === '(') {
      this.i++;
      const body = this.list([], true);
      const close = this.peek();
      if (!(close?.t === 'op' && close.v === ')')) throw new Error('syntax error: ")" expected');
      this.i++;
      const sub: Sub = { kind: 'sub', body, errNull: false, errToOut: false };
      // redirections after the subshell: < file, 2>&1, 2>/dev/null
      for (;;) {
        const t = this.peek();
        if (t?.t !== 'op' || ![ '<', '2>', '2>&1', '>'].includes(t.v)) break;
        this.i++;
        if (t.v === '2>&1') sub.errToOut = true;
        else {
          const target = this.peek();
          if (target?.t !== 'word') throw new Error(`syntax error: a file name after ${t.v}`);
          this.i++;
          if (t.v === '2>') sub.errNull = target.v === '/dev/null';
        }
      }
      return sub;
    }
    if (this.isWord('if')) {
      this.i++;
      const cond = this.list(['then']);
      if (!this.isWord('then')) throw new Error('syntax error: "then" expected');
      this.i++;
      const then = this.list(['else', 'fi']);
      let otherwise: List | undefined;
      if (this.isWord('else')) {
        this.i++;
        otherwise = this.list(['fi']);
      }
      if (!this.isWord('fi')) throw new Error('syntax error: "fi" expected');
      this.i++;
      return { kind: 'if', cond, then, ...(otherwise ? { else: otherwise } : {}) };
    }
    const s: Simple = { kind: 'simple', words: [], errNull: false, errToOut: false };
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.t === 'word') {
        s.words.push({ v: t.v, glob: t.glob });
        this.i++;
        continue;
      }
      if (t.v === '2>&1') {
        s.errToOut = true;
        this.i++;
        continue;
      }
      if (t.v === '>' || t.v === '>>' || t.v === '2>' || t.v === '2>>' || t.v === '<') {
        this.i++;
        const target = this.peek();
        if (target?.t !== 'word') throw new Error(`syntax error: a file name after ${t.v}`);
        this.i++;
        if (t.v.startsWith('2')) s.errNull = target.v === '/dev/null';
        else if (t.v !== '<') s.out = { path: target.v, append: t.v === '>>' };
        continue;
      }
      break;
    }
    if (!s.words.length) throw new Error('syntax error: a command is missing');
    return s;
  }
}

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp('^' + pattern.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*') + '$');
  return re.test(name);
}

/** printf with %s, %d and \n, \t escapes (what the flows use). */
function printf(args: string[]): string {
  const [fmt = '', ...rest] = args;
  let out = '';
  let k = 0;
  const once = (): void => {
    out += fmt.replace(/\\n|\\t|\\\\|%[sd%]/g, (m) => (m === '\\n' ? '\n' : m === '\\t' ? '\t' : m === '\\\\' ? '\\' : m === '%%' ? '%' : (rest[k++] ?? '')));
  };
  once();
  while (k < rest.length && /%[sd]/.test(fmt)) once();
  return out;
}

export class PracticeShell {
  /** $? */
  private last = 0;
  constructor(private readonly host: ShellHost) {}

  /** Whether a line is unfinished (an open quote, "(" or "if"): ash then reads the next line as its continuation. */
  needsMore(line: string): boolean {
    try {
      new Parser(tokenize(line)).list();
      return false;
    } catch (err) {
      return /unterminated|expected/.test((err as Error).message);
    }
  }

  run(line: string, stdin: Buffer = Buffer.alloc(0)): ShellResult {
    let list: List;
    try {
      list = new Parser(tokenize(line)).list();
    } catch (err) {
      return { stdout: Buffer.alloc(0), stderr: `ash: ${(err as Error).message}\n`, code: 2 };
    }
    return this.list(list, stdin);
  }

  private list(l: List, stdin: Buffer): ShellResult {
    const outs: Buffer[] = [];
    let err = '';
    let code = 0;
    for (const { op, p } of l.items) {
      if (op === '&&' && code !== 0) continue;
      if (op === '||' && code === 0) continue;
      const r = this.pipeline(p, stdin);
      outs.push(r.stdout);
      err += r.stderr;
      code = r.code;
      this.last = code;
    }
    return { stdout: Buffer.concat(outs), stderr: err, code };
  }

  private pipeline(p: Pipeline, stdin: Buffer): ShellResult {
    let input = stdin;
    let err = '';
    let r: ShellResult = { stdout: Buffer.alloc(0), stderr: '', code: 0 };
    for (const c of p.cmds) {
      r = c.kind === 'if' ? this.ifThen(c, input) : c.kind === 'sub' ? this.sub(c, input) : this.simple(c, input);
      err += r.stderr;
      input = r.stdout;
    }
    return { stdout: r.stdout, stderr: err, code: r.code };
  }

  private sub(c: Sub, stdin: Buffer): ShellResult {
    let r = this.list(c.body, stdin);
    if (c.errToOut) r = { stdout: Buffer.concat([r.stdout, Buffer.from(r.stderr)]), stderr: '', code: r.code };
    if (c.errNull) r = { ...r, stderr: '' };
    return r;
  }

  private ifThen(c: If, stdin: Buffer): ShellResult {
    const cond = this.list(c.cond, stdin);
    const body = cond.code === 0 ? c.then : c.else;
    const r = body ? this.list(body, stdin) : { stdout: Buffer.alloc(0), stderr: '', code: 0 };
    return { stdout: Buffer.concat([cond.stdout, r.stdout]), stderr: cond.stderr + r.stderr, code: r.code };
  }

  private expand(words: { v: string; glob: boolean }[]): string[] {
    const out: string[] = [];
    for (const word of words) {
      const w = { ...word, v: word.v.split(LAST_CODE).join(String(this.last)) };
      if (!w.glob) {
        out.push(w.v);
        continue;
      }
      const slash = w.v.lastIndexOf('/');
      const dir = slash > 0 ? w.v.slice(0, slash) : '/';
      const matches = this.host
        .list(dir)
        .filter((n) => globMatch(w.v.slice(slash + 1), n))
        .map((n) => `${dir === '/' ? '' : dir}/${n}`);
      out.push(...(matches.length ? matches.sort() : [w.v]));
    }
    return out;
  }

  private simple(c: Simple, stdin: Buffer): ShellResult {
    const [name = '', ...args] = this.expand(c.words);
    let r = this.command(name, args, stdin);
    if (c.errToOut) r = { stdout: Buffer.concat([r.stdout, Buffer.from(r.stderr)]), stderr: '', code: r.code };
    if (c.errNull) r = { ...r, stderr: '' };
    if (c.out && c.out.path !== '/dev/null') {
      const problem = this.host.write(c.out.path, r.stdout, c.out.append);
      r = { stdout: Buffer.alloc(0), stderr: r.stderr + (problem ? `ash: can't create ${c.out.path}: ${problem}\n` : ''), code: problem ? 1 : r.code };
    } else if (c.out) r = { ...r, stdout: Buffer.alloc(0) };
    return r;
  }

  private command(name: string, args: string[], stdin: Buffer): ShellResult {
    const ok = (text: string | Buffer = '', code = 0, stderr = ''): ShellResult => ({ stdout: typeof text === 'string' ? Buffer.from(text) : text, stderr, code });
    const h = this.host;
    switch (name) {
      case 'true':
      case ':':
      case 'sync':
      case 'export':
      case 'unset':
      case 'stty':
        return ok();
      case 'false':
        return ok('', 1);
      case 'echo': {
        const n = args[0] === '-n';
        return ok(`${(n ? args.slice(1) : args).join(' ')}${n ? '' : '\n'}`);
      }
      case 'printf':
        return ok(printf(args));
      case 'cat': {
        if (!args.length) return ok(stdin);
        const parts: Buffer[] = [];
        let err = '';
        for (const a of args) {
          const b = h.read(a);
          if (b) parts.push(b);
          else err += `cat: can't open '${a}': No such file or directory\n`;
        }
        return ok(Buffer.concat(parts), err ? 1 : 0, err);
      }
      case '[':
      case 'test': {
        const a = name === '[' ? args.slice(0, -1) : args;
        if (a[0] === '-f') return ok('', h.read(a[1] ?? '') ? 0 : 1);
        if (a[0] === '-d') return ok('', h.isDir(a[1] ?? '') ? 0 : 1);
        if (a[0] === '-e') return ok('', h.read(a[1] ?? '') || h.isDir(a[1] ?? '') ? 0 : 1);
        if (a[0] === '-n') return ok('', (a[1] ?? '') !== '' ? 0 : 1);
        if (a[0] === '-z') return ok('', (a[1] ?? '') === '' ? 0 : 1);
        if (a[1] === '=') return ok('', a[0] === a[2] ? 0 : 1);
        if (a[1] === '!=') return ok('', a[0] !== a[2] ? 0 : 1);
        return ok('', 2, `${name}: unsupported test\n`);
      }
      case 'ls': {
        const dirs = args.filter((a) => !a.startsWith('-'));
        const lines: string[] = [];
        for (const d of dirs.length ? dirs : ['/']) {
          if (!h.isDir(d)) return ok(lines.join('\n'), 1, `ls: ${d}: No such file or directory\n`);
          lines.push(...h.list(d).sort());
        }
        return ok(lines.length ? lines.join('\n') + '\n' : '');
      }
      case 'mv':
      case 'cp': {
        const files = args.filter((a) => !a.startsWith('-'));
        if (files.length !== 2) return ok('', 1, `${name}: need a source and a target\n`);
        const data = h.read(files[0]!);
        if (!data) return ok('', 1, `${name}: can't stat '${files[0]}': No such file or directory\n`);
        const problem = h.write(files[1]!, data);
        if (problem) return ok('', 1, `${name}: can't create '${files[1]}': ${problem}\n`);
        if (name === 'mv') h.remove(files[0]!);
        return ok();
      }
      case 'rm': {
        for (const a of args.filter((x) => !x.startsWith('-'))) h.remove(a);
        return ok();
      }
      case 'mkdir':
        return ok();
      case 'head': {
        const n = Number(args[args.indexOf('-n') + 1] ?? 10) || 10;
        return ok(stdin.toString('latin1').split('\n').slice(0, n).join('\n') + '\n');
      }
      case 'sleep':
        return ok();
      default: {
        if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(name) && args.length === 0) return ok(); // a variable assignment (PS1='')
        const r = h.tool(name.replace(/^\/(usr\/)?s?bin\//, ''), args, stdin);
        return r ?? ok('', 127, `ash: ${name}: not found\n`);
      }
    }
  }
}
