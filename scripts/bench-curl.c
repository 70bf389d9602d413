/* The floor for firing with libcurl: one thread driving libcurl's socket
 * API with epoll, the same POST again and again with `conns` in flight,
 * the answer thrown away — no question set, no adapter, no log. make bench
 * runs it beside wrk so that vabench's rate can be read against what the
 * library itself can do on this machine.
 *   bench-curl URL TOTAL CONNS
 *     →  "requests/s p50_ms peak_rss_mb ms_until_all_started"
 * It uses libcurl the way harness/fireloop.c must at 10,000 connections,
 * and no more: at most 16 transfers started per turn, multi handles of at
 * most 128 connections each (libcurl 7.88 walks a handle's whole
 * connection pool when a transfer ends), and a fresh connection asked for
 * when every opened one is busy (else libcurl scans the busy pool for one
 * to reuse, once per new transfer). Without the last two, 10,000 starts
 * took 2.5 s here, so the first answers came back before the last
 * requests left and the loop never had 10,000 in flight at once. */
#include <curl/curl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <time.h>

#define SHARD_CONNS 128

typedef struct {
  CURLM *m;
  double deadline; /* when libcurl wants its timeout action, or -1 */
  int active;      /* transfers in flight */
  int opened;      /* connections its transfers opened */
} Shard;

static int epfd;

static double
now_s (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

static size_t
discard (char *d, size_t s, size_t n, void *u)
{
  (void) d;
  (void) u;
  return s * n;
}

static int
on_socket (CURL *e, curl_socket_t fd, int what, void *u, void *sp)
{
  (void) e;
  struct epoll_event ev = { 0 };
  ev.data.u64 = (uint64_t) (uintptr_t) u << 32 | (uint32_t) fd;
  if (what == CURL_POLL_REMOVE) {
    epoll_ctl (epfd, EPOLL_CTL_DEL, fd, NULL);
    return 0;
  }
  ev.events = (what & CURL_POLL_IN ? EPOLLIN : 0)
              | (what & CURL_POLL_OUT ? EPOLLOUT : 0);
  if (epoll_ctl (epfd, EPOLL_CTL_MOD, fd, &ev) != 0)
    epoll_ctl (epfd, EPOLL_CTL_ADD, fd, &ev);
  (void) sp;
  return 0;
}

static int
on_timer (CURLM *m, long ms, void *u)
{
  (void) m;
  Shard *sh = u;
  sh->deadline = ms < 0 ? -1 : now_s () + (double) ms / 1000.0;
  return 0;
}

static int
cmp_off (const void *a, const void *b)
{
  curl_off_t x = *(const curl_off_t *) a, y = *(const curl_off_t *) b;
  return (x > y) - (x < y);
}

static int
positive (const char *s)
{
  char *end = NULL;
  long v = strtol (s, &end, 10);
  return (end == s || *end || v <= 0 || v > 10000000) ? -1 : (int) v;
}

/* The shard with room for one more transfer, round robin from *next. */
static Shard *
shard_with_room (Shard *shards, int n, int *next)
{
  for (int k = 0; k < n; k++) {
    Shard *sh = &shards[(*next + k) % n];
    if (sh->active < SHARD_CONNS) {
      *next = (*next + k + 1) % n;
      return sh;
    }
  }
  return NULL;
}

static void
start (Shard *sh, const char *url, const char *body,
       struct curl_slist *hdr)
{
  CURL *e = curl_easy_init ();
  curl_easy_setopt (e, CURLOPT_URL, url);
  curl_easy_setopt (e, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt (e, CURLOPT_HTTPHEADER, hdr);
  curl_easy_setopt (e, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt (e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (e, CURLOPT_PRIVATE, (char *) sh);
  if (sh->opened <= sh->active) /* no idle connection to reuse */
    curl_easy_setopt (e, CURLOPT_FRESH_CONNECT, 1L);
  curl_multi_add_handle (sh->m, e);
  sh->active++;
}

static void
act (Shard *sh, curl_socket_t fd, int flags)
{
  int running;
  curl_multi_socket_action (sh->m, fd, flags, &running);
}

/* Every finished transfer of every shard: its time kept, its handle gone. */
static int
collect (Shard *shards, int n, curl_off_t *times, int done)
{
  for (int i = 0; i < n; i++) {
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read (shards[i].m, &left)) != NULL) {
      long opened = 0;
      curl_easy_getinfo (msg->easy_handle, CURLINFO_TOTAL_TIME_T,
                         &times[done++]);
      curl_easy_getinfo (msg->easy_handle, CURLINFO_NUM_CONNECTS, &opened);
      shards[i].opened += (int) opened;
      shards[i].active--;
      curl_multi_remove_handle (shards[i].m, msg->easy_handle);
      curl_easy_cleanup (msg->easy_handle);
    }
  }
  return done;
}

int
main (int argc, char **argv)
{
  int total = argc == 4 ? positive (argv[2]) : -1;
  int conns = argc == 4 ? positive (argv[3]) : -1;
  if (total < 0 || conns < 0) {
    fprintf (stderr, "usage: bench-curl URL TOTAL CONNS (positive numbers)\n");
    return 2;
  }
  const char *url = argv[1];
  const char *body = "{\"messages\":[{\"role\":\"user\",\"content\":"
                     "\"\xc4\x90\xc4\x83ng k\xc3\xbd t\xe1\xba\xa1m tr\xc3\xba"
                     " m\xe1\xba\xa5t bao l\xc3\xa2u?\"}]}";
  curl_off_t *times = calloc ((size_t) total, sizeof *times);
  struct curl_slist *hdr = curl_slist_append (NULL,
                                              "Content-Type: application/json");
  epfd = epoll_create1 (0);
  int n = (conns + SHARD_CONNS - 1) / SHARD_CONNS;
  Shard *shards = calloc ((size_t) n, sizeof *shards);
  for (int i = 0; i < n; i++) {
    shards[i].m = curl_multi_init ();
    shards[i].deadline = -1;
    curl_multi_setopt (shards[i].m, CURLMOPT_SOCKETFUNCTION, on_socket);
    curl_multi_setopt (shards[i].m, CURLMOPT_SOCKETDATA,
                       (void *) (uintptr_t) i);
    curl_multi_setopt (shards[i].m, CURLMOPT_TIMERFUNCTION, on_timer);
    curl_multi_setopt (shards[i].m, CURLMOPT_TIMERDATA, &shards[i]);
    curl_multi_setopt (shards[i].m, CURLMOPT_MAXCONNECTS,
                       (long) SHARD_CONNS);
  }
  int started = 0, done = 0, active = 0, next = 0;
  double t0 = now_s (), all_started = 0;
  while (done < total) {
    for (int b = 0; b < 16 && active < conns && started < total; b++) {
      Shard *sh = shard_with_room (shards, n, &next);
      if (sh == NULL)
        break;
      start (sh, url, body, hdr);
      started++;
      active++;
      if (started == total)
        all_started = now_s () - t0;
    }
    struct epoll_event evs[512];
    int wait = active < conns && started < total ? 0 : 100;
    double now = now_s ();
    for (int i = 0; i < n; i++)
      if (shards[i].deadline >= 0) {
        int due = (int) ((shards[i].deadline - now) * 1000.0 + 0.999);
        wait = due < 0 ? 0 : due < wait ? due : wait;
      }
    int got = epoll_wait (epfd, evs, 512, wait);
    for (int i = 0; i < got; i++) {
      int s = (int) (evs[i].data.u64 >> 32);
      int flags = (evs[i].events & EPOLLIN ? CURL_CSELECT_IN : 0)
                  | (evs[i].events & EPOLLOUT ? CURL_CSELECT_OUT : 0);
      act (&shards[s], (curl_socket_t) (uint32_t) evs[i].data.u64, flags);
    }
    now = now_s ();
    for (int i = 0; i < n; i++)
      if (shards[i].deadline >= 0 && now >= shards[i].deadline) {
        shards[i].deadline = -1;
        act (&shards[i], CURL_SOCKET_TIMEOUT, 0);
      }
    int before = done;
    done = collect (shards, n, times, done);
    active -= done - before;
  }
  double secs = now_s () - t0;
  qsort (times, (size_t) total, sizeof *times, cmp_off);
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  printf ("%.0f %.1f %.0f %.0f\n", total / secs,
          (double) times[(total - 1) / 2] / 1000.0,
          (double) ru.ru_maxrss / 1024.0, all_started * 1000.0);
  for (int i = 0; i < n; i++)
    curl_multi_cleanup (shards[i].m);
  free (shards);
  curl_slist_free_all (hdr);
  free (times);
  return 0;
}
