/* SHA-256 (FIPS 180-4), incremental. Small and dependency-free: the lock-step engine hashes what it sends. */
#ifndef RB_SHA256_H
#define RB_SHA256_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
  uint32_t h[8];
  uint64_t bytes;
  uint8_t buf[64];
  size_t fill;
} rb_sha256;

void rb_sha256_init(rb_sha256 *s);
void rb_sha256_update(rb_sha256 *s, const uint8_t *data, size_t len);
/* Writes 64 lowercase hex digits and a NUL into hex[65]. */
void rb_sha256_hex(rb_sha256 *s, char hex[65]);
/* 1 when the CPU's SHA instructions are used (RB_SHA_PORTABLE in the environment turns them off). */
int rb_sha256_accelerated(void);

#endif
