/* Timer queue: a GSequence ordered by deadline, one thread waiting on a
 * condition variable until the earliest deadline or a new, earlier entry. */
#include "submissions/mock/mock_timer.h"

typedef struct {
  gint64 deadline;
  guint64 order; /* insertion order breaks ties: first in, first fired */
  MockTimerFunc func;
  gpointer data;
} TimerEntry;

struct _MockTimer {
  GMutex lock;
  GCond changed;
  GSequence *queue; /* TimerEntry*, by (deadline, order) */
  guint64 next_order;
  gboolean quit;
  GThread *thread;
};

static gint
timer_cmp (gconstpointer a, gconstpointer b, gpointer user)
{
  const TimerEntry *x = a, *y = b;
  if (x->deadline != y->deadline)
    return x->deadline < y->deadline ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order);
}

/* Pops the first entry if due (or if all is set); NULL otherwise. Called
 * with the lock held. */
static TimerEntry *
timer_pop_due (MockTimer *t, gboolean all, gint64 *wait_until)
{
  GSequenceIter *first = g_sequence_get_begin_iter (t->queue);
  if (g_sequence_iter_is_end (first)) {
    *wait_until = G_MAXINT64;
    return NULL;
  }
  TimerEntry *e = g_sequence_get (first);
  if (!all && e->deadline > g_get_monotonic_time ()) {
    *wait_until = e->deadline;
    return NULL;
  }
  g_sequence_remove (first);
  return e;
}

static gpointer
timer_thread (gpointer user)
{
  MockTimer *t = user;
  g_mutex_lock (&t->lock);
  while (!t->quit) {
    gint64 until = 0;
    TimerEntry *e = timer_pop_due (t, FALSE, &until);
    if (e == NULL) {
      if (until == G_MAXINT64)
        g_cond_wait (&t->changed, &t->lock);
      else
        (void)g_cond_wait_until (&t->changed, &t->lock, until);
      continue;
    }
    /* Run outside the lock: the callback may take other locks that are
     * held while adding timers. */
    g_mutex_unlock (&t->lock);
    e->func (e->data);
    g_free (e);
    g_mutex_lock (&t->lock);
  }
  g_mutex_unlock (&t->lock);
  return NULL;
}

MockTimer *
mock_timer_new (void)
{
  MockTimer *t = g_new0 (MockTimer, 1);
  g_mutex_init (&t->lock);
  g_cond_init (&t->changed);
  t->queue = g_sequence_new (NULL); /* entries are freed by hand */
  t->thread = g_thread_new ("mock-timer", timer_thread, t);
  return t;
}

void
mock_timer_add (MockTimer *t, gint64 deadline_us, MockTimerFunc func,
                gpointer data)
{
  TimerEntry *e = g_new0 (TimerEntry, 1);
  e->deadline = deadline_us;
  e->func = func;
  e->data = data;
  g_mutex_lock (&t->lock);
  e->order = t->next_order++;
  GSequenceIter *at = g_sequence_insert_sorted (t->queue, e, timer_cmp, NULL);
  /* The thread sleeps until the first deadline: only a new first entry
   * changes that. Waking it for every entry (10,000 delayed answers
   * arriving in half a second) cost the mock a context switch each,
   * while the requests behind them waited to be read. */
  if (g_sequence_iter_is_begin (at))
    g_cond_signal (&t->changed);
  g_mutex_unlock (&t->lock);
}

void
mock_timer_free (MockTimer *t)
{
  if (t == NULL)
    return;
  g_mutex_lock (&t->lock);
  t->quit = TRUE;
  g_cond_signal (&t->changed);
  g_mutex_unlock (&t->lock);
  g_thread_join (t->thread);
  for (;;) {
    gint64 until = 0;
    TimerEntry *e = timer_pop_due (t, TRUE, &until);
    if (e == NULL)
      break;
    e->func (e->data);
    g_free (e);
  }
  g_sequence_free (t->queue);
  g_cond_clear (&t->changed);
  g_mutex_clear (&t->lock);
  g_free (t);
}
