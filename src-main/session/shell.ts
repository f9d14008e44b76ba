/** Quote one word for a POSIX shell (busybox ash, bash): single quotes, with ' written as '\''. */
export function shQuote(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Words that start or end a compound command: the next word is again a command's first word. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'esac', '{', '}', '!']);
/** Words after which the next word names a variable or a value, not a program. */
const NOT_A_COMMAND_NEXT = new Set(['for', 'case', 'in']);
const PLAIN_NAME = /^[A-Za-z0-9_./+-]{1,64}$/;

/**
 * The programs a shell command line runs, and nothing else: the first word of each simple command, when it is
 * a plain word. Arguments, quoted text, variable expansions, redirection targets and whatever is piped into a
 * command never appear, so a secret (`printf '%s\n' 'new password' | passwd root`) cannot reach an error, a
 * log or the journal through it. A small POSIX shell lexer: quotes ('…', "…", \x), $( ) and ` ` nesting,
 * the operators | || & && ; ( ) and newlines, and redirections (> >> < 2>&1 …).
 */
export function commandNames(cmd: string): string[] {
  const names: string[] = [];
  type Ctx = 'cmd' | 'dq' | 'bt';
  const stack: Ctx[] = ['cmd'];
  let word = '';
  let inWord = false;
  let plain = true; // the word so far has no quote, escape or expansion
  let atStart = true; // the next word is a command's first word
  let redirectTarget = false; // the next word is a redirection target
  const endWord = (): void => {
    if (!inWord) return;
    const w = word;
    const wasPlain = plain;
    inWord = false;
    word = '';
    plain = true;
    if (redirectTarget) {
      redirectTarget = false;
      return;
    }
    if (!atStart) return;
    if (wasPlain && KEYWORDS.has(w)) return; // still at a command start
    if (wasPlain && NOT_A_COMMAND_NEXT.has(w)) {
      atStart = false;
      return;
    }
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) return; // VAR=value before the command (w holds only unquoted text)
    atStart = false;
    if (wasPlain && PLAIN_NAME.test(w) && !names.includes(w)) names.push(w);
  };
  const commandStart = (): void => {
    endWord();
    atStart = true;
    redirectTarget = false;
  };
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    const ctx = stack[stack.length - 1]!;
    if (ctx === 'dq') {
      // inside "…": nothing here is a command name, except inside a nested $( ) or ` `
      if (c === '\\') i++;
      else if (c === '"') stack.pop();
      else if (c === '$' && cmd[i + 1] === '(') {
        i++;
        stack.push('cmd');
        atStart = true;
        redirectTarget = false;
      } else if (c === '`') {
        stack.push('bt');
        atStart = true;
        redirectTarget = false;
      }
      continue;
    }
    if (c === '\\') {
      inWord = true;
      plain = false;
      i++;
      continue;
    }
    if (c === "'") {
      inWord = true;
      plain = false;
      const close = cmd.indexOf("'", i + 1);
      i = close < 0 ? cmd.length : close;
      continue;
    }
    if (c === '"') {
      inWord = true;
      plain = false;
      stack.push('dq');
      continue;
    }
    if (c === '`') {
      if (ctx === 'bt') {
        endWord();
        stack.pop();
        atStart = false;
        continue;
      }
      // the word holding the substitution is not a plain name; the substitution runs its own commands
      inWord = true;
      plain = false;
      endWord();
      stack.push('bt');
      atStart = true;
      redirectTarget = false;
      continue;
    }
    if (c === '#' && !inWord) {
      const nl = cmd.indexOf('\n', i);
      i = nl < 0 ? cmd.length : nl - 1;
      continue;
    }
    if (c === '$' && cmd[i + 1] === '(') {
      // the word holding the substitution is not a plain name; the substitution runs its own commands
      i++;
      inWord = true;
      plain = false;
      endWord();
      stack.push('cmd');
      atStart = true;
      redirectTarget = false;
      continue;
    }
    if (c === '$') {
      inWord = true;
      plain = false;
      continue;
    }
    if (c === ' ' || c === '\t') {
      endWord();
      continue;
    }
    if (c === '|' || c === '&' || c === ';' || c === '\n' || c === '\r') {
      commandStart();
      continue;
    }
    if (c === '(') {
      stack.push('cmd');
      commandStart();
      continue;
    }
    if (c === ')') {
      endWord();
      if (ctx === 'cmd' && stack.length > 1) stack.pop();
      atStart = false;
      continue;
    }
    if (c === '<' || c === '>') {
      // "2>file": the digits are the descriptor, not a word
      if (inWord && plain && /^\d+$/.test(word)) {
        inWord = false;
        word = '';
      } else endWord();
      while (i + 1 < cmd.length && /[<>&|]/.test(cmd[i + 1]!)) i++;
      redirectTarget = true;
      continue;
    }
    inWord = true;
    word += c;
  }
  endWord();
  return names.slice(0, 12);
}

/**
 * How errors, logs and the journal name a command: its programs only ("printf, passwd"), never its arguments
 * or input. See commandNames.
 */
export function describeCommand(cmd: string): string {
  const names = commandNames(cmd);
  return names.length ? `a command running ${names.join(', ')} (its arguments and input are not shown)` : 'a command (its text is not shown)';
}
