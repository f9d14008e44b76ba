/*
 * SHIM — NOT macOS. The parts of macOS's <net/if_dl.h> (and AF_LINK from <sys/socket.h>) that
 * native/rawether/rawether.c uses, from xnu's bsd/net/if_dl.h, for a syntax check on Linux only
 * (test/integration/nmrp/native-syntax.test.ts). Never used to build anything that runs.
 */
#ifndef RB_DARWIN_SHIM_NET_IF_DL_H
#define RB_DARWIN_SHIM_NET_IF_DL_H
#include <sys/types.h>

#define AF_LINK 18
struct sockaddr_dl {
  u_char sdl_len;
  u_char sdl_family;
  u_short sdl_index;
  u_char sdl_type;
  u_char sdl_nlen;
  u_char sdl_alen;
  u_char sdl_slen;
  char sdl_data[12];
};
#define LLADDR(s) ((caddr_t)((s)->sdl_data + (s)->sdl_nlen))

#endif
