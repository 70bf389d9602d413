/* SHA-256 of a buffer as 64 lower-case hex digits, through OpenSSL's
 * libcrypto (already there: libcurl links it), which uses the CPU's SHA
 * instructions. The run log hashes every record it appends (its chain);
 * GLib's portable GChecksum spent about as many instructions on that as
 * libcurl on the whole request. Same digest, same text as GChecksum. */
#ifndef VB_SHA256_H
#define VB_SHA256_H

#include <glib.h>

/* Thread-safe; each thread keeps one digest context for its calls (freed
 * when it ends), so a call allocates nothing. */
void sha256_hex (const void *data, gsize len, char out[65]);

/* The same over data given in pieces (scores.jsonl as the scorer writes
 * it). new never fails (allocation aborts); finish writes the digest and
 * frees the state. */
typedef struct _Sha256 Sha256;
Sha256 *sha256_new (void);
void sha256_update (Sha256 *s, const void *data, gsize len);
void sha256_finish (Sha256 *s, char out[65]);
void sha256_free (Sha256 *s); /* without a digest; NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sha256, sha256_free)

#endif
