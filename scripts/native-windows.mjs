// How scripts/build-native.mjs builds the raw-Ethernet addon for Windows (native/rawether/rawether_win.c, Npcap;
// decision 0096), as plain command lines, so test/integration/nmrp/native-syntax.test.ts runs the same ones with
// mingw-w64 on Linux. UNTESTED ON WINDOWS: nothing here runs Windows.
//
// Node-API functions come from node-api-headers' node_api.def ("NODE.EXE"), delay-loaded: inside the app the
// process is the Electron executable, and native/rawether/win_delay_load_hook.c hands the loader the running
// program instead of node.exe (what node-gyp does for every addon). wpcap.dll is NOT linked: rawether_win.c loads
// it at run time, so the app starts without Npcap and says what to install.
import path from 'node:path';

export const WINDOWS_SOURCES = ['native/rawether/rawether_win.c', 'native/rawether/win_delay_load_hook.c'];

/** MSVC's machine name for a Node arch. */
export function msvcMachine(arch) {
  return arch === 'arm64' ? 'ARM64' : arch === 'ia32' ? 'X86' : 'X64';
}

/**
 * The commands that build `out` on Windows. `compiler`: 'msvc' (cl.exe and lib.exe from a Visual Studio developer
 * prompt) or 'mingw' (gcc and dlltool of MSYS2/mingw-w64; `prefix` names a cross toolchain, e.g.
 * 'x86_64-w64-mingw32-'). `obj` is a scratch folder for the import library.
 */
export function windowsAddonCommands({ compiler, include, def, out, obj, arch = 'x64', prefix = '', sources = WINDOWS_SOURCES }) {
  if (compiler === 'msvc') {
    const lib = path.join(obj, 'node.lib');
    return [
      ['lib', ['/nologo', `/def:${def}`, `/out:${lib}`, `/machine:${msvcMachine(arch)}`]],
      ['cl', ['/nologo', '/O2', '/W3', '/D_CRT_SECURE_NO_WARNINGS', '/LD', `/I${include}`, `/Fo${obj}${path.sep}`, ...sources, '/link', `/OUT:${out}`, lib, 'iphlpapi.lib', 'delayimp.lib', '/DELAYLOAD:node.exe']],
    ];
  }
  const lib = path.join(obj, 'libnode-delay.a');
  return [
    [`${prefix}dlltool`, ['-d', def, '-y', lib]],
    [`${prefix}gcc`, ['-O2', '-std=c11', '-Wall', '-Wextra', '-Werror', '-shared', `-I${include}`, ...sources, lib, '-liphlpapi', '-o', out]],
  ];
}
