#include "reports/junit.h"

#include "reports/escape.h"
#include "reports/explain.h"
#include "reports/gate.h"
#include "reports/i18n.h"
#include "reports/rjson.h"

typedef struct {
  guint n, wrong;
} HiddenCount;

typedef struct {
  char *id;
  GString *checks;    /* the gate's cases */
  GString *cases;     /* per-item cases */
  guint tests, failures, errors;
  double time_s;
  GHashTable *hidden; /* testset name → HiddenCount* */
} JunitSuite;

struct _JunitWriter {
  const Results *results;
  ReportLang lang;
  gboolean items;
  guint n_checks;
  GPtrArray *suites;  /* JunitSuite*, results order then first-seen */
  GHashTable *by_id;  /* id (borrowed from suite) → JunitSuite* */
};

static void
suite_free (gpointer p)
{
  JunitSuite *s = p;
  g_free (s->id);
  g_string_free (s->checks, TRUE);
  g_string_free (s->cases, TRUE);
  g_hash_table_unref (s->hidden);
  g_free (s);
}

static JunitSuite *
suite_get (JunitWriter *w, const char *id)
{
  JunitSuite *s = g_hash_table_lookup (w->by_id, id);
  if (s)
    return s;
  s = g_new0 (JunitSuite, 1);
  s->id = g_strdup (id);
  s->checks = g_string_new (NULL);
  s->cases = g_string_new (NULL);
  s->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     g_free);
  g_ptr_array_add (w->suites, s);
  g_hash_table_insert (w->by_id, s->id, s);
  return s;
}

JunitWriter *
junit_writer_new (const Results *results, ReportLang lang, gboolean items)
{
  JunitWriter *w = g_new0 (JunitWriter, 1);
  w->results = results;
  w->lang = lang;
  w->items = items;
  w->suites = g_ptr_array_new_with_free_func (suite_free);
  w->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  const cJSON *sub;
  cJSON_ArrayForEach (sub, results->submissions)
    (void) suite_get (w, rjson_str (sub, "id", "?"));
  return w;
}

void
junit_writer_free (JunitWriter *w)
{
  if (w == NULL)
    return;
  g_hash_table_unref (w->by_id);
  g_ptr_array_unref (w->suites);
  g_free (w);
}

static double
record_seconds (const ScoreRecord *rec)
{
  double us = 0;
  for (guint i = 0; i < rec->n_latency; i++)
    us += rec->latency_us[i];
  return us / 1e6;
}

static void
add_hidden (JunitSuite *s, const ScoreRecord *rec)
{
  const char *set = rec->testset ? rec->testset : "?";
  HiddenCount *hc = g_hash_table_lookup (s->hidden, set);
  if (hc == NULL) {
    hc = g_new0 (HiddenCount, 1);
    g_hash_table_insert (s->hidden, g_strdup (set), hc);
  }
  hc->n++;
  if (!rec->correct)
    hc->wrong++;
}

/* <failure>/<error> body: what was asked and answered, then why. */
static void
case_body (GString *c, const ScoreRecord *rec, const char *why,
           ReportLang lang)
{
  g_autofree char *q = explain_question (rec);
  g_autofree char *full = explain_answer (rec);
  g_autofree char *a = explain_shorten (full, EXPLAIN_ANSWER_MAX, lang);
  g_string_append_printf (c, "%s: ", i18n (I18N_QUESTION, lang));
  escape_xml (c, q);
  g_string_append_printf (c, "\n%s: ", i18n (I18N_ANSWER, lang));
  escape_xml (c, a);
  g_string_append_c (c, '\n');
  escape_xml (c, why);
}

static void
add_case (JunitWriter *w, JunitSuite *s, const ScoreRecord *rec)
{
  GString *c = s->cases;
  double secs = record_seconds (rec);
  char tbuf[G_ASCII_DTOSTR_BUF_SIZE];
  s->tests++;
  s->time_s += secs;
  g_string_append (c, "    <testcase classname=\"");
  escape_xml (c, s->id);
  g_string_append (c, "\" name=\"");
  escape_xml (c, rec->item ? rec->item : "?");
  g_string_append_c (c, '/');
  escape_xml (c, rec->variant ? rec->variant : "clean");
  g_string_append_printf (c, "\" time=\"%s\"",
                          g_ascii_formatd (tbuf, sizeof tbuf, "%.6f", secs));
  if (rec->correct) {
    g_string_append (c, "/>\n");
    return;
  }
  const char *err = failure_name (rec->error_class);
  const char *tag = err ? "error" : "failure";
  g_autofree char *why = explain_record (rec, w->lang);
  if (err)
    s->errors++;
  else
    s->failures++;
  g_string_append_printf (c, ">\n      <%s type=\"", tag);
  escape_xml (c, err ? err : "wrong_answer");
  g_string_append (c, "\" message=\"");
  escape_xml (c, why);
  g_string_append (c, "\">");
  case_body (c, rec, why, w->lang);
  g_string_append_printf (c, "</%s>\n    </testcase>\n", tag);
}

gboolean
junit_writer_wants_records (const JunitWriter *w)
{
  return w->items;
}

void
junit_writer_add_checks (JunitWriter *w, const GPtrArray *checks)
{
  for (guint i = 0; checks && i < checks->len; i++) {
    const GateCheck *k = checks->pdata[i];
    JunitSuite *s = suite_get (w, k->submission);
    GString *c = s->checks;
    w->n_checks++;
    s->tests++;
    g_string_append (c, "    <testcase classname=\"");
    escape_xml (c, s->id);
    g_string_append (c, "\" name=\"");
    escape_xml (c, k->name);
    g_string_append (c, "\" time=\"0\"");
    if (k->ok) {
      g_string_append (c, "/>\n");
      continue;
    }
    s->failures++;
    g_string_append (c, ">\n      <failure type=\"threshold\" message=\"");
    escape_xml (c, k->line);
    g_string_append (c, "\"/>\n    </testcase>\n");
  }
}

void
junit_writer_add (JunitWriter *w, const ScoreRecord *rec, gboolean hidden)
{
  if (!w->items)
    return;
  JunitSuite *s = suite_get (w, rec->submission ? rec->submission : "?");
  if (hidden)
    add_hidden (s, rec);
  else
    add_case (w, s, rec);
}

static void
hidden_cases (JunitSuite *s, GString *c)
{
  g_autoptr (GList) sets = g_list_sort (g_hash_table_get_keys (s->hidden),
                                        (GCompareFunc) g_strcmp0);
  for (GList *l = sets; l; l = l->next) {
    const HiddenCount *hc = g_hash_table_lookup (s->hidden, l->data);
    g_string_append (c, "    <testcase classname=\"");
    escape_xml (c, s->id);
    g_string_append (c, "\" name=\"hidden:");
    escape_xml (c, l->data);
    g_string_append (c, "\"");
    if (hc->wrong == 0) {
      g_string_append (c, "/>\n");
      continue;
    }
    g_string_append_printf (c, ">\n      <failure type=\"hidden_set\" "
                               "message=\"%u/%u wrong\"/>\n    </testcase>\n",
                            hc->wrong, hc->n);
  }
}

/* Without thresholds the gate checks nothing: say so in a skipped case
 * rather than leave an empty suite a dashboard reads as "no tests". */
static void
no_threshold_case (const JunitWriter *w, JunitSuite *s, GString *c)
{
  g_string_append (c, "    <testcase classname=\"");
  escape_xml (c, s->id);
  g_string_append (c, "\" name=\"gate\" time=\"0\">\n      <skipped "
                      "message=\"");
  escape_xml (c, i18n (I18N_GATE_NONE, w->lang));
  g_string_append (c, "\"/>\n    </testcase>\n");
}

static void
suite_counts (const JunitWriter *w, JunitSuite *s, guint *tests,
              guint *failures, guint *skipped)
{
  *skipped = w->n_checks == 0;
  *tests = s->tests + g_hash_table_size (s->hidden) + *skipped;
  *failures = s->failures;
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init (&it, s->hidden);
  while (g_hash_table_iter_next (&it, NULL, &v))
    *failures += ((HiddenCount *) v)->wrong ? 1 : 0;
}

char *
junit_writer_finish (JunitWriter *w)
{
  g_autoptr (GString) body = g_string_new (NULL);
  guint all_tests = 0, all_failures = 0, all_errors = 0;
  char tbuf[G_ASCII_DTOSTR_BUF_SIZE];
  for (guint i = 0; i < w->suites->len; i++) {
    JunitSuite *s = w->suites->pdata[i];
    guint tests, failures, skipped;
    suite_counts (w, s, &tests, &failures, &skipped);
    all_tests += tests;
    all_failures += failures;
    all_errors += s->errors;
    g_string_append (body, "  <testsuite name=\"");
    escape_xml (body, s->id);
    g_string_append_printf (
        body, "\" tests=\"%u\" failures=\"%u\" errors=\"%u\" "
              "skipped=\"%u\" time=\"%s\">\n",
        tests, failures, s->errors, skipped,
        g_ascii_formatd (tbuf, sizeof tbuf, "%.3f", s->time_s));
    g_string_append_len (body, s->checks->str, s->checks->len);
    if (w->n_checks == 0)
      no_threshold_case (w, s, body);
    g_string_append_len (body, s->cases->str, s->cases->len);
    hidden_cases (s, body);
    g_string_append (body, "  </testsuite>\n");
  }
  g_autoptr (GString) out = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"");
  escape_xml (out, w->results->run_id ? w->results->run_id : "vabench");
  g_string_append_printf (out, "\" tests=\"%u\" failures=\"%u\" "
                               "errors=\"%u\">\n",
                          all_tests, all_failures, all_errors);
  g_string_append_len (out, body->str, body->len);
  g_string_append (out, "</testsuites>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
