/*
 * Raw Ethernet frames of one Ethertype on one adapter, Windows part: through Npcap (npcap.com), for Netgear NMRP
 * (Ethertype 0x0912; decisions 0085 and 0096). Same JavaScript surface as rawether.c (Linux AF_PACKET, macOS BPF),
 * behind src-main/platform/bindings/rawether.ts:
 *
 *   open(ifname, ethertype, onFrame(buffer | null, errnoName | null)) -> handle   (throws Error with code)
 *   mac(handle) -> Buffer(6)    send(handle, frame) -> bytes    dropped(handle) -> number    close(handle)
 * and, on Windows only:
 *   npcap() -> { loaded, version?, error? }        whether wpcap.dll could be loaded, and Npcap's version text
 *   adapters() -> [{ name, device, mac, description }]   friendly names ("Ethernet 2") and \Device\NPF_{GUID}
 *
 * UNTESTED ON WINDOWS: written from Npcap's documentation (npcap.com/guide: "Developing software with Npcap",
 * the wpcap function reference) and the libpcap man pages; nothing here runs Windows. On Linux it is compiled for
 * Windows with mingw-w64 when that is installed, and syntax-checked against native/rawether/shim/ otherwise
 * (test/integration/nmrp/native-syntax.test.ts).
 *
 * - wpcap.dll is loaded at run time (LoadLibraryExW/GetProcAddress), so the app starts without Npcap and says what
 *   to install. It is looked for in System32\Npcap first (where Npcap always puts it; with the full path and
 *   LOAD_WITH_ALTERED_SEARCH_PATH its Packet.dll beside it is found too), then as plain "wpcap.dll" (System32
 *   itself: Npcap's "WinPcap API-compatible Mode", or an old WinPcap).
 * - pcap's few types are declared here as wpcap.dll's ABI has them (pcap/pcap.h, pcap/bpf.h), so building needs no
 *   Npcap SDK.
 * - The adapter: a friendly name as Windows shows it ("Ethernet", matched without regard to case), an adapter
 *   GUID, or a \Device\NPF_{GUID} name; GetAdaptersAddresses maps one to the other and gives the MAC address.
 * - Two pcap handles: one reads (its own thread, pcap_next_ex with a 50 ms timeout, immediate mode, a BPF filter
 *   for the Ethertype written by hand), one sends (pcap_sendpacket; a filter that keeps nothing), because a pcap
 *   handle is not documented as safe to send on from one thread while another reads from it.
 * - Frames whose source is our own MAC are dropped (Npcap may hand a handle what the adapter sent).
 */
#define WIN32_LEAN_AND_MEAN
#ifdef RB_WIN_SHIM
#include "shim/windows-shim.h" /* SHIM: syntax checks on Linux only, see the header */
#else
#include <winsock2.h>
#include <windows.h>
#include <iphlpapi.h>
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <node_api.h>

#define RB_RAWETHER_ABI 1
#define MAX_FRAME 65536
#define QUEUE_MAX 4096
#define READ_TIMEOUT_MS 50

/* ---- pcap, as wpcap.dll exports it ---- */

typedef struct pcap pcap_t;
struct rb_pcap_pkthdr {
  struct {
    long tv_sec; /* struct timeval of winsock: two 32-bit longs on Windows */
    long tv_usec;
  } ts;
  uint32_t caplen;
  uint32_t len;
};
struct rb_bpf_insn {
  unsigned short code;
  unsigned char jt;
  unsigned char jf;
  uint32_t k;
};
struct rb_bpf_program {
  unsigned int bf_len;
  struct rb_bpf_insn *bf_insns;
};
#define PCAP_ERRBUF_SIZE 256
#define PCAP_ERROR (-1)
#define PCAP_ERROR_BREAK (-2)
#define PCAP_ERROR_NO_SUCH_DEVICE (-5)
#define PCAP_ERROR_PERM_DENIED (-8)
#define PCAP_ERROR_IFACE_NOT_UP (-9)
/* classic BPF opcodes (pcap/bpf.h) */
#define RB_BPF_LD_H_ABS 0x28
#define RB_BPF_JEQ_K 0x15
#define RB_BPF_RET_K 0x06

typedef pcap_t *(*pcap_create_fn)(const char *, char *);
typedef int (*pcap_set_int_fn)(pcap_t *, int);
typedef int (*pcap_activate_fn)(pcap_t *);
typedef char *(*pcap_geterr_fn)(pcap_t *);
typedef int (*pcap_setfilter_fn)(pcap_t *, struct rb_bpf_program *);
typedef int (*pcap_sendpacket_fn)(pcap_t *, const unsigned char *, int);
typedef int (*pcap_next_ex_fn)(pcap_t *, struct rb_pcap_pkthdr **, const unsigned char **);
typedef void (*pcap_breakloop_fn)(pcap_t *);
typedef void (*pcap_close_fn)(pcap_t *);
typedef const char *(*pcap_lib_version_fn)(void);

static struct {
  int tried;
  int loaded;
  char error[300];
  pcap_create_fn create;
  pcap_set_int_fn set_snaplen, set_promisc, set_timeout, set_immediate_mode;
  pcap_activate_fn activate;
  pcap_geterr_fn geterr;
  pcap_setfilter_fn setfilter;
  pcap_sendpacket_fn sendpacket;
  pcap_next_ex_fn next_ex;
  pcap_breakloop_fn breakloop;
  pcap_close_fn close;
  pcap_lib_version_fn lib_version;
} pc;

/* GetProcAddress's FARPROC cast to the one function type C lets convert to any other (-Wcast-function-type). */
typedef void (*any_fn)(void);
static any_fn symbol(HMODULE m, const char *name) {
  return (any_fn)GetProcAddress(m, name);
}

static any_fn need(HMODULE m, const char *name, int *missing) {
  any_fn f = symbol(m, name);
  if (!f && !*missing) {
    *missing = 1;
    snprintf(pc.error, sizeof pc.error, "wpcap.dll has no %s (too old: install a current Npcap)", name);
  }
  return f;
}

/* Load wpcap.dll once (called on the JavaScript thread only). */
static int load_npcap(void) {
  if (pc.tried) return pc.loaded;
  pc.tried = 1;
  HMODULE m = NULL;
  wchar_t path[MAX_PATH + 32];
  UINT n = GetSystemDirectoryW(path, MAX_PATH);
  if (n > 0 && n < MAX_PATH) {
    wcscat(path, L"\\Npcap\\wpcap.dll");
    m = LoadLibraryExW(path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
  }
  if (!m) m = LoadLibraryW(L"wpcap.dll");
  if (!m) {
    snprintf(pc.error, sizeof pc.error, "wpcap.dll was not found in System32\\Npcap or System32 (Windows error %lu)", (unsigned long)GetLastError());
    return 0;
  }
  int missing = 0;
  pc.create = (pcap_create_fn)need(m, "pcap_create", &missing);
  pc.set_snaplen = (pcap_set_int_fn)need(m, "pcap_set_snaplen", &missing);
  pc.set_promisc = (pcap_set_int_fn)need(m, "pcap_set_promisc", &missing);
  pc.set_timeout = (pcap_set_int_fn)need(m, "pcap_set_timeout", &missing);
  pc.activate = (pcap_activate_fn)need(m, "pcap_activate", &missing);
  pc.geterr = (pcap_geterr_fn)need(m, "pcap_geterr", &missing);
  pc.setfilter = (pcap_setfilter_fn)need(m, "pcap_setfilter", &missing);
  pc.sendpacket = (pcap_sendpacket_fn)need(m, "pcap_sendpacket", &missing);
  pc.next_ex = (pcap_next_ex_fn)need(m, "pcap_next_ex", &missing);
  pc.breakloop = (pcap_breakloop_fn)need(m, "pcap_breakloop", &missing);
  pc.close = (pcap_close_fn)need(m, "pcap_close", &missing);
  pc.lib_version = (pcap_lib_version_fn)need(m, "pcap_lib_version", &missing);
  /* optional: an old WinPcap has no immediate mode (then frames may wait for the 50 ms timeout) */
  pc.set_immediate_mode = (pcap_set_int_fn)symbol(m, "pcap_set_immediate_mode");
  pc.loaded = !missing;
  return pc.loaded;
}

/* ---- one open adapter ---- */

typedef struct rawsock {
  volatile LONG refs; /* the JS handle, the reader thread */
  volatile LONG closing;
  volatile LONG64 dropped;
  pcap_t *rx;
  pcap_t *tx;
  uint8_t mac[6];
  uint16_t ethertype;
  int started;
  napi_threadsafe_function tsfn;
} rawsock;

typedef struct frame_msg {
  const char *err; /* NULL: a frame; else an error name to report */
  size_t len;
  uint8_t data[];
} frame_msg;

static void sock_unref(rawsock *s) {
  if (InterlockedDecrement(&s->refs) != 0) return;
  if (s->rx) pc.close(s->rx);
  if (s->tx) pc.close(s->tx);
  free(s);
}

static void post(rawsock *s, const char *err, const uint8_t *data, size_t len) {
  frame_msg *m = malloc(sizeof *m + len);
  if (!m) {
    InterlockedIncrement64(&s->dropped);
    return;
  }
  m->err = err;
  m->len = len;
  if (len) memcpy(m->data, data, len);
  if (napi_call_threadsafe_function(s->tsfn, m, napi_tsfn_nonblocking) != napi_ok) {
    free(m);
    InterlockedIncrement64(&s->dropped);
  }
}

static DWORD WINAPI reader(LPVOID arg) {
  rawsock *s = arg;
  const char *last_err = NULL;
  while (!InterlockedCompareExchange(&s->closing, 0, 0)) {
    struct rb_pcap_pkthdr *h = NULL;
    const unsigned char *data = NULL;
    int r = pc.next_ex(s->rx, &h, &data);
    if (r == 1) {
      last_err = NULL;
      if (h->caplen < 14 || h->caplen > MAX_FRAME) continue;
      if (((unsigned)data[12] << 8 | data[13]) != s->ethertype) continue;
      if (memcmp(data + 6, s->mac, 6) == 0) continue; /* what we sent ourselves */
      post(s, NULL, data, h->caplen);
      continue;
    }
    if (r == 0) continue; /* the read timeout: look at `closing` again */
    if (r == PCAP_ERROR_BREAK) break;
    /* an adapter that went away or a driver error: tell JS once per spell, and keep trying (it may come back) */
    if (!last_err) post(s, "ENETDOWN", NULL, 0);
    last_err = "ENETDOWN";
    Sleep(READ_TIMEOUT_MS);
  }
  napi_release_threadsafe_function(s->tsfn, napi_tsfn_release);
  sock_unref(s);
  return 0;
}

/* ---- adapters: friendly name <-> \Device\NPF_{GUID}, MAC ---- */

static IP_ADAPTER_ADDRESSES *adapter_list(void) {
  ULONG len = 16 * 1024;
  for (int i = 0; i < 4; i++) {
    IP_ADAPTER_ADDRESSES *list = malloc(len);
    if (!list) return NULL;
    ULONG r = GetAdaptersAddresses(AF_UNSPEC, GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER, NULL, list, &len);
    if (r == NO_ERROR) return list;
    free(list);
    if (r != ERROR_BUFFER_OVERFLOW) return NULL;
  }
  return NULL;
}

static void utf8_of(const wchar_t *w, char *out, int size) {
  if (!w || WideCharToMultiByte(CP_UTF8, 0, w, -1, out, size, NULL, NULL) == 0) out[0] = 0;
}

/* Find `ifname` (friendly name, GUID or \Device\NPF_{GUID}): its NPF device name and MAC. 0, or an error name. */
static const char *find_adapter(const char *ifname, char *device, size_t device_size, uint8_t mac[6]) {
  static const char prefix[] = "\\Device\\NPF_";
  const char *guid = strncmp(ifname, prefix, sizeof prefix - 1) == 0 ? ifname + sizeof prefix - 1 : ifname;
  wchar_t wname[256];
  if (MultiByteToWideChar(CP_UTF8, 0, ifname, -1, wname, 256) == 0) wname[0] = 0;
  IP_ADAPTER_ADDRESSES *list = adapter_list();
  if (!list) return "EIO";
  const char *err = "ENODEV";
  for (IP_ADAPTER_ADDRESSES *a = list; a; a = a->Next) {
    int match = _stricmp(a->AdapterName, guid) == 0 || (a->FriendlyName && _wcsicmp(a->FriendlyName, wname) == 0);
    if (!match) continue;
    if (a->PhysicalAddressLength != 6) {
      err = "EINVAL"; /* not an Ethernet adapter */
      break;
    }
    memcpy(mac, a->PhysicalAddress, 6);
    snprintf(device, device_size, "%s%s", prefix, a->AdapterName);
    err = NULL;
    break;
  }
  free(list);
  return err;
}

/* ---- N-API glue ---- */

#define CHECK(call)                                                    \
  do {                                                                 \
    if ((call) != napi_ok) {                                           \
      napi_throw_error(env, "RB_NATIVE", "native call failed: " #call); \
      return NULL;                                                     \
    }                                                                  \
  } while (0)

static napi_value throw_code(napi_env env, const char *code, const char *what, const char *detail) {
  char msg[512];
  snprintf(msg, sizeof msg, "%s: %s", what, detail && *detail ? detail : code);
  napi_throw_error(env, code, msg);
  return NULL;
}

static void call_js(napi_env env, napi_value cb, void *context, void *data) {
  (void)context;
  frame_msg *m = data;
  if (env && cb) {
    napi_value args[2], undef;
    void *copy;
    napi_get_null(env, &args[0]);
    napi_get_null(env, &args[1]);
    if (m->err) napi_create_string_utf8(env, m->err, NAPI_AUTO_LENGTH, &args[1]);
    else napi_create_buffer_copy(env, m->len, m->data, &copy, &args[0]);
    napi_get_undefined(env, &undef);
    napi_call_function(env, undef, cb, 2, args, NULL);
  }
  free(m);
}

static void tsfn_finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)data;
  (void)hint;
}

static void stop(rawsock *s) {
  if (s->started && InterlockedExchange(&s->closing, 1) == 0) pc.breakloop(s->rx);
}

static void handle_finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  rawsock *s = data;
  stop(s);
  sock_unref(s);
}

static rawsock *handle_args(napi_env env, napi_callback_info info, size_t want, napi_value *argv) {
  size_t argc = want;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < want) {
    napi_throw_type_error(env, NULL, "missing arguments");
    return NULL;
  }
  void *p = NULL;
  if (napi_get_value_external(env, argv[0], &p) != napi_ok || !p) {
    napi_throw_type_error(env, NULL, "not a rawether handle");
    return NULL;
  }
  return p;
}

/* pcap_activate's result as the errno-style names the TypeScript side maps to its faults. */
static const char *activate_code(int r) {
  switch (r) {
    case PCAP_ERROR_NO_SUCH_DEVICE: return "ENODEV";
    case PCAP_ERROR_PERM_DENIED: return "EACCES";
    case PCAP_ERROR_IFACE_NOT_UP: return "ENETDOWN";
    default: return "EIO";
  }
}

/* One activated handle on `device` with `prog` as its filter, or NULL with `code` and `detail` set. */
static pcap_t *open_handle(const char *device, struct rb_bpf_program *prog, const char **code, char *detail, size_t detail_size) {
  char errbuf[PCAP_ERRBUF_SIZE] = "";
  pcap_t *p = pc.create(device, errbuf);
  if (!p) {
    *code = "ENODEV";
    snprintf(detail, detail_size, "%s", errbuf);
    return NULL;
  }
  pc.set_snaplen(p, MAX_FRAME);
  pc.set_promisc(p, 0);
  pc.set_timeout(p, READ_TIMEOUT_MS);
  if (pc.set_immediate_mode) pc.set_immediate_mode(p, 1);
  int r = pc.activate(p);
  if (r < 0) {
    *code = activate_code(r);
    snprintf(detail, detail_size, "pcap_activate %d: %s", r, pc.geterr(p));
    pc.close(p);
    return NULL;
  }
  if (pc.setfilter(p, prog) != 0) {
    *code = "EIO";
    snprintf(detail, detail_size, "pcap_setfilter: %s", pc.geterr(p));
    pc.close(p);
    return NULL;
  }
  return p;
}

static napi_value js_open(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 3) {
    napi_throw_type_error(env, NULL, "open(ifname, ethertype, onFrame)");
    return NULL;
  }
  char ifname[257];
  size_t n = 0;
  if (napi_get_value_string_utf8(env, argv[0], ifname, sizeof ifname, &n) != napi_ok || n == 0 || n >= sizeof ifname - 1) {
    napi_throw_type_error(env, "ENODEV", "adapter name: 1 to 255 bytes");
    return NULL;
  }
  uint32_t et = 0;
  if (napi_get_value_uint32(env, argv[1], &et) != napi_ok || et < 0x0600 || et > 0xffff) {
    napi_throw_range_error(env, NULL, "ethertype must be 0x0600…0xffff");
    return NULL;
  }
  napi_valuetype t;
  CHECK(napi_typeof(env, argv[2], &t));
  if (t != napi_function) {
    napi_throw_type_error(env, NULL, "onFrame must be a function");
    return NULL;
  }
  if (!load_npcap()) return throw_code(env, "ENOPCAP", "loading Npcap", pc.error);
  char device[300], detail[PCAP_ERRBUF_SIZE + 64] = "";
  uint8_t mac[6];
  const char *code = find_adapter(ifname, device, sizeof device, mac);
  if (code) return throw_code(env, code, "finding the adapter", ifname);
  rawsock *s = calloc(1, sizeof *s);
  if (!s) return throw_code(env, "EIO", "allocating", "out of memory");
  s->refs = 1;
  s->ethertype = (uint16_t)et;
  memcpy(s->mac, mac, 6);
  struct rb_bpf_insn keep[] = {
      {RB_BPF_LD_H_ABS, 0, 0, 12},        /* A = the Ethertype */
      {RB_BPF_JEQ_K, 0, 1, et},           /* ours? */
      {RB_BPF_RET_K, 0, 0, MAX_FRAME},    /* keep the frame */
      {RB_BPF_RET_K, 0, 0, 0},            /* drop it */
  };
  struct rb_bpf_insn none[] = {{RB_BPF_RET_K, 0, 0, 0}};
  struct rb_bpf_program keep_prog = {4, keep}, none_prog = {1, none};
  s->rx = open_handle(device, &keep_prog, &code, detail, sizeof detail);
  if (s->rx) s->tx = open_handle(device, &none_prog, &code, detail, sizeof detail);
  if (!s->rx || !s->tx) {
    sock_unref(s);
    char what[320];
    snprintf(what, sizeof what, "opening raw frames on %s (%s)", ifname, device);
    return throw_code(env, code, what, detail);
  }
  napi_value name, handle;
  CHECK(napi_create_string_utf8(env, "rb-rawether", NAPI_AUTO_LENGTH, &name));
  if (napi_create_threadsafe_function(env, argv[2], NULL, name, QUEUE_MAX, 1, NULL, tsfn_finalize, NULL, call_js, &s->tsfn) != napi_ok) {
    sock_unref(s);
    napi_throw_error(env, "RB_NATIVE", "creating the frame callback failed");
    return NULL;
  }
  InterlockedIncrement(&s->refs); /* the reader thread's, dropped when it ends */
  HANDLE th = CreateThread(NULL, 0, reader, s, 0, NULL);
  if (!th) {
    InterlockedDecrement(&s->refs);
    napi_release_threadsafe_function(s->tsfn, napi_tsfn_abort);
    sock_unref(s);
    return throw_code(env, "EIO", "starting the reader thread", "CreateThread failed");
  }
  CloseHandle(th); /* detached: it ends by itself after close() */
  s->started = 1;
  if (napi_create_external(env, s, handle_finalize, NULL, &handle) != napi_ok) {
    stop(s);
    sock_unref(s);
    napi_throw_error(env, "RB_NATIVE", "creating the handle failed");
    return NULL;
  }
  return handle;
}

static napi_value js_mac(napi_env env, napi_callback_info info) {
  napi_value argv[1], out;
  void *copy;
  rawsock *s = handle_args(env, info, 1, argv);
  if (!s) return NULL;
  CHECK(napi_create_buffer_copy(env, 6, s->mac, &copy, &out));
  return out;
}

static napi_value js_send(napi_env env, napi_callback_info info) {
  napi_value argv[2], out;
  rawsock *s = handle_args(env, info, 2, argv);
  if (!s) return NULL;
  if (InterlockedCompareExchange(&s->closing, 0, 0)) return throw_code(env, "EBADF", "sending a frame", "the handle is closed");
  void *data;
  size_t len;
  if (napi_get_buffer_info(env, argv[1], &data, &len) != napi_ok || len < 14 || len > 9018) {
    napi_throw_range_error(env, "EMSGSIZE", "a frame is a Buffer of 14…9018 bytes");
    return NULL;
  }
  if (pc.sendpacket(s->tx, data, (int)len) != 0) return throw_code(env, "ENETDOWN", "sending a frame", pc.geterr(s->tx));
  CHECK(napi_create_int64(env, (int64_t)len, &out));
  return out;
}

static napi_value js_dropped(napi_env env, napi_callback_info info) {
  napi_value argv[1], out;
  rawsock *s = handle_args(env, info, 1, argv);
  if (!s) return NULL;
  CHECK(napi_create_double(env, (double)InterlockedCompareExchange64(&s->dropped, 0, 0), &out));
  return out;
}

static napi_value js_close(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  rawsock *s = handle_args(env, info, 1, argv);
  if (!s) return NULL;
  stop(s);
  return NULL;
}

static napi_value js_npcap(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value out, v;
  int ok = load_npcap();
  CHECK(napi_create_object(env, &out));
  CHECK(napi_get_boolean(env, ok != 0, &v));
  CHECK(napi_set_named_property(env, out, "loaded", v));
  if (ok) {
    CHECK(napi_create_string_utf8(env, pc.lib_version(), NAPI_AUTO_LENGTH, &v));
    CHECK(napi_set_named_property(env, out, "version", v));
  } else {
    CHECK(napi_create_string_utf8(env, pc.error, NAPI_AUTO_LENGTH, &v));
    CHECK(napi_set_named_property(env, out, "error", v));
  }
  return out;
}

static napi_value js_adapters(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value out, o, v;
  CHECK(napi_create_array(env, &out));
  IP_ADAPTER_ADDRESSES *list = adapter_list();
  uint32_t i = 0;
  for (IP_ADAPTER_ADDRESSES *a = list; a; a = a->Next) {
    if (a->PhysicalAddressLength != 6) continue;
    char text[512], device[300], mac[18];
    CHECK(napi_create_object(env, &o));
    utf8_of(a->FriendlyName, text, sizeof text);
    CHECK(napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &v));
    CHECK(napi_set_named_property(env, o, "name", v));
    snprintf(device, sizeof device, "\\Device\\NPF_%s", a->AdapterName);
    CHECK(napi_create_string_utf8(env, device, NAPI_AUTO_LENGTH, &v));
    CHECK(napi_set_named_property(env, o, "device", v));
    const uint8_t *m = a->PhysicalAddress;
    snprintf(mac, sizeof mac, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
    CHECK(napi_create_string_utf8(env, mac, NAPI_AUTO_LENGTH, &v));
    CHECK(napi_set_named_property(env, o, "mac", v));
    utf8_of(a->Description, text, sizeof text);
    CHECK(napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &v));
    CHECK(napi_set_named_property(env, o, "description", v));
    CHECK(napi_set_element(env, out, i++, o));
  }
  free(list);
  return out;
}

NAPI_MODULE_INIT(/* env, exports */) {
  static const struct {
    const char *name;
    napi_callback cb;
  } fns[] = {{"open", js_open}, {"mac", js_mac}, {"send", js_send}, {"dropped", js_dropped}, {"close", js_close}, {"npcap", js_npcap}, {"adapters", js_adapters}};
  for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
    napi_value f;
    if (napi_create_function(env, fns[i].name, NAPI_AUTO_LENGTH, fns[i].cb, NULL, &f) != napi_ok) return NULL;
    if (napi_set_named_property(env, exports, fns[i].name, f) != napi_ok) return NULL;
  }
  napi_value v;
  napi_create_int32(env, RB_RAWETHER_ABI, &v);
  napi_set_named_property(env, exports, "abi", v);
  return exports;
}
