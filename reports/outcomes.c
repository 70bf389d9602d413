#include "reports/outcomes.h"

#include <string.h>

#include "rundir/score_record.h"

/* Values pack two bits so 170k records cost little: bit 0 correct, bit 1
 * hidden, bit 2 always set (a present entry is never NULL). */
#define OUT_CORRECT 1u
#define OUT_HIDDEN 2u
#define OUT_PRESENT 4u

struct _Outcomes {
  gboolean clean_only;
  GHashTable *subs; /* id → GHashTable (key → packed bits) */
};

static void
table_unref (gpointer p)
{
  g_hash_table_unref (p);
}

static gboolean
load_record (const ScoreRecord *rec, gpointer user, GError **error)
{
  Outcomes *o = user;
  const char *variant = rec->variant ? rec->variant : "clean";
  if (o->clean_only && strcmp (variant, "clean") != 0)
    return TRUE;
  GHashTable *t = g_hash_table_lookup (o->subs, rec->submission);
  if (t == NULL) {
    t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_hash_table_insert (o->subs, g_strdup (rec->submission), t);
  }
  guint bits = OUT_PRESENT;
  if (rec->correct)
    bits |= OUT_CORRECT;
  if (rec->hidden)
    bits |= OUT_HIDDEN;
  g_hash_table_insert (t, g_strdup_printf ("%s/%s/%s",
                                           rec->testset ? rec->testset : "",
                                           rec->item, variant),
                       GUINT_TO_POINTER (bits));
  return TRUE;
}

Outcomes *
outcomes_load (const char *run_dir, gboolean clean_only, GError **error)
{
  Outcomes *o = g_new0 (Outcomes, 1);
  o->clean_only = clean_only;
  o->subs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   table_unref);
  g_autoptr (GError) local = NULL;
  if (!score_record_read (run_dir, load_record, o, &local)) {
    g_set_error (error, REPORT_ERROR, REPORT_ERROR_INPUT, "%s",
                 local->message);
    outcomes_free (o);
    return NULL;
  }
  return o;
}

void
outcomes_free (Outcomes *o)
{
  if (o == NULL)
    return;
  g_hash_table_unref (o->subs);
  g_free (o);
}

static void
flip_free (gpointer p)
{
  OutcomeFlip *f = p;
  g_free (f->key);
  g_free (f);
}

static int
flip_cmp (gconstpointer a, gconstpointer b)
{
  const OutcomeFlip *fa = *(OutcomeFlip *const *) a;
  const OutcomeFlip *fb = *(OutcomeFlip *const *) b;
  return strcmp (fa->key, fb->key);
}

GPtrArray *
outcomes_flips (const Outcomes *base, const Outcomes *cur, const char *sub,
                guint *paired)
{
  GPtrArray *flips = g_ptr_array_new_with_free_func (flip_free);
  *paired = 0;
  GHashTable *tb = g_hash_table_lookup (base->subs, sub);
  GHashTable *tc = g_hash_table_lookup (cur->subs, sub);
  if (tb == NULL || tc == NULL)
    return flips;
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, tc);
  while (g_hash_table_iter_next (&it, &key, &value)) {
    guint now = GPOINTER_TO_UINT (value);
    guint then = GPOINTER_TO_UINT (g_hash_table_lookup (tb, key));
    if (then == 0)
      continue;
    (*paired)++;
    if ((now & OUT_CORRECT) == (then & OUT_CORRECT))
      continue;
    OutcomeFlip *f = g_new0 (OutcomeFlip, 1);
    f->key = g_strdup (key);
    f->hidden = ((now | then) & OUT_HIDDEN) != 0;
    f->now_correct = (now & OUT_CORRECT) != 0;
    g_ptr_array_add (flips, f);
  }
  g_ptr_array_sort (flips, flip_cmp);
  return flips;
}
