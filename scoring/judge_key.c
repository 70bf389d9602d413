/* Answer keys (scoring/judge_key.h): every fact field validated, the
 * phrases normalized in both forms, citation numbers made canonical, so
 * that judging reads no JSON. Errors name the field: `field
 * "facts[2].channel.truc_tuyen": expected a number ≥ 0`.
 *
 * A JudgeCompiler remembers alias lists across the keys of one set: sets
 * name the same agencies and forbidden phrases on item after item, and
 * normalizing a phrase is the dearest part of compiling a key. */
#include "scoring/judge_key.h"
#include "scoring/judge_fields.h"

#include "rundir/item_kind.h"
#include "scoring/citation.h"
#include "scoring/dates.h"
#include "scoring/normalize.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (vabench-judge-error-quark, judge_error)

const char *const judge_fact_type_names[FACT_N_TYPES] = {
  "money", "duration", "agency", "phrase", "citation", "list", "choice",
  "refusal", "polarity", "date",
};
const char *const judge_channel_names[CH_N] = {"truc_tiep", "truc_tuyen",
                                               "buu_chinh"};
const char *const judge_about_names[ABOUT_N] = {
  "fee", "fine", "total", "postage", "processing", "deadline", "validity",
  "extension", "delivery", "step",
};

/* ---- money and durations ---------------------------------------------------- */

/* One value in the fact's unit: a number, or for durations an object
 * {"value", "unit"} in another unit. */
static gboolean
parse_quantity (const cJSON *n, const char *path, const Fact *f, Quantity *q,
                GError **error)
{
  q->unit = f->value.unit;
  q->value = 0;
  if (cJSON_IsNumber (n) && isfinite (n->valuedouble) && n->valuedouble >= 0
      && n->valuedouble <= 1e15) {
    q->value = n->valuedouble;
    return TRUE;
  }
  if (cJSON_IsObject (n) && f->type == FACT_DURATION) {
    const char *u = NULL;
    if (!judge_fields_amount (n, path, "value", TRUE, &q->value, error)
        || !judge_fields_text (n, path, "unit", FALSE, &u, error))
      return FALSE;
    if (!numbers_duration_unit_from_name (u, &q->unit))
      return judge_fields_error (error, path, "unknown unit \"%s\"", u);
    return TRUE;
  }
  return judge_fields_error (error, path, f->type == FACT_DURATION
                                              ? "expected a number ≥ 0 or "
                                                "{\"value\", \"unit\"}"
                                              : "expected a number ≥ 0");
}

static gboolean
parse_others (const cJSON *obj, const char *path, Fact *f, GError **error)
{
  const cJSON *arr = judge_fields_member (obj, "other_values");
  f->others = g_array_new (FALSE, FALSE, sizeof (Quantity));
  if (arr == NULL)
    return TRUE;
  if (!cJSON_IsArray (arr))
    return judge_fields_member_error (error, path, "other_values",
                                      "expected an array of numbers");
  int i = 0;
  for (const cJSON *n = arr->child; n; n = n->next, i++) {
    g_autofree char *pi = g_strdup_printf ("%s.other_values[%d]", path, i);
    Quantity q;
    if (!parse_quantity (n, pi, f, &q, error))
      return FALSE;
    g_array_append_val (f->others, q);
  }
  return TRUE;
}

static int
channel_of (const char *name)
{
  for (int c = 0; c < CH_N; c++)
    if (strcmp (name, judge_channel_names[c]) == 0)
      return c;
  return -1;
}

static gboolean
parse_channels (const cJSON *obj, const char *path, const Fact *f,
                ChannelValues *cv, GError **error)
{
  memset (cv, 0, sizeof *cv);
  if (obj == NULL)
    return TRUE;
  if (!cJSON_IsObject (obj) || obj->child == NULL)
    return judge_fields_error (error, path,
                               "expected an object of channel → value "
                               "(truc_tiep, truc_tuyen, buu_chinh)");
  for (const cJSON *c = obj->child; c; c = c->next) {
    g_autofree char *pc = g_strdup_printf ("%s.%s", path, c->string);
    int ch = channel_of (c->string);
    if (ch < 0)
      return judge_fields_error (error, pc, "unknown channel (truc_tiep, "
                                 "truc_tuyen, buu_chinh)");
    if (!parse_quantity (c, pc, f, &cv->q[ch], error))
      return FALSE;
    cv->has[ch] = TRUE;
  }
  return TRUE;
}

static void
fact_case_free (FactCase *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  judge_aliases_unref (c->when);
  g_free (c);
}

static gboolean
parse_case (JudgeCompiler *jc, const cJSON *obj, const char *path,
            const Fact *f, FactCase *fc, GError **error)
{
  static const char *const allowed[] = {"name", "when", "value", "channel",
                                        "note", NULL};
  if (!cJSON_IsObject (obj))
    return judge_fields_error (error, path, "expected an object");
  for (const cJSON *c = obj->child; c; c = c->next) {
    gboolean ok = FALSE;
    for (const char *const *a = allowed; *a && !ok; a++)
      ok = strcmp (c->string, *a) == 0;
    if (!ok) {
      g_autofree char *p = g_strdup_printf ("%s.%s", path, c->string);
      return judge_fields_error (error, p, "unknown field for a case");
    }
  }
  const char *name = NULL;
  if (!judge_fields_text (obj, path, "name", FALSE, &name, error))
    return FALSE;
  fc->name = g_strdup (name);
  const cJSON *when = judge_fields_member (obj, "when");
  if (when == NULL)
    return judge_fields_member_error (error, path, "when",
                                      "missing: the phrases that "
                                      "name the case");
  g_autofree char *pw = g_strdup_printf ("%s.when", path);
  if (!judge_fields_aliases (jc, when, pw, FALSE, &fc->when, error))
    return FALSE;
  const cJSON *v = judge_fields_member (obj, "value");
  if (v != NULL) {
    g_autofree char *pv = g_strdup_printf ("%s.value", path);
    if (!parse_quantity (v, pv, f, &fc->value, error))
      return FALSE;
    fc->has_value = TRUE;
  }
  g_autofree char *pch = g_strdup_printf ("%s.channel", path);
  if (!parse_channels (judge_fields_member (obj, "channel"), pch, f,
                       &fc->channel, error))
    return FALSE;
  gboolean any = fc->has_value;
  for (int c = 0; c < CH_N; c++)
    any = any || fc->channel.has[c];
  return any ? TRUE
             : judge_fields_error (error, path,
                                   "a case needs a value or channel "
                                   "values");
}

static gboolean
parse_cases (JudgeCompiler *jc, const cJSON *obj, const char *path, Fact *f,
             GError **error)
{
  const cJSON *arr = judge_fields_member (obj, "cases");
  if (arr == NULL)
    return TRUE;
  if (!cJSON_IsArray (arr))
    return judge_fields_member_error (error, path, "cases",
                                      "expected an array");
  f->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) fact_case_free);
  int i = 0;
  for (const cJSON *c = arr->child; c; c = c->next, i++) {
    g_autofree char *pc = g_strdup_printf ("%s.cases[%d]", path, i);
    FactCase *fc = g_new0 (FactCase, 1);
    g_ptr_array_add (f->cases, fc);
    if (!parse_case (jc, c, pc, f, fc, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
parse_about (const cJSON *obj, const char *path, Fact *f, GError **error)
{
  const char *about = NULL;
  f->about = f->type == FACT_MONEY ? ABOUT_FEE : ABOUT_PROCESSING;
  if (!judge_fields_text (obj, path, "about", TRUE, &about, error))
    return FALSE;
  if (about == NULL)
    return TRUE;
  f->about_given = TRUE;
  int lo = f->type == FACT_MONEY ? ABOUT_FEE : ABOUT_PROCESSING;
  int hi = f->type == FACT_MONEY ? ABOUT_POSTAGE : ABOUT_STEP;
  for (int a = lo; a <= hi; a++)
    if (strcmp (about, judge_about_names[a]) == 0) {
      f->about = (About) a;
      return TRUE;
    }
  return judge_fields_member_error (error, path, "about", f->type == FACT_MONEY
                                        ? "\"%s\" is not fee, fine, total or "
                                          "postage"
                                        : "\"%s\" is not processing, deadline, "
                                          "validity, "
                                          "extension, delivery or step", about);
}

static gboolean
parse_quantity_fact (JudgeCompiler *jc, const cJSON *obj, const char *path,
                     Fact *f, GError **error)
{
  if (f->type == FACT_MONEY) {
    const char *cur = NULL;
    f->value.unit = NUMBERS_UNIT_VND;
    if (!judge_fields_text (obj, path, "currency", TRUE, &cur, error))
      return FALSE;
    if (cur && g_ascii_strcasecmp (cur, "VND") != 0)
      return judge_fields_member_error (error, path, "currency",
                                        "only \"VND\" is supported, found "
                                        "\"%s\"", cur);
  } else {
    const char *unit = NULL;
    if (!judge_fields_text (obj, path, "unit", FALSE, &unit, error))
      return FALSE;
    if (!numbers_duration_unit_from_name (unit, &f->value.unit))
      return judge_fields_member_error (error, path, "unit",
                                        "unknown unit \"%s\" (working_day, "
                                        "day, hour, "
                                        "week, month, same_day)", unit);
  }
  gboolean optional = f->value.unit == NUMBERS_UNIT_SAME_DAY;
  if (!judge_fields_amount (obj, path, "value", optional, &f->value.value,
                            error)
      || !parse_others (obj, path, f, error) || !parse_about (obj, path, f,
                                                              error)
      || !parse_cases (jc, obj, path, f, error))
    return FALSE;
  g_autofree char *pch = g_strdup_printf ("%s.channel", path);
  return parse_channels (judge_fields_member (obj, "channel"), pch, f,
                         &f->channel, error);
}

/* ---- names, citations, lists, choices, stances, dates ------------------------- */

static gboolean
parse_any_of (JudgeCompiler *jc, const cJSON *obj, const char *path, Fact *f,
              gboolean optional, GError **error)
{
  const cJSON *arr = judge_fields_member (obj, "any_of");
  if (arr == NULL && optional) {
    f->aliases = judge_fields_aliases_new (FALSE);
    return TRUE;
  }
  if (arr == NULL)
    return judge_fields_member_error (error, path, "any_of", "missing");
  g_autofree char *p = g_strdup_printf ("%s.any_of", path);
  return judge_fields_aliases (jc, arr, p, f->type == FACT_AGENCY, &f->aliases,
                               error);
}

/* A trailing year ("… 2020", "… năm 2020"), compiled once for every key. */
static GRegex *
year_suffix_regex (void)
{
  static GRegex *year;
  if (g_once_init_enter (&year)) {
    GRegex *re = g_regex_new ("\\s*(năm\\s*)?(19|20)[0-9]{2}\\s*$",
                              G_REGEX_OPTIMIZE, 0, NULL);
    g_assert (re != NULL); /* a constant pattern */
    g_once_init_leave (&year, re);
  }
  return year;
}

static gboolean
parse_citation (const cJSON *obj, const char *path, Fact *f, GError **error)
{
  const char *doc = NULL;
  if (!judge_fields_text (obj, path, "doc", FALSE, &doc, error))
    return FALSE;
  f->doc = g_strdup (doc);
  g_autofree char *norm = normalize_text (doc, FALSE);
  f->doc_canonical = citation_canonical (norm);
  /* A document named without a number ("Luật Cư trú 2020") is matched by
   * its name, with or without the year. */
  f->aliases = judge_fields_aliases_new (FALSE);
  g_autofree char *bare = g_regex_replace (year_suffix_regex (), doc, -1, 0,
                                           "", 0, NULL);
  if (!judge_fields_aliases_add (f->aliases, doc))
    return judge_fields_member_error (error, path, "doc",
                                      "\"%s\" has no letter or digit",
                                      doc);
  if (bare && strcmp (bare, doc) != 0)
    (void) judge_fields_aliases_add (f->aliases, bare);
  return TRUE;
}

static gboolean
parse_list (JudgeCompiler *jc, const cJSON *obj, const char *path, Fact *f,
            GError **error)
{
  g_autofree char *p = g_strdup_printf ("%s.items", path);
  const cJSON *arr = judge_fields_member (obj, "items");
  if (arr == NULL)
    return judge_fields_error (error, p, "missing");
  if (!cJSON_IsArray (arr) || arr->child == NULL)
    return judge_fields_error (error, p, "expected a non-empty array");
  f->items = g_ptr_array_new_with_free_func ((GDestroyNotify) judge_aliases_unref);
  int i = 0;
  for (const cJSON *it = arr->child; it; it = it->next, i++) {
    g_autofree char *pi = g_strdup_printf ("%s[%d]", p, i);
    Aliases *a = NULL;
    if (cJSON_IsString (it)) { /* one name, no aliases */
      a = judge_fields_aliases_new (FALSE);
      if (!judge_fields_aliases_add (a, it->valuestring)) {
        judge_aliases_unref (a);
        return judge_fields_error (error, pi, "has no letter or digit");
      }
    } else if (!judge_fields_aliases (jc, it, pi, FALSE, &a, error))
      return FALSE;
    g_ptr_array_add (f->items, a);
  }
  f->min_recall = 1;
  if (!judge_fields_amount (obj, path, "min_recall", TRUE, &f->min_recall,
                            error))
    return FALSE;
  if (f->min_recall <= 0 || f->min_recall > 1)
    return judge_fields_member_error (error, path, "min_recall",
                                      "expected a number in (0, 1], found %g",
                                      f->min_recall);
  return TRUE;
}

static gboolean
parse_choice (const cJSON *obj, const char *path, const JudgeKey *key,
              Fact *f, GError **error)
{
  const char *ans = NULL;
  if (!judge_fields_text (obj, path, "answer", FALSE, &ans, error))
    return FALSE;
  if (key->choices->len == 0)
    return judge_fields_error (error, "choices",
                               "missing: a choice fact needs the item's "
                               "choices");
  f->answer = g_ascii_strup (ans, -1);
  for (guint i = 0; i < key->choices->len; i++)
    if (strcmp (((Choice *) key->choices->pdata[i])->letter, f->answer) == 0)
      return TRUE;
  return judge_fields_member_error (error, path, "answer",
                                    "\"%s\" is not one of the choices", ans);
}

static gboolean
parse_polarity (const cJSON *obj, const char *path, Fact *f, GError **error)
{
  const char *v = NULL;
  if (!judge_fields_text (obj, path, "value", FALSE, &v, error))
    return FALSE;
  if (strcmp (v, "yes") != 0 && strcmp (v, "no") != 0)
    return judge_fields_member_error (error, path, "value",
                                      "expected \"yes\" or \"no\", found "
                                      "\"%s\"", v);
  f->yes = strcmp (v, "yes") == 0;
  return TRUE;
}

static gboolean
parse_date (const cJSON *obj, const char *path, Fact *f, GError **error)
{
  const char *v = NULL;
  if (!judge_fields_text (obj, path, "value", FALSE, &v, error))
    return FALSE;
  if (!dates_parse_iso (v, &f->year, &f->month, &f->day))
    return judge_fields_member_error (error, path, "value",
                                      "expected a date YYYY-MM-DD, found "
                                      "\"%s\"", v);
  return TRUE;
}

static void
choice_free (Choice *c)
{
  if (c == NULL)
    return;
  g_free (c->letter);
  g_free (c->norm);
  judge_aliases_unref (c->text);
  g_free (c);
}

static gboolean
parse_choices (const cJSON *choices, JudgeKey *key, GError **error)
{
  key->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  if (choices == NULL || cJSON_IsNull (choices))
    return TRUE;
  if (!cJSON_IsObject (choices))
    return judge_fields_error (error, "choices", "expected an object");
  for (const cJSON *c = choices->child; c; c = c->next) {
    g_autofree char *p = g_strdup_printf ("choices.%s", c->string);
    gsize n = strlen (c->string);
    if (n == 0 || n > 2 || !g_ascii_isalpha (c->string[0]))
      return judge_fields_error (error, p, "expected a letter as the key");
    if (!cJSON_IsString (c) || !g_utf8_validate (c->valuestring, -1, NULL))
      return judge_fields_error (error, p, "expected a string");
    Choice *ch = g_new0 (Choice, 1);
    ch->letter = g_ascii_strup (c->string, -1);
    ch->text = judge_fields_aliases_new (FALSE);
    ch->norm = normalize_text (c->valuestring, FALSE);
    g_ptr_array_add (key->choices, ch);
    if (!judge_fields_aliases_add (ch->text, c->valuestring))
      return judge_fields_error (error, p, "has no letter or digit");
  }
  return TRUE;
}

/* ---- facts ----------------------------------------------------------------- */

static void
fact_free (Fact *f)
{
  if (f == NULL)
    return;
  if (f->others)
    g_array_unref (f->others);
  if (f->cases)
    g_ptr_array_unref (f->cases);
  judge_aliases_unref (f->aliases);
  g_free (f->doc);
  g_free (f->doc_canonical);
  if (f->items)
    g_ptr_array_unref (f->items);
  if (f->allowed)
    g_ptr_array_unref (f->allowed);
  g_free (f->answer);
  g_free (f->reason);
  g_free (f->expected);
  g_free (f);
}

static gboolean
parse_type (const cJSON *obj, const char *path, FactType *t, GError **error)
{
  const cJSON *n = judge_fields_member (obj, "type");
  if (n == NULL)
    return judge_fields_member_error (error, path, "type", "missing");
  if (!cJSON_IsString (n))
    return judge_fields_member_error (error, path, "type", "expected a string");
  for (int i = 0; i < FACT_N_TYPES; i++)
    if (strcmp (n->valuestring, judge_fact_type_names[i]) == 0) {
      *t = (FactType) i;
      return TRUE;
    }
  g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FACT_TYPE,
               "field \"%s.type\": unknown fact type \"%s\"", path,
               n->valuestring);
  return FALSE;
}

static gboolean
parse_common (const cJSON *obj, const char *path, Fact *f, GError **error)
{
  f->required = TRUE;
  f->weight = 1;
  const cJSON *req = judge_fields_member (obj, "required");
  if (req && !cJSON_IsBool (req))
    return judge_fields_member_error (error, path, "required",
                                      "expected a boolean");
  if (req)
    f->required = cJSON_IsTrue (req);
  const char *reason = NULL;
  if (!judge_fields_amount (obj, path, "weight", TRUE, &f->weight, error)
      || !judge_fields_text (obj, path, "reason", TRUE, &reason, error))
    return FALSE;
  f->reason = g_strdup (reason);
  const cJSON *note = judge_fields_member (obj, "note");
  if (note && !cJSON_IsString (note))
    return judge_fields_member_error (error, path, "note", "expected a string");
  const cJSON *src = judge_fields_member (obj, "source");
  gboolean src_ok = src == NULL || cJSON_IsString (src);
  for (const cJSON *s = cJSON_IsArray (src) ? src->child : NULL; s; s = s->next)
    src_ok = cJSON_IsString (s);
  if (src != NULL && !cJSON_IsArray (src) && !cJSON_IsString (src))
    src_ok = FALSE;
  if (!src_ok)
    return judge_fields_member_error (error, path, "source",
                                      "expected a source id or an array of "
                                      "them");
  return TRUE;
}

/* Types a rule of each list may have. */
enum { IN_FACTS, IN_FORBID, IN_ALLOWED };

static Fact *parse_fact (JudgeCompiler *jc, const cJSON *obj,
                         const char *path, const JudgeKey *key, int where,
                         GError **error);

static gboolean
parse_allowed (JudgeCompiler *jc, const cJSON *obj, const char *path,
               const JudgeKey *key, Fact *f, GError **error)
{
  const cJSON *arr = judge_fields_member (obj, "allowed");
  if (arr == NULL)
    return TRUE;
  if (!cJSON_IsArray (arr))
    return judge_fields_member_error (error, path, "allowed",
                                      "expected an array of money or duration "
                                      "facts");
  f->allowed = g_ptr_array_new_with_free_func ((GDestroyNotify) fact_free);
  int i = 0;
  for (const cJSON *a = arr->child; a; a = a->next, i++) {
    g_autofree char *pa = g_strdup_printf ("%s.allowed[%d]", path, i);
    Fact *af = parse_fact (jc, a, pa, key, IN_ALLOWED, error);
    if (af == NULL)
      return FALSE;
    g_ptr_array_add (f->allowed, af);
  }
  return TRUE;
}

static gboolean
type_allowed_in (FactType t, int where, const char *path, GError **error)
{
  if (where == IN_FORBID && t != FACT_PHRASE && t != FACT_MONEY
      && t != FACT_DURATION && t != FACT_AGENCY && t != FACT_CITATION)
    return judge_fields_member_error (error, path, "type",
                                      "a forbid rule is phrase, "
                                      "agency, citation, money or duration, "
                                      "found \"%s\"",
                                      judge_fact_type_names[t]);
  if (where == IN_ALLOWED && t != FACT_MONEY && t != FACT_DURATION)
    return judge_fields_member_error (error, path, "type",
                                      "an allowed fact is money or "
                                      "duration, found "
                                      "\"%s\"", judge_fact_type_names[t]);
  return TRUE;
}

static void
set_expected (Fact *f)
{
  switch (f->type) {
  case FACT_MONEY:
  case FACT_DURATION:
    f->expected = numbers_format (f->value.value, f->value.unit);
    break;
  case FACT_CITATION:
    f->expected = g_strdup (f->doc_canonical ? f->doc_canonical : f->doc);
    break;
  case FACT_CHOICE: f->expected = g_strdup (f->answer); break;
  case FACT_POLARITY: f->expected = g_strdup (f->yes ? "yes" : "no"); break;
  case FACT_DATE:
    f->expected = g_strdup_printf ("%02u/%02u/%04u", f->day, f->month,
                                   f->year);
    break;
  default: break;
  }
}

static Fact *
parse_fact (JudgeCompiler *jc, const cJSON *obj, const char *path,
            const JudgeKey *key, int where, GError **error)
{
  if (!cJSON_IsObject (obj)) {
    judge_fields_error (error, path, "expected an object");
    return NULL;
  }
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (
      (GDestroyNotify) fact_free);
  Fact *f = g_new0 (Fact, 1);
  g_ptr_array_add (keep, f);
  if (!parse_type (obj, path, &f->type, error)
      || !type_allowed_in (f->type, where, path, error)
      || !judge_fields_check_known (obj, path, judge_fields_allowed (f->type),
                                    error)
      || !parse_common (obj, path, f, error))
    return NULL;
  gboolean ok = TRUE;
  switch (f->type) {
  case FACT_MONEY:
  case FACT_DURATION: ok = parse_quantity_fact (jc, obj, path, f, error); break;
  case FACT_AGENCY:
  case FACT_PHRASE: ok = parse_any_of (jc, obj, path, f, FALSE, error); break;
  case FACT_REFUSAL:
    ok = parse_any_of (jc, obj, path, f, TRUE, error)
         && parse_allowed (jc, obj, path, key, f, error);
    break;
  case FACT_CITATION: ok = parse_citation (obj, path, f, error); break;
  case FACT_LIST: ok = parse_list (jc, obj, path, f, error); break;
  case FACT_CHOICE: ok = parse_choice (obj, path, key, f, error); break;
  case FACT_POLARITY: ok = parse_polarity (obj, path, f, error); break;
  case FACT_DATE: ok = parse_date (obj, path, f, error); break;
  default: break;
  }
  if (!ok)
    return NULL;
  set_expected (f);
  return g_ptr_array_steal_index (keep, 0);
}

static gboolean
parse_facts (JudgeCompiler *jc, const cJSON *arr, const char *name,
             JudgeKey *key, GPtrArray *out, GError **error)
{
  if (arr == NULL || cJSON_IsNull (arr))
    return TRUE;
  if (!cJSON_IsArray (arr))
    return judge_fields_error (error, name, "expected an array");
  int i = 0;
  for (const cJSON *it = arr->child; it; it = it->next, i++) {
    char path[64];
    g_snprintf (path, sizeof path, "%s[%d]", name, i);
    Fact *f = parse_fact (jc, it, path, key,
                          out == key->forbid ? IN_FORBID : IN_FACTS, error);
    if (f == NULL)
      return FALSE;
    g_ptr_array_add (out, f);
  }
  return TRUE;
}

/* ---- keys ----------------------------------------------------------------------- */

static guint
fact_needs (const Fact *f)
{
  switch (f->type) {
  case FACT_MONEY:
  case FACT_DURATION:
  case FACT_REFUSAL: return NEED_AMOUNTS;
  case FACT_CITATION: return NEED_CITES;
  case FACT_DATE: return NEED_DATES;
  default: return 0;
  }
}

void
judge_key_free (JudgeKey *key)
{
  if (key == NULL)
    return;
  g_free (key->kind);
  g_free (key->topic);
  g_free (key->question);
  g_strfreev (key->premise[0]);
  g_strfreev (key->premise[1]);
  if (key->asked_amounts)
    g_array_unref (key->asked_amounts);
  if (key->asked_topics)
    g_array_unref (key->asked_topics);
  judge_topics_unref (key->topics);
  if (key->facts)
    g_ptr_array_unref (key->facts);
  if (key->forbid)
    g_ptr_array_unref (key->forbid);
  if (key->choices)
    g_ptr_array_unref (key->choices);
  g_free (key);
}

/* Two facts asked together, each the other's case ("thủ tục nào nhanh
 * hơn, mỗi thủ tục mất bao lâu?": 3 working days with a case "thường trú"
 * of 7, and 7 with a case "tạm trú" of 3): the other's case names this
 * fact's own value, so a claim said of "thường trú" beside "tạm trú" is
 * given to the right one. Adds that case to the fact. */
static void
name_default_cases (JudgeKey *key)
{
  for (guint i = 0; i < key->facts->len; i++) {
    Fact *f = key->facts->pdata[i];
    if (f->cases == NULL)
      continue;
    FactCase *named = NULL;
    for (guint j = 0; j < key->facts->len && named == NULL; j++) {
      const Fact *g = key->facts->pdata[j];
      for (guint k = 0; g != f && g->type == f->type && g->cases
                        && k < g->cases->len && named == NULL; k++) {
        const FactCase *c = g->cases->pdata[k];
        if (!c->has_value || c->value.unit != f->value.unit
            || !judge_same_amount (c->value.value, f->value.value, f->value.unit))
          continue;
        named = g_new0 (FactCase, 1);
        named->name = g_strdup (c->name);
        named->when = c->when;
        g_atomic_int_inc (&named->when->ref);
        named->has_value = TRUE;
        named->value = f->value;
      }
    }
    if (named != NULL)
      g_ptr_array_add (f->cases, named);
  }
}

JudgeKey *
judge_key_compile (JudgeCompiler *jc, const char *kind, const cJSON *facts,
                   const cJSON *forbid, const cJSON *choices, GError **error)
{
  if (kind == NULL)
    kind = item_kind_name (ITEM_KIND_PROCEDURE);
  ItemKind parsed;
  if (!item_kind_parse (kind, &parsed)) {
    g_autofree char *known = item_kind_list ();
    judge_fields_error (error, "kind", "unknown kind \"%s\" (one of %s)", kind,
                        known);
    return NULL;
  }
  g_autoptr (JudgeKey) key = g_new0 (JudgeKey, 1);
  key->asked_channel = -1;
  key->kind = g_strdup (kind);
  key->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) fact_free);
  key->forbid = g_ptr_array_new_with_free_func ((GDestroyNotify) fact_free);
  if (!parse_choices (choices, key, error)
      || !parse_facts (jc, facts, "facts", key, key->facts, error)
      || !parse_facts (jc, forbid, "forbid", key, key->forbid, error))
    return NULL;
  /* An unanswerable item without facts is judged as a refusal. */
  if (key->facts->len == 0 && parsed == ITEM_KIND_UNANSWERABLE) {
    Fact *f = g_new0 (Fact, 1);
    f->type = FACT_REFUSAL;
    f->required = TRUE;
    f->weight = 1;
    f->aliases = judge_fields_aliases_new (FALSE);
    g_ptr_array_add (key->facts, f);
  }
  name_default_cases (key);
  for (guint i = 0; i < key->facts->len; i++)
    key->needs |= fact_needs (key->facts->pdata[i]);
  for (guint i = 0; i < key->forbid->len; i++)
    key->needs |= fact_needs (key->forbid->pdata[i]);
  return g_steal_pointer (&key);
}

JudgeKey *
judge_key_new (const char *kind, const cJSON *facts, const cJSON *forbid,
               const cJSON *choices, GError **error)
{
  return judge_key_compile (NULL, kind, facts, forbid, choices, error);
}
