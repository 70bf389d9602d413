/* Per-session context of the mock (the last record answered), bounded: past
 * the cap the least recently used session is forgotten, so a load test with
 * millions of session ids cannot grow the mock without limit. Thread-safe. */
#ifndef MOCK_SESSION_H
#define MOCK_SESSION_H

#include <glib.h>

typedef struct _MockSessions MockSessions;

MockSessions *mock_session_new (guint cap); /* cap ≥ 1 */
void mock_session_free (MockSessions *s);   /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MockSessions, mock_session_free)

/* The record id remembered for key (newly allocated, free with g_free), or
 * NULL. Marks the session as recently used. */
char *mock_session_get (MockSessions *s, const char *key);

/* Remembers record_id for key (NULL forgets nothing: keeps the old id). */
void mock_session_set (MockSessions *s, const char *key, const char *record_id);

guint mock_session_count (MockSessions *s);

#endif
