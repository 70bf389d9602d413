#include "scoring/review.h"

#include <string.h>

typedef enum {
  STATUS_NO_RECORD, /* no such record in this scoring */
  STATUS_APPLIED,
  STATUS_SUPERSEDED, /* a later decision on the same record */
  STATUS_FAILED,     /* the request failed: nothing to decide on */
} Status;

static const char *const status_names[] = {
  [STATUS_NO_RECORD] = "no_record", [STATUS_APPLIED] = "applied",
  [STATUS_SUPERSEDED] = "superseded", [STATUS_FAILED] = "failed_request",
};

typedef struct {
  const Appeal *a;
  Status status;
  int judged_now; /* −1 unknown, else the judge's verdict */
} Decision;

struct _Review {
  GArray *decisions; /* Decision, in file order */
  GHashTable *latest; /* record key → index of its latest decision */
  GString *key;
};

static void
key_of (GString *key, const char *sub, const char *set, const char *item,
        const char *variant)
{
  g_string_truncate (key, 0);
  const char *parts[] = { sub, set ? set : "", item,
                          variant ? variant : "clean" };
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++) {
    if (i > 0)
      g_string_append_c (key, '\037');
    g_string_append (key, parts[i]);
  }
}

Review *
review_new (const GPtrArray *appeals)
{
  Review *r = g_new0 (Review, 1);
  r->decisions = g_array_new (FALSE, TRUE, sizeof (Decision));
  r->latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->key = g_string_new (NULL);
  for (guint i = 0; appeals && i < appeals->len; i++) {
    const Appeal *a = g_ptr_array_index (appeals, i);
    Decision d = { a, STATUS_NO_RECORD, -1 };
    g_array_append_val (r->decisions, d);
    key_of (r->key, a->submission, a->testset, a->item, a->variant);
    gpointer before = NULL;
    if (g_hash_table_lookup_extended (r->latest, r->key->str, NULL, &before))
      g_array_index (r->decisions, Decision, GPOINTER_TO_UINT (before))
          .status = STATUS_SUPERSEDED;
    g_hash_table_insert (r->latest, g_strdup (r->key->str),
                         GUINT_TO_POINTER (i));
  }
  return r;
}

void
review_free (Review *r)
{
  if (r == NULL)
    return;
  g_array_unref (r->decisions);
  g_hash_table_unref (r->latest);
  g_string_free (r->key, TRUE);
  g_free (r);
}

gboolean
review_any (const Review *r)
{
  return r->decisions->len > 0;
}

void
review_record (Review *r, const ScoreRecord *rec, ScoreRecord *out)
{
  *out = *rec;
  if (r->decisions->len == 0)
    return;
  key_of (r->key, rec->submission, rec->testset, rec->item, rec->variant);
  gpointer at = NULL;
  if (!g_hash_table_lookup_extended (r->latest, r->key->str, NULL, &at))
    return;
  Decision *d = &g_array_index (r->decisions, Decision,
                                GPOINTER_TO_UINT (at));
  d->judged_now = rec->correct;
  if (rec->error_class != FAILURE_NONE) {
    d->status = STATUS_FAILED;
    return;
  }
  d->status = STATUS_APPLIED;
  out->judged_correct = rec->correct;
  out->correct = d->a->verdict;
  out->appeal = d->a->seq;
}

/* The few figures of a ranking a reader compares before and after. */
static cJSON *
compact (const cJSON *ranked)
{
  static const char *const keep[] = { "id",        "rank",
                                      "tie_group", "composite",
                                      "composite_ci", "accuracy",
                                      "correct",   "items" };
  cJSON *arr = cJSON_CreateArray ();
  const cJSON *sub;
  cJSON_ArrayForEach (sub, ranked)
  {
    cJSON *o = cJSON_CreateObject ();
    for (guint i = 0; i < G_N_ELEMENTS (keep); i++) {
      const cJSON *v = cJSON_GetObjectItemCaseSensitive (sub, keep[i]);
      if (v)
        cJSON_AddItemToObject (o, keep[i], cJSON_Duplicate (v, TRUE));
    }
    cJSON_AddItemToArray (arr, o);
  }
  return arr;
}

cJSON *
review_summary (const Review *r, const cJSON *before_ranked,
                const cJSON *before_ties)
{
  cJSON *o = cJSON_CreateObject ();
  guint n = r->decisions->len;
  cJSON_AddNumberToObject (o, "records", n);
  const Decision *last = n ? &g_array_index (r->decisions, Decision, n - 1)
                           : NULL;
  if (last)
    cJSON_AddStringToObject (o, "sha256", last->a->hash);
  else
    cJSON_AddNullToObject (o, "sha256");
  cJSON *list = cJSON_AddArrayToObject (o, "decisions");
  for (guint i = 0; i < n; i++) {
    const Decision *d = &g_array_index (r->decisions, Decision, i);
    cJSON *j = appeal_to_json (d->a);
    cJSON_AddStringToObject (j, "status", status_names[d->status]);
    if (d->judged_now < 0)
      cJSON_AddNullToObject (j, "judged_now");
    else
      cJSON_AddStringToObject (j, "judged_now",
                               appeal_verdict_name (d->judged_now));
    cJSON_AddItemToArray (list, j);
  }
  cJSON *before = cJSON_AddObjectToObject (o, "before");
  cJSON_AddItemToObject (before, "submissions", compact (before_ranked));
  cJSON_AddItemToObject (before, "ties",
                         before_ties ? cJSON_Duplicate (before_ties, TRUE)
                                     : cJSON_CreateArray ());
  return o;
}
