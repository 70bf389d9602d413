/* The socket API with epoll: the work per wake-up follows the sockets that
 * are ready rather than every transfer in flight (with 10,000 in flight,
 * poll() over all of them each turn was the cost). */
#include "harness/fireloop.h"

#include <errno.h>
#include <sys/epoll.h>
#include <unistd.h>

/* Connections per multi handle. libcurl 7.88 walks its whole connection
 * pool each time a finished transfer is removed (to find the connection it
 * last used); with 10,000 connections in one pool that walk, once per
 * answer, cost more than the answers. Pools this small keep it cheap. */
#define SHARD_CONNS 128u
#define EVENTS_PER_WAIT 512

typedef struct {
  CURL *easy;
  gpointer tag;
} Idle;

typedef struct {
  FireLoop *loop;
  CURLM *multi;
  guint index;
  GQueue slots;    /* FireSlot* in flight here */
  gint64 deadline; /* when libcurl wants its timeout action, or -1 */
  gboolean broken; /* a callback failed: replace it after this call */
} Shard;

struct _FireLoop {
  int epfd;
  Shard *shards;
  guint n_shards;
  long pool;
  GArray *idle;     /* Idle: handles ready for reuse */
  GQueue failed;    /* FireSlot* of a failed multi handle, to report */
  guint active;
  guint next_done;  /* the shard fireloop_next_done reads first */
};

static int
on_socket (CURL *easy, curl_socket_t fd, int what, void *user, void *sockp)
{
  Shard *sh = user;
  int epfd = sh->loop->epfd;
  if (what == CURL_POLL_REMOVE) {
    (void) epoll_ctl (epfd, EPOLL_CTL_DEL, fd, NULL); /* may be closed */
    return 0;
  }
  struct epoll_event ev = { 0 };
  ev.events = (what & CURL_POLL_IN ? EPOLLIN : 0)
              | (what & CURL_POLL_OUT ? EPOLLOUT : 0);
  ev.data.u64 = (guint64) sh->index << 32 | (guint32) fd;
  if (sockp != NULL && epoll_ctl (epfd, EPOLL_CTL_MOD, fd, &ev) == 0)
    return 0;
  if (epoll_ctl (epfd, EPOLL_CTL_ADD, fd, &ev) == 0
      || (errno == EEXIST && epoll_ctl (epfd, EPOLL_CTL_MOD, fd, &ev) == 0)) {
    /* any non-NULL mark: watched */
    if (curl_multi_assign (sh->multi, fd, sh) == CURLM_OK)
      return 0;
  }
  /* A socket nobody watches would hang its transfer: libcurl gives up on
   * the multi handle (-1), and the loop hands its transfers back. */
  sh->broken = TRUE;
  return -1;
}

static int
on_timer (CURLM *multi, long timeout_ms, void *user)
{
  Shard *sh = user;
  sh->deadline = timeout_ms < 0 ? -1
                                : g_get_monotonic_time ()
                                      + (gint64) timeout_ms * 1000;
  return 0;
}

static gboolean
shard_open (FireLoop *l, Shard *sh)
{
  sh->loop = l;
  sh->deadline = -1;
  sh->broken = FALSE;
  sh->multi = curl_multi_init ();
  if (sh->multi == NULL)
    return FALSE;
  /* Idle connections are kept up to the whole run's concurrency in every
   * pool, not the shard's share of it: a worker may hold a connection to
   * each submission, and a pool smaller than that evicts and reconnects
   * (a TLS handshake in some province's measured latency). */
  return curl_multi_setopt (sh->multi, CURLMOPT_SOCKETFUNCTION, on_socket)
             == CURLM_OK
         && curl_multi_setopt (sh->multi, CURLMOPT_SOCKETDATA, sh) == CURLM_OK
         && curl_multi_setopt (sh->multi, CURLMOPT_TIMERFUNCTION, on_timer)
                == CURLM_OK
         && curl_multi_setopt (sh->multi, CURLMOPT_TIMERDATA, sh) == CURLM_OK
         && curl_multi_setopt (sh->multi, CURLMOPT_MAXCONNECTS, l->pool)
                == CURLM_OK;
}

FireLoop *
fireloop_new (guint cap, long pool, GError **error)
{
  g_autoptr (FireLoop) l = g_new0 (FireLoop, 1);
  l->pool = MAX (pool, 16);
  l->idle = g_array_new (FALSE, FALSE, sizeof (Idle));
  g_queue_init (&l->failed);
  l->n_shards = MAX (1u, (cap + SHARD_CONNS - 1) / SHARD_CONNS);
  l->shards = g_new0 (Shard, l->n_shards);
  l->epfd = epoll_create1 (EPOLL_CLOEXEC);
  if (l->epfd < 0) { /* out of file descriptors, mostly */
    int e = errno;
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                 "cannot create an epoll set: %s", g_strerror (e));
    return NULL;
  }
  for (guint i = 0; i < l->n_shards; i++) {
    l->shards[i].index = i;
    g_queue_init (&l->shards[i].slots);
    if (!shard_open (l, &l->shards[i])) {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM,
                   "cannot set up a libcurl multi handle");
      return NULL;
    }
  }
  return g_steal_pointer (&l);
}

void
fireloop_free (FireLoop *l)
{
  if (l == NULL)
    return;
  for (guint i = 0; i < l->n_shards; i++) {
    Shard *sh = &l->shards[i];
    if (sh->multi)
      (void) curl_multi_cleanup (sh->multi); /* at exit: moot */
    /* transfers never released (the caller gave up): their handles */
    for (GList *k = sh->slots.head; k; k = k->next)
      curl_easy_cleanup (((FireSlot *) k->data)->easy);
  }
  for (GList *k = l->failed.head; k; k = k->next)
    curl_easy_cleanup (((FireSlot *) k->data)->easy);
  g_free (l->shards);
  for (guint i = 0; i < l->idle->len; i++)
    curl_easy_cleanup (g_array_index (l->idle, Idle, i).easy);
  g_array_unref (l->idle);
  if (l->epfd >= 0)
    close (l->epfd);
  g_free (l);
}

CURL *
fireloop_easy (FireLoop *l, gpointer tag, gboolean *same)
{
  *same = FALSE;
  if (l->idle->len == 0)
    return curl_easy_init ();
  Idle last = g_array_index (l->idle, Idle, l->idle->len - 1);
  g_array_set_size (l->idle, l->idle->len - 1);
  *same = tag != NULL && last.tag == tag;
  return last.easy;
}

void
fireloop_give_back (FireLoop *l, CURL *easy, gpointer tag)
{
  Idle i = { easy, tag };
  g_array_append_val (l->idle, i);
}

/* The least busy shard: a transfer that just finished left its connection
 * idle there, so the next one starts where it can reuse it. */
static Shard *
least_busy (FireLoop *l)
{
  Shard *best = &l->shards[0];
  for (guint i = 1; i < l->n_shards; i++)
    if (l->shards[i].slots.length < best->slots.length)
      best = &l->shards[i];
  return best;
}

gboolean
fireloop_add (FireLoop *l, FireSlot *slot, char **detail)
{
  Shard *sh = least_busy (l);
  slot->shard = sh;
  slot->failed = NULL;
  slot->link = (GList) { slot, NULL, NULL };
  curl_easy_setopt (slot->easy, CURLOPT_PRIVATE, slot);
  CURLMcode mc = curl_multi_add_handle (sh->multi, slot->easy);
  if (mc != CURLM_OK) {
    *detail = g_strdup_printf ("libcurl would not start the transfer: %s",
                               curl_multi_strerror (mc));
    fireloop_give_back (l, slot->easy, NULL);
    slot->easy = NULL;
    return FALSE;
  }
  g_queue_push_tail_link (&sh->slots, &slot->link);
  l->active++;
  return TRUE;
}

/* A multi handle gave up: its transfers are reported as failed and a
 * fresh handle takes its place. */
static void
shard_fail (FireLoop *l, Shard *sh)
{
  GList *link;
  while ((link = g_queue_pop_head_link (&sh->slots)) != NULL) {
    FireSlot *slot = link->data;
    (void) curl_multi_remove_handle (sh->multi, slot->easy); /* dead */
    slot->failed = "libcurl's multi handle failed";
    g_queue_push_tail_link (&l->failed, link);
  }
  (void) curl_multi_cleanup (sh->multi); /* replaced whatever it says */
  if (!shard_open (l, sh))
    g_error ("cannot set up a libcurl multi handle again"); /* no memory */
}

static void
act (FireLoop *l, Shard *sh, curl_socket_t fd, int flags)
{
  int running = 0;
  CURLMcode mc = curl_multi_socket_action (sh->multi, fd, flags, &running);
  if (mc != CURLM_OK || sh->broken)
    shard_fail (l, sh);
}

void
fireloop_run (FireLoop *l, int max_ms)
{
  gint64 now = g_get_monotonic_time ();
  int wait = max_ms;
  for (guint i = 0; i < l->n_shards; i++)
    if (l->shards[i].deadline >= 0)
      wait = (int) CLAMP ((l->shards[i].deadline - now + 999) / 1000, 0,
                          wait);
  struct epoll_event evs[EVENTS_PER_WAIT];
  int n = epoll_wait (l->epfd, evs, EVENTS_PER_WAIT, wait);
  for (int i = 0; i < n; i++) {
    int flags = (evs[i].events & EPOLLIN ? CURL_CSELECT_IN : 0)
                | (evs[i].events & EPOLLOUT ? CURL_CSELECT_OUT : 0)
                | (evs[i].events & (EPOLLERR | EPOLLHUP) ? CURL_CSELECT_ERR
                                                         : 0);
    guint index = (guint) (evs[i].data.u64 >> 32);
    if (index < l->n_shards)
      act (l, &l->shards[index],
           (curl_socket_t) (guint32) evs[i].data.u64, flags);
  }
  now = g_get_monotonic_time ();
  for (guint i = 0; i < l->n_shards; i++) {
    Shard *sh = &l->shards[i];
    if (sh->deadline >= 0 && now >= sh->deadline) {
      sh->deadline = -1; /* the callback sets the next one */
      act (l, sh, CURL_SOCKET_TIMEOUT, 0);
    }
  }
}

FireSlot *
fireloop_next_done (FireLoop *l, CURLcode *rc)
{
  GList *link = g_queue_pop_head_link (&l->failed);
  if (link != NULL) {
    *rc = CURLE_OK;
    link->next = link->prev = NULL;
    return link->data;
  }
  for (guint k = 0; k < l->n_shards; k++) {
    Shard *sh = &l->shards[(l->next_done + k) % l->n_shards];
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read (sh->multi, &left)) != NULL) {
      if (msg->msg != CURLMSG_DONE)
        continue;
      FireSlot *slot = NULL;
      curl_easy_getinfo (msg->easy_handle, CURLINFO_PRIVATE, (char **) &slot);
      *rc = msg->data.result;
      l->next_done = (l->next_done + k) % l->n_shards;
      return slot;
    }
  }
  return NULL;
}

void
fireloop_release (FireLoop *l, FireSlot *slot)
{
  Shard *sh = slot->shard;
  if (slot->failed == NULL) {
    g_queue_unlink (&sh->slots, &slot->link);
    /* A handle libcurl will not let go of is not reused. */
    if (curl_multi_remove_handle (sh->multi, slot->easy) != CURLM_OK) {
      curl_easy_cleanup (slot->easy);
      slot->easy = NULL;
    }
  }
  if (slot->easy != NULL)
    fireloop_give_back (l, slot->easy, slot->failed ? NULL : slot->tag);
  slot->easy = NULL;
  l->active--;
}

guint
fireloop_active (const FireLoop *l)
{
  return l->active;
}
