/* The floor for firing with libcurl: one thread, one multi handle driven
 * through its socket API with epoll, the same POST again and again with
 * `conns` in flight, the answer thrown away — no question set, no
 * adapter, no log. make bench runs it beside wrk so that vabench's rate
 * can be read against what the library itself can do on this machine.
 *   bench-curl URL TOTAL CONNS  →  "requests/s p50_ms peak_rss_mb"
 * Like vabench it starts at most 16 transfers per turn (see
 * harness/engine.c), so that 10,000 connects do not queue behind each
 * other. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <time.h>

static int epfd;
static double deadline = -1; /* when libcurl wants its timeout action */

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
  (void) u;
  struct epoll_event ev = { 0 };
  ev.data.fd = fd;
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
  (void) u;
  deadline = ms < 0 ? -1 : now_s () + (double) ms / 1000.0;
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
  CURLM *m = curl_multi_init ();
  curl_multi_setopt (m, CURLMOPT_SOCKETFUNCTION, on_socket);
  curl_multi_setopt (m, CURLMOPT_TIMERFUNCTION, on_timer);
  curl_multi_setopt (m, CURLMOPT_MAXCONNECTS, (long) conns);
  int started = 0, done = 0, active = 0, running;
  double t0 = now_s ();
  while (done < total) {
    for (int b = 0; b < 16 && active < conns && started < total; b++) {
      CURL *e = curl_easy_init ();
      curl_easy_setopt (e, CURLOPT_URL, url);
      curl_easy_setopt (e, CURLOPT_POSTFIELDS, body);
      curl_easy_setopt (e, CURLOPT_HTTPHEADER, hdr);
      curl_easy_setopt (e, CURLOPT_WRITEFUNCTION, discard);
      curl_easy_setopt (e, CURLOPT_NOSIGNAL, 1L);
      curl_multi_add_handle (m, e);
      started++;
      active++;
    }
    struct epoll_event evs[512];
    int wait = active < conns && started < total ? 0 : 100;
    if (deadline >= 0) {
      int due = (int) ((deadline - now_s ()) * 1000.0 + 0.999);
      wait = due < 0 ? 0 : due < wait ? due : wait;
    }
    int n = epoll_wait (epfd, evs, 512, wait);
    for (int i = 0; i < n; i++)
      curl_multi_socket_action (m, evs[i].data.fd,
                                (evs[i].events & EPOLLIN ? CURL_CSELECT_IN : 0)
                                    | (evs[i].events & EPOLLOUT
                                           ? CURL_CSELECT_OUT
                                           : 0),
                                &running);
    if (deadline >= 0 && now_s () >= deadline) {
      deadline = -1;
      curl_multi_socket_action (m, CURL_SOCKET_TIMEOUT, 0, &running);
    }
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read (m, &left)) != NULL) {
      curl_easy_getinfo (msg->easy_handle, CURLINFO_TOTAL_TIME_T,
                         &times[done]);
      done++;
      active--;
      curl_multi_remove_handle (m, msg->easy_handle);
      curl_easy_cleanup (msg->easy_handle);
    }
  }
  double secs = now_s () - t0;
  qsort (times, (size_t) total, sizeof *times, cmp_off);
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  printf ("%.0f %.1f %.0f\n", total / secs, (double) times[(total - 1) / 2] / 1000.0,
          (double) ru.ru_maxrss / 1024.0);
  curl_multi_cleanup (m);
  curl_slist_free_all (hdr);
  free (times);
  return 0;
}
