#include "harness/scorecard.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "scoring/judge.h"
#include "scoring/metrics.h"
#include "testsets/testset.h"
#include "util/jsonl.h"
#include "util/cjson_scope.h"
#include "util/jsonw.h"
#include "util/vb_gstring.h"

G_DEFINE_QUARK (vabench-scorecard-error-quark, scorecard_error)

/* What judging reads from a turn's final attempt: a copy of a few fields
 * instead of the whole record, which kept every log line's JSON tree alive
 * until the end (gigabytes for a 200,000-answer log). */
typedef struct {
  const char *sent, *answer, *error_class; /* NULL when absent or not a
                                              string; in LogIndex.strings */
  gsize answer_len;                        /* may hold a NUL */
  double t_total_us, t_queue_us;           /* 0 when absent */
  gboolean present;
} Final;

/* Conversations have at most 4 turns; a record claiming more is ignored. */
#define MAX_TURNS 16

/* All attempts of one (submission, testset, item, variant). */
typedef struct {
  const char *sub, *set, *item, *variant, *variant_kind; /* in strings */
  Final *finals;   /* per turn index, n_finals of them */
  guint n_finals;
  guint requests, failed_requests;
  gint rank;      /* the submission's place in the contest (sorting) */
  gboolean clean; /* variant is "clean" (sorting) */
} Unit;

/* Every string of the index lives in one chunk, freed at once: a log of
 * 200,000 answers held a million small allocations. */
typedef struct {
  GHashTable *units; /* key (in strings) → Unit* */
  GPtrArray *order;  /* Unit*, first-seen order (sorted later) */
  GString *key;      /* scratch for the lookup key */
  GHashTable *sub_rank; /* submission id → place in the contest */
  GStringChunk *strings;
} LogIndex;

/* The first turn's Final lives in the unit's own allocation: a
 * g_renew per unit for its one final answer was a tenth of indexing. */
static Final *
unit_inline_final (Unit *u)
{
  return (Final *) (u + 1);
}

static void
unit_free (gpointer p)
{
  Unit *u = p;
  if (u->finals != unit_inline_final (u))
    g_free (u->finals);
  g_free (u);
}

static const char *
sfield (const cJSON *o, const char *k)
{
  const cJSON *n = cJSON_GetObjectItemCaseSensitive (o, k);
  return cJSON_IsString (n) ? n->valuestring : NULL;
}

/* The members of a log record the index reads, looked up in one pass. */
enum {
  LF_SUB, LF_SET, LF_ITEM, LF_VARIANT, LF_KIND, LF_TURN, LF_FINAL,
  LF_ERROR_CLASS, LF_SENT, LF_ANSWER, LF_TOTAL, LF_QUEUE, LF_N
};
static const char *const log_fields[LF_N] = {
  "submission", "testset", "item", "variant", "variant_kind", "turn",
  "final", "error_class", "sent", "answer", "t_total_us", "t_queue_us",
};

/* What reading the log keeps from record to record besides the index:
 * the strings kept last, by a hash of their ends, so that a name or id
 * seen again is not hashed and looked up again by
 * g_string_chunk_insert_const; and the last submission's place. */
#define RECENT_SLOTS 256
typedef struct {
  const char *str; /* in strings */
  gsize len;
} Recent;

typedef struct {
  LogIndex *ix;
  Recent recent[RECENT_SLOTS];
  const char *rank_sub; /* in strings */
  gint rank;
} LogReader;

static double
num_of (const JsonlValue *v)
{
  return v->type == cJSON_Number ? v->num : 0;
}

/* Ids and variants differ in their last bytes: the length and the last
 * four bytes pick the slot. */
static guint
recent_slot (const char *s, gsize len)
{
  guint32 h = (guint32) len;
  if (len >= 4) {
    guint32 tail;
    memcpy (&tail, s + len - 4, sizeof tail);
    h ^= tail;
  } else
    for (gsize i = 0; i < len; i++)
      h = h * 31 + (guchar) s[i];
  return ((h * 2654435761u) >> 24) & (RECENT_SLOTS - 1);
}

/* A copy of the string, or NULL; names and ids repeat from line to line
 * and are kept once. */
static const char *
keep_const (LogReader *r, const JsonlValue *v)
{
  if (v->type != cJSON_String)
    return NULL;
  Recent *e = &r->recent[recent_slot (v->str, v->len)];
  if (e->str == NULL || e->len != v->len
      || memcmp (e->str, v->str, v->len) != 0) {
    e->str = g_string_chunk_insert_const (r->ix->strings, v->str);
    /* Not v->len: a value with an escaped NUL is kept up to it, and
     * must never match (nor be compared past its end) later. */
    e->len = strlen (e->str);
  }
  return e->str;
}

static const char *
keep (LogReader *r, const JsonlValue *v)
{
  if (v->type != cJSON_String)
    return NULL;
  return g_string_chunk_insert_len (r->ix->strings, v->str, (gssize) v->len);
}

static Final
final_of (LogReader *r, const JsonlValue *m)
{
  Final f = { 0 };
  f.sent = keep (r, &m[LF_SENT]);
  f.answer = keep (r, &m[LF_ANSWER]);
  f.answer_len = f.answer ? m[LF_ANSWER].len : 0; /* may hold a NUL */
  f.error_class = keep_const (r, &m[LF_ERROR_CLASS]);
  f.t_total_us = num_of (&m[LF_TOTAL]);
  f.t_queue_us = num_of (&m[LF_QUEUE]);
  f.present = TRUE;
  return f;
}

/* The submission's place in the contest; sub is kept once, so the
 * pointer tells whether it is the one looked up last. */
static gint
rank_of (LogReader *r, const char *sub)
{
  if (sub != r->rank_sub) {
    r->rank = GPOINTER_TO_INT (g_hash_table_lookup (r->ix->sub_rank, sub));
    r->rank_sub = sub;
  }
  return r->rank;
}

static Unit *
unit_new (LogReader *r, const JsonlValue *m)
{
  Unit *u = g_malloc0 (sizeof (Unit) + sizeof (Final));
  u->sub = keep_const (r, &m[LF_SUB]);
  u->set = keep_const (r, &m[LF_SET]);
  u->item = keep_const (r, &m[LF_ITEM]);
  u->variant = keep_const (r, &m[LF_VARIANT]);
  const char *kind = keep_const (r, &m[LF_KIND]);
  u->variant_kind = kind ? kind : "clean";
  u->rank = rank_of (r, u->sub);
  u->clean = strcmp (u->variant, "clean") == 0;
  return u;
}

static Unit *
unit_of (LogReader *r, const JsonlValue *m)
{
  LogIndex *ix = r->ix;
  g_string_truncate (ix->key, 0);
  for (int i = LF_SUB; i <= LF_VARIANT; i++) {
    if (i > LF_SUB)
      g_string_append_c (ix->key, '\037');
    vb_gstring_put (ix->key, m[i].str, m[i].len);
  }
  Unit *u = g_hash_table_lookup (ix->units, ix->key->str);
  if (u != NULL)
    return u;
  u = unit_new (r, m);
  g_hash_table_insert (ix->units,
                       g_string_chunk_insert_len (ix->strings, ix->key->str,
                                                  (gssize) ix->key->len),
                       u);
  g_ptr_array_add (ix->order, u);
  return u;
}

/* Room for turn t in u->finals, new entries zero. */
static void
unit_grow (Unit *u, guint t)
{
  Final *in = unit_inline_final (u);
  if (t == 0 && u->finals == NULL)
    u->finals = in; /* zero since g_malloc0 */
  else if (u->finals == NULL || u->finals == in) {
    Final *f = g_new0 (Final, t + 1);
    if (u->finals)
      f[0] = *in;
    u->finals = f;
  } else {
    u->finals = g_renew (Final, u->finals, t + 1);
    memset (u->finals + u->n_finals, 0,
            (t + 1 - u->n_finals) * sizeof *u->finals);
  }
  u->n_finals = t + 1;
}

/* One log record (its wanted members, read without a JSON tree). */
static gboolean
index_record (const JsonlValue *m, guint line, gpointer user, GError **error)
{
  LogReader *r = user;
  for (int i = LF_SUB; i <= LF_VARIANT; i++)
    if (m[i].type != cJSON_String)
      return TRUE;
  if (m[LF_TURN].type != cJSON_Number)
    return TRUE;
  Unit *u = unit_of (r, m);
  u->requests++;
  if (m[LF_ERROR_CLASS].type == cJSON_String)
    u->failed_requests++;
  if (m[LF_FINAL].type != cJSON_True)
    return TRUE;
  guint t = (guint) m[LF_TURN].num;
  if (t > MAX_TURNS)
    return TRUE;
  if (u->n_finals <= t)
    unit_grow (u, t);
  u->finals[t] = final_of (r, m);
  return TRUE;
}

/* Every complete record of DIR/log.jsonl, as runlog_read reads it (a torn
 * last line is ignored), through the flat reader. */
static gboolean
read_log (const char *dir, LogIndex *ix, GError **error)
{
  g_autofree char *path = g_build_filename (dir, "log.jsonl", NULL);
  gboolean torn = FALSE;
  g_autofree LogReader *r = g_new0 (LogReader, 1);
  r->ix = ix;
  return jsonl_read_file_flat (path, log_fields, LF_N, index_record, r,
                               &torn, error);
}

#define PUT_LITERAL VB_GSTRING_PUT_LITERAL

/* One turn of a score record, appended to out; its judgement's totals go
 * to totals. */
static void
turn_append (GString *out, const TsItem *it, guint t, const Final *fin,
             const char **fail_class, GArray *lat_us, JudgeTotals *totals)
{
  const TsTurn *turn = g_ptr_array_index (it->turns, t);
  PUT_LITERAL (out, "{\"turn\":");
  jsonw_append_number (out, t);
  const char *sent = fin ? fin->sent : NULL;
  PUT_LITERAL (out, ",\"question\":");
  jsonw_append_string (out, sent ? sent : turn->question);
  const char *answer = fin ? fin->answer : NULL;
  gsize answer_len = fin ? fin->answer_len : 0;
  const char *cls = fin ? fin->error_class : NULL;
  if (answer == NULL && cls == NULL)
    cls = *fail_class ? *fail_class : "not_fired";
  if (cls && *fail_class == NULL)
    *fail_class = cls;
  PUT_LITERAL (out, ",\"answer\":");
  if (answer)
    jsonw_append_string_len (out, answer, answer_len);
  else
    PUT_LITERAL (out, "null");
  if (cls) {
    PUT_LITERAL (out, ",\"error_class\":");
    jsonw_append_string (out, cls);
  }
  if (answer && fin) {
    /* In open loop the wait behind a slow endpoint counts: latency runs
     * from the scheduled send (t_queue_us), not from the real one. */
    double us = fin->t_total_us + fin->t_queue_us;
    g_array_append_val (lat_us, us);
  }
  PUT_LITERAL (out, ",\"judgement\":");
  /* The key was compiled when the set was loaded and validated. */
  judge_answer_append_len (turn->key, answer, answer_len, out, totals);
  g_string_append_c (out, '}');
}

static double
num (const cJSON *o, const char *k)
{
  const cJSON *n = cJSON_GetObjectItemCaseSensitive (o, k);
  return cJSON_IsNumber (n) ? n->valuedouble : 0;
}

/* The record's members around its turns, in the order harness/README.md
 * documents. */
static void
record_append (GString *out, const Unit *u, const TsItem *it,
               gboolean hidden, const MetricsFields *f, const GString *turns)
{
  PUT_LITERAL (out, "{\"submission\":");
  jsonw_append_string (out, u->sub);
  PUT_LITERAL (out, ",\"testset\":");
  jsonw_append_string (out, u->set);
  PUT_LITERAL (out, ",\"item\":");
  jsonw_append_string (out, u->item);
  PUT_LITERAL (out, ",\"category\":");
  jsonw_append_string (out, it->category);
  PUT_LITERAL (out, ",\"kind\":");
  jsonw_append_string (out, it->kind);
  PUT_LITERAL (out, ",\"hidden\":");
  jsonw_append_bool (out, hidden);
  PUT_LITERAL (out, ",\"variant\":");
  jsonw_append_string (out, u->variant);
  PUT_LITERAL (out, ",\"variant_kind\":");
  jsonw_append_string (out, u->variant_kind);
  PUT_LITERAL (out, ",\"score\":");
  jsonw_append_number (out, f->score);
  PUT_LITERAL (out, ",\"correct\":");
  jsonw_append_bool (out, f->correct);
  PUT_LITERAL (out, ",\"lenient_score\":");
  jsonw_append_number (out, f->lenient_score);
  PUT_LITERAL (out, ",\"contradictions\":");
  jsonw_append_number (out, (double) f->contradictions);
  PUT_LITERAL (out, ",\"error_class\":");
  jsonw_append_string_or_null (out, f->error_class);
  PUT_LITERAL (out, ",\"requests\":");
  jsonw_append_number (out, f->requests);
  PUT_LITERAL (out, ",\"failed_requests\":");
  jsonw_append_number (out, f->failed_requests);
  PUT_LITERAL (out, ",\"latency_us\":[");
  for (guint i = 0; i < f->n_latency; i++) {
    if (i > 0)
      g_string_append_c (out, ',');
    jsonw_append_number (out, f->latency_us[i]);
  }
  PUT_LITERAL (out, "],\"turns\":[");
  vb_gstring_put (out, turns->str, turns->len);
  PUT_LITERAL (out, "]}");
}

/* Appends the unit's score record (one line, without its newline) to
 * line, and gives the same members to the metrics in f (its latencies in
 * lat_us, which f points into). The record is written, not built as a
 * cJSON tree: its members are known, and making, walking and dropping
 * some sixty nodes per answer was a tenth of scoring. turns is scratch
 * space: the turns are judged before the record's totals can be
 * written. Returns FALSE, writing nothing, when the item left the set. */
static gboolean
score_unit (GHashTable *sets, const Unit *u, GString *line, GString *turns,
            MetricsFields *f, GArray *lat_us)
{
  const Testset *set = g_hash_table_lookup (sets, u->set);
  const TsItem *it = set ? testset_lookup (set, u->item) : NULL;
  if (it == NULL)
    return FALSE; /* nothing to judge against */
  g_string_truncate (turns, 0);
  g_array_set_size (lat_us, 0);
  const char *fail_class = NULL;
  double score = 0, lenient = 0, contra = 0;
  gboolean correct = TRUE;
  for (guint t = 0; t < it->turns->len; t++) {
    const Final *fin = t < u->n_finals && u->finals[t].present
                           ? &u->finals[t]
                           : NULL;
    JudgeTotals jt;
    if (t > 0)
      g_string_append_c (turns, ',');
    turn_append (turns, it, t, fin, &fail_class, lat_us, &jt);
    score += jt.score;
    lenient += jt.lenient_score;
    contra += jt.contradictions;
    correct &= jt.correct;
  }
  guint n = it->turns->len;
  *f = (MetricsFields) {
    .submission = u->sub, .testset = u->set, .item = u->item,
    .variant = u->variant, .variant_kind = u->variant_kind,
    .category = it->category, .error_class = fail_class,
    .correct = correct && fail_class == NULL,
    .score = score / n, .lenient_score = lenient / n,
    .contradictions = (gint64) contra, .requests = u->requests,
    .failed_requests = u->failed_requests,
    .latency_us = (const double *) lat_us->data, .n_latency = lat_us->len,
  };
  record_append (line, u, it, set->hidden, f, turns);
  return TRUE;
}

/* Deterministic order: set, item and variant names (clean first), then
 * submissions as in the contest — firing order must not leak into the
 * bytes, and all answers to one question sit together in scores.jsonl.
 * The submission's place and the clean flag are looked up once per unit,
 * not per comparison. */
static gint
cmp_units (gconstpointer a, gconstpointer b)
{
  const Unit *x = *(Unit *const *) a, *y = *(Unit *const *) b;
  int d = strcmp (x->set, y->set);
  if (d == 0)
    d = strcmp (x->item, y->item);
  if (d != 0)
    return d;
  if (x->clean != y->clean)
    return x->clean ? -1 : 1;
  d = strcmp (x->variant, y->variant);
  if (d != 0)
    return d;
  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

cJSON *
scorecard_read_manifest (const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, "manifest.json", NULL);
  g_autofree char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  cJSON *m = cJSON_Parse (text);
  if (m == NULL || !cJSON_IsObject (cJSON_GetObjectItem (m, "contest"))) {
    cJSON_Delete (m);
    g_set_error (error, SCORECARD_ERROR, SCORECARD_ERROR_INPUT,
                 "%s: not a vabench run manifest", path);
    return NULL;
  }
  return m;
}

gboolean
scorecard_write_json (const char *path, const cJSON *obj, GError **error)
{
  char *text = cJSON_Print (obj);
  g_autofree char *with_nl = g_strconcat (text, "\n", NULL);
  cJSON_free (text);
  return g_file_set_contents (path, with_nl, -1, error);
}

static gboolean
load_sets (const cJSON *contest, GHashTable *sets, GError **error)
{
  const cJSON *ts = cJSON_GetObjectItem (contest, "testsets"), *t;
  cJSON_ArrayForEach (t, ts)
  {
    const char *path = sfield (t, "abs_path");
    if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
      path = sfield (t, "path");
    if (path == NULL)
      continue;
    Testset *set = testset_load_unhashed (path, error);
    if (set == NULL)
      return FALSE;
    g_hash_table_replace (sets, g_strdup (set->name), set);
  }
  return TRUE;
}

static MetricsConfig
metrics_config_of (const cJSON *contest)
{
  const cJSON *w = cJSON_GetObjectItem (contest, "weights");
  MetricsConfig cfg = { 0 };
  cfg.w_accuracy = num (w, "accuracy");
  cfg.w_nearmiss = num (w, "nearmiss");
  cfg.w_latency = num (w, "latency");
  cfg.w_availability = num (w, "availability");
  cfg.sla_ms = (guint) num (contest, "sla_ms");
  cfg.resamples = (guint) num (contest, "resamples");
  cfg.seed = (guint64) num (contest, "seed");
  return cfg;
}

static cJSON *
results_header (const cJSON *manifest, const cJSON *contest)
{
  cJSON *res = cJSON_CreateObject ();
  cJSON_AddStringToObject (res, "vabench_version", VABENCH_VERSION);
  cJSON *run = cJSON_AddObjectToObject (res, "run");
  const char *keys[] = { "run_id", "started_at", "finished_at" };
  const char *names[] = { "id", "started_at", "finished_at" };
  for (int i = 0; i < 3; i++) {
    const char *v = sfield (manifest, keys[i]);
    if (v)
      cJSON_AddStringToObject (run, names[i], v);
    else
      cJSON_AddNullToObject (run, names[i]);
  }
  cJSON *c = cJSON_AddObjectToObject (res, "contest");
  const char *copy[] = { "name", "seed", "weights", "sla_ms", "resamples",
                         "nearmiss_kinds", "per_item", "testsets" };
  for (gsize i = 0; i < G_N_ELEMENTS (copy); i++) {
    const cJSON *v = cJSON_GetObjectItem (contest, copy[i]);
    if (v)
      cJSON_AddItemToObject (c, copy[i], cJSON_Duplicate (v, TRUE));
  }
  return res;
}

/* Scores each unit, writes its record at once and hands its fields to the
 * metrics, which copy what they need: no record outlives its line. */
static gboolean
score_all (const char *dir, GHashTable *sets, GPtrArray *units,
           MetricsInput *metrics, GError **error)
{
  g_autofree char *path = g_build_filename (dir, "scores.jsonl", NULL);
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  FILE *f = fopen (tmp, "w");
  if (f == NULL) {
    g_set_error (error, SCORECARD_ERROR, SCORECARD_ERROR_INPUT,
                 "cannot write %s: %s", tmp, g_strerror (errno));
    return FALSE;
  }
  /* A megabyte per write(2) instead of stdio's 4 KB: scores.jsonl is about
   * 1.2 KB per answer, a quarter of a gigabyte for 200,000 answers. */
  g_autofree char *buf = g_malloc (1 << 20);
  (void) setvbuf (f, buf, _IOFBF, 1 << 20);
  g_autoptr (GString) line = g_string_sized_new (4096);
  g_autoptr (GString) turns = g_string_sized_new (4096);
  g_autoptr (GArray) lat_us = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < units->len; i++) {
    /* The few cJSON values a judgement makes (amounts, lists) live for
     * one record. */
    CjsonScope scope = cjson_scope_begin ();
    MetricsFields fields;
    g_string_truncate (line, 0);
    if (score_unit (sets, g_ptr_array_index (units, i), line, turns,
                    &fields, lat_us)) {
      g_string_append_c (line, '\n');
      (void) fwrite (line->str, 1, line->len, f);
      metrics_input_add_fields (metrics, &fields);
    }
    cjson_scope_end (scope);
  }
  if (fclose (f) != 0 || rename (tmp, path) != 0) {
    g_set_error (error, SCORECARD_ERROR, SCORECARD_ERROR_INPUT,
                 "cannot write %s: %s", path, g_strerror (errno));
    return FALSE;
  }
  return TRUE;
}

gboolean
scorecard_score_run (const char *dir, cJSON **results, GError **error)
{
  return scorecard_score_run_with (dir, NULL, results, error);
}

gboolean
scorecard_score_run_with (const char *dir, const GPtrArray *sets,
                          cJSON **results, GError **error)
{
  g_autoptr (cJSON) manifest = scorecard_read_manifest (dir, error);
  if (manifest == NULL)
    return FALSE;
  const cJSON *contest = cJSON_GetObjectItem (manifest, "contest");
  /* name → Testset*: owned when loaded here, borrowed from the caller. */
  GHashTable *by_name = g_hash_table_new_full (
      g_str_hash, g_str_equal, g_free,
      sets ? NULL : (GDestroyNotify) testset_free);
  for (guint i = 0; sets && i < sets->len; i++) {
    const Testset *set = g_ptr_array_index (sets, i);
    g_hash_table_insert (by_name, g_strdup (set->name), (gpointer) set);
  }
  LogIndex ix = { g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         unit_free),
                  g_ptr_array_new (), g_string_new (NULL),
                  g_hash_table_new (g_str_hash, g_str_equal),
                  g_string_chunk_new (1 << 20) };
  const cJSON *subs = cJSON_GetObjectItem (contest, "submissions"), *s;
  gint rank = 0;
  cJSON_ArrayForEach (s, subs)
  g_hash_table_insert (ix.sub_rank, (gpointer) sfield (s, "id"),
                       GINT_TO_POINTER (rank++));
  gboolean ok = (sets != NULL || load_sets (contest, by_name, error))
                && read_log (dir, &ix, error);
  g_autoptr (MetricsInput) metrics = metrics_input_new (subs);
  if (ok) {
    g_ptr_array_sort (ix.order, cmp_units);
    ok = score_all (dir, by_name, ix.order, metrics, error);
  }
  if (ok) {
    MetricsConfig cfg = metrics_config_of (contest);
    g_autoptr (cJSON) res = results_header (manifest, contest);
    g_autoptr (cJSON) m = metrics_input_compute (metrics, &cfg);
    cJSON_AddItemToObject (res, "submissions",
                           cJSON_DetachItemFromObject (m, "submissions"));
    cJSON_AddItemToObject (res, "ties",
                           cJSON_DetachItemFromObject (m, "ties"));
    g_autofree char *rpath = g_build_filename (dir, "results.json", NULL);
    ok = scorecard_write_json (rpath, res, error);
    if (ok && results)
      *results = g_steal_pointer (&res);
  }
  g_hash_table_unref (ix.sub_rank);
  g_hash_table_unref (by_name);
  g_ptr_array_unref (ix.order);
  g_hash_table_unref (ix.units);
  g_string_free (ix.key, TRUE);
  g_string_chunk_free (ix.strings);
  return ok;
}
