/**
 * Issue 12 #10 and #12, the pure parts: a command's arguments and input never reach an error (the programs are
 * named, nothing else), and the text rules for what may be typed into a router's terminal. The same paths run
 * against the real dropbear and busybox telnetd in test/integration/session.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commandNames, describeCommand, shQuote } from '../../../src-main/session/shell';
import { commandTimeoutFault } from '../../../src-main/session/faults';
import { routerPasswordProblem, textNotSendableFault, unsendableChar } from '../../../src-main/session/router-text';
import { fault } from '../../../src-shared/errors';
import { loadCatalog, localizeError, translator } from '../../../src-shared/i18n';

describe('commands in errors name their programs only', () => {
  it('the failsafe password command: printf and passwd, never the password', () => {
    const pw = "n3w 'pass' | reboot; x";
    const cmd = `printf '%s\\n%s\\n' ${shQuote(pw)} ${shQuote(pw)} | passwd root`;
    expect(commandNames(cmd)).toEqual(['printf', 'passwd']);
    const f = commandTimeoutFault('192.168.1.1', cmd, 20_000);
    expect(f.details).toBe('192.168.1.1: a command running printf, passwd (its arguments and input are not shown)');
    expect(JSON.stringify(f.toShape())).not.toMatch(/n3w|pass'|reboot/);
  });

  it('follows pipes, lists, groups, substitutions and redirections as the shell does', () => {
    expect(commandNames('cat /proc/mtd')).toEqual(['cat']);
    expect(commandNames("{ { cat /dev/mtd3 ; } ; echo $? >/tmp/.rb-rc-1 ; } 2>/tmp/.rb-err-1 | nc 192.168.1.10 4000; echo \"rc=$(cat /tmp/.rb-rc-1 2>/dev/null)\"; rm -f x")).toEqual(['cat', 'echo', 'nc', 'rm']);
    expect(commandNames('if [ -d /overlay/upper ]; then rm -rf /overlay/upper/*; else sync; fi; echo done')).toEqual(['rm', 'sync', 'echo']); // `[` is not a plain name
    expect(commandNames('A=1 B=\'x y\' env')).toEqual(['env']);
    expect(commandNames('mtd -r erase rootfs_data && reboot || echo `date`')).toEqual(['mtd', 'reboot', 'echo', 'date']);
    expect(commandNames("uci set wireless.default_radio0.key='hunter22' && uci commit")).toEqual(['uci']);
    expect(describeCommand("'quoted-program' arg")).toBe('a command (its text is not shown)');
  });

  it('never lets a quoted word out, whatever it holds (200 random secrets, quoted as our commands quote them)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 6, maxLength: 40, unit: 'grapheme' }), (secret) => {
        fc.pre(/[A-Za-z0-9]{4}/.test(secret));
        const cases: Array<[string, string]> = [
          [`printf '%s\\n%s\\n' ${shQuote(secret)} ${shQuote(secret)} | passwd root`, 'printf, passwd'],
          [`echo ${shQuote(secret)} | chpasswd`, 'echo, chpasswd'],
          [`uci set x.y.key=${shQuote(secret)}`, 'uci'],
        ];
        for (const [cmd, names] of cases) expect(describeCommand(cmd)).toBe(`a command running ${names} (its arguments and input are not shown)`);
      }),
      { numRuns: 200 },
    );
  });
});

describe("text typed into a router's terminal", () => {
  it('refuses control characters and line breaks, names them by position, never echoes the text', () => {
    expect(unsendableChar('root')).toBeUndefined();
    expect(unsendableChar('Grüße-ħ€-密码 😀')).toBeUndefined();
    expect(unsendableChar('root\necho x')).toMatchObject({ index: 4, lineBreak: true, char: 'a line break' });
    expect(unsendableChar('pw\rreboot')).toMatchObject({ index: 2, lineBreak: true });
    expect(unsendableChar('a\u2028b')).toMatchObject({ lineBreak: true });
    expect(unsendableChar('a\x03b')).toMatchObject({ index: 1, lineBreak: false, char: 'Ctrl-C' });
    expect(unsendableChar('a\tb')?.char).toBe('a Tab');
    expect(unsendableChar('a\x7fb')?.char).toBe('Delete');
    expect(unsendableChar('a\u0090b')?.char).toBe('the control character U+0090');
    expect(unsendableChar('a\ud800b')?.char).toMatch(/unpaired surrogate/);
  });

  it('a new router password: 6 characters or more, one line, no control characters, any alphabet', () => {
    expect(routerPasswordProblem('Grüße-ħ€-密码')).toBeUndefined();
    expect(routerPasswordProblem("n3w 'pass'")).toBeUndefined();
    expect(routerPasswordProblem('密码密码密码')).toBeUndefined();
    expect(routerPasswordProblem('short')?.message).toBe('That password is too short.');
    expect(routerPasswordProblem('secret\nreboot')).toMatchObject({ message: 'That password has a line break in it (position 7).', fix: 'Use a password on one line.' });
    expect(routerPasswordProblem('secret\x1bword')?.message).toMatch(/Escape in it \(position 7\), which the router cannot take/);
    expect(routerPasswordProblem('secret\x02word')?.message).toBe('That password has the control character U+0002 in it (position 7), which the router cannot take as part of a password.');
  });

  it('a new router password that cannot be set: the fault in German (decision 0153), the character named, never shown', async () => {
    const de = translator('de', await loadCatalog('de'));
    const f = fault('BAD_PASSWORD', routerPasswordProblem('secret\tword')!.values).toShape();
    expect(f).toMatchObject({ message: 'That password has a Tab in it (position 7), which the router cannot take as part of a password.', meaning: 'The password was not changed.', fix: 'Use letters, digits, spaces and punctuation only.' });
    expect(localizeError(f, de)).toMatchObject({ message: 'Dieses Passwort enthält an Stelle 7 einen Tabulator; das kann der Router nicht als Teil eines Passworts annehmen.', meaning: 'Das Passwort wurde nicht geändert.' });
    expect(localizeError(fault('BAD_PASSWORD', routerPasswordProblem('abc')!.values).toShape(), de).fix).toBe('Verwenden Sie mindestens 6 Zeichen.');
    // text refused before telnet sends it: the same English as before, the character named in German
    const cmd = textNotSendableFault('192.168.1.1', 'command', unsendableChar('echo a\nreboot')!).toShape();
    expect(cmd.message).toBe('Rescue Bench refused to send a command to the router at 192.168.1.1: it holds a line break at position 7.');
    const user = textNotSendableFault('192.168.1.1', 'user name', unsendableChar('ro\x03ot')!).toShape();
    expect(user).toMatchObject({ message: "The user name holds Ctrl-C at position 3, which cannot be typed into the router's login.", fix: 'Type the user name again on one line, without Tab or other special keys.' });
    expect(localizeError(user, de).message).toBe('Der Benutzername enthält an Stelle 3 Strg-C; das lässt sich nicht in die Anmeldung des Routers tippen.');
    expect(localizeError(textNotSendableFault('h', 'password', unsendableChar('ab\x01')!).toShape(), de).message).toBe('Das Passwort enthält an Stelle 3 das Steuerzeichen U+0001; das lässt sich nicht in die Anmeldung des Routers tippen.');
  });
});
