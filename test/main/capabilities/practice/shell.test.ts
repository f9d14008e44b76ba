/**
 * The practice router's stand-in shell: the command lines our flows send behave as in ash (quoting, `;`, `&&`,
 * `||`, pipes, if/then/else/fi, redirections, globs), anything else is "not found" (127), and no input makes it
 * throw (fuzzed).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PracticeShell, type ShellHost } from '../../../../src-main/capabilities/practice/shell';

function host(files: Record<string, string>): ShellHost & { files: Record<string, string> } {
  return {
    files,
    read: (p) => (files[p] !== undefined ? Buffer.from(files[p]!) : undefined),
    write: (p, d, a) => void (files[p] = (a ? (files[p] ?? '') : '') + d.toString()),
    remove: (p) => (p in files ? (delete files[p], true) : false),
    isDir: (p) => Object.keys(files).some((k) => k.startsWith(p.replace(/\/$/, '') + '/')),
    list: (d) => [...new Set(Object.keys(files).filter((k) => k.startsWith(d + '/')).map((k) => k.slice(d.length + 1).split('/')[0]!))],
    tool: (n, a, i) => (n === 'passwd' ? { stdout: Buffer.from(`passwd ${a.join(' ')} [${i.toString().split('\n')[0]}]\n`), stderr: '', code: 0 } : undefined),
  };
}

describe('practice shell', () => {
  it('runs what the failsafe guide sends', () => {
    const h = host({ '/etc/config/network': 'lan', '/rom/etc/config/network': 'rom-lan', '/etc/banner': 'B' });
    const sh = new PracticeShell(h);
    expect(sh.run('cat /etc/banner.failsafe 2>/dev/null || cat /etc/banner 2>/dev/null').stdout.toString()).toBe('B');
    const one = (f: string) => `if [ -f /etc/config/${f} ]; then mv -f /etc/config/${f} /etc/config/${f}.bak; fi; if [ -f /rom/etc/config/${f} ]; then cp /rom/etc/config/${f} /etc/config/${f}; fi`;
    const r = sh.run(`${one('network')}; ${one('firewall')}; ls /etc/config`);
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('network\nnetwork.bak\n');
    expect(h.files['/etc/config/network']).toBe('rom-lan');
    // shQuote's form for an apostrophe: 'it'\''s'
    expect(sh.run(`printf '%s\\n%s\\n' 'it'\\''s a pw' 'it'\\''s a pw' | passwd root`).stdout.toString()).toBe("passwd root [it's a pw]\n");
    expect(sh.run('echo a && false && echo b || echo c').stdout.toString()).toBe('a\nc\n');
    expect(sh.run('echo x > /tmp/f; echo y >> /tmp/f; cat /tmp/f').stdout.toString()).toBe('x\ny\n');
    expect(sh.run('rm -rf /etc/config/*; ls /etc/config').code).toBe(1);
    const nf = sh.run('frobnicate --now');
    expect([nf.code, nf.stderr]).toEqual([127, 'ash: frobnicate: not found\n']);
    expect(sh.run("echo 'unterminated").code).toBe(2);
  });

  it('never throws, whatever the line', () => {
    const sh = new PracticeShell(host({ '/a': '1' }));
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (line) => {
        const r = sh.run(line);
        expect(Number.isInteger(r.code)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('if', 'then', 'else', 'fi', ';', '&&', '||', '|', '>', '2>/dev/null', "'", '"', 'echo', 'cat', '/a', '*', '[', '-f', ']'), { maxLength: 30 }), (parts) => {
        expect(Number.isInteger(sh.run(parts.join(' ')).code)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
