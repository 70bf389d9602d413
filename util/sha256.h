/* SHA-256 of a buffer as 64 lower-case hex digits, through OpenSSL's
 * libcrypto (already there: libcurl links it), which uses the CPU's SHA
 * instructions. The run log hashes every record it appends (its chain);
 * GLib's portable GChecksum spent about as many instructions on that as
 * libcurl on the whole request. Same digest, same text as GChecksum. */
#ifndef VB_SHA256_H
#define VB_SHA256_H

#include <glib.h>

void sha256_hex (const void *data, gsize len, char out[65]);

#endif
