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

/* OpenSSL 3's one-shot SHA256() looks the algorithm up in the provider
 * store (under a lock both firing threads took) and allocates a context,
 * per call: more than the hash of a log record itself. The algorithm is
 * fetched once, and each thread keeps one context it reinitializes. */
static const EVP_MD *
sha256_md (void)
{
  static gsize once = 0;
  static EVP_MD *md;
  if (g_once_init_enter (&once)) {
    md = EVP_MD_fetch (NULL, "SHA256", NULL);
    if (md == NULL)
      g_error ("sha256: libcrypto has no SHA-256");
    g_once_init_leave (&once, 1);
  }
  return md;
}

static void
ctx_free (gpointer ctx)
{
  EVP_MD_CTX_free (ctx);
}

static GPrivate thread_ctx = G_PRIVATE_INIT (ctx_free);

void
sha256_hex (const void *data, gsize len, char out[65])
{
  EVP_MD_CTX *ctx = g_private_get (&thread_ctx);
  if (ctx == NULL) {
    ctx = EVP_MD_CTX_new ();
    if (ctx == NULL)
      g_error ("sha256: failed to allocate a digest context");
    g_private_set (&thread_ctx, ctx);
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  /* Only allocation can fail with a fetched SHA-256: as GLib treats it. */
  if (EVP_DigestInit_ex2 (ctx, sha256_md (), NULL) != 1
      || EVP_DigestUpdate (ctx, data, len) != 1
      || EVP_DigestFinal_ex (ctx, md, &n) != 1)
    g_error ("sha256: the digest failed");
  to_hex (md, out);
}

Sha256 *
sha256_new (void)
{
  Sha256 *s = g_new0 (Sha256, 1);
  s->ctx = EVP_MD_CTX_new ();
  /* Only allocation can fail here: treated as GLib treats it. */
  if (s->ctx == NULL || EVP_DigestInit_ex2 (s->ctx, sha256_md (), NULL) != 1)
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
