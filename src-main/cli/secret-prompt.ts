import { StringDecoder } from 'node:string_decoder';

export class PromptCancelled extends Error {}

/**
 * Ask for a secret on the terminal without showing it (no echo, no stars): raw mode, so the terminal prints
 * nothing while keys are typed. Enter ends it; Backspace and Ctrl-U edit; Ctrl-C (or Ctrl-D on an empty line)
 * cancels with PromptCancelled. Returns undefined when `input` is not a terminal (a pipe, a script): then the
 * caller says to use the environment variable instead.
 */
export function askSecretOnTty(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<string | undefined> {
  if (!input.isTTY || typeof input.setRawMode !== 'function') return Promise.resolve(undefined);
  // raw mode first: a key typed as soon as the prompt shows must not be echoed
  input.setRawMode(true);
  output.write(prompt);
  const decoder = new StringDecoder('utf8');
  let chars: string[] = [];
  input.resume();
  return new Promise((resolve, reject) => {
    const finish = (err?: Error): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(chars.join(''));
    };
    const onData = (b: Buffer): void => {
      for (const ch of decoder.write(b)) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || (ch === '\u0004' && chars.length === 0)) return finish(new PromptCancelled('cancelled at the password prompt'));
        if (ch === '\u007f' || ch === '\b') chars.pop();
        else if (ch === '\u0015') chars = [];
        else if (ch >= ' ') chars.push(ch);
      }
    };
    input.on('data', onData);
  });
}
