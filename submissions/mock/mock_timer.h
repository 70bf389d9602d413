/* A one-thread timer queue: callbacks run at a monotonic deadline on the
 * timer's own thread. The mock server uses it to resume suspended
 * connections, so 10,000 delayed answers cost one thread, not 10,000
 * sleeping ones. */
#ifndef MOCK_TIMER_H
#define MOCK_TIMER_H

#include <glib.h>

typedef void (*MockTimerFunc) (gpointer data);
typedef struct _MockTimer MockTimer;

/* Starts the timer thread. Free with mock_timer_free. */
MockTimer *mock_timer_new (void);

/* Runs func (data) on the timer thread once g_get_monotonic_time () reaches
 * deadline_us. Thread-safe. */
void mock_timer_add (MockTimer *t, gint64 deadline_us, MockTimerFunc func,
                     gpointer data);

/* Stops the thread (waiting for a callback that is running), then runs
 * every pending callback on the calling thread whatever its deadline, so at
 * shutdown no suspended connection is forgotten. NULL is a no-op. */
void mock_timer_free (MockTimer *t);

#endif
