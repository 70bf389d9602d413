/* One firing thread's share of the I/O: libcurl's multi interface driven
 * through its socket API with epoll (curl's parallel transfer loop,
 * STYLE.md 8), over several multi handles ("shards") and a pool of idle
 * easy handles for reuse. It only moves bytes: what to send and what an
 * answer means are the scheduler's and the engine's.
 *
 * Every libcurl multi call is checked. A transfer that cannot be added
 * comes back from fireloop_add as a failure the caller records; a multi
 * handle that fails (socket_action, a callback that cannot watch a
 * socket) hands all of its transfers back as failed through
 * fireloop_next_done and is replaced, so nothing waits forever. */
#ifndef FIRELOOP_H
#define FIRELOOP_H

#include "util/vb_autocleanups.h"

typedef struct _FireLoop FireLoop;

/* A transfer's place in the loop; embed it in the caller's record of the
 * transfer (the loop sets CURLOPT_PRIVATE to it). */
typedef struct {
  CURL *easy;
  gpointer tag;       /* what easy is configured for (the caller's mark) */
  gpointer shard;     /* the loop's */
  GList link;         /* the loop's */
  const char *failed; /* set by fireloop_next_done: why the multi handle
                         gave up on it (static), or NULL */
} FireSlot;

/* A loop for up to cap transfers at once, keeping up to pool idle
 * connections per multi handle. NULL with error when there is no epoll set
 * or multi handle (out of descriptors or memory). */
FireLoop *fireloop_new (guint cap, long pool, GError **error);
void fireloop_free (FireLoop *l); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FireLoop, fireloop_free)

/* An easy handle to configure: an idle one or a new one. *same is TRUE
 * when it was last configured for tag (a reused handle keeps its options:
 * the caller resets it otherwise). Give it to fireloop_add, or back with
 * fireloop_give_back (tag NULL when its configuration is unknown). */
CURL *fireloop_easy (FireLoop *l, gpointer tag, gboolean *same);
void fireloop_give_back (FireLoop *l, CURL *easy, gpointer tag);

/* Adds slot->easy (configured) to the least busy multi handle. FALSE with
 * *detail (newly allocated) when libcurl refuses it: the handle is then
 * idle again and the caller records the failure. */
gboolean fireloop_add (FireLoop *l, FireSlot *slot, char **detail);

/* Waits at most max_ms (less when libcurl's timers are due sooner) for
 * ready sockets and lets libcurl act on exactly those. */
void fireloop_run (FireLoop *l, int max_ms);

/* A finished transfer (its result in *rc), or NULL. Still attached: read
 * what it got, then fireloop_release. When slot->failed is set, its multi
 * handle failed and *rc means nothing. */
FireSlot *fireloop_next_done (FireLoop *l, CURLcode *rc);

/* Detaches a finished transfer and keeps its easy handle for reuse, with
 * slot->tag. */
void fireloop_release (FireLoop *l, FireSlot *slot);

/* Transfers added and not yet released. */
guint fireloop_active (const FireLoop *l);

#endif
