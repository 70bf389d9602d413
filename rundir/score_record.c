#include "rundir/score_record.h"

#include <math.h>
#include <string.h>

#include "rundir/rundir.h"
#include "util/jsonl.h"
#include "util/jsonw.h"
#include "util/vb_gstring.h"

#define PUT VB_GSTRING_PUT_LITERAL

#include "rundir/score_record_fields.h"

static void
turn_append (GString *out, const ScoreTurn *t)
{
  PUT (out, "{\"turn\":");
  jsonw_append_number (out, t->turn);
  PUT (out, ",\"question\":");
  jsonw_append_string (out, t->question);
  PUT (out, ",\"answer\":");
  if (t->answer == NULL)
    PUT (out, "null");
  else
    jsonw_append_string_len (out, t->answer,
                             t->answer_len ? t->answer_len
                                           : strlen (t->answer));
  if (t->error_class != FAILURE_NONE) {
    PUT (out, ",\"error_class\":");
    jsonw_append_string (out, failure_name (t->error_class));
  }
  PUT (out, ",\"judgement\":");
  vb_gstring_put (out, t->judgement, t->judgement_len);
  g_string_append_c (out, '}');
}

void
score_record_append (GString *out, const ScoreRecord *r)
{
  PUT (out, "{\"submission\":");
  jsonw_append_string (out, r->submission);
  PUT (out, ",\"testset\":");
  jsonw_append_string (out, r->testset);
  PUT (out, ",\"item\":");
  jsonw_append_string (out, r->item);
  PUT (out, ",\"category\":");
  jsonw_append_string (out, r->category);
  PUT (out, ",\"kind\":");
  jsonw_append_string (out, item_kind_name (r->kind));
  PUT (out, ",\"hidden\":");
  jsonw_append_bool (out, r->hidden);
  PUT (out, ",\"variant\":");
  jsonw_append_string (out, r->variant);
  PUT (out, ",\"variant_kind\":");
  jsonw_append_string (out, r->variant_kind);
  PUT (out, ",\"score\":");
  jsonw_append_number (out, r->score);
  PUT (out, ",\"correct\":");
  jsonw_append_bool (out, r->correct);
  if (r->appeal > 0) {
    PUT (out, ",\"judged_correct\":");
    jsonw_append_bool (out, r->judged_correct);
    PUT (out, ",\"appeal\":");
    jsonw_append_number (out, (double) r->appeal);
  }
  PUT (out, ",\"lenient_score\":");
  jsonw_append_number (out, r->lenient_score);
  PUT (out, ",\"contradictions\":");
  jsonw_append_number (out, (double) r->contradictions);
  PUT (out, ",\"off_topic\":");
  jsonw_append_number (out, (double) r->off_topic);
  PUT (out, ",\"unaccented\":");
  jsonw_append_number (out, (double) r->unaccented);
  if (r->canary > 0) {
    PUT (out, ",\"canary\":");
    jsonw_append_number (out, (double) r->canary);
  }
  PUT (out, ",\"error_class\":");
  jsonw_append_string_or_null (out, failure_name (r->error_class));
  PUT (out, ",\"requests\":");
  jsonw_append_number (out, (double) r->requests);
  PUT (out, ",\"failed_requests\":");
  jsonw_append_number (out, (double) r->failed_requests);
  PUT (out, ",\"latency_us\":[");
  for (guint i = 0; i < r->n_latency; i++) {
    if (i > 0)
      g_string_append_c (out, ',');
    jsonw_append_number (out, r->latency_us[i]);
  }
  PUT (out, "],\"turns\":[");
  for (guint i = 0; i < r->n_turns; i++) {
    if (i > 0)
      g_string_append_c (out, ',');
    turn_append (out, &r->turns[i]);
  }
  PUT (out, "]}");
}

/* ---- reading ---- */

static const char *
str_of (const cJSON *v)
{
  return cJSON_IsString (v) ? v->valuestring : NULL;
}

static double
num_of (const cJSON *v, double absent)
{
  return cJSON_IsNumber (v) && isfinite (v->valuedouble) ? v->valuedouble
                                                         : absent;
}

/* An integer count; anything else (2.5, 1e300) reads as absent. */
static gint64
count_of (const cJSON *v, gint64 absent)
{
  double d = num_of (v, NAN);
  return !isnan (d) && d == floor (d) && fabs (d) <= 9007199254740992.0
             ? (gint64) d
             : absent;
}

static gboolean
bool_of (const cJSON *v)
{
  return cJSON_IsTrue (v);
}

static FailureClass
failure_of (const cJSON *v)
{
  FailureClass c;
  return failure_parse (str_of (v), &c) ? c : FAILURE_OTHER;
}

static gboolean
required (const cJSON *v, const char *name, const char **out, GError **error)
{
  *out = str_of (v);
  if (*out != NULL)
    return TRUE;
  g_set_error (error, JSONL_ERROR,
               v ? JSONL_ERROR_TYPE : JSONL_ERROR_MISSING,
               "field \"%s\": %s", name, v ? "expected a string" : "missing");
  return FALSE;
}

static void
decode_turns (const cJSON *turns, ScoreRecord *r)
{
  guint n = 0;
  const cJSON *t;
  cJSON_ArrayForEach (t, turns)
    n += cJSON_IsObject (t);
  ScoreTurn *out = g_new0 (ScoreTurn, MAX (n, 1));
  n = 0;
  cJSON_ArrayForEach (t, turns)
  {
    if (!cJSON_IsObject (t))
      continue;
    const cJSON *m[TF_N];
    jsonl_get_members (t, turn_fields, TF_N, m);
    ScoreTurn *st = &out[n++];
    st->turn = (guint) CLAMP (count_of (m[TF_TURN], 0), 0, G_MAXUINT);
    st->question = str_of (m[TF_QUESTION]);
    st->answer = str_of (m[TF_ANSWER]);
    st->answer_len = st->answer ? strlen (st->answer) : 0;
    st->error_class = failure_of (m[TF_ERROR_CLASS]);
    st->judgement_tree = cJSON_IsObject (m[TF_JUDGEMENT]) ? m[TF_JUDGEMENT]
                                                          : NULL;
  }
  r->turns = out;
  r->n_turns = n;
}

static void
decode_latency (const cJSON *lat, ScoreRecord *r)
{
  double *us = g_new (double, MAX (cJSON_GetArraySize (lat), 1));
  guint n = 0;
  const cJSON *list = cJSON_IsArray (lat) ? lat : NULL, *v;
  cJSON_ArrayForEach (v, list)
    if (cJSON_IsNumber (v))
      us[n++] = v->valuedouble;
  r->latency_us = us;
  r->n_latency = n;
}

gboolean
score_record_decode (const cJSON *obj, ScoreRecord *r, GError **error)
{
  *r = (ScoreRecord) { 0 };
  const cJSON *m[SF_N];
  jsonl_get_members (obj, record_fields, SF_N, m);
  if (!required (m[SF_SUBMISSION], record_fields[SF_SUBMISSION],
                 &r->submission, error)
      || !required (m[SF_ITEM], record_fields[SF_ITEM], &r->item, error))
    return FALSE;
  r->testset = str_of (m[SF_TESTSET]);
  r->category = str_of (m[SF_CATEGORY]);
  (void) item_kind_parse (str_of (m[SF_KIND]), &r->kind);
  r->hidden = bool_of (m[SF_HIDDEN]);
  r->variant = str_of (m[SF_VARIANT]);
  r->variant_kind = str_of (m[SF_VARIANT_KIND]);
  r->score = num_of (m[SF_SCORE], 0);
  r->correct = bool_of (m[SF_CORRECT]);
  r->lenient_score = num_of (m[SF_LENIENT_SCORE], 0);
  r->lenient_correct = bool_of (m[SF_LENIENT_CORRECT]);
  r->contradictions = count_of (m[SF_CONTRADICTIONS], 0);
  r->off_topic = count_of (m[SF_OFF_TOPIC], 0);
  r->unaccented = count_of (m[SF_UNACCENTED], 0);
  r->canary = count_of (m[SF_CANARY], 0);
  r->appeal = (guint64) MAX (count_of (m[SF_APPEAL], 0), 0);
  r->judged_correct = r->appeal > 0 ? bool_of (m[SF_JUDGED_CORRECT])
                                    : r->correct;
  r->error_class = failure_of (m[SF_ERROR_CLASS]);
  r->requests = count_of (m[SF_REQUESTS], 1);
  r->failed_requests = count_of (m[SF_FAILED_REQUESTS], 0);
  decode_latency (m[SF_LATENCY], r);
  decode_turns (m[SF_TURNS], r);
  return TRUE;
}

void
score_record_clear (ScoreRecord *r)
{
  g_free ((gpointer) r->latency_us);
  g_free ((gpointer) r->turns);
  r->latency_us = NULL;
  r->turns = NULL;
}

typedef struct {
  ScoreRecordFunc func;
  gpointer user;
} ReadCtx;

static gboolean
read_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  ReadCtx *c = user;
  ScoreRecord r;
  if (!score_record_decode (obj, &r, error))
    return FALSE;
  gboolean ok = c->func (&r, c->user, error);
  score_record_clear (&r);
  return ok;
}

gboolean
score_record_read (const char *dir, ScoreRecordFunc func, gpointer user,
                   GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_SCORES);
  ReadCtx c = { func, user };
  gboolean torn = FALSE;
  return jsonl_read_file (path, read_line, &c, &torn, error);
}

/* ---- copies ---- */

/* A copy and what it owns; rec comes first so that a ScoreRecord * of a
 * copy is the copy. */
typedef struct {
  ScoreRecord rec;
  GStringChunk *strings;
  ScoreTurn *turns;
  cJSON **trees;
  double *latency;
} ScoreCopy;

static const char *
keep (GStringChunk *c, const char *s)
{
  return s ? g_string_chunk_insert (c, s) : NULL;
}

ScoreRecord *
score_record_copy (const ScoreRecord *r)
{
  ScoreCopy *c = g_new0 (ScoreCopy, 1);
  c->rec = *r;
  c->strings = g_string_chunk_new (512);
  c->rec.submission = keep (c->strings, r->submission);
  c->rec.testset = keep (c->strings, r->testset);
  c->rec.item = keep (c->strings, r->item);
  c->rec.category = keep (c->strings, r->category);
  c->rec.variant = keep (c->strings, r->variant);
  c->rec.variant_kind = keep (c->strings, r->variant_kind);
  c->latency = g_memdup2 (r->latency_us, r->n_latency * sizeof (double));
  c->rec.latency_us = c->latency;
  c->turns = g_new0 (ScoreTurn, MAX (r->n_turns, 1));
  c->trees = g_new0 (cJSON *, MAX (r->n_turns, 1));
  for (guint i = 0; i < r->n_turns; i++) {
    ScoreTurn *t = &c->turns[i];
    *t = r->turns[i];
    t->question = keep (c->strings, t->question);
    if (t->answer) {
      gsize len = t->answer_len ? t->answer_len : strlen (t->answer);
      t->answer = g_string_chunk_insert_len (c->strings, t->answer,
                                             (gssize) len);
      t->answer_len = len;
    }
    if (t->judgement)
      t->judgement = g_string_chunk_insert_len (c->strings, t->judgement,
                                                (gssize) t->judgement_len);
    c->trees[i] = t->judgement_tree ? cJSON_Duplicate (t->judgement_tree,
                                                       TRUE)
                                    : NULL;
    t->judgement_tree = c->trees[i];
  }
  c->rec.turns = c->turns;
  return &c->rec;
}

void
score_record_free (ScoreRecord *r)
{
  if (r == NULL)
    return;
  ScoreCopy *c = (ScoreCopy *) r;
  for (guint i = 0; i < r->n_turns; i++)
    cJSON_Delete (c->trees[i]);
  g_free (c->trees);
  g_free (c->turns);
  g_free (c->latency);
  g_string_chunk_free (c->strings);
  g_free (c);
}
