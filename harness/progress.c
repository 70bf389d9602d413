#include "harness/progress.h"

#include <string.h>

struct _Progress {
  GHashTable *finished_us; /* id (owned) → elapsed µs at its finish */
  guint lines;
};

Progress *
progress_new (void)
{
  Progress *p = g_new0 (Progress, 1);
  p->finished_us = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          g_free);
  return p;
}

void
progress_free (Progress *p)
{
  if (p == NULL)
    return;
  g_hash_table_unref (p->finished_us);
  g_free (p);
}

guint
progress_lines (const Progress *p)
{
  return p->lines;
}

static gboolean
is_done (const EngineSubProgress *s)
{
  return s->units_done >= s->units_total && s->in_flight == 0;
}

/* The time a submission has been running: up to now, or frozen at the
 * first report that saw it done. */
static double
active_seconds (Progress *p, const EngineSubProgress *s, gint64 now_us)
{
  const gint64 *at = s->id ? g_hash_table_lookup (p->finished_us, s->id)
                           : NULL;
  if (at == NULL && s->id && is_done (s)) {
    gint64 *v = g_new (gint64, 1);
    *v = now_us;
    g_hash_table_insert (p->finished_us, g_strdup (s->id), v);
    at = v;
  }
  return MAX ((at ? *at : now_us) / 1e6, 1e-3);
}

static void
append_duration (GString *o, double secs)
{
  guint s = (guint) (secs + 0.5);
  if (s >= 3600)
    g_string_append_printf (o, "%uh%02um", s / 3600, s % 3600 / 60);
  else if (s >= 60)
    g_string_append_printf (o, "%um%02us", s / 60, s % 60);
  else
    g_string_append_printf (o, "%us", s);
}

/* Appends line cut to max characters, then a newline. */
static void
put_line (GString *o, const char *line, guint max)
{
  glong chars = g_utf8_strlen (line, -1);
  if (max > 0 && (guint) chars > max) {
    const char *end = g_utf8_offset_to_pointer (line, (glong) max);
    g_string_append_len (o, line, end - line);
  } else {
    g_string_append (o, line);
  }
  g_string_append_c (o, '\n');
}

typedef struct {
  const EngineSubProgress *s;
  double share, secs;
} Row;

static int
row_cmp (gconstpointer a, gconstpointer b)
{
  const Row *x = a, *y = b;
  if (x->share != y->share)
    return x->share < y->share ? -1 : 1;
  return g_strcmp0 (x->s->id, y->s->id);
}

static double
eta_of (const Row *r)
{
  const EngineSubProgress *s = r->s;
  if (s->units_done == 0)
    return -1;
  return (double) (s->units_total - MIN (s->units_done, s->units_total))
         * r->secs / s->units_done;
}

static void
sub_line (GString *line, const Row *r)
{
  const EngineSubProgress *s = r->s;
  g_string_append_printf (line, "  %-16s %6u/%-6u %5.1f%% %7.1f req/s  "
                                "errors %-5u",
                          s->id ? s->id : "?", s->units_done, s->units_total,
                          100 * r->share, s->requests / r->secs, s->errors);
  if (is_done (s)) {
    g_string_append (line, " done in ");
    append_duration (line, r->secs);
    return;
  }
  g_string_append_printf (line, " in flight %-4u", s->in_flight);
  if (s->paused) { /* the early stop: nothing more is fired at it */
    g_string_append_printf (line, " PAUSED (%s ×%u)",
                            failure_name (s->pause_class), s->pause_streak);
    return;
  }
  double e = eta_of (r);
  if (e >= 0) {
    g_string_append (line, " ETA ");
    append_duration (line, e);
  }
}

char *
progress_frame (Progress *p, const EngineSubProgress *subs, guint n,
                gint64 elapsed_us, guint rows, guint cols,
                gboolean summary_only)
{
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr (GArray) done_rows = g_array_new (FALSE, FALSE, sizeof (Row));
  guint64 done = 0, total = 0, requests = 0, errors = 0, in_flight = 0;
  double eta = 0;
  for (guint i = 0; i < n; i++) {
    const EngineSubProgress *s = &subs[i];
    Row r = { s, s->units_total ? (double) s->units_done / s->units_total : 1,
              active_seconds (p, s, elapsed_us) };
    done += s->units_done;
    total += s->units_total;
    requests += s->requests;
    errors += s->errors;
    in_flight += s->in_flight;
    if (is_done (s)) {
      g_array_append_val (done_rows, r);
      continue;
    }
    g_array_append_val (open, r);
    if (!s->paused)
      eta = MAX (eta, eta_of (&r));
  }
  double secs = MAX (elapsed_us / 1e6, 1e-3);
  guint max = cols > 1 ? cols - 1 : 0;
  g_autoptr (GString) o = g_string_new (NULL);
  g_autoptr (GString) line = g_string_new (NULL);
  g_string_append_printf (line,
                          "%u submissions, %u done · %" G_GUINT64_FORMAT "/%"
                          G_GUINT64_FORMAT " questions (%.1f%%) · %.0f req/s"
                          " · %" G_GUINT64_FORMAT " errors · %"
                          G_GUINT64_FORMAT " in flight · ",
                          n, done_rows->len, done, total,
                          total ? 100.0 * done / total : 100.0,
                          requests / secs, errors, in_flight);
  g_string_append (line, open->len == 0 ? "done in " : "elapsed ");
  append_duration (line, secs);
  if (open->len > 0 && eta > 0) {
    g_string_append (line, ", ETA ");
    append_duration (line, eta);
  }
  put_line (o, line->str, max);
  p->lines = 1;
  if (summary_only)
    return g_string_free (g_steal_pointer (&o), FALSE);
  /* The submissions holding the run up first; finished ones after them
   * when there is room, their rate frozen at their finish. */
  guint room = MIN (rows > 2 ? rows - 2 : 0, PROGRESS_MAX_SUBS);
  g_array_sort (open, row_cmp);
  guint total_rows = open->len + done_rows->len;
  guint show = MIN (room, total_rows);
  if (show < total_rows && show > 0)
    show--; /* the last line says how many are not shown */
  for (guint i = 0; i < show; i++) {
    const Row *r = i < open->len ? &g_array_index (open, Row, i)
                                 : &g_array_index (done_rows, Row,
                                                   i - open->len);
    g_string_truncate (line, 0);
    sub_line (line, r);
    put_line (o, line->str, max);
    p->lines++;
  }
  if (show < total_rows && room > 0) {
    guint hidden_open = open->len > show ? open->len - show : 0;
    g_string_truncate (line, 0);
    g_string_append_printf (line, "  … %u more running, %u more done",
                            hidden_open, total_rows - show - hidden_open);
    put_line (o, line->str, max);
    p->lines++;
  }
  return g_string_free (g_steal_pointer (&o), FALSE);
}
