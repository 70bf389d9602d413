#include "submissions/mock/mock_coin.h"

#include <string.h>

struct _MockCoin {
  guint64 seed;
  double p;
  GMutex lock;
  GHashTable *asked; /* question → times asked so far */
};

MockCoin *
mock_coin_new (guint64 seed, double p)
{
  MockCoin *c = g_new0 (MockCoin, 1);
  c->seed = seed;
  c->p = CLAMP (p, 0.0, 1.0);
  g_mutex_init (&c->lock);
  c->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return c;
}

void
mock_coin_free (MockCoin *c)
{
  if (c == NULL)
    return;
  g_hash_table_unref (c->asked);
  g_mutex_clear (&c->lock);
  g_free (c);
}

/* splitmix64's finalizer: every input bit reaches every output bit. */
static guint64
mix (guint64 x)
{
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/* FNV-1a over the question's bytes. */
static guint64
text_hash (const char *s)
{
  guint64 h = 0xcbf29ce484222325ULL;
  for (; *s; s++)
    h = (h ^ (guchar) *s) * 0x100000001b3ULL;
  return h;
}

gboolean
mock_coin_right (MockCoin *c, const char *question)
{
  const char *q = question ? question : "";
  g_mutex_lock (&c->lock);
  if (g_hash_table_size (c->asked) >= MOCK_COIN_TEXTS)
    g_hash_table_remove_all (c->asked);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (c->asked, q));
  g_hash_table_replace (c->asked, g_strdup (q), GUINT_TO_POINTER (n + 1));
  g_mutex_unlock (&c->lock);
  guint64 x = mix (mix (c->seed ^ text_hash (q)) + n);
  double u = (double) (x >> 11) * (1.0 / 9007199254740992.0);
  return u < c->p;
}
