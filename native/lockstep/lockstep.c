/*
 * Rescue Bench lock-step TFTP engine (docs/decisions/0013-native-lockstep-engine.md).
 *
 * Serves the data phase of one octet-mode read (RRQ) with windowsize 1 on a thread of its own: block, wait for
 * its ACK in a blocking recv(), next block. Node's per-datagram receive path (an allocation and a JS callback per
 * packet, the event loop turn) costs more than the round trip to a bootloader allows; here a block is one send()
 * and one recv().
 *
 * Deliberately small: the JavaScript side parses the request, checks the name against the served folder, opens
 * the file, negotiates the options and builds the OACK. This code never sees a file name. It receives only ACK
 * and ERROR packets, reads 4 bytes of them, and hands an ERROR packet back to JavaScript as bytes.
 *
 * JS API (src-main/services/tftp/native.ts wraps it):
 *   open(address, reuseAddr) -> handle          a UDP socket bound to address:0 (the transfer ID)
 *   port(handle) -> number
 *   start(handle, peerAddress, peerPort, fd, size, blksize, timeoutMs, retries, spinUs, oack|null, done)
 *   progress(handle) -> [blocksAcked, retransmits]
 *   cancel(handle, tftpCode, text)             tftpCode < 0: stop without telling the client
 *   dispose(handle)                            close a handle that was never started
 *   sha256(buffer) -> hex                       the engine's hash, for tests
 *   probeVerdict(...)                           the yielding wait's decision rule (PROBE_BLOCKS), for tests
 *   shaAccelerated                              true when the CPU's SHA instructions are used
 */
#define NAPI_VERSION 8
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <node_api.h>
#include <sys/time.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "sha256.h"

enum outcome { OUT_DONE, OUT_TIMEOUT, OUT_CLIENT_ERROR, OUT_PROTOCOL, OUT_GONE, OUT_READ_FAILED, OUT_SHORT_FILE, OUT_CANCELLED, OUT_SOCKET_ERROR };
static const char *const OUTCOME_NAMES[] = {"done", "timeout", "client-error", "protocol", "gone", "read-failed", "short-file", "cancelled", "socket-error"};

/* Bumped whenever the JS API changes: src-main/services/tftp/native.ts refuses another one. */
#define RB_LOCKSTEP_ABI 4
#define MAX_ERR_PACKET 516
#define MAX_TEXT 120
/*
 * Whether the yielding wait pays is measured, not assumed (decision 0013). It pays when the client shares our
 * cores and needs them to answer (QEMU's threads), and it costs dearly when an unrelated task wants our core: a
 * thread that yields stays runnable, so sched_yield() hands that task a whole time slice (1-13 ms here) and the ACK
 * that lands meanwhile wakes nobody (0.11x of tftpd-hpa with one busy loop beside the U-Boot rig). So the engine
 * repeats: PROBE_BLOCKS blocks without the wait, up to PROBE_BLOCKS with it, then RUN_BLOCKS blocks the way whose
 * median round trip was shorter (probe_verdict). A yield that kept us off the CPU for more than STOLEN_US also
 * ends that block's wait at once.
 */
#define PROBE_BLOCKS 64
#define RUN_BLOCKS 4096
#define STOLEN_US 500

typedef struct xfer {
  atomic_int refs; /* the JS handle and, while it runs, the thread */
  int sock;
  int port;
  int started;
  /* parameters (written before the thread starts, read-only after) */
  int fd;
  uint64_t size;
  uint32_t blksize;
  uint32_t timeout_ms;
  uint32_t retries;
  uint32_t spin_us; /* wait this long with sched_yield() before sleeping in recv() (0: never) */
  uint8_t *oack;
  size_t oack_len;
  napi_threadsafe_function tsfn;
  /* live counters, read by progress() */
  atomic_uint_fast64_t acked;
  atomic_uint_fast64_t retransmits;
  /* result: blocks whose wait yielded; probe rounds that chose to yield / not to */
  uint64_t spun_blocks;
  uint32_t chose_spin, chose_sleep;
  /* cancel request */
  atomic_int cancel_code; /* INT32_MIN: none; < 0: stop silently; >= 0: send ERROR with this code */
  char cancel_text[MAX_TEXT];
  /* result (written by the thread before it hands over) */
  enum outcome outcome;
  int sys_errno;
  int bad_opcode;
  int bad_length;
  uint8_t err_packet[MAX_ERR_PACKET];
  size_t err_len;
  char sha256[65];
} xfer;

#define NO_CANCEL INT32_MIN

static void xfer_unref(xfer *x) {
  if (atomic_fetch_sub(&x->refs, 1) != 1) return;
  if (x->sock >= 0) close(x->sock);
  free(x->oack);
  free(x);
}

static int64_t now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* The median of n > 0 round trips (sorts them in place; n <= PROBE_BLOCKS). */
static int64_t median(int64_t *v, int n) {
  for (int i = 1; i < n; i++) {
    int64_t k = v[i];
    int j = i - 1;
    for (; j >= 0 && v[j] > k; j--) v[j + 1] = v[j];
    v[j + 1] = k;
  }
  return v[n / 2];
}

/*
 * The probe's verdict (see PROBE_BLOCKS): 1 = wait, 0 = do not, -1 = probe on. The probe without the wait had
 * round trips with the median sleep_median (< 0: none); the one with the wait has sent spin_blocks blocks so far,
 * with round trips spin[0..n) (sorted in place). Medians, so a start-up cost or one hiccup does not decide; the
 * wait is given up early once its median, over at least 4 blocks, is twice the other's.
 */
static int probe_verdict(int64_t sleep_median, uint64_t spin_blocks, int64_t *spin, int n) {
  if (sleep_median < 0) return 0;
  int64_t m = n > 0 ? median(spin, n) : 0;
  if (n >= 4 && m > 2 * sleep_median) return 0;
  if (spin_blocks < PROBE_BLOCKS) return -1;
  return n > 0 && m < sleep_median;
}

static int64_t now_ms(void) {
  return now_us() / 1000;
}

static void send_error(xfer *x, int code, const char *text) {
  uint8_t p[4 + MAX_TEXT + 1];
  size_t n = strnlen(text, MAX_TEXT - 1);
  p[0] = 0;
  p[1] = 5;
  p[2] = (uint8_t)(code >> 8);
  p[3] = (uint8_t)code;
  memcpy(p + 4, text, n);
  p[4 + n] = 0;
  (void)send(x->sock, p, 5 + n, MSG_DONTWAIT);
}

/* Send; a full socket buffer counts as a lost packet (the timeout resends). Returns 0, or an outcome. */
static int send_packet(xfer *x, const uint8_t *p, size_t len) {
  for (;;) {
    if (send(x->sock, p, len, MSG_DONTWAIT) >= 0) return 0;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOBUFS) return 0;
    x->sys_errno = errno;
    return errno == ECONNREFUSED ? OUT_GONE : OUT_SOCKET_ERROR;
  }
}

/*
 * The file is read in chunks of whole blocks into two buffers that alternate: while chunk c is being sent, chunk
 * c+1 is read into the other buffer (right after the first block of c went out, in the time the client takes to
 * answer). A block goes out with sendmsg() straight from its chunk, behind a 4-byte header: per block, one
 * recv() and one sendmsg(), and a read() only once per chunk.
 */
#define CHUNK_BYTES 65536

typedef struct {
  xfer *x;
  uint32_t B;
  uint64_t per_chunk; /* blocks per chunk */
  uint64_t last;      /* the last block number (its data is shorter than B, possibly empty) */
  uint8_t *buf[2];
  int64_t loaded[2]; /* which chunk each buffer holds, -1: none */
} reader;

/* Read chunk c into its buffer. 0, or OUT_READ_FAILED / OUT_SHORT_FILE. */
static int load_chunk(reader *r, uint64_t c) {
  xfer *x = r->x;
  int i = (int)(c & 1);
  uint64_t off = c * r->per_chunk * r->B;
  uint64_t want64 = x->size - off < r->per_chunk * r->B ? x->size - off : r->per_chunk * r->B;
  size_t want = (size_t)want64, got = 0;
  r->loaded[i] = -1;
  while (got < want) {
    ssize_t k = pread(x->fd, r->buf[i] + got, want - got, (off_t)(off + got));
    if (k < 0) {
      if (errno == EINTR) continue;
      x->sys_errno = errno;
      return OUT_READ_FAILED;
    }
    if (k == 0) return OUT_SHORT_FILE;
    got += (size_t)k;
  }
  r->loaded[i] = (int64_t)c;
  return 0;
}

/* Where block n's data is (its chunk loaded first if it is not). 0, or an outcome. */
static int block_data(reader *r, uint64_t n, const uint8_t **data, size_t *len) {
  uint64_t c = (n - 1) / r->per_chunk;
  if (r->loaded[c & 1] != (int64_t)c) {
    int e = load_chunk(r, c);
    if (e) return e;
  }
  uint64_t off = (n - 1) * r->B;
  *data = r->buf[c & 1] + (size_t)(off - c * r->per_chunk * r->B);
  *len = r->x->size - off < r->B ? (size_t)(r->x->size - off) : r->B;
  return 0;
}

static int send_block(xfer *x, uint64_t n, const uint8_t *data, size_t len) {
  uint8_t hdr[4] = {0, 3, (uint8_t)((n >> 8) & 0xff), (uint8_t)(n & 0xff)};
  struct iovec iov[2] = {{hdr, 4}, {(void *)data, len}};
  struct msghdr m;
  memset(&m, 0, sizeof m);
  m.msg_iov = iov;
  m.msg_iovlen = len > 0 ? 2 : 1;
  for (;;) {
    if (sendmsg(x->sock, &m, MSG_DONTWAIT) >= 0) return 0;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOBUFS) return 0;
    x->sys_errno = errno;
    return errno == ECONNREFUSED ? OUT_GONE : OUT_SOCKET_ERROR;
  }
}

static void *run(void *arg) {
  xfer *x = arg;
  reader r = {x, x->blksize, 0, 0, {NULL, NULL}, {-1, -1}};
  r.per_chunk = CHUNK_BYTES / r.B > 0 ? CHUNK_BYTES / r.B : 1;
  r.last = x->size / r.B + 1;
  const uint64_t last_chunk = (r.last - 1) / r.per_chunk;
  uint64_t acked = 0, sent = 0;
  int waiting_oack = x->oack != NULL;
  uint32_t tries = 0;
  rb_sha256 hash;
  rb_sha256_init(&hash);
  uint8_t in[MAX_ERR_PACKET];
  enum outcome out = OUT_DONE;
  int64_t deadline = 0;
  /* Round trip of the last blocks (send to its ACK), smoothed; spinning is worth it only when it is short. */
  int64_t sent_at = 0, rtt = 0;
  int clean = 0;  /* the block in flight went out once (a resent one gives no round-trip sample) */
  int stolen = 0; /* its wait lost the CPU (no sample for the smoothed RTT, which gates the wait) */
  /* the wait's measurement (see PROBE_BLOCKS): phase, where it began, the probe without the wait, the choice */
  enum wait_phase { PROBE_SLEEP, PROBE_SPIN, RUN } phase = PROBE_SLEEP;
  uint64_t phase_acked = 0;
  int64_t sleep_median = -1;
  int64_t samples[PROBE_BLOCKS]; /* round trips of the current probe */
  int nsamples = 0, spin_wins = 0;
  const uint8_t *data = NULL;
  size_t len = 0;
  int e;

  r.buf[0] = malloc((size_t)(r.per_chunk * r.B));
  r.buf[1] = last_chunk > 0 ? malloc((size_t)(r.per_chunk * r.B)) : NULL;
  if (!r.buf[0] || (last_chunk > 0 && !r.buf[1])) {
    x->sys_errno = ENOMEM;
    out = OUT_READ_FAILED;
    goto end;
  }
  {
    uint32_t slice = x->timeout_ms / 8;
    if (slice < 5) slice = 5;
    if (slice > 100) slice = 100;
    struct timeval tv = {(time_t)(slice / 1000), (suseconds_t)((slice % 1000) * 1000)};
    if (setsockopt(x->sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0) {
      x->sys_errno = errno;
      out = OUT_SOCKET_ERROR;
      goto end;
    }
  }
  if ((e = load_chunk(&r, 0))) {
    out = (enum outcome)e;
    send_error(x, 0, "Read error on server");
    goto end;
  }

  /* Send block acked+1; hash it the first time; when it opens a chunk, read the next chunk into the other buffer. */
#define SEND_NEXT()                                                                     \
  do {                                                                                  \
    uint64_t n_ = acked + 1;                                                            \
    if ((e = block_data(&r, n_, &data, &len))) {                                        \
      out = (enum outcome)e;                                                            \
      send_error(x, 0, "Read error on server");                                         \
      goto end;                                                                         \
    }                                                                                   \
    if ((e = send_block(x, n_, data, len))) {                                           \
      out = (enum outcome)e;                                                            \
      goto end;                                                                         \
    }                                                                                   \
    sent_at = now_us();                                                                 \
    deadline = sent_at / 1000 + x->timeout_ms;                                          \
    clean = 1;                                                                          \
    stolen = 0;                                                                         \
    if (n_ > sent) {                                                                    \
      sent = n_;                                                                        \
      rb_sha256_update(&hash, data, len);                                               \
      uint64_t c_ = (n_ - 1) / r.per_chunk;                                             \
      /* the other buffer held chunk c-1, all acknowledged; a failed read is retried when due */ \
      if ((n_ - 1) % r.per_chunk == 0 && c_ + 1 <= last_chunk) (void)load_chunk(&r, c_ + 1); \
    }                                                                                   \
  } while (0)

  if (waiting_oack) {
    if ((e = send_packet(x, x->oack, x->oack_len))) {
      out = (enum outcome)e;
      goto end;
    }
    deadline = now_ms() + x->timeout_ms;
  } else {
    SEND_NEXT();
  }

  /*
   * One blocking recv() per packet. The socket's receive timeout is a short slice, so the thread wakes a few
   * times per retransmission timeout to look at the cancel flag and the deadline even when nothing arrives.
   */
  for (;;) {
    ssize_t k = -1;
    int have = 0; /* the short wait got a datagram or a real error */
    /*
     * A short wait first, yielding the CPU between looks (decision 0013): when the client answers within it, the
     * thread is still running when the ACK lands and skips a sleep and a wake-up, which on an idle (or virtual)
     * machine cost tens of microseconds per block. Only when recent round trips fit in the budget, and only while
     * the last probe found the wait faster (see PROBE_BLOCKS).
     */
    if (x->spin_us > 0 && rtt < (int64_t)x->spin_us && !waiting_oack && (phase == PROBE_SPIN || (phase == RUN && spin_wins))) {
      int64_t t = now_us(), until = t + x->spin_us;
      x->spun_blocks++;
      for (;;) {
        k = recv(x->sock, in, sizeof in, MSG_DONTWAIT);
        if (k >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
          have = 1;
          break;
        }
        if (t >= until || atomic_load(&x->cancel_code) != NO_CANCEL) break;
        sched_yield();
        int64_t after = now_us();
        if (after - t > STOLEN_US) {
          stolen = 1;
          break;
        }
        t = after;
      }
    }
    if (!have) k = recv(x->sock, in, sizeof in, 0);
    int code = atomic_load(&x->cancel_code);
    if (code != NO_CANCEL) {
      if (code >= 0) send_error(x, code, x->cancel_text);
      out = OUT_CANCELLED;
      goto end;
    }
    if (k < 0) {
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) {
        x->sys_errno = errno;
        out = errno == ECONNREFUSED ? OUT_GONE : OUT_SOCKET_ERROR;
        goto end;
      }
    } else {
      int op = k >= 2 ? (in[0] << 8 | in[1]) : -1;
      if (op == 4 && k >= 4) {
        uint64_t n16 = (uint64_t)(in[2] << 8 | in[3]);
        int advance = 0;
        if (waiting_oack) {
          advance = n16 == 0;
          if (advance) waiting_oack = 0;
        } else {
          uint64_t L = acked + ((n16 - (acked & 0xffff)) & 0xffff);
          /* A duplicate or stale ACK is never answered (Sorcerer's Apprentice): only the timeout resends. */
          if (L > acked && L <= sent) {
            advance = 1;
            if (clean) {
              int64_t sample = now_us() - sent_at;
              if (!stolen) rtt = rtt == 0 ? sample : (7 * rtt + sample) / 8;
              if (phase != RUN && nsamples < PROBE_BLOCKS) samples[nsamples++] = sample;
            }
            acked = L;
            atomic_store(&x->acked, acked);
            uint64_t n = acked - phase_acked;
            enum wait_phase next = phase;
            int v;
            if (phase == PROBE_SLEEP && n >= PROBE_BLOCKS) {
              sleep_median = nsamples ? median(samples, nsamples) : -1;
              next = PROBE_SPIN;
            } else if (phase == PROBE_SPIN && (v = probe_verdict(sleep_median, n, samples, nsamples)) >= 0) {
              spin_wins = v;
              if (spin_wins) x->chose_spin++;
              else x->chose_sleep++;
              next = RUN;
            } else if (phase == RUN && n >= RUN_BLOCKS) {
              next = PROBE_SLEEP;
            }
            if (next != phase) {
              phase = next;
              nsamples = 0;
              phase_acked = acked;
            }
            if (acked == r.last) {
              out = OUT_DONE;
              goto end;
            }
          }
        }
        if (advance) {
          tries = 0;
          SEND_NEXT();
          continue;
        }
      } else if (op == 6 && acked == 0 && !waiting_oack) {
        /* An upload (decision 0016): the server sent its OACK again because our first block was late or lost; the
           retransmission timer resends it. A reading client never sends an OACK, so nothing else changes. */
      } else if (op == 5) {
        x->err_len = (size_t)k;
        memcpy(x->err_packet, in, (size_t)k);
        out = OUT_CLIENT_ERROR;
        goto end;
      } else {
        x->bad_opcode = op;
        x->bad_length = (int)k;
        send_error(x, 4, "Illegal TFTP operation");
        out = OUT_PROTOCOL;
        goto end;
      }
    }
    /* Nothing moved the transfer forward: resend when the deadline has passed (also under a flood of duplicates). */
    if (now_ms() < deadline) continue;
    if (++tries > x->retries) {
      out = OUT_TIMEOUT;
      goto end;
    }
    atomic_fetch_add(&x->retransmits, 1);
    clean = 0;
    e = waiting_oack ? send_packet(x, x->oack, x->oack_len) : send_block(x, acked + 1, data, len);
    if (e) {
      out = (enum outcome)e;
      goto end;
    }
    deadline = now_ms() + x->timeout_ms;
  }
#undef SEND_NEXT

end:
  if (out == OUT_DONE) rb_sha256_hex(&hash, x->sha256);
  x->outcome = out;
  free(r.buf[0]);
  free(r.buf[1]);
  close(x->sock);
  x->sock = -1;
  /* The result is read on the JS thread; the thread's reference passes to that call. */
  napi_call_threadsafe_function(x->tsfn, x, napi_tsfn_blocking);
  napi_release_threadsafe_function(x->tsfn, napi_tsfn_release);
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

/* socket() with close-on-exec, on Linux and macOS (which has no SOCK_CLOEXEC). */
static int cloexec(int fd) {
  if (fd >= 0) (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
  return fd;
}

static const char *errno_name(int e) {
  switch (e) {
    case EACCES: return "EACCES";
    case EADDRINUSE: return "EADDRINUSE";
    case EADDRNOTAVAIL: return "EADDRNOTAVAIL";
    case ECONNREFUSED: return "ECONNREFUSED";
    case EINVAL: return "EINVAL";
    case EMFILE: return "EMFILE";
    case ENFILE: return "ENFILE";
    case ENOBUFS: return "ENOBUFS";
    case ENOMEM: return "ENOMEM";
    case ENETUNREACH: return "ENETUNREACH";
    case EHOSTUNREACH: return "EHOSTUNREACH";
    case EBADF: return "EBADF";
    case EIO: return "EIO";
    case EISDIR: return "EISDIR";
    default: return "EUNKNOWN";
  }
}

static napi_value throw_errno(napi_env env, const char *what, int e) {
  char msg[200];
  snprintf(msg, sizeof msg, "%s: %s", what, strerror(e));
  napi_throw_error(env, errno_name(e), msg);
  return NULL;
}

static void finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  xfer *x = data;
  /* A handle dropped before start(): its socket goes now. A started one: the thread still holds a reference. */
  xfer_unref(x);
}

static xfer *get_xfer(napi_env env, napi_value v) {
  void *p = NULL;
  if (napi_get_value_external(env, v, &p) != napi_ok || !p) {
    napi_throw_type_error(env, NULL, "expected a lock-step handle");
    return NULL;
  }
  return p;
}

/* The arguments of a call whose first one is a handle; NULL (with a JS exception pending) if it is not one. */
static xfer *handle_args(napi_env env, napi_callback_info info, size_t want, napi_value *argv, size_t *argc) {
  *argc = want;
  if (napi_get_cb_info(env, info, argc, argv, NULL, NULL) != napi_ok) {
    napi_throw_error(env, "RB_NATIVE", "could not read the arguments");
    return NULL;
  }
  if (*argc == 0) {
    napi_throw_type_error(env, NULL, "expected a lock-step handle");
    return NULL;
  }
  return get_xfer(env, argv[0]);
}

static int parse_ipv4(napi_env env, napi_value v, struct in_addr *out) {
  char s[64];
  size_t n = 0;
  if (napi_get_value_string_utf8(env, v, s, sizeof s, &n) != napi_ok || inet_pton(AF_INET, s, out) != 1) {
    napi_throw_type_error(env, NULL, "expected an IPv4 address");
    return -1;
  }
  return 0;
}

static napi_value js_open(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  if (argc < 2 || parse_ipv4(env, argv[0], &a.sin_addr)) return NULL;
  bool reuse = false;
  CHECK(napi_get_value_bool(env, argv[1], &reuse));
  /* ABI 4: an optional port, so an upload (the TFTP client, decision 0016) can take over the port its request went
     out from, which the server knows as our transfer ID; 0 = any free port (the server's transfers). */
  uint32_t want_port = 0;
  if (argc >= 3) {
    napi_valuetype pt;
    CHECK(napi_typeof(env, argv[2], &pt));
    if (pt == napi_number) CHECK(napi_get_value_uint32(env, argv[2], &want_port));
    if (want_port > 65535) {
      napi_throw_range_error(env, NULL, "open(): port out of range");
      return NULL;
    }
  }
  a.sin_port = htons((uint16_t)want_port);
  xfer *x = calloc(1, sizeof *x);
  if (!x) return throw_errno(env, "allocating a transfer", ENOMEM);
  atomic_init(&x->refs, 1);
  atomic_init(&x->cancel_code, NO_CANCEL);
  x->sock = -1;
  x->fd = -1;
  x->sock = cloexec(socket(AF_INET, SOCK_DGRAM, 0));
  if (x->sock < 0) {
    int e = errno;
    xfer_unref(x);
    return throw_errno(env, "creating the transfer socket", e);
  }
  int one = 1;
  if (reuse) (void)setsockopt(x->sock, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  socklen_t al = sizeof a;
  if (bind(x->sock, (struct sockaddr *)&a, sizeof a) != 0 || getsockname(x->sock, (struct sockaddr *)&a, &al) != 0) {
    int e = errno;
    xfer_unref(x);
    return throw_errno(env, "binding the transfer socket", e);
  }
  x->port = ntohs(a.sin_port);
  napi_value ext;
  if (napi_create_external(env, x, finalize, NULL, &ext) != napi_ok) {
    xfer_unref(x);
    napi_throw_error(env, "RB_NATIVE", "could not create the handle");
    return NULL;
  }
  return ext;
}

static napi_value js_port(napi_env env, napi_callback_info info) {
  size_t argc;
  napi_value argv[1], out;
  xfer *x = handle_args(env, info, 1, argv, &argc);
  if (!x) return NULL;
  CHECK(napi_create_int32(env, x->port, &out));
  return out;
}

static void call_js(napi_env env, napi_value cb, void *context, void *data) {
  (void)context;
  xfer *x = data;
  if (env && cb) {
    napi_value r, v, undef;
    napi_create_object(env, &r);
    napi_create_string_utf8(env, OUTCOME_NAMES[x->outcome], NAPI_AUTO_LENGTH, &v);
    napi_set_named_property(env, r, "outcome", v);
    napi_create_double(env, (double)atomic_load(&x->acked), &v);
    napi_set_named_property(env, r, "acked", v);
    napi_create_double(env, (double)atomic_load(&x->retransmits), &v);
    napi_set_named_property(env, r, "retransmits", v);
    napi_create_double(env, (double)x->spun_blocks, &v);
    napi_set_named_property(env, r, "spunBlocks", v);
    napi_create_uint32(env, x->chose_spin, &v);
    napi_set_named_property(env, r, "choseSpin", v);
    napi_create_uint32(env, x->chose_sleep, &v);
    napi_set_named_property(env, r, "choseSleep", v);
    if (x->outcome == OUT_DONE) {
      napi_create_string_utf8(env, x->sha256, 64, &v);
      napi_set_named_property(env, r, "sha256", v);
    }
    if (x->sys_errno) {
      napi_create_string_utf8(env, errno_name(x->sys_errno), NAPI_AUTO_LENGTH, &v);
      napi_set_named_property(env, r, "errno", v);
      napi_create_string_utf8(env, strerror(x->sys_errno), NAPI_AUTO_LENGTH, &v);
      napi_set_named_property(env, r, "errnoText", v);
    }
    if (x->outcome == OUT_CLIENT_ERROR) {
      void *copy;
      napi_create_buffer_copy(env, x->err_len, x->err_packet, &copy, &v);
      napi_set_named_property(env, r, "errorPacket", v);
    }
    if (x->outcome == OUT_PROTOCOL) {
      napi_create_int32(env, x->bad_opcode, &v);
      napi_set_named_property(env, r, "opcode", v);
      napi_create_int32(env, x->bad_length, &v);
      napi_set_named_property(env, r, "length", v);
    }
    napi_get_undefined(env, &undef);
    napi_call_function(env, undef, cb, 1, &r, NULL);
  }
  xfer_unref(x);
}

static napi_value js_start(napi_env env, napi_callback_info info) {
  size_t argc;
  napi_value argv[11];
  xfer *x = handle_args(env, info, 11, argv, &argc);
  if (!x) return NULL;
  if (argc < 11) {
    napi_throw_type_error(env, NULL, "start() takes 11 arguments");
    return NULL;
  }
  if (x->started) {
    napi_throw_error(env, "RB_NATIVE", "transfer already started");
    return NULL;
  }
  struct sockaddr_in peer = {0};
  peer.sin_family = AF_INET;
  if (parse_ipv4(env, argv[1], &peer.sin_addr)) return NULL;
  uint32_t pport, blksize, timeout_ms, retries, spin_us;
  int32_t fd;
  double size;
  CHECK(napi_get_value_uint32(env, argv[2], &pport));
  CHECK(napi_get_value_int32(env, argv[3], &fd));
  CHECK(napi_get_value_double(env, argv[4], &size));
  CHECK(napi_get_value_uint32(env, argv[5], &blksize));
  CHECK(napi_get_value_uint32(env, argv[6], &timeout_ms));
  CHECK(napi_get_value_uint32(env, argv[7], &retries));
  CHECK(napi_get_value_uint32(env, argv[8], &spin_us));
  if (pport == 0 || pport > 65535 || fd < 0 || !(size >= 0 && size <= 9007199254740991.0) || blksize < 8 || blksize > 65464 || timeout_ms == 0 || spin_us > 100000) {
    napi_throw_range_error(env, NULL, "start(): argument out of range");
    return NULL;
  }
  napi_valuetype t;
  CHECK(napi_typeof(env, argv[9], &t));
  if (t != napi_null && t != napi_undefined) {
    bool isbuf = false;
    void *data;
    size_t len;
    CHECK(napi_is_buffer(env, argv[9], &isbuf));
    if (!isbuf) {
      napi_throw_type_error(env, NULL, "oack must be a Buffer or null");
      return NULL;
    }
    CHECK(napi_get_buffer_info(env, argv[9], &data, &len));
    if (len == 0 || len > 65468) {
      napi_throw_range_error(env, NULL, "oack length out of range");
      return NULL;
    }
    x->oack = malloc(len);
    if (!x->oack) return throw_errno(env, "allocating the OACK", ENOMEM);
    memcpy(x->oack, data, len);
    x->oack_len = len;
  }
  CHECK(napi_typeof(env, argv[10], &t));
  if (t != napi_function) {
    napi_throw_type_error(env, NULL, "done must be a function");
    return NULL;
  }
  peer.sin_port = htons((uint16_t)pport);
  if (connect(x->sock, (struct sockaddr *)&peer, sizeof peer) != 0) return throw_errno(env, "connecting the transfer socket", errno);
  x->fd = fd;
  x->size = (uint64_t)size;
  x->blksize = blksize;
  x->timeout_ms = timeout_ms;
  x->retries = retries;
  x->spin_us = spin_us;
  napi_value name;
  CHECK(napi_create_string_utf8(env, "rb-tftp-lockstep", NAPI_AUTO_LENGTH, &name));
  CHECK(napi_create_threadsafe_function(env, argv[10], NULL, name, 0, 1, NULL, NULL, NULL, call_js, &x->tsfn));
  atomic_fetch_add(&x->refs, 1);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t th;
  int e = pthread_create(&th, &attr, run, x);
  pthread_attr_destroy(&attr);
  if (e != 0) {
    atomic_fetch_sub(&x->refs, 1);
    napi_release_threadsafe_function(x->tsfn, napi_tsfn_abort);
    return throw_errno(env, "starting the transfer thread", e);
  }
  x->started = 1;
  return NULL;
}

static napi_value js_progress(napi_env env, napi_callback_info info) {
  size_t argc;
  napi_value argv[1], out, v;
  xfer *x = handle_args(env, info, 1, argv, &argc);
  if (!x) return NULL;
  CHECK(napi_create_array_with_length(env, 2, &out));
  CHECK(napi_create_double(env, (double)atomic_load(&x->acked), &v));
  CHECK(napi_set_element(env, out, 0, v));
  CHECK(napi_create_double(env, (double)atomic_load(&x->retransmits), &v));
  CHECK(napi_set_element(env, out, 1, v));
  return out;
}

static napi_value js_cancel(napi_env env, napi_callback_info info) {
  size_t argc;
  napi_value argv[3];
  xfer *x = handle_args(env, info, 3, argv, &argc);
  if (!x) return NULL;
  if (atomic_load(&x->cancel_code) != NO_CANCEL) return NULL; /* already cancelled: the first reason stands */
  int32_t code = -1;
  if (argc > 1) CHECK(napi_get_value_int32(env, argv[1], &code));
  if (code > 0xffff) code = 0;
  if (argc > 2 && code >= 0) {
    size_t n = 0;
    CHECK(napi_get_value_string_latin1(env, argv[2], x->cancel_text, MAX_TEXT, &n));
  }
  int expected = NO_CANCEL;
  /* The thread sees it within one receive slice (at most 100 ms). */
  atomic_compare_exchange_strong(&x->cancel_code, &expected, code < 0 ? -1 : code);
  return NULL;
}

static napi_value js_dispose(napi_env env, napi_callback_info info) {
  size_t argc;
  napi_value argv[1];
  xfer *x = handle_args(env, info, 1, argv, &argc);
  if (!x) return NULL;
  if (!x->started && x->sock >= 0) {
    close(x->sock);
    x->sock = -1;
  }
  return NULL;
}

static napi_value js_sha256(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], out;
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  void *data;
  size_t len;
  bool isbuf = false;
  if (argc < 1 || napi_is_buffer(env, argv[0], &isbuf) != napi_ok || !isbuf) {
    napi_throw_type_error(env, NULL, "expected a Buffer");
    return NULL;
  }
  CHECK(napi_get_buffer_info(env, argv[0], &data, &len));
  rb_sha256 s;
  char hex[65];
  rb_sha256_init(&s);
  rb_sha256_update(&s, data, len);
  rb_sha256_hex(&s, hex);
  CHECK(napi_create_string_utf8(env, hex, 64, &out));
  return out;
}

/* probeVerdict(sleepRoundTrips[], spinBlocks, spinRoundTrips[]) -> 1 | 0 | -1, for tests. */
static napi_value js_probe_verdict(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3], out;
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int64_t blocks, rt[2][PROBE_BLOCKS];
  uint32_t len[2] = {0, 0};
  if (argc < 3 || napi_get_value_int64(env, argv[1], &blocks) != napi_ok || blocks < 0) {
    napi_throw_type_error(env, NULL, "expected (sleepRoundTrips, spinBlocks, spinRoundTrips)");
    return NULL;
  }
  for (int a = 0; a < 2; a++) {
    napi_value arr = argv[a == 0 ? 0 : 2], el;
    bool is = false;
    if (napi_is_array(env, arr, &is) != napi_ok || !is || napi_get_array_length(env, arr, &len[a]) != napi_ok || len[a] > PROBE_BLOCKS) {
      napi_throw_range_error(env, NULL, "round trips: an array of at most 64 numbers");
      return NULL;
    }
    for (uint32_t i = 0; i < len[a]; i++) {
      if (napi_get_element(env, arr, i, &el) != napi_ok || napi_get_value_int64(env, el, &rt[a][i]) != napi_ok) {
        napi_throw_type_error(env, NULL, "round trips must be numbers");
        return NULL;
      }
    }
  }
  int64_t sleep_median = len[0] ? median(rt[0], (int)len[0]) : -1;
  CHECK(napi_create_int32(env, probe_verdict(sleep_median, (uint64_t)blocks, rt[1], (int)len[1]), &out));
  return out;
}

NAPI_MODULE_INIT(/* env, exports */) {
  static const struct {
    const char *name;
    napi_callback cb;
  } fns[] = {{"open", js_open}, {"port", js_port}, {"start", js_start}, {"progress", js_progress}, {"cancel", js_cancel}, {"dispose", js_dispose}, {"sha256", js_sha256}, {"probeVerdict", js_probe_verdict}};
  for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
    napi_value f;
    if (napi_create_function(env, fns[i].name, NAPI_AUTO_LENGTH, fns[i].cb, NULL, &f) != napi_ok) return NULL;
    if (napi_set_named_property(env, exports, fns[i].name, f) != napi_ok) return NULL;
  }
  napi_value v;
  napi_create_int32(env, RB_LOCKSTEP_ABI, &v);
  napi_set_named_property(env, exports, "abi", v);
  napi_get_boolean(env, rb_sha256_accelerated() != 0, &v);
  napi_set_named_property(env, exports, "shaAccelerated", v);
  return exports;
}
