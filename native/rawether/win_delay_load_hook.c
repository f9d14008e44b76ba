/*
 * Windows only, linked into rb_rawether.node with /DELAYLOAD:node.exe (scripts/build-native.mjs). Node-API functions
 * are imported from "node.exe" (node-api-headers' node_api.def), but inside the app the process is the Electron
 * executable, which exports the same functions under another name. This hook answers the loader's request for
 * node.exe with the running program itself, as node-gyp's win_delay_load_hook.cc does for every addon it builds.
 * UNTESTED on Windows (decision 0096); compiled on Linux with mingw-w64 by test/integration/nmrp/native-syntax.test.ts.
 */
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <delayimp.h>
#include <string.h>

static FARPROC WINAPI load_exe_hook(unsigned int event, DelayLoadInfo *info) {
  if (event != dliNotePreLoadLibrary) return NULL;
  if (_stricmp(info->szDll, "node.exe") != 0) return NULL;
  return (FARPROC)GetModuleHandle(NULL);
}

/* MSVC's delayimp.h (VS 2015 and later) declares the hook const; mingw-w64's does not (node-gyp uses decltype). */
#if defined(_MSC_VER) && !defined(DELAYIMP_INSECURE_WRITABLE_HOOKS)
const
#endif
    PfnDliHook __pfnDliNotifyHook2 = load_exe_hook;
#endif
