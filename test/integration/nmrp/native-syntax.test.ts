/**
 * The raw-Ethernet addon's parts for the systems that do not run here, checked as far as Linux can (decisions 0096,
 * 0097). None of this proves they work: Windows (Npcap) and macOS (BPF) raw frames are UNTESTED on real computers.
 *
 * - macOS (native/rawether/rawether.c, BPF branch): `gcc -fsyntax-only -U__linux__ -D__APPLE__` against the
 *   marked shim headers in native/rawether/shim/darwin (no macOS SDK here).
 * - Windows (native/rawether/rawether_win.c): `gcc -fsyntax-only -DRB_WIN_SHIM` against the marked shim
 *   native/rawether/shim/windows-shim.h; and, with mingw-w64 installed (.ci/run installs it), the real build's
 *   commands (scripts/native-windows.mjs) cross-compile and link a Windows DLL against mingw-w64's real headers.
 *   The DLL must import neither wpcap.dll (loaded at run time: the app starts without Npcap) nor node.exe directly
 *   (delay-loaded, so it loads inside the Electron executable), and must export the Node-API entry point.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportSkip } from '../../../test-support/netns';
// @ts-expect-error — a plain .mjs build helper without types
import { windowsAddonCommands } from '../../../scripts/native-windows.mjs';

const require = createRequire(import.meta.url);
const headers = require('node-api-headers') as { include_dir: string; def_paths: { node_api_def: string } };
const has = (cmd: string): boolean => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
const gcc = has('gcc');
const mingw = has('x86_64-w64-mingw32-gcc') && has('x86_64-w64-mingw32-dlltool') && has('x86_64-w64-mingw32-objdump');
if (!gcc) reportSkip('native syntax checks', 'gcc is not installed (apt-get install gcc)');
if (!mingw) reportSkip('Windows addon cross-build', 'mingw-w64 is not installed (apt-get install gcc-mingw-w64-x86-64-win32)');

const STRICT = ['-std=c11', '-Wall', '-Wextra', '-Werror'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-native-syntax-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function compile(cmd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(!gcc)('raw-Ethernet addon: the parts for other systems compile as far as Linux can check', () => {
  it('macOS BPF branch of rawether.c: syntax-checked against the darwin shim (and it is the branch checked)', () => {
    const args = [...STRICT, '-U__linux__', '-D__APPLE__', '-Inative/rawether/shim/darwin', `-I${headers.include_dir}`];
    const r = compile('gcc', [...args, '-fsyntax-only', 'native/rawether/rawether.c']);
    expect(r.out).toBe('');
    expect(r.ok).toBe(true);
    const pre = execFileSync('gcc', [...args, '-E', 'native/rawether/rawether.c'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    for (const req of ['0xc0044266UL', '0x8020426cUL', '0x80044270UL', '0x80044275UL', '0x80104267UL', '0x40044266UL']) expect(pre).toContain(req); // BIOCSBLEN, BIOCSETIF, BIOCIMMEDIATE, BIOCSHDRCMPLT, BIOCSETF, BIOCGBLEN
    expect(pre).not.toContain('AF_PACKET');
  });

  it('Windows Npcap part: syntax-checked against the Windows shim', () => {
    const r = compile('gcc', [...STRICT, '-fsyntax-only', '-DRB_WIN_SHIM', `-I${headers.include_dir}`, 'native/rawether/rawether_win.c']);
    expect(r.out).toBe('');
    expect(r.ok).toBe(true);
  });

  it.skipIf(!mingw)('Windows Npcap part: the build commands make a DLL with mingw-w64 that loads wpcap.dll at run time and node.exe delay-loaded', () => {
    const out = path.join(tmp, 'rb_rawether.node');
    const cmds = windowsAddonCommands({ compiler: 'mingw', prefix: 'x86_64-w64-mingw32-', include: headers.include_dir, def: headers.def_paths.node_api_def, out, obj: tmp }) as Array<[string, string[]]>;
    for (const [cmd, args] of cmds) {
      const r = compile(cmd, args);
      expect(r.out, `${cmd} ${args.join(' ')}`).toBe('');
      expect(r.ok).toBe(true);
    }
    const pe = execFileSync('x86_64-w64-mingw32-objdump', ['-p', out], { encoding: 'utf8' });
    expect(pe).toMatch(/PE32\+|pei-x86-64/);
    const imports = [...pe.matchAll(/DLL Name: (\S+)/g)].map((m) => m[1]!.toLowerCase());
    expect(imports).toContain('iphlpapi.dll');
    expect(imports).not.toContain('wpcap.dll');
    expect(imports).not.toContain('node.exe');
    expect(pe).toContain('napi_register_module_v1');
    const syms = execFileSync('x86_64-w64-mingw32-objdump', ['-t', out], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(syms).toContain('__delayLoadHelper2');
    expect(fs.readFileSync(out).includes(Buffer.from('NODE.EXE'))).toBe(true); // named in the delay-import table
    for (const fn of ['pcap_create', 'pcap_activate', 'pcap_setfilter', 'pcap_sendpacket', 'pcap_next_ex', 'pcap_set_immediate_mode', 'wpcap.dll']) expect(fs.readFileSync(out).includes(Buffer.from(fn))).toBe(true);
  });

  it('the Linux build is unchanged by the other systems\' parts: rawether.c compiles here as it is', () => {
    const r = compile('gcc', [...STRICT, '-fsyntax-only', `-I${headers.include_dir}`, 'native/rawether/rawether.c']);
    expect(r.out).toBe('');
    expect(r.ok).toBe(true);
  });
});
