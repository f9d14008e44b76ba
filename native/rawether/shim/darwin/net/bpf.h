/*
 * SHIM — NOT macOS. The parts of macOS's <net/bpf.h> that native/rawether/rawether.c uses, written from bpf(4)
 * and xnu's bsd/net/bpf.h, so that `gcc -fsyntax-only -U__linux__ -D__APPLE__` can check the macOS branch of that
 * file on a Linux machine (test/integration/nmrp/native-syntax.test.ts). Never used to build anything that runs:
 * a Mac build includes the real header. Request numbers are placeholders (a syntax check never issues them).
 */
#ifndef RB_DARWIN_SHIM_NET_BPF_H
#define RB_DARWIN_SHIM_NET_BPF_H
#include <stdint.h>
#include <sys/types.h>

typedef uint32_t bpf_u_int32;
typedef int32_t bpf_int32;

struct bpf_insn {
  u_short code;
  u_char jt;
  u_char jf;
  bpf_u_int32 k;
};
struct bpf_program {
  u_int bf_len;
  struct bpf_insn *bf_insns;
};
struct BPF_TIMEVAL {
  int32_t tv_sec;
  int32_t tv_usec;
};
/* what read(2) on a BPF device returns before each packet */
struct bpf_hdr {
  struct BPF_TIMEVAL bh_tstamp;
  bpf_u_int32 bh_caplen;
  bpf_u_int32 bh_datalen;
  u_short bh_hdrlen;
};

#define BPF_ALIGNMENT sizeof(int32_t)
#define BPF_WORDALIGN(x) (((x) + (BPF_ALIGNMENT - 1)) & ~(BPF_ALIGNMENT - 1))

#define BPF_LD 0x00
#define BPF_JMP 0x05
#define BPF_RET 0x06
#define BPF_H 0x08
#define BPF_ABS 0x20
#define BPF_JEQ 0x10
#define BPF_K 0x00
#define BPF_STMT(code, k) { (u_short)(code), 0, 0, k }
#define BPF_JUMP(code, k, jt, jf) { (u_short)(code), jt, jf, k }

/* ioctl requests: the argument types are what matters here (all take a pointer, as in bpf(4)) */
#define BIOCGBLEN 0x40044266UL     /* u_int * */
#define BIOCSBLEN 0xc0044266UL     /* u_int * */
#define BIOCSETF 0x80104267UL      /* struct bpf_program * */
#define BIOCSETIF 0x8020426cUL     /* struct ifreq * */
#define BIOCIMMEDIATE 0x80044270UL /* u_int * */
#define BIOCSHDRCMPLT 0x80044275UL /* u_int * */
#define BIOCSSEESENT 0x80044277UL  /* u_int * */

#endif
