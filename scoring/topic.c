/* A set's topics (scoring/judge.h, scoring/topic.h). A garbled question can
 * make an assistant retrieve another procedure and answer with its text;
 * when that procedure's figures happen to equal the asked one's, only the
 * subject tells the answer is wrong. The subject is read from the names of
 * the set's topics in the answer; a name inside a longer name of another
 * topic ("tạm trú" inside "gia hạn tạm trú") counts for the longer. */
#include "scoring/topic.h"

#include "scoring/claims.h"
#include "scoring/cues.h"
#include "scoring/match.h"
#include "scoring/names.h"
#include "scoring/normalize.h"
#include "scoring/numbers.h"

#include <string.h>

typedef struct {
  char *id, *name;
  Aliases *aliases; /* the name and the aliases, phrase forms */
  char *signature;  /* name and aliases as given, to compare definitions */
  GArray *values;   /* Quantity: figures the set's keys of the topic state */
} Topic;

struct _JudgeTopics {
  gint ref;
  GPtrArray *order;  /* Topic*, in definition order */
  GHashTable *by_id; /* id → Topic* (borrowed) */
};

static void
topic_free (Topic *t)
{
  g_free (t->id);
  g_free (t->name);
  g_free (t->signature);
  judge_aliases_unref (t->aliases);
  g_array_unref (t->values);
  g_free (t);
}

JudgeTopics *
judge_topics_new (void)
{
  JudgeTopics *t = g_new0 (JudgeTopics, 1);
  t->ref = 1;
  t->order = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_free);
  t->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return t;
}

JudgeTopics *
judge_topics_ref (JudgeTopics *t)
{
  if (t)
    g_atomic_int_inc (&t->ref);
  return t;
}

void
judge_topics_unref (JudgeTopics *t)
{
  if (t == NULL || !g_atomic_int_dec_and_test (&t->ref))
    return;
  g_hash_table_unref (t->by_id);
  g_ptr_array_unref (t->order);
  g_free (t);
}

gboolean
judge_topics_has (const JudgeTopics *t, const char *id)
{
  return t && id && g_hash_table_contains (t->by_id, id);
}

const char *
judge_topics_name (const JudgeTopics *t, const char *id)
{
  const Topic *tp = t && id ? g_hash_table_lookup (t->by_id, id) : NULL;
  return tp ? tp->name : NULL;
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || id[0] == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

gboolean
judge_topics_add (JudgeTopics *t, const char *id, const cJSON *def,
                  GError **error)
{
  if (id == NULL) { /* an inline {"id", "name", "aliases"} */
    id = cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (def, "id"));
    if (id == NULL) {
      g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD,
                   "field \"topic.id\": missing");
      return FALSE;
    }
  }
  g_autofree char *path = g_strdup_printf ("topics.%s", id);
  if (!valid_id (id)) {
    g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD,
                 "field \"%s\": an id is lower-case letters, digits and '-'",
                 path);
    return FALSE;
  }
  const char *name = cJSON_GetStringValue (
      cJSON_GetObjectItemCaseSensitive (def, "name"));
  const cJSON *aliases = cJSON_GetObjectItemCaseSensitive (def, "aliases");
  if (!cJSON_IsObject (def) || name == NULL || name[0] == '\0'
      || !g_utf8_validate (name, -1, NULL)) {
    g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD,
                 "field \"%s.name\": expected a non-empty string", path);
    return FALSE;
  }
  for (const cJSON *c = def->child; c; c = c->next)
    if (strcmp (c->string, "name") && strcmp (c->string, "aliases")
        && strcmp (c->string, "id") && strcmp (c->string, "note")) {
      g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD,
                   "field \"%s.%s\": unknown field for a topic", path,
                   c->string);
      return FALSE;
    }
  g_autoptr (cJSON) all = cJSON_CreateArray ();
  cJSON_AddItemToArray (all, cJSON_CreateString (name));
  if (aliases != NULL && !cJSON_IsArray (aliases)) {
    g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD,
                 "field \"%s.aliases\": expected an array of strings", path);
    return FALSE;
  }
  for (const cJSON *a = aliases ? aliases->child : NULL; a; a = a->next)
    cJSON_AddItemToArray (all, cJSON_Duplicate (a, FALSE));
  /* printed by cJSON, whose memory may belong to the loader's per-line
   * scope (util/cjson_scope.h): copied into GLib's */
  char *printed = cJSON_PrintUnformatted (all);
  g_autofree char *sig = g_strdup (printed);
  cJSON_free (printed);
  Topic *known = g_hash_table_lookup (t->by_id, id);
  if (known != NULL) {
    if (strcmp (known->signature, sig) == 0)
      return TRUE;
    g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD,
                 "field \"%s\": defined twice, differently", path);
    return FALSE;
  }
  g_autofree char *apath = g_strdup_printf ("%s.aliases", path);
  Aliases *al = judge_aliases_from_json (all, apath, error);
  if (al == NULL)
    return FALSE;
  Topic *tp = g_new0 (Topic, 1);
  tp->id = g_strdup (id);
  tp->name = g_strdup (name);
  tp->aliases = al;
  tp->signature = g_steal_pointer (&sig);
  tp->values = g_array_new (FALSE, FALSE, sizeof (Quantity));
  g_ptr_array_add (t->order, tp);
  g_hash_table_insert (t->by_id, tp->id, tp);
  return TRUE;
}

gboolean
judge_topics_read (JudgeTopics *t, const cJSON *topics, GError **error)
{
  if (!cJSON_IsObject (topics)) {
    g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD,
                 "field \"topics\": expected an object of id → {\"name\", "
                 "\"aliases\"}");
    return FALSE;
  }
  for (const cJSON *c = topics->child; c; c = c->next)
    if (!judge_topics_add (t, c->string, c, error))
      return FALSE;
  return TRUE;
}

/* ---- what the set knows of a topic ---------------------------------------- */

static void
learn (Topic *tp, const Quantity *q)
{
  for (guint i = 0; i < tp->values->len; i++) {
    const Quantity *k = &g_array_index (tp->values, Quantity, i);
    if (k->unit == q->unit && judge_same_amount (k->value, q->value, q->unit))
      return;
  }
  g_array_append_val (tp->values, *q);
}

/* A phrase that is one figure and nothing else ("02 năm", "mười năm"):
 * a key that requires it states the figure as true. */
static void
learn_phrase (Topic *tp, const char *phrase)
{
  g_autofree char *norm = normalize_text (phrase, FALSE);
  g_autoptr (GArray) found = numbers_scan (norm, FALSE);
  if (found->len != 1)
    return;
  const NumbersMention *m = &g_array_index (found, NumbersMention, 0);
  if (m->start == 0 && m->end == strlen (norm) && m->bound == NUMBERS_EXACT)
    learn (tp, &(Quantity) {m->hi, m->unit});
}

/* The right option's text, and every alias of a required phrase fact. */
static void
learn_phrases (Topic *tp, const JudgeKey *key, const Fact *f)
{
  if (f->type == FACT_PHRASE && f->required)
    for (guint k = 0; k < f->aliases->raw->len; k++)
      learn_phrase (tp, f->aliases->raw->pdata[k]);
  for (guint c = 0; f->type == FACT_CHOICE && key->choices
                    && c < key->choices->len; c++) {
    const Choice *ch = key->choices->pdata[c];
    if (g_strcmp0 (ch->letter, f->answer) == 0)
      learn_phrase (tp, ch->text->raw->pdata[0]);
  }
}

void
topic_learn_key (JudgeTopics *t, const char *id, const JudgeKey *key)
{
  Topic *tp = g_hash_table_lookup (t->by_id, id);
  for (guint i = 0; tp && i < key->facts->len; i++) {
    const Fact *f = key->facts->pdata[i];
    learn_phrases (tp, key, f);
    if (f->type != FACT_MONEY && f->type != FACT_DURATION)
      continue;
    learn (tp, &f->value);
    for (int c = 0; c < CH_N; c++)
      if (f->channel.has[c])
        learn (tp, &f->channel.q[c]);
    for (guint k = 0; f->others && k < f->others->len; k++)
      learn (tp, &g_array_index (f->others, Quantity, k));
  }
}

gboolean
topic_known_value (const JudgeTopics *t, const char *id, const Quantity *q)
{
  const Topic *tp = t && id ? g_hash_table_lookup (t->by_id, id) : NULL;
  for (guint i = 0; tp && i < tp->values->len; i++) {
    const Quantity *k = &g_array_index (tp->values, Quantity, i);
    if (k->unit == q->unit
        && (q->unit == NUMBERS_UNIT_SAME_DAY
            || judge_same_amount (k->value, q->value, q->unit)))
      return TRUE;
  }
  return FALSE;
}

/* ---- off-topic answers -------------------------------------------------------- */

gint
topic_index (const JudgeTopics *t, const char *id)
{
  for (guint k = 0; t && id && k < t->order->len; k++)
    if (strcmp (((const Topic *) t->order->pdata[k])->id, id) == 0)
      return (gint) k;
  return -1;
}

const char *
topic_name_at (const JudgeTopics *t, guint index)
{
  return index < t->order->len ? ((const Topic *) t->order->pdata[index])->name
                               : NULL;
}

static GArray *
part_hits (const JudgeTopics *t, const Answer *a, guint i, gboolean nested)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (TopicHit));
  if (t == NULL)
    return hits;
  const AnswerPart *p = answer_part (a, i);
  for (guint k = 0; k < t->order->len; k++) {
    const Topic *tp = t->order->pdata[k];
    guint w, n;
    if (judge_aliases_find_in (tp->aliases, a->lenient, p->phrase,
                               &p->phrase_words, &w, &n)
        < 0)
      continue;
    TopicHit h = {k, answer_source_word (p->phrase_src, w),
                  answer_source_word (p->phrase_src, w + n - 1) + 1};
    gboolean modifier = FALSE; /* "cơ quan đăng ký cư trú": an office */
    for (guint c = 0; c < p->cues->len && !modifier; c++) {
      const CueHit *ch = &g_array_index (p->cues, CueHit, c);
      modifier = ch->cls == CUE_MODIFIER && ch->w1 == h.w0;
    }
    if (!modifier)
      g_array_append_val (hits, h);
  }
  /* "tạm trú" inside "gia hạn tạm trú" belongs to the longer name */
  for (guint x = 0; !nested && x < hits->len;) {
    const TopicHit *hx = &g_array_index (hits, TopicHit, x);
    gboolean inside = FALSE;
    for (guint y = 0; y < hits->len && !inside; y++) {
      const TopicHit *hy = &g_array_index (hits, TopicHit, y);
      inside = hy->topic != hx->topic && hy->w1 - hy->w0 > hx->w1 - hx->w0
               && hy->w0 <= hx->w0 && hy->w1 >= hx->w1;
    }
    if (inside)
      g_array_remove_index (hits, x);
    else
      x++;
  }
  return hits;
}

GArray *
topic_part_hits (const JudgeTopics *t, const Answer *a, guint i)
{
  return part_hits (t, a, i, FALSE);
}

GArray *
topic_part_names (const JudgeTopics *t, const Answer *a, guint i)
{
  return part_hits (t, a, i, TRUE);
}

typedef struct {
  guint parts;        /* parts that name the topic */
  gboolean prominent; /* in the opening parts or a heading */
  gboolean heading;   /* in a heading: what the answer is about */
} Naming;

static const GArray *
hits_of (const JudgeTopics *t, const Answer *a, GPtrArray *cache, guint i)
{
  if (cache == NULL)
    return NULL;
  if (cache->len == 0)
    g_ptr_array_set_size (cache, (gint) a->parts->len);
  if (cache->pdata[i] == NULL)
    cache->pdata[i] = topic_part_hits (t, a, i);
  return cache->pdata[i];
}

/* history: a name told as history counts too (a yes or no is said of the
 * law the sentence names, ended or not: "Luật An ninh mạng 2018 đã hết
 * hiệu lực") */
static void
name_topics (const JudgeTopics *t, const Answer *a, GPtrArray *cache,
             gboolean history, Naming *nm)
{
  for (guint i = 0; i < a->parts->len; i++) {
    const AnswerPart *p = answer_part (a, i);
    const GArray *hits = hits_of (t, a, cache, i);
    g_autofree gboolean *seen = g_new0 (gboolean, t->order->len);
    for (guint x = 0; x < hits->len; x++) {
      const TopicHit *h = &g_array_index (hits, TopicHit, x);
      Polarity pol = claims_polarity (a, p, h->w0, h->w1);
      if (seen[h->topic]
          || (pol != POL_STATED && !(history && pol == POL_HISTORY)))
        continue;
      seen[h->topic] = TRUE;
      nm[h->topic].parts++;
      if (i <= 1 || p->kind == PART_HEADING)
        nm[h->topic].prominent = TRUE;
      if (p->kind == PART_HEADING)
        nm[h->topic].heading = TRUE;
    }
  }
}

static gboolean
states_value_of (const Topic *tp, const GArray *values)
{
  for (guint i = 0; values && i < values->len; i++) {
    const ValueClaim *c = &g_array_index (values, ValueClaim, i);
    if (c->polarity != POL_STATED)
      continue;
    for (guint k = 0; k < tp->values->len; k++) {
      const Quantity *q = &g_array_index (tp->values, Quantity, k);
      if (q->unit == c->m.unit && judge_same_amount (q->value, c->m.hi, q->unit))
        return TRUE;
    }
  }
  return FALSE;
}

static gboolean
assistants (const AnswerPart *p)
{
  return !p->quoted && p->kind != PART_GLOSS && p->words->len > 0;
}

/* The assistant's first part (a citizen's quoted turn and English
 * glosses not counted) opens with topic k as its subject: within its
 * first words ("Dạ, đăng ký khai sinh thì …", "Từ 1/3/2025, phiếu lý lịch
 * tư pháp do …"), not as an object further on ("… mang theo CCCD"). */
static gboolean
opens_about (const JudgeTopics *t, const Answer *a, GPtrArray *cache,
             guint k)
{
  gint first = -1;
  for (guint i = 0; i < a->parts->len && first < 0; i++)
    if (assistants (answer_part (a, i)))
      first = (gint) i;
  if (first < 0)
    return FALSE;
  const GArray *hits = hits_of (t, a, cache, (guint) first);
  for (guint x = 0; x < hits->len; x++) {
    const TopicHit *h = &g_array_index (hits, TopicHit, x);
    if (h->topic == k && h->w0 <= 5)
      return TRUE;
  }
  return FALSE;
}

/* Past a bare stance ("**Không.**", "Được bạn nhé."), the first part of
 * the assistant's opens with topic k as its subject ("Luật An ninh mạng
 * 2018 đã hết hiệu lực …"), not in passing ("… giống như khi đăng ký tạm
 * trú"). */
static gboolean
opens_after_stance (const JudgeTopics *t, const Answer *a, GPtrArray *cache,
                    guint k)
{
  for (guint i = 0; i < a->parts->len; i++) {
    const AnswerPart *p = answer_part (a, i);
    if (!assistants (p) || p->words->len <= 5)
      continue; /* "Không còn hiệu lực." */
    const GArray *hits = hits_of (t, a, cache, i);
    for (guint x = 0; x < hits->len; x++) {
      const TopicHit *h = &g_array_index (hits, TopicHit, x);
      if (h->topic == k && h->w0 <= 2)
        return TRUE;
    }
    return FALSE;
  }
  return FALSE;
}

const char *
topic_off (const JudgeKey *key, const Answer *a, const GArray *values,
           GPtrArray *hits, gboolean answered)
{
  const JudgeTopics *t = key->topics;
  if (t == NULL || key->topic == NULL || t->order->len < 2)
    return NULL;
  g_autofree Naming *nm = g_new0 (Naming, t->order->len);
  g_autoptr (GPtrArray) own = NULL;
  if (hits == NULL)
    hits = own = g_ptr_array_new_with_free_func (match_array_unref0);
  /* a yes or no said of another law or procedure is no answer: "Không.
   * Luật An ninh mạng 2018 đã hết hiệu lực …" to a press-law question */
  gboolean stance_only = key->facts->len > 0;
  for (guint i = 0; i < key->facts->len; i++) {
    const Fact *f = key->facts->pdata[i];
    if (f->required && f->type != FACT_POLARITY)
      stance_only = FALSE;
  }
  name_topics (t, a, hits, stance_only, nm);
  gint best = -1;
  gint own_topic = topic_index (t, key->topic);
  guint asked_parts = 0;
  for (guint k = 0; k < t->order->len; k++) {
    if (judge_key_asks_topic (key, k)) {
      /* a subject the question names in passing ("Giấy khai sinh … ghi
       * sai, muốn cải chính …") counts only against a more-named other */
      if ((gint) k != own_topic)
        asked_parts = MAX (asked_parts, nm[k].parts);
      continue;
    }
    if (best < 0 || nm[k].parts > nm[best].parts
        || (nm[k].parts == nm[best].parts && nm[k].prominent
            && !nm[best].prominent))
      best = (gint) k;
  }
  if (best < 0 || nm[best].parts == 0 || nm[best].parts <= asked_parts)
    return NULL;
  /* the answer names its own subject — unless only in passing, late,
   * while it opens on another and names it again and again or in its
   * title ("… làm thủ tục thay đổi hộ tịch riêng" at the end of a guide
   * to nhận cha, mẹ, con; "THỦ TỤC: GIA HẠN TẠM TRÚ") */
  const Naming *mine = own_topic >= 0 ? &nm[own_topic] : NULL;
  /* … or the answer opens on another procedure ("Về thủ tục đăng ký nhận
   * cha, mẹ, con …") and names it twice as often as its own, or more
   * often and in a title, never its own in its opening */
  gboolean titled = nm[best].prominent && opens_about (t, a, hits, (guint) best)
                    && mine != NULL && !mine->prominent
                    && (nm[best].parts >= 2 * mine->parts
                        /* "… – GIA HẠN TẠM TRÚ" titling a section too */
                        || (nm[best].heading && nm[best].parts > mine->parts));
  if (mine != NULL && mine->parts > 0 && !titled
      && (mine->prominent || mine->parts > 1
          || (nm[best].parts < 3 && !nm[best].heading)
          || !nm[best].prominent))
    return NULL;
  const Topic *other = t->order->pdata[best];
  /* an option's text names what it names: no subject to read */
  gboolean choices = key->choices != NULL && key->choices->len > 0;
  if (choices && !nm[best].heading)
    return NULL; /* a walk through the options names their procedures */
  gboolean off = nm[best].parts >= 3 || nm[best].heading
                 || (nm[best].prominent
                     && (nm[best].parts >= 2
                         || (stance_only
                             && opens_after_stance (t, a, hits, (guint) best))
                         || states_value_of (other, values)
                         || (!answered && !choices
                             && opens_about (t, a, hits, (guint) best))));
  return off ? other->id : NULL;
}
