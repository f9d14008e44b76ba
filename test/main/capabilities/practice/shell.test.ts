/**
 * The practice router's stand-in shell: the command lines our flows send behave as in ash (quoting, `;`, `&&`,
 * `||`, pipes, if/then/else/fi, redirections, globs), anything else is "not found" (127), and no input makes it
 * throw (fuzzed).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PracticeShell, type ShellHost } from '../../../../src-main/capabilities/practice/shell';
import { DISCOVERY_SCRIPT, interpretDiscovery } from '../../../../src-shared/capabilities/device/device';
import { parseRouterFacts, ROUTER_FACTS_SCRIPT } from '../../../../src-shared/capabilities/upgrade';
import { routerHashCommand } from '../../../../src-main/capabilities/flash/backup';

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

  it('expands parameters, substitutions and fields as ash does', () => {
    const sh = new PracticeShell(host({ '/sys/class/mtd/mtd0/name': 'u-boot\n', '/sys/class/mtd/mtd0/size': '65536\n', '/sys/class/mtd/mtd0ro/name': 'u-boot\n', '/sys/class/mtd/mtd1/name': 'firmware\n' }));
    const out = (l: string) => sh.run(l).stdout.toString();
    expect(out('d=/sys/class/mtd/mtd0; echo "${d##*/}" ${d#*/} ${d%/*} ${d%%/*}x ${#d}')).toBe('mtd0 sys/class/mtd/mtd0 /sys/class/mtd x 19\n');
    expect(out('x="a  b"; for w in $x "$x"; do echo "[$w]"; done')).toBe('[a]\n[b]\n[a  b]\n');
    expect(out('echo "$(echo one; echo two)" `echo three`')).toBe('one\ntwo three\n');
    expect(out('for d in /sys/class/mtd/mtd*; do case "$d" in *ro|*\\*) continue;; esac; echo "@@ ${d##*/}"; for f in name size; do [ -r "$d/$f" ] && echo "$f=$(cat "$d/$f")"; done; done')).toBe('@@ mtd0\nname=u-boot\nsize=65536\n@@ mtd1\nname=firmware\n');
    expect(out('for d in /sys/class/ubi/ubi*; do [ -d "$d" ] || continue; echo no; done; echo end')).toBe('end\n');
    expect(out('case abc in a?c) echo q;; *) echo star;; esac; case "x*" in "x*") echo lit;; esac')).toBe('q\nlit\n');
    expect(out('i=0; while [ $i -lt 3 ]; do i=$(printf %d 3); echo $i; done')).toBe('3\n');
    expect(out('n=0; until [ "$n" = xxx ]; do n="${n#0}x"; done; echo $n')).toBe('xxx\n');
    expect(out('if false; then echo a; elif true; then echo b; else echo c; fi')).toBe('b\n');
    expect(out('{ echo a; echo b; } | grep -c .')).toBe('2\n');
    expect(out('( zz=in ); echo "[${zz:-unset}]"; y=${y:=dflt}; echo $y ${y:+set}')).toBe('[unset]\ndflt set\n');
    expect(out("printf '%s=%05d|%-3s|%x\\n' a 42 b 255")).toBe('a=00042|b  |ff\n');
    expect(out('! false && echo negated; echo "$?"')).toBe('negated\n0\n');
    expect(out('echo out; echo err >&2')).toBe('out\n');
    expect(out('(echo out; echo err >&2) 2>&1 | wc -l')).toBe('2\n');
    expect(out('echo hi > /tmp/log 2>&1; echo more >> /tmp/log; cat /tmp/log')).toBe('hi\nmore\n');
    // multi-line input, as a script sent in one exec
    expect(out('if true\nthen\n  echo ml\nfi\n# a comment\necho done')).toBe('ml\ndone\n');
  });

  it('runs the discovery and facts scripts of the device and upgrade flows', () => {
    const files: Record<string, string> = {
      '/proc/mtd': 'dev:    size   erasesize  name\nmtd0: 00010000 00010000 "u-boot"\nmtd1: 00040000 00010000 "kernel1"\n',
      '/tmp/sysinfo/board_name': 'linksys,wrt32x\n',
      '/proc/cmdline': 'console=ttyS0,115200 root=/dev/mtdblock1\n',
      '/sys/class/mtd/mtd0/name': 'u-boot\n',
      '/sys/class/mtd/mtd0/size': '65536\n',
      '/sys/class/mtd/mtd1/name': 'kernel1\n',
      '/sys/class/mtd/mtd1/size': '262144\n',
      '/etc/openwrt_release': "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='19.07.10'\n",
      '/proc/meminfo': 'MemTotal: 100 kB\nMemFree: 50 kB\nMemAvailable: 60 kB\n',
    };
    const h = { ...host(files), has: (n: string) => ['sysupgrade', 'fw_printenv', 'mtd'].includes(n), tool: (n: string) => (n === 'fw_printenv' ? { stdout: Buffer.from('boot_part=1\nbootcmd=run nandboot\n'), stderr: '', code: 0 } : undefined) };
    const sh = new PracticeShell(h);
    const d = interpretDiscovery(sh.run(DISCOVERY_SCRIPT).stdout.toString());
    expect(d.identity.boardName).toBe('linksys,wrt32x');
    expect(d.partitions.map((p) => [p.name, p.size])).toEqual([
      ['u-boot', 65536],
      ['kernel1', 262144],
    ]);
    expect(d.tools).toMatchObject({ sha256sum: true, md5sum: true, fw_printenv: true, mtd: true, nc: false, nanddump: false });
    expect(d.env?.boot_part).toBe('1');
    const f = parseRouterFacts(sh.run(ROUTER_FACTS_SCRIPT).stdout.toString());
    expect(f).toMatchObject({ sysupgrade: true, ubus: false, wget: false, release: { release: '19.07.10' } });
    expect(f.tmpFreeBytes).toBeGreaterThan(1024 * 1024);
    // the flash backup's hash on the router: a background pipeline, its pid, wait
    const hr = sh.run(routerHashCommand('cat /proc/meminfo', 'sha256'));
    expect(hr.code).toBe(0);
    expect(hr.stdout.toString()).toMatch(/^[0-9a-f]{64}  -\n$/);
    // upgrade's detached sysupgrade: ( cmd > LOG 2>&1; echo "rb-exit=$?" >> LOG ) </dev/null >/dev/null 2>&1 &
    const bg = sh.run('rm -f /tmp/l; ( cat /nope > /tmp/l 2>&1; echo "rb-exit=$?" >> /tmp/l ) </dev/null >/dev/null 2>&1 &');
    expect([bg.code, bg.stdout.toString(), bg.stderr]).toEqual([0, '', '']);
    expect(files['/tmp/l']).toBe("cat: can't open '/nope': No such file or directory\nrb-exit=1\n");
    expect(sh.run('false & p=$!; wait $p').code).toBe(1);
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
    // the grammar's own pieces, glued without spaces too: loops, case, substitutions, parameter forms
    const piece = fc.constantFrom('for', 'x', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', ')', '(', ';;', '{', '}', '!', '$(', '`', '${x##*/}', '${', '}', '$x', '$?', '$!', '&', '\n', '2>&1', '>&2', '<', 'break', 'continue', 'exit', 'wait', 'eval', 'printf', '%s', 'grep', '-qE', 'x=1', 'test', '-eq', '"$(', "'", '\\', '*', '?', '[!a]');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (parts, glue) => {
        const r = sh.run(parts.join(glue ? '' : ' '));
        expect(Number.isInteger(r.code)).toBe(true);
        expect(typeof sh.needsMore(parts.join(' '))).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });
});
