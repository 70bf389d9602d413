/* LRU of session contexts: a hash table for lookup and a GQueue for the
 * recency order, the hash value holding the queue link so that touching a
 * session is O(1). */
#include "submissions/mock/mock_session.h"

typedef struct {
  char *key;    /* owned; the queue link's data points here too */
  char *record; /* owned */
  GList *link;  /* in order */
} Session;

struct _MockSessions {
  GMutex lock;
  guint cap;
  GHashTable *by_key; /* key (borrowed from Session) → Session* */
  GQueue order;       /* Session*, most recent first */
};

static void
session_free (gpointer p)
{
  Session *s = p;
  g_free (s->key);
  g_free (s->record);
  g_free (s);
}

MockSessions *
mock_session_new (guint cap)
{
  MockSessions *s = g_new0 (MockSessions, 1);
  g_mutex_init (&s->lock);
  s->cap = MAX (cap, 1);
  s->by_key
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, session_free);
  g_queue_init (&s->order);
  return s;
}

void
mock_session_free (MockSessions *s)
{
  if (s == NULL)
    return;
  g_queue_clear (&s->order);
  g_hash_table_unref (s->by_key);
  g_mutex_clear (&s->lock);
  g_free (s);
}

static void
session_touch (MockSessions *s, Session *e)
{
  g_queue_unlink (&s->order, e->link);
  g_queue_push_head_link (&s->order, e->link);
}

char *
mock_session_get (MockSessions *s, const char *key)
{
  g_mutex_lock (&s->lock);
  Session *e = g_hash_table_lookup (s->by_key, key);
  char *out = NULL;
  if (e) {
    session_touch (s, e);
    out = g_strdup (e->record);
  }
  g_mutex_unlock (&s->lock);
  return out;
}

static void
session_evict (MockSessions *s)
{
  while (g_hash_table_size (s->by_key) > s->cap) {
    Session *old = g_queue_pop_tail (&s->order);
    g_hash_table_remove (s->by_key, old->key);
  }
}

void
mock_session_set (MockSessions *s, const char *key, const char *record_id)
{
  if (record_id == NULL)
    return;
  g_mutex_lock (&s->lock);
  Session *e = g_hash_table_lookup (s->by_key, key);
  if (e) {
    g_free (e->record);
    e->record = g_strdup (record_id);
    session_touch (s, e);
  } else {
    e = g_new0 (Session, 1);
    e->key = g_strdup (key);
    e->record = g_strdup (record_id);
    g_queue_push_head (&s->order, e);
    e->link = s->order.head;
    g_hash_table_insert (s->by_key, e->key, e);
    session_evict (s);
  }
  g_mutex_unlock (&s->lock);
}

guint
mock_session_count (MockSessions *s)
{
  g_mutex_lock (&s->lock);
  guint n = g_hash_table_size (s->by_key);
  g_mutex_unlock (&s->lock);
  return n;
}
