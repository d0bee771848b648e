/* br_sha256.h — SHA-256 (FIPS 180-4), for the archive's manifests and digests.
 *
 * Our own small implementation: no library the build already links (libharu,
 * libyaml, zlib) exports one, and a package checksum is too small a need to
 * add a dependency for.  Streaming: init, update any number of times, final.
 */
#ifndef BR_SHA256_H
#define BR_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BR_SHA256_LEN 32            /* bytes of a digest */
#define BR_SHA256_HEX 65            /* 64 hex digits and a NUL */

typedef struct br_sha256 {
    uint32_t h[8];
    uint64_t bytes;                 /* total length so far */
    unsigned char block[64];
    size_t fill;                    /* bytes waiting in block */
} br_sha256;

void br_sha256_init(br_sha256 *s);
void br_sha256_update(br_sha256 *s, const void *data, size_t len);
/* Writes the digest; s must be initialised again before reuse. */
void br_sha256_final(br_sha256 *s, unsigned char out[BR_SHA256_LEN]);

/* The digest of len bytes as 64 lowercase hex digits. */
void br_sha256_hex(const void *data, size_t len, char out[BR_SHA256_HEX]);
void br_sha256_to_hex(const unsigned char digest[BR_SHA256_LEN], char out[BR_SHA256_HEX]);

/* The digest of a file's bytes as hex; *size receives its length (may be
 * NULL).  Returns false with errno set when it cannot be read. */
bool br_sha256_file(const char *path, char out[BR_SHA256_HEX], uint64_t *size);

#endif
