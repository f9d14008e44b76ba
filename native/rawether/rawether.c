/*
 * Raw Ethernet frames of one Ethertype on one interface, for Netgear NMRP (Ethertype 0x0912; decision 0085).
 * Node has no raw sockets; this addon is the smallest piece that does it, behind
 * src-main/platform/bindings/rawether.ts:
 *
 *   open(ifname, ethertype, onFrame(buffer | null, errnoName | null)) -> handle   (throws Error with code = errno name)
 *   mac(handle) -> Buffer(6)          this interface's MAC address
 *   send(handle, frame) -> bytes      one whole frame (destination, source, type, payload)
 *   dropped(handle) -> number         frames the JS side was too slow for (queue of 4096 full)
 *   close(handle)                     stops the reader thread; idempotent
 *   answer(handle, offset, value, reply | null)
 *                                     arm (or disarm, null) an answer the reader thread sends itself: a frame to
 *                                     this interface's MAC whose byte at `offset` is `value` gets `reply` with its
 *                                     destination set to the frame's source, before JS hears of the frame (which
 *                                     it then does with answered = true). The first source answered is the only
 *                                     one answered afterwards. For NMRP's CONF_REQ → CONF_ACK, which must not wait
 *                                     for a busy event loop (decision 0108).
 *   neighbour(ifname, ipv4, mac | null) -> undefined
 *                                     Linux only: add (mac) or remove (null) a permanent neighbour (ARP) entry
 *                                     through rtnetlink, in-process (needs CAP_NET_ADMIN; throws EPERM without it;
 *                                     removing one that is not there is not an error). Decision 0109.
 *
 * Linux: an AF_PACKET socket bound to the interface and the Ethertype (needs CAP_NET_RAW). Frames this computer
 * sends itself (PACKET_OUTGOING) are not delivered. A link that goes down (the router's power-up, a BCM63xx
 * router restarting its Ethernet before CLOSE_REQ) reports ENETDOWN once; the socket stays bound and hears the
 * link again when it comes back up.
 *
 * macOS: a BPF device (/dev/bpf0…255, the first one not EBUSY; reading and writing needs the access Wireshark's
 * ChmodBPF gives the admin group) with BIOCSBLEN before BIOCSETIF, immediate mode, own header (BIOCSHDRCMPLT), no
 * copy of what we send (BIOCSSEESENT 0), a filter for the Ethertype (BIOCSETF); each read asks for exactly the
 * BIOCGBLEN length and walks the bpf_hdr records by BPF_WORDALIGN. Written from bpf(4) and reviewed against it
 * (decision 0097); syntax-checked on Linux against native/rawether/shim/darwin; UNTESTED — nothing here runs
 * macOS.
 *
 * One reader thread per handle hands each frame to JS through a thread-safe function.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <net/if.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <node_api.h>

#if defined(__linux__)
#include <linux/if_packet.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/ethernet.h>
#elif defined(__APPLE__)
#include <ifaddrs.h>
#include <net/bpf.h>
#include <net/if_dl.h>
#else
#error "rawether.c: Linux (AF_PACKET) and macOS (BPF); Windows builds rawether_win.c (Npcap) instead"
#endif

#define RB_RAWETHER_ABI 1
#define MAX_FRAME 65536
#define QUEUE_MAX 4096

typedef struct rawsock {
  atomic_int refs; /* the JS handle, the reader thread */
  int fd;
  int wake[2];
  uint8_t mac[6];
  uint16_t ethertype;
  int started;
  atomic_int closing;
  atomic_uint_fast64_t dropped;
  napi_threadsafe_function tsfn;
  /* the armed answer (answer()); guarded by `lock`, read by the reader thread */
  pthread_mutex_t lock;
  int answer_off;
  uint8_t answer_val;
  size_t answer_len;
  uint8_t *answer_frame;
  int pinned;
  uint8_t peer[6];
#if defined(__APPLE__)
  unsigned bpf_len;
#endif
} rawsock;

typedef struct frame_msg {
  int err; /* 0: a frame; else an errno to report */
  int answered; /* the reader thread sent the armed answer to it */
  size_t len;
  uint8_t data[];
} frame_msg;

static void sock_unref(rawsock *s) {
  if (atomic_fetch_sub(&s->refs, 1) != 1) return;
  if (s->fd >= 0) close(s->fd);
  if (s->wake[0] >= 0) close(s->wake[0]);
  if (s->wake[1] >= 0) close(s->wake[1]);
  pthread_mutex_destroy(&s->lock);
  free(s->answer_frame);
  free(s);
}

static const char *errno_name(int e) {
  switch (e) {
    case EPERM: return "EPERM";
    case EACCES: return "EACCES";
    case ENODEV: return "ENODEV";
    case ENXIO: return "ENXIO";
    case ENETDOWN: return "ENETDOWN";
    case EBUSY: return "EBUSY";
    case EINVAL: return "EINVAL";
    case EMSGSIZE: return "EMSGSIZE";
    case ENOBUFS: return "ENOBUFS";
    case ENOENT: return "ENOENT";
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    default: return "EIO";
  }
}

static napi_value throw_errno(napi_env env, const char *what, int e) {
  char msg[256];
  snprintf(msg, sizeof msg, "%s: %s", what, strerror(e));
  napi_throw_error(env, errno_name(e), msg);
  return NULL;
}

static int plat_send(rawsock *s, const uint8_t *data, size_t len);

/* The armed answer, sent from the reader thread: 1 when `data` got it. */
static int maybe_answer(rawsock *s, const uint8_t *data, size_t len) {
  int sent = 0;
  pthread_mutex_lock(&s->lock);
  if (s->answer_frame && len >= 14 && (size_t)s->answer_off < len && data[s->answer_off] == s->answer_val && memcmp(data, s->mac, 6) == 0 &&
      (!s->pinned || memcmp(data + 6, s->peer, 6) == 0)) {
    memcpy(s->answer_frame, data + 6, 6); /* to the frame's source */
    if (plat_send(s, s->answer_frame, s->answer_len) == 0) {
      sent = 1;
      if (!s->pinned) {
        memcpy(s->peer, data + 6, 6);
        s->pinned = 1;
      }
    }
  }
  pthread_mutex_unlock(&s->lock);
  return sent;
}

static void post(rawsock *s, int err, const uint8_t *data, size_t len) {
  int answered = err == 0 && data ? maybe_answer(s, data, len) : 0;
  frame_msg *m = malloc(sizeof *m + len);
  if (!m) {
    atomic_fetch_add(&s->dropped, 1);
    return;
  }
  m->answered = answered;
  m->err = err;
  m->len = len;
  if (len) memcpy(m->data, data, len);
  if (napi_call_threadsafe_function(s->tsfn, m, napi_tsfn_nonblocking) != napi_ok) {
    free(m);
    atomic_fetch_add(&s->dropped, 1);
  }
}

/* ---- platform: open, read loop, send ---- */

#if defined(__linux__)
static int plat_open(rawsock *s, const char *ifname) {
  int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(s->ethertype));
  if (fd < 0) return errno;
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  memcpy(ifr.ifr_name, ifname, strnlen(ifname, IFNAMSIZ - 1));
  if (ioctl(fd, SIOCGIFINDEX, &ifr) != 0) {
    int e = errno;
    close(fd);
    return e;
  }
  int ifindex = ifr.ifr_ifindex;
  if (ioctl(fd, SIOCGIFHWADDR, &ifr) != 0) {
    int e = errno;
    close(fd);
    return e;
  }
  memcpy(s->mac, ifr.ifr_hwaddr.sa_data, 6);
  struct sockaddr_ll sll;
  memset(&sll, 0, sizeof sll);
  sll.sll_family = AF_PACKET;
  sll.sll_protocol = htons(s->ethertype);
  sll.sll_ifindex = ifindex;
  if (bind(fd, (struct sockaddr *)&sll, sizeof sll) != 0) {
    int e = errno;
    close(fd);
    return e;
  }
  s->fd = fd;
  return 0;
}

static int plat_send(rawsock *s, const uint8_t *data, size_t len) {
  return send(s->fd, data, len, 0) < 0 ? errno : 0;
}

static int plat_read(rawsock *s, uint8_t *buf) {
  struct sockaddr_ll from;
  socklen_t fl = sizeof from;
  ssize_t n = recvfrom(s->fd, buf, MAX_FRAME, MSG_DONTWAIT, (struct sockaddr *)&from, &fl);
  if (n < 0) return errno;
  if (from.sll_pkttype == PACKET_OUTGOING) return 0;
  post(s, 0, buf, (size_t)n);
  return 0;
}
#elif defined(__APPLE__)
static int plat_open(rawsock *s, const char *ifname) {
  int fd = -1, e = ENOENT;
  char path[32];
  for (int i = 0; i < 256; i++) {
    snprintf(path, sizeof path, "/dev/bpf%d", i);
    fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd >= 0) break;
    e = errno;
    if (e != EBUSY) break; /* EACCES (no ChmodBPF) or ENOENT: looking further does not help */
  }
  if (fd < 0) return e;
  unsigned blen = MAX_FRAME;
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  memcpy(ifr.ifr_name, ifname, strnlen(ifname, IFNAMSIZ - 1));
  unsigned one = 1, zero = 0;
  struct bpf_insn prog[] = {
      BPF_STMT(BPF_LD + BPF_H + BPF_ABS, 12),
      BPF_JUMP(BPF_JMP + BPF_JEQ + BPF_K, s->ethertype, 0, 1),
      BPF_STMT(BPF_RET + BPF_K, (u_int)-1),
      BPF_STMT(BPF_RET + BPF_K, 0),
  };
  struct bpf_program fp = {sizeof prog / sizeof prog[0], prog};
  if (ioctl(fd, BIOCSBLEN, &blen) != 0 || ioctl(fd, BIOCSETIF, &ifr) != 0 || ioctl(fd, BIOCIMMEDIATE, &one) != 0 ||
      ioctl(fd, BIOCSHDRCMPLT, &one) != 0 || ioctl(fd, BIOCSSEESENT, &zero) != 0 || ioctl(fd, BIOCSETF, &fp) != 0 ||
      ioctl(fd, BIOCGBLEN, &blen) != 0) {
    e = errno;
    close(fd);
    return e;
  }
  s->bpf_len = blen;
  struct ifaddrs *ifa = NULL, *p;
  e = ENODEV;
  if (getifaddrs(&ifa) == 0) {
    for (p = ifa; p; p = p->ifa_next) {
      if (p->ifa_addr && p->ifa_addr->sa_family == AF_LINK && strcmp(p->ifa_name, ifname) == 0) {
        struct sockaddr_dl *dl = (struct sockaddr_dl *)p->ifa_addr;
        if (dl->sdl_alen == 6) {
          memcpy(s->mac, LLADDR(dl), 6);
          e = 0;
        }
        break;
      }
    }
    freeifaddrs(ifa);
  }
  if (e) {
    close(fd);
    return e;
  }
  s->fd = fd;
  return 0;
}

static int plat_send(rawsock *s, const uint8_t *data, size_t len) {
  return write(s->fd, data, len) < 0 ? errno : 0;
}

static int plat_read(rawsock *s, uint8_t *buf) {
  /* bpf(4): BIOCGBLEN is "the required buffer length for reads" (xnu's bpfread: any other size is EINVAL) */
  ssize_t n = read(s->fd, buf, s->bpf_len);
  if (n < 0) return errno;
  uint8_t *p = buf, *end = buf + n;
  while (p + sizeof(struct bpf_hdr) <= end) {
    struct bpf_hdr *h = (struct bpf_hdr *)p;
    if (p + h->bh_hdrlen + h->bh_caplen > end) break;
    post(s, 0, p + h->bh_hdrlen, h->bh_caplen);
    p += BPF_WORDALIGN(h->bh_hdrlen + h->bh_caplen);
  }
  return 0;
}
#endif

static void *reader(void *arg) {
  rawsock *s = arg;
#if defined(__APPLE__)
  uint8_t *buf = malloc(s->bpf_len > MAX_FRAME ? s->bpf_len : MAX_FRAME); /* one BPF buffer: several frames */
#else
  uint8_t *buf = malloc(MAX_FRAME);
#endif
  int last_err = 0;
  while (buf && !atomic_load(&s->closing)) {
    struct pollfd p[2] = {{s->fd, POLLIN, 0}, {s->wake[0], POLLIN, 0}};
    int r = poll(p, 2, -1);
    if (r < 0) {
      if (errno == EINTR) continue;
      post(s, errno, NULL, 0);
      break;
    }
    if (p[1].revents) break;
    if (!p[0].revents) continue;
    int e = plat_read(s, buf);
    if (e == 0) {
      last_err = 0;
      continue;
    }
    if (e == EAGAIN || e == EWOULDBLOCK || e == EINTR) continue;
    /* ENETDOWN and friends: tell JS once per spell, and keep listening (the link comes back) */
    if (e != last_err) post(s, e, NULL, 0);
    last_err = e;
    struct pollfd w = {s->wake[0], POLLIN, 0};
    poll(&w, 1, 50);
  }
  free(buf);
  napi_release_threadsafe_function(s->tsfn, napi_tsfn_release);
  return NULL;
}

/* ---- N-API glue ---- */

#define CHECK(call)                                                    \
  do {                                                                 \
    if ((call) != napi_ok) {                                           \
      napi_throw_error(env, "RB_NATIVE", "native call failed: " #call); \
      return NULL;                                                     \
    }                                                                  \
  } while (0)

static void call_js(napi_env env, napi_value cb, void *context, void *data) {
  (void)context;
  frame_msg *m = data;
  if (env && cb) {
    napi_value args[3], undef;
    void *copy;
    napi_get_null(env, &args[0]);
    napi_get_null(env, &args[1]);
    napi_get_boolean(env, m->answered != 0, &args[2]);
    if (m->err) napi_create_string_utf8(env, errno_name(m->err), NAPI_AUTO_LENGTH, &args[1]);
    else napi_create_buffer_copy(env, m->len, m->data, &copy, &args[0]);
    napi_get_undefined(env, &undef);
    napi_call_function(env, undef, cb, 3, args, NULL);
  }
  free(m);
}

static void tsfn_finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  sock_unref(data);
}

static void handle_finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  rawsock *s = data;
  if (s->started && !atomic_exchange(&s->closing, 1)) {
    ssize_t w = write(s->wake[1], "x", 1);
    (void)w;
  }
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

static napi_value js_open(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 3) {
    napi_throw_type_error(env, NULL, "open(ifname, ethertype, onFrame)");
    return NULL;
  }
  char ifname[IFNAMSIZ + 1];
  size_t n = 0;
  if (napi_get_value_string_utf8(env, argv[0], ifname, sizeof ifname, &n) != napi_ok || n == 0 || n >= IFNAMSIZ) {
    napi_throw_type_error(env, "ENODEV", "interface name: 1 to 15 bytes");
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
  rawsock *s = calloc(1, sizeof *s);
  if (!s) return throw_errno(env, "allocating", ENOMEM);
  s->fd = -1;
  s->wake[0] = s->wake[1] = -1;
  s->ethertype = (uint16_t)et;
  pthread_mutex_init(&s->lock, NULL);
  atomic_init(&s->refs, 1);
  int e = plat_open(s, ifname);
  if (e) {
    sock_unref(s);
    char what[64];
    snprintf(what, sizeof what, "opening raw frames on %s", ifname);
    return throw_errno(env, what, e);
  }
  if (pipe(s->wake) != 0) {
    e = errno;
    sock_unref(s);
    return throw_errno(env, "creating the wake-up pipe", e);
  }
  napi_value name, handle;
  CHECK(napi_create_string_utf8(env, "rb-rawether", NAPI_AUTO_LENGTH, &name));
  atomic_fetch_add(&s->refs, 1); /* the thread-safe function's, dropped by tsfn_finalize */
  if (napi_create_threadsafe_function(env, argv[2], NULL, name, QUEUE_MAX, 1, s, tsfn_finalize, NULL, call_js, &s->tsfn) != napi_ok) {
    atomic_fetch_sub(&s->refs, 1);
    sock_unref(s);
    napi_throw_error(env, "RB_NATIVE", "creating the frame callback failed");
    return NULL;
  }
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t th;
  e = pthread_create(&th, &attr, reader, s);
  pthread_attr_destroy(&attr);
  if (e != 0) {
    napi_release_threadsafe_function(s->tsfn, napi_tsfn_abort);
    sock_unref(s);
    return throw_errno(env, "starting the reader thread", e);
  }
  s->started = 1;
  if (napi_create_external(env, s, handle_finalize, NULL, &handle) != napi_ok) {
    atomic_store(&s->closing, 1);
    ssize_t w = write(s->wake[1], "x", 1);
    (void)w;
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
  if (atomic_load(&s->closing)) return throw_errno(env, "sending on a closed handle", EBADF);
  void *data;
  size_t len;
  if (napi_get_buffer_info(env, argv[1], &data, &len) != napi_ok || len < 14 || len > 9018) {
    napi_throw_range_error(env, "EMSGSIZE", "a frame is a Buffer of 14…9018 bytes");
    return NULL;
  }
  int e = plat_send(s, data, len);
  if (e) return throw_errno(env, "sending a frame", e);
  CHECK(napi_create_int64(env, (int64_t)len, &out));
  return out;
}

static napi_value js_answer(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  rawsock *s = handle_args(env, info, 4, argv);
  if (!s) return NULL;
  uint32_t off = 0, val = 0;
  if (napi_get_value_uint32(env, argv[1], &off) != napi_ok || off < 14 || off >= 9018 || napi_get_value_uint32(env, argv[2], &val) != napi_ok || val > 255) {
    napi_throw_range_error(env, NULL, "answer(handle, offset 14…9017, byte value, reply | null)");
    return NULL;
  }
  napi_valuetype t;
  CHECK(napi_typeof(env, argv[3], &t));
  uint8_t *copy = NULL;
  size_t len = 0;
  if (t != napi_null && t != napi_undefined) {
    void *data;
    if (napi_get_buffer_info(env, argv[3], &data, &len) != napi_ok || len < 14 || len > 9018) {
      napi_throw_range_error(env, "EMSGSIZE", "a reply is a Buffer of 14…9018 bytes");
      return NULL;
    }
    copy = malloc(len);
    if (!copy) return throw_errno(env, "allocating", ENOMEM);
    memcpy(copy, data, len);
  }
  pthread_mutex_lock(&s->lock);
  free(s->answer_frame);
  s->answer_frame = copy;
  s->answer_len = len;
  s->answer_off = (int)off;
  s->answer_val = (uint8_t)val;
  pthread_mutex_unlock(&s->lock);
  return NULL;
}

#if defined(__linux__)
/* One rtnetlink request (RTM_NEWNEIGH / RTM_DELNEIGH), answered by its ACK: 0 or the errno. */
static int neigh_request(int type, int ifindex, struct in_addr ip, const uint8_t *mac) {
  struct {
    struct nlmsghdr nh;
    struct ndmsg nd;
    char attrs[64];
  } req;
  memset(&req, 0, sizeof req);
  req.nh.nlmsg_len = NLMSG_LENGTH(sizeof(struct ndmsg));
  req.nh.nlmsg_type = (uint16_t)type;
  req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | (type == RTM_NEWNEIGH ? NLM_F_CREATE | NLM_F_REPLACE : 0);
  req.nh.nlmsg_seq = 1;
  req.nd.ndm_family = AF_INET;
  req.nd.ndm_ifindex = ifindex;
  req.nd.ndm_state = NUD_PERMANENT;
  struct rtattr *a = (struct rtattr *)((char *)&req + NLMSG_ALIGN(req.nh.nlmsg_len));
  a->rta_type = NDA_DST;
  a->rta_len = RTA_LENGTH(4);
  memcpy(RTA_DATA(a), &ip, 4);
  req.nh.nlmsg_len = NLMSG_ALIGN(req.nh.nlmsg_len) + RTA_ALIGN(a->rta_len);
  if (mac) {
    a = (struct rtattr *)((char *)&req + NLMSG_ALIGN(req.nh.nlmsg_len));
    a->rta_type = NDA_LLADDR;
    a->rta_len = RTA_LENGTH(6);
    memcpy(RTA_DATA(a), mac, 6);
    req.nh.nlmsg_len = NLMSG_ALIGN(req.nh.nlmsg_len) + RTA_ALIGN(a->rta_len);
  }
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (fd < 0) return errno;
  struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
  int e = 0;
  if (sendto(fd, &req, req.nh.nlmsg_len, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0) e = errno;
  else {
    struct timeval tv = {2, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char buf[1024];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n < 0) e = errno;
    else {
      struct nlmsghdr *h = (struct nlmsghdr *)buf;
      e = EIO;
      if (NLMSG_OK(h, (size_t)n) && h->nlmsg_type == NLMSG_ERROR) e = -((struct nlmsgerr *)NLMSG_DATA(h))->error;
    }
  }
  close(fd);
  return e;
}

static napi_value js_neighbour(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 3) {
    napi_throw_type_error(env, NULL, "neighbour(ifname, ipv4, mac | null)");
    return NULL;
  }
  char ifname[IFNAMSIZ + 1], ip[INET_ADDRSTRLEN + 1];
  size_t n = 0;
  if (napi_get_value_string_utf8(env, argv[0], ifname, sizeof ifname, &n) != napi_ok || n == 0 || n >= IFNAMSIZ) {
    napi_throw_type_error(env, "ENODEV", "interface name: 1 to 15 bytes");
    return NULL;
  }
  struct in_addr addr;
  if (napi_get_value_string_utf8(env, argv[1], ip, sizeof ip, &n) != napi_ok || inet_pton(AF_INET, ip, &addr) != 1) {
    napi_throw_type_error(env, "EINVAL", "an IPv4 address like 10.164.183.253");
    return NULL;
  }
  napi_valuetype t;
  CHECK(napi_typeof(env, argv[2], &t));
  uint8_t mac[6];
  int add = t != napi_null && t != napi_undefined;
  if (add) {
    void *data;
    size_t len;
    if (napi_get_buffer_info(env, argv[2], &data, &len) != napi_ok || len != 6) {
      napi_throw_type_error(env, "EINVAL", "a MAC address is a Buffer of 6 bytes");
      return NULL;
    }
    memcpy(mac, data, 6);
  }
  unsigned ifindex = if_nametoindex(ifname);
  if (ifindex == 0) return throw_errno(env, "finding the interface", errno);
  int e = neigh_request(add ? RTM_NEWNEIGH : RTM_DELNEIGH, (int)ifindex, addr, add ? mac : NULL);
  if (e == ENOENT && !add) e = 0; /* already gone */
  if (e) return throw_errno(env, add ? "adding the neighbour entry" : "removing the neighbour entry", e);
  return NULL;
}
#endif

static napi_value js_dropped(napi_env env, napi_callback_info info) {
  napi_value argv[1], out;
  rawsock *s = handle_args(env, info, 1, argv);
  if (!s) return NULL;
  CHECK(napi_create_double(env, (double)atomic_load(&s->dropped), &out));
  return out;
}

static napi_value js_close(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  rawsock *s = handle_args(env, info, 1, argv);
  if (!s) return NULL;
  if (s->started && !atomic_exchange(&s->closing, 1)) {
    ssize_t w = write(s->wake[1], "x", 1);
    (void)w;
  }
  return NULL;
}

/*
 * bindToDevice(fd, ifname): the station's per-card listeners (issue 17, decision 0112). Every router's failsafe
 * broadcast goes to 192.168.1.255:4919, on every card alike; a UDP socket bound to one card hears only what that
 * card received. Linux: SO_BINDTODEVICE (no privilege needed since Linux 5.7 for a socket not yet bound to a
 * device); macOS: IP_BOUND_IF with the interface index (ip(4); written from the documentation, untested).
 */
#if defined(__APPLE__) && !defined(IP_BOUND_IF)
#define IP_BOUND_IF 25 /* <netinet/in.h>, hidden there when a strict POSIX level is asked for */
#endif
static napi_value js_bind_to_device(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2) return throw_errno(env, "bindToDevice", EINVAL);
  int32_t fd = -1;
  if (napi_get_value_int32(env, argv[0], &fd) != napi_ok || fd < 0) return throw_errno(env, "bindToDevice", EBADF);
  char name[IF_NAMESIZE + 1];
  size_t len = 0;
  if (napi_get_value_string_utf8(env, argv[1], name, sizeof name, &len) != napi_ok || len == 0 || len >= IF_NAMESIZE) return throw_errno(env, "bindToDevice", EINVAL);
#ifdef __linux__
  if (setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, name, (socklen_t)len) < 0) return throw_errno(env, "SO_BINDTODEVICE", errno);
#elif defined(__APPLE__)
  unsigned int idx = if_nametoindex(name);
  if (idx == 0) return throw_errno(env, "if_nametoindex", errno ? errno : ENXIO);
  if (setsockopt(fd, IPPROTO_IP, IP_BOUND_IF, &idx, sizeof idx) < 0) return throw_errno(env, "IP_BOUND_IF", errno);
#else
  return throw_errno(env, "bindToDevice", ENOSYS);
#endif
  napi_value undef;
  napi_get_undefined(env, &undef);
  return undef;
}

NAPI_MODULE_INIT(/* env, exports */) {
  static const struct {
    const char *name;
    napi_callback cb;
  } fns[] = {{"open", js_open}, {"mac", js_mac}, {"send", js_send}, {"dropped", js_dropped}, {"close", js_close}, {"answer", js_answer},
             {"bindToDevice", js_bind_to_device},
#if defined(__linux__)
             {"neighbour", js_neighbour},
#endif
  };
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
