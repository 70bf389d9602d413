#include "util/sha256.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

struct _Sha256 {
  EVP_MD_CTX *ctx;
};

static void
to_hex (const unsigned char *md, char out[65])
{
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < SHA256_DIGEST_LENGTH; i++) {
    out[2 * i] = hex[md[i] >> 4];
    out[2 * i + 1] = hex[md[i] & 15];
  }
  out[64] = '\0';
}

void
sha256_hex (const void *data, gsize len, char out[65])
{
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256 ((const unsigned char *) data, len, md);
  to_hex (md, out);
}

Sha256 *
sha256_new (void)
{
  Sha256 *s = g_new0 (Sha256, 1);
  s->ctx = EVP_MD_CTX_new ();
  /* Only allocation can fail here: treated as GLib treats it. */
  if (s->ctx == NULL || EVP_DigestInit_ex (s->ctx, EVP_sha256 (), NULL) != 1)
    g_error ("sha256: failed to allocate a digest context");
  return s;
}

void
sha256_update (Sha256 *s, const void *data, gsize len)
{
  (void) EVP_DigestUpdate (s->ctx, data, len);
}

void
sha256_finish (Sha256 *s, char out[65])
{
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  (void) EVP_DigestFinal_ex (s->ctx, md, &n);
  to_hex (md, out);
  sha256_free (s);
}

void
sha256_free (Sha256 *s)
{
  if (s == NULL)
    return;
  EVP_MD_CTX_free (s->ctx);
  g_free (s);
}
