#include "reports/rundata.h"

#include <string.h>

#include "reports/rjson.h"
#include "rundir/results.h"
#include "rundir/rundir.h"
#include "util/jsonl.h"

static void
worst_list_free (gpointer p)
{
  g_ptr_array_unref (p);
}

/* Hidden sets, and the display names of categories: the first set that
 * names a category wins. */
static void
collect_sets (RunData *rd)
{
  const cJSON *sets = rjson_path (rd->results->contest, "testsets");
  const cJSON *s, *c;
  cJSON_ArrayForEach (s, sets)
  {
    const char *vis = rjson_str (s, "visibility", "public");
    const char *name = rjson_str (s, "name", NULL);
    if (name && strcmp (vis, "hidden") == 0)
      g_hash_table_add (rd->hidden_sets, g_strdup (name));
    cJSON_ArrayForEach (c, cJSON_GetObjectItemCaseSensitive (s, "categories"))
      if (c->string && cJSON_IsString (c) && *c->valuestring
          && !g_hash_table_contains (rd->categories, c->string))
        g_hash_table_insert (rd->categories, c->string, c->valuestring);
  }
}

const char *
rundata_category_name (const RunData *rd, const char *code)
{
  return code ? g_hash_table_lookup (rd->categories, code) : NULL;
}

RunData *
rundata_load (const char *run_dir, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (Results) results = results_read (run_dir, &local);
  if (results == NULL) {
    g_set_error_literal (error, REPORT_ERROR, REPORT_ERROR_INPUT,
                         local->message);
    return NULL;
  }
  RunData *rd = g_new0 (RunData, 1);
  rd->dir = g_strdup (run_dir);
  rd->results = g_steal_pointer (&results);
  rd->subs = rd->results->submissions;
  rd->n_subs = (guint) cJSON_GetArraySize (rd->subs);
  rd->sub_index = g_hash_table_new (g_str_hash, g_str_equal);
  rd->hidden_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           NULL);
  rd->worst = g_ptr_array_new_with_free_func (worst_list_free);
  rd->hidden_records = g_new0 (guint, rd->n_subs + 1);
  rd->wrong = g_new0 (guint, rd->n_subs + 1);
  rd->categories = g_hash_table_new (g_str_hash, g_str_equal);
  guint i = 0;
  const cJSON *s;
  cJSON_ArrayForEach (s, rd->subs)
  {
    const char *id = rjson_str (s, "id", NULL);
    if (id && !g_hash_table_contains (rd->sub_index, id))
      g_hash_table_insert (rd->sub_index, (gpointer) id,
                           GUINT_TO_POINTER (i + 1));
    g_ptr_array_add (rd->worst, g_ptr_array_new_with_free_func (
                                    (GDestroyNotify) score_record_free));
    i++;
  }
  collect_sets (rd);
  return rd;
}

void
rundata_free (RunData *rd)
{
  if (rd == NULL)
    return;
  g_free (rd->dir);
  results_free (rd->results);
  g_hash_table_unref (rd->sub_index);
  g_hash_table_unref (rd->hidden_sets);
  g_ptr_array_unref (rd->worst);
  g_free (rd->hidden_records);
  g_free (rd->wrong);
  g_hash_table_unref (rd->categories);
  g_free (rd);
}

int
rundata_sub (const RunData *rd, const char *id)
{
  if (id == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (rd->sub_index, id)) - 1;
}

gboolean
rundata_record_hidden (const RunData *rd, const ScoreRecord *rec)
{
  return rec->hidden
         || (rec->testset
             && g_hash_table_contains (rd->hidden_sets, rec->testset));
}

/* Orders records worst first: lower score, more contradictions, then item
 * and variant names so the choice is deterministic. */
static int
worse_cmp (const ScoreRecord *a, const ScoreRecord *b)
{
  if (a->score != b->score)
    return a->score < b->score ? -1 : 1;
  if (a->contradictions != b->contradictions)
    return a->contradictions > b->contradictions ? -1 : 1;
  int c = g_strcmp0 (a->item ? a->item : "", b->item ? b->item : "");
  if (c != 0)
    return c;
  return g_strcmp0 (a->variant ? a->variant : "",
                    b->variant ? b->variant : "");
}

static int
worse_cmp_ptr (gconstpointer a, gconstpointer b)
{
  return worse_cmp (*(const ScoreRecord *const *) a,
                    *(const ScoreRecord *const *) b);
}

static guint
least_bad (GPtrArray *list)
{
  guint best = 0;
  for (guint i = 1; i < list->len; i++)
    if (worse_cmp (list->pdata[i], list->pdata[best]) > 0)
      best = i;
  return best;
}

/* Bounded selection: at most RUNDATA_WORST_MAX copies; a worse record
 * replaces the least bad one, whose index is cached in *cut so each record
 * costs one comparison on its head — linear in records — and only a kept
 * record is parsed whole. */
static gboolean
offer_worst (GPtrArray *list, guint *cut, const ScoreRecord *head,
             ScoreRecordLine *line, GError **error)
{
  if (head->correct)
    return TRUE;
  gboolean full_list = list->len >= RUNDATA_WORST_MAX;
  if (full_list && worse_cmp (head, list->pdata[*cut]) >= 0)
    return TRUE;
  const ScoreRecord *rec = score_record_line_full (line, error);
  if (rec == NULL)
    return FALSE;
  if (!full_list) {
    g_ptr_array_add (list, score_record_copy (rec));
    if (list->len == RUNDATA_WORST_MAX)
      *cut = least_bad (list);
    return TRUE;
  }
  score_record_free (list->pdata[*cut]);
  list->pdata[*cut] = score_record_copy (rec);
  *cut = least_bad (list);
  return TRUE;
}

typedef struct {
  RunData *rd;
  RundataVisit visit;
  gpointer user;
  guint *cuts; /* per submission: index of its least bad kept record */
} ScanCtx;

static gboolean
scan_record (const ScoreRecord *head, ScoreRecordLine *line, gpointer user,
             GError **error)
{
  ScanCtx *ctx = user;
  RunData *rd = ctx->rd;
  int sub = rundata_sub (rd, head->submission);
  gboolean hidden = rundata_record_hidden (rd, head);
  rd->records++;
  if (sub >= 0 && hidden)
    rd->hidden_records[sub]++;
  else if (sub >= 0) {
    rd->wrong[sub] += !head->correct;
    if (!offer_worst (rd->worst->pdata[sub], &ctx->cuts[sub], head, line,
                      error))
      return FALSE;
  }
  return ctx->visit == NULL
         || ctx->visit (head, line, sub, hidden, ctx->user, error);
}

gboolean
rundata_scan (RunData *rd, RundataVisit visit, gpointer user, GError **error)
{
  if (!rundir_has (rd->dir, RUNDIR_SCORES))
    return TRUE;
  g_autofree guint *cuts = g_new0 (guint, rd->n_subs + 1);
  ScanCtx ctx = { rd, visit, user, cuts };
  g_autoptr (GError) local = NULL;
  if (!score_record_read_lazy (rd->dir, scan_record, &ctx, &local)
      && !g_error_matches (local, JSONL_ERROR, JSONL_ERROR_EMPTY)) {
    g_set_error (error, REPORT_ERROR, REPORT_ERROR_INPUT, "%s",
                 local->message);
    return FALSE;
  }
  rd->have_scores = TRUE;
  for (guint i = 0; i < rd->worst->len; i++)
    g_ptr_array_sort (rd->worst->pdata[i], worse_cmp_ptr);
  return TRUE;
}
