/* The mock's timer queue: callbacks in deadline order, ties in the order
 * they were added, an earlier entry added later still runs first, and
 * whatever is pending runs at shutdown. No test waits for more than a
 * few seconds, and none asserts a speed: only what ran, in what order. */
#include <glib.h>

#include "submissions/mock/mock_timer.h"

typedef struct {
  GMutex lock;
  GCond ran;
  GArray *order; /* int, the callbacks' tags as they ran */
} Log;

typedef struct {
  Log *log;
  int tag;
} Tag;

static void
record (gpointer data)
{
  Tag *t = data;
  g_mutex_lock (&t->log->lock);
  g_array_append_val (t->log->order, t->tag);
  g_cond_signal (&t->log->ran);
  g_mutex_unlock (&t->log->lock);
}

/* Waits until n callbacks ran or 10 s passed; the count that ran. */
static guint
wait_for (Log *log, guint n)
{
  gint64 until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  g_mutex_lock (&log->lock);
  while (log->order->len < n
         && g_cond_wait_until (&log->ran, &log->lock, until))
    ;
  guint got = log->order->len;
  g_mutex_unlock (&log->lock);
  return got;
}

static void
log_init (Log *log)
{
  g_mutex_init (&log->lock);
  g_cond_init (&log->ran);
  log->order = g_array_new (FALSE, FALSE, sizeof (int));
}

static void
log_clear (Log *log)
{
  g_array_unref (log->order);
  g_cond_clear (&log->ran);
  g_mutex_clear (&log->lock);
}

static void
test_deadline_order (void)
{
  Log log;
  log_init (&log);
  MockTimer *t = mock_timer_new ();
  gint64 now = g_get_monotonic_time ();
  /* Added out of order; two share a deadline. */
  Tag tags[] = { { &log, 3 }, { &log, 1 }, { &log, 4 }, { &log, 2 } };
  gint64 at[] = { 60000, 20000, 60000, 40000 };
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    mock_timer_add (t, now + at[i], record, &tags[i]);
  g_assert_cmpuint (wait_for (&log, 4), ==, 4);
  int want[] = { 1, 2, 3, 4 };
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (g_array_index (log.order, int, i), ==, want[i]);
  mock_timer_free (t);
  log_clear (&log);
}

/* The thread sleeps until its first deadline; an entry that becomes the
 * new first must wake it, or it would run only after the later one. */
static void
test_earlier_entry_wakes_the_thread (void)
{
  Log log;
  log_init (&log);
  MockTimer *t = mock_timer_new ();
  Tag late = { &log, 2 }, soon = { &log, 1 };
  mock_timer_add (t, g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND,
                  record, &late);
  g_usleep (20000); /* the thread is asleep on the 30 s entry now */
  mock_timer_add (t, g_get_monotonic_time () + 10000, record, &soon);
  g_assert_cmpuint (wait_for (&log, 1), ==, 1);
  g_assert_cmpint (g_array_index (log.order, int, 0), ==, 1);
  mock_timer_free (t); /* runs the 30 s entry now */
  g_assert_cmpuint (log.order->len, ==, 2);
  g_assert_cmpint (g_array_index (log.order, int, 1), ==, 2);
  log_clear (&log);
}

/* Many later entries after the first (the mock's common case: the same
 * delay for 10,000 requests) all run, in order. */
static void
test_many_later_entries (void)
{
  Log log;
  log_init (&log);
  MockTimer *t = mock_timer_new ();
  enum { N = 2000 };
  Tag *tags = g_new (Tag, N);
  gint64 now = g_get_monotonic_time ();
  for (int i = 0; i < N; i++) {
    tags[i] = (Tag) { &log, i };
    mock_timer_add (t, now + 20000 + i * 10, record, &tags[i]);
  }
  g_assert_cmpuint (wait_for (&log, N), ==, N);
  for (int i = 0; i < N; i++)
    g_assert_cmpint (g_array_index (log.order, int, i), ==, i);
  mock_timer_free (t);
  g_free (tags);
  log_clear (&log);
}

static void
test_free_runs_pending (void)
{
  Log log;
  log_init (&log);
  MockTimer *t = mock_timer_new ();
  Tag a = { &log, 1 }, b = { &log, 2 };
  gint64 later = g_get_monotonic_time () + 3600 * G_TIME_SPAN_SECOND;
  mock_timer_add (t, later, record, &a);
  mock_timer_add (t, later, record, &b);
  mock_timer_free (t);
  g_assert_cmpuint (log.order->len, ==, 2);
  g_assert_cmpint (g_array_index (log.order, int, 0), ==, 1);
  mock_timer_free (NULL);
  log_clear (&log);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/mock-timer/deadline-order", test_deadline_order);
  g_test_add_func ("/mock-timer/earlier-entry-wakes", test_earlier_entry_wakes_the_thread);
  g_test_add_func ("/mock-timer/many-later-entries", test_many_later_entries);
  g_test_add_func ("/mock-timer/free-runs-pending", test_free_runs_pending);
  return g_test_run ();
}
