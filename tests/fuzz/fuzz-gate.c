/* The CI gate (reports/gate.c): the input is expressions, one a line
 * (a line starting with '~' is a --max-drop METRIC=X), then optionally
 * FUZZ_SEP and results.json. Each expression parses to a metric and a
 * finite number or is refused; the whole gate, against the run itself as
 * its baseline, returns 0, 1 or 2, and 2 exactly when it sets an error;
 * 1 exactly when one of its checks failed. */
#include "fuzz.h"

#include <math.h>

#include "reports/gate.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const uint8_t *exprs, *results;
  size_t elen, rlen;
  fuzz_split (data, size, &exprs, &elen, &results, &rlen);
  g_autofree char *text = g_strndup ((const char *) exprs, elen);
  g_auto (GStrv) lines = g_strsplit (text, "\n", 9);
  g_autoptr (GPtrArray) requires = g_ptr_array_new ();
  g_autoptr (GPtrArray) drops = g_ptr_array_new ();
  for (char **l = lines; *l; l++) {
    if (**l == '~') {
      g_autofree char *metric = NULL;
      double max = 0;
      g_autoptr (GError) error = NULL;
      if (gate_max_drop_parse (*l + 1, &metric, &max, &error))
        FUZZ_CHECK (metric && *metric && isfinite (max), "drop %s", *l);
      else
        FUZZ_CHECK (error != NULL, "no error set");
      g_ptr_array_add (drops, *l + 1);
      continue;
    }
    g_autoptr (GError) error = NULL;
    g_autoptr (GateRule) rule = gate_rule_parse (*l, &error);
    if (rule != NULL) {
      FUZZ_CHECK (rule->metric && *rule->metric && isfinite (rule->value),
                  "rule %s", *l);
      FUZZ_CHECK (rule->op <= GATE_NE, "op %d", rule->op);
      if (gate_metric_is_rate (rule->metric))
        FUZZ_CHECK (rule->value <= 1, "rate rule %s with %g", *l,
                    rule->value);
    } else
      FUZZ_CHECK (error != NULL, "no error set");
    g_ptr_array_add (requires, *l);
  }
  g_ptr_array_add (requires, NULL);
  g_ptr_array_add (drops, NULL);

  g_free (fuzz_write ("results.json", results, rlen));
  fuzz_unlink ("scores.jsonl");
  GateOptions opts = {
    .run_dir = fuzz_dir (),
    .requires = (const char *const *) requires->pdata,
    .baseline_dir = fuzz_dir (),
    .max_drops = (const char *const *) drops->pdata,
  };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) checks = NULL;
  int rc = gate_run (&opts, out, &checks, &error);
  FUZZ_CHECK (rc == GATE_PASS || rc == GATE_FAIL || rc == GATE_BAD, "rc %d",
              rc);
  FUZZ_CHECK ((rc == GATE_BAD) == (error != NULL), "rc %d, error %s", rc,
              error ? error->message : "none");
  if (rc == GATE_BAD)
    return 0;
  /* the run is its own baseline: only thresholds and drops can fail */
  FUZZ_CHECK (checks != NULL, "no checks");
  gboolean any_failed = FALSE;
  for (guint i = 0; i < checks->len; i++) {
    const GateCheck *c = checks->pdata[i];
    FUZZ_CHECK (c->submission && c->name && c->line, "check %u incomplete",
                i);
    any_failed |= !c->ok;
  }
  FUZZ_CHECK ((rc == GATE_FAIL) == any_failed,
              "rc %d but %s check failed", rc, any_failed ? "a" : "no");
  return 0;
}
