/* br_md5.h — MD5 (RFC 1321): the /CheckSum the PDF specification gives an
 * embedded file.  Never used where a secure hash is needed (the archive's
 * digests are SHA-256, br_sha256.h). */
#ifndef BR_MD5_H
#define BR_MD5_H

#include <stddef.h>

/* The MD5 digest of len bytes. */
void br_md5(const void *data, size_t len, unsigned char out[16]);

#endif
