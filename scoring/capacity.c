#include "scoring/capacity.h"

#include "scoring/scorer.h"
#include "scoring/stats.h"
#include <math.h>

typedef struct {
  GArray *lat_us; /* gint64 of answered attempts */
  guint requests, errors, correct;
} StepTally;

static gboolean
tally (const ScoreRecord *rec, gpointer user, GError **error)
{
  StepTally *t = user;
  t->requests++;
  t->errors += rec->error_class != FAILURE_NONE;
  t->correct += rec->correct;
  for (guint i = 0; i < rec->n_latency; i++) {
    gint64 us = (gint64) rec->latency_us[i];
    g_array_append_val (t->lat_us, us);
  }
  return TRUE;
}

static double
pct_ms (GArray *lat, double p)
{
  if (lat->len == 0)
    return -1;
  return stats_percentile_nearest ((gint64 *) (void *) lat->data, lat->len, p)
         / 1000.0;
}

cJSON *
capacity_step (const char *step_dir, const GPtrArray *sets,
               guint concurrency, double elapsed_s, GError **error)
{
  g_autoptr (GArray) lat = g_array_new (FALSE, FALSE, sizeof (gint64));
  StepTally t = { lat, 0, 0, 0 };
  if (!scorer_judge_log (step_dir, sets, NULL, SCORER_EACH_ATTEMPT, tally,
                         &t, error))
    return NULL;
  stats_sort_i64 ((gint64 *) (void *) lat->data, lat->len);
  cJSON *step = cJSON_CreateObject ();
  cJSON_AddNumberToObject (step, "concurrency", concurrency);
  cJSON_AddNumberToObject (step, "requests", t.requests);
  cJSON_AddNumberToObject (step, "p50_ms", pct_ms (lat, 50));
  cJSON_AddNumberToObject (step, "p95_ms", pct_ms (lat, 95));
  cJSON_AddNumberToObject (step, "p99_ms", pct_ms (lat, 99));
  cJSON_AddNumberToObject (step, "error_rate",
                           t.requests ? (double) t.errors / t.requests : 0);
  cJSON_AddNumberToObject (step, "accuracy",
                           t.requests ? (double) t.correct / t.requests : 0);
  cJSON_AddNumberToObject (step, "rps", t.requests / MAX (elapsed_s, 1e-3));
  return step;
}

static double
num (const cJSON *o, const char *key)
{
  return cJSON_GetNumberValue (cJSON_GetObjectItemCaseSensitive (o, key));
}

int
capacity_of (const cJSON *steps, double sla_ms)
{
  const cJSON *first = cJSON_GetArrayItem (steps, 0), *s;
  if (first == NULL)
    return -1;
  double base = num (first, "accuracy");
  double n0 = MAX (num (first, "requests"), 1);
  int cap = -1;
  cJSON_ArrayForEach (s, steps)
  {
    double p95 = num (s, "p95_ms"), acc = num (s, "accuracy");
    double n = MAX (num (s, "requests"), 1);
    double se = sqrt (base * (1 - base) / n0 + acc * (1 - acc) / n);
    if (p95 >= 0 && p95 <= sla_ms && acc >= base - MAX (0.02, 2 * se))
      cap = (int) num (s, "concurrency");
  }
  return cap;
}
