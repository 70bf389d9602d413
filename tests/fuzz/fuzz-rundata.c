/* Reports (reports/rundata.c and the writers that read a run): the input
 * is results.json, then optionally FUZZ_SEP and scores.jsonl. A run that
 * loads is scanned once, feeding items.csv and JUnit as `report` does, and
 * every in-memory report is made: Markdown, HTML (without plots), CSV,
 * the plots' gnuplot scripts; each is valid UTF-8. Byte 0 picks the
 * language. */
#include "fuzz.h"

#include "reports/csv.h"
#include "reports/html.h"
#include "reports/junit.h"
#include "reports/markdown.h"
#include "reports/plot.h"
#include "reports/rundata.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

typedef struct {
  GString *items;
  JunitWriter *junit;
  ReportLang lang;
  guint n_subs;
} Sinks;

static gboolean
visit (const ScoreRecord *head, ScoreRecordLine *line, int sub,
       gboolean hidden, gpointer user, GError **error)
{
  Sinks *s = user;
  FUZZ_CHECK (sub >= -1 && sub < (int) s->n_subs, "submission index %d",
              sub);
  /* as `report` does: the texts alone for a correct answer's row, the
   * whole record otherwise */
  const ScoreRecord *rec = head->correct
                               ? score_record_line_texts (line, error)
                               : score_record_line_full (line, error);
  if (rec == NULL)
    return FALSE;
  if (!hidden)
    csv_items_row (s->items, rec, s->lang);
  junit_writer_add (s->junit, rec, hidden);
  return TRUE;
}

static void
utf8 (const char *what, char *text)
{
  if (text == NULL) /* a plot with nothing to draw */
    return;
  FUZZ_CHECK (g_utf8_validate (text, -1, NULL), "%s is not UTF-8", what);
  g_free (text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 1)
    return 0;
  ReportLang lang = data[0] & 1 ? REPORT_LANG_EN : REPORT_LANG_VI;
  const uint8_t *results, *scores;
  size_t rlen, slen;
  fuzz_split (data + 1, size - 1, &results, &rlen, &scores, &slen);
  g_free (fuzz_write ("results.json", results, rlen));
  if (slen > 0)
    g_free (fuzz_write ("scores.jsonl", scores, slen));
  else
    fuzz_unlink ("scores.jsonl");

  g_autoptr (GError) error = NULL;
  g_autoptr (RunData) rd = rundata_load (fuzz_dir (), &error);
  if (rd == NULL) {
    FUZZ_CHECK (error != NULL, "no error set");
    return 0;
  }
  g_autoptr (GString) items = g_string_new (NULL);
  csv_items_header (items);
  g_autoptr (JunitWriter) junit = junit_writer_new (rd->results, lang, TRUE);
  Sinks s = { items, junit, lang, rd->n_subs };
  if (!rundata_scan (rd, visit, &s, &error)) {
    FUZZ_CHECK (error != NULL, "no error set");
    return 0;
  }
  FUZZ_CHECK (g_utf8_validate (items->str, (gssize) items->len, NULL),
              "items.csv is not UTF-8");
  utf8 ("junit.xml", junit_writer_finish (junit));
  g_autoptr (GPtrArray) checks = g_ptr_array_new ();
  utf8 ("report.md", markdown_report (rd, checks, lang));
  g_autoptr (GHashTable) plots = g_hash_table_new (g_str_hash, g_str_equal);
  utf8 ("report.html", html_report (rd, plots, lang));
  utf8 ("results.csv", csv_results (rd->results));
  utf8 ("leaderboard", markdown_leaderboard (rd->results, lang));
  utf8 ("markdown nearmiss", markdown_nearmiss (rd->results, lang));
  utf8 ("plot forest", plot_script_forest (rd, lang));
  utf8 ("plot nearmiss", plot_script_nearmiss (rd, lang));
  utf8 ("plot categories", plot_script_categories (rd, lang));
  utf8 ("plot latency", plot_script_latency (rd, lang));
  utf8 ("plot capacity", plot_script_capacity (rd, lang));
  return 0;
}
