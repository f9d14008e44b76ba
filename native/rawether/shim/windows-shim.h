/*
 * SHIM — NOT WINDOWS. The few Windows declarations native/rawether/rawether_win.c uses, written from the Win32
 * documentation (windows.h, iphlpapi.h / iptypes.h), so that `gcc -fsyntax-only -DRB_WIN_SHIM` can check that
 * file's C on a Linux machine without a Windows SDK or mingw-w64 (test/integration/nmrp/native-syntax.test.ts).
 * It is never used to build anything that runs: the Windows build includes the real headers. Where mingw-w64 is
 * installed, the same test compiles the file against mingw-w64's real headers as well.
 */
#ifndef RB_WINDOWS_SHIM_H
#define RB_WINDOWS_SHIM_H
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#define WINAPI
typedef int BOOL;
typedef unsigned int UINT;
typedef unsigned long DWORD; /* 32-bit on Windows; the width does not matter to a syntax check */
typedef long LONG;
typedef long long LONG64;
typedef unsigned long ULONG;
typedef unsigned char BYTE;
typedef void *HANDLE;
typedef void *LPVOID;
typedef struct HINSTANCE__ *HMODULE;
typedef intptr_t (*FARPROC)(void);
typedef DWORD (*LPTHREAD_START_ROUTINE)(LPVOID);
typedef char *PCHAR;
typedef wchar_t *PWCHAR;

#define MAX_PATH 260
#define LOAD_WITH_ALTERED_SEARCH_PATH 0x00000008
#define CP_UTF8 65001
#define NO_ERROR 0
#define ERROR_BUFFER_OVERFLOW 111
#define AF_UNSPEC 0
#define GAA_FLAG_SKIP_ANYCAST 0x0002
#define GAA_FLAG_SKIP_MULTICAST 0x0004
#define GAA_FLAG_SKIP_DNS_SERVER 0x0008
#define MAX_ADAPTER_ADDRESS_LENGTH 8

HMODULE LoadLibraryW(const wchar_t *name);
HMODULE LoadLibraryExW(const wchar_t *name, HANDLE file, DWORD flags);
FARPROC GetProcAddress(HMODULE m, const char *name);
UINT GetSystemDirectoryW(wchar_t *buffer, UINT size);
DWORD GetLastError(void);
void Sleep(DWORD ms);
HANDLE CreateThread(void *attrs, size_t stack, LPTHREAD_START_ROUTINE start, LPVOID arg, DWORD flags, DWORD *id);
BOOL CloseHandle(HANDLE h);
LONG InterlockedIncrement(volatile LONG *p);
LONG InterlockedDecrement(volatile LONG *p);
LONG InterlockedExchange(volatile LONG *p, LONG v);
LONG InterlockedCompareExchange(volatile LONG *p, LONG exchange, LONG comparand);
LONG64 InterlockedIncrement64(volatile LONG64 *p);
LONG64 InterlockedCompareExchange64(volatile LONG64 *p, LONG64 exchange, LONG64 comparand);
int WideCharToMultiByte(UINT cp, DWORD flags, const wchar_t *w, int wn, char *out, int size, const char *def, BOOL *used);
int MultiByteToWideChar(UINT cp, DWORD flags, const char *s, int n, wchar_t *out, int size);
int _stricmp(const char *a, const char *b);
int _wcsicmp(const wchar_t *a, const wchar_t *b);

/* iptypes.h: the members rawether_win.c reads (the real struct has more, in this order around them) */
typedef struct _IP_ADAPTER_ADDRESSES {
  struct _IP_ADAPTER_ADDRESSES *Next;
  PCHAR AdapterName;
  PWCHAR Description;
  PWCHAR FriendlyName;
  BYTE PhysicalAddress[MAX_ADAPTER_ADDRESS_LENGTH];
  ULONG PhysicalAddressLength;
} IP_ADAPTER_ADDRESSES;
ULONG GetAdaptersAddresses(ULONG family, ULONG flags, void *reserved, IP_ADAPTER_ADDRESSES *list, ULONG *size);

#endif
