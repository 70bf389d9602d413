/* Answer keys and judgements (scoring/judge.h, scoring/README.md).
 *
 * judge_key_new validates every fact field and compiles the key once: the
 * phrases are normalized in both the strict and the lenient form, citation
 * numbers made canonical. judge_answer then builds a "view" of the answer
 * per form (normalized text, phrase form, amounts, citations) and runs each
 * fact's matcher on it. The strict run writes the explanation; the lenient
 * run only counts, for lenient_score. */
#include "scoring/judge.h"

#include "scoring/citation.h"
#include "scoring/normalize.h"
#include "scoring/numbers.h"
#include "util/jsonw.h"
#include "util/vb_gstring.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (vabench-judge-error-quark, judge_error)

typedef enum {
  FACT_MONEY, FACT_DURATION, FACT_AGENCY, FACT_PHRASE, FACT_CITATION,
  FACT_LIST, FACT_CHOICE, FACT_REFUSAL, FACT_N_TYPES
} FactType;

static const char *const fact_type_names[FACT_N_TYPES] = {
  "money", "duration", "agency", "phrase", "citation", "list", "choice",
  "refusal",
};

typedef enum { ST_MISSING, ST_MATCHED, ST_CONTRADICTION, ST_OTHER } Status;

static const char *const status_names[] = {
  "missing", "matched", "contradiction", "other_value",
};

typedef struct {
  double value;
  NumbersUnit unit;
} Quantity;

/* One phrase list in both forms: [0] strict, [1] lenient phrase forms.
 * Read-only once built, and shared (refcounted) between keys that list the
 * same strings: see get_aliases. */
typedef struct {
  GPtrArray *raw;     /* char*, as written in the key */
  GPtrArray *form[2]; /* char*, phrase forms (" a b "), same order */
  gint ref;
} Aliases;

typedef struct {
  FactType type;
  gboolean required;
  double weight;
  Quantity value;       /* money (VND) and duration */
  GArray *others;       /* Quantity: other_values */
  Aliases *aliases;     /* agency, phrase, refusal, citation by name */
  char *doc;            /* citation: as written */
  char *doc_canonical;  /* citation: canonical number, NULL if none */
  GPtrArray *items;     /* list: Aliases* */
  double min_recall;    /* list */
  char *answer;         /* choice: the letter, upper case */
  char *reason;         /* forbid rules only */
  char *expected;       /* the key value as shown in explanations, or NULL */
} Fact;

typedef struct {
  char *letter;     /* upper case */
  Aliases *text;    /* the option's text */
} Choice;

/* Which parts of an answer's view the key looks at. */
enum { NEED_AMOUNTS = 1, NEED_CITES = 2, NEED_AGENCY = 4 };

struct _JudgeKey {
  char *kind;
  guint needs;        /* NEED_* */
  GPtrArray *facts;   /* Fact* */
  GPtrArray *forbid;  /* Fact* */
  GPtrArray *choices; /* Choice* */
};

/* ---- compiled pieces ---------------------------------------------------- */

static void
aliases_unref (Aliases *a)
{
  if (a == NULL || !g_atomic_int_dec_and_test (&a->ref))
    return;
  g_ptr_array_unref (a->raw);
  g_ptr_array_unref (a->form[0]);
  g_ptr_array_unref (a->form[1]);
  g_free (a);
}

static Aliases *
aliases_new (void)
{
  Aliases *a = g_new0 (Aliases, 1);
  a->ref = 1;
  a->raw = g_ptr_array_new_with_free_func (g_free);
  a->form[0] = g_ptr_array_new_with_free_func (g_free);
  a->form[1] = g_ptr_array_new_with_free_func (g_free);
  return a;
}

/* "Công an cấp xã" and "công an xã" name the same office: agencies are
 * compared without the word cấp. */
static char *
drop_cap (const char *phrase, gboolean lenient)
{
  /* Every " cấp " becomes " ", scanning left to right without overlap
   * (what g_strsplit + g_strjoinv gave, in one pass). */
  const char *cap = lenient ? " cap " : " cấp ";
  gsize cap_len = strlen (cap);
  char *out = g_malloc (strlen (phrase) + 1), *d = out;
  const char *p = phrase, *hit;
  while ((hit = strstr (p, cap)) != NULL) {
    memcpy (d, p, (gsize) (hit - p));
    d += hit - p;
    *d++ = ' ';
    p = hit + cap_len;
  }
  memcpy (d, p, strlen (p) + 1);
  return out;
}

/* Question sets repeat the same agency and phrase lists on item after item;
 * normalizing an alias is the dearest part of compiling a key, so the
 * phrase forms of an alias — strict and lenient, as a phrase and as an
 * agency (without "cấp") — are remembered together, keyed by the alias as
 * written (a pure function: any thread, bounded). */
typedef struct {
  char *form[2];   /* normalize_phrase_of, strict and lenient */
  char *agency[2]; /* the same through drop_cap */
} PhraseForms;

static void
phrase_forms_free (gpointer p)
{
  PhraseForms *pf = p;
  for (int m = 0; m < 2; m++) {
    g_free (pf->form[m]);
    g_free (pf->agency[m]);
  }
  g_free (pf);
}

static PhraseForms *
phrase_forms_new (const char *raw)
{
  PhraseForms *pf = g_new0 (PhraseForms, 1);
  for (int m = 0; m < 2; m++) {
    pf->form[m] = normalize_phrase_of (raw, m == 1);
    pf->agency[m] = drop_cap (pf->form[m], m == 1);
  }
  return pf;
}

G_LOCK_DEFINE_STATIC (phrase_memo);
static GHashTable *phrase_memo; /* raw → PhraseForms* */

/* Copies of the two forms of raw in the wanted kind into out[0..1]. */
static void
phrase_forms_of (const char *raw, gboolean agency, char **out)
{
  G_LOCK (phrase_memo);
  if (phrase_memo == NULL || g_hash_table_size (phrase_memo) > 8192) {
    if (phrase_memo)
      g_hash_table_unref (phrase_memo);
    phrase_memo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         phrase_forms_free);
  }
  PhraseForms *pf = g_hash_table_lookup (phrase_memo, raw);
  if (pf == NULL) {
    G_UNLOCK (phrase_memo);
    PhraseForms *fresh = phrase_forms_new (raw);
    G_LOCK (phrase_memo);
    g_hash_table_replace (phrase_memo, g_strdup (raw), fresh);
    pf = fresh;
  }
  for (int m = 0; m < 2; m++)
    out[m] = g_strdup (agency ? pf->agency[m] : pf->form[m]);
  G_UNLOCK (phrase_memo);
}

/* FALSE when the text has no letter or digit to match on (a phrase form
 * shorter than " x "). */
static gboolean
aliases_add (Aliases *a, const char *raw, gboolean agency)
{
  char *forms[2];
  phrase_forms_of (raw, FALSE, forms);
  gboolean ok = strlen (forms[0]) >= 3 && strlen (forms[1]) >= 3;
  if (ok && agency) {
    g_free (forms[0]);
    g_free (forms[1]);
    phrase_forms_of (raw, TRUE, forms);
  }
  if (!ok) {
    g_free (forms[0]);
    g_free (forms[1]);
    return FALSE;
  }
  g_ptr_array_add (a->form[0], forms[0]);
  g_ptr_array_add (a->form[1], forms[1]);
  g_ptr_array_add (a->raw, g_strdup (raw));
  return TRUE;
}

static void
fact_free (Fact *f)
{
  if (f == NULL)
    return;
  if (f->others)
    g_array_unref (f->others);
  aliases_unref (f->aliases);
  g_free (f->doc);
  g_free (f->doc_canonical);
  if (f->items)
    g_ptr_array_unref (f->items);
  g_free (f->answer);
  g_free (f->reason);
  g_free (f->expected);
  g_free (f);
}

static void
choice_free (Choice *c)
{
  if (c == NULL)
    return;
  g_free (c->letter);
  aliases_unref (c->text);
  g_free (c);
}

void
judge_key_free (JudgeKey *key)
{
  if (key == NULL)
    return;
  g_free (key->kind);
  g_ptr_array_unref (key->facts);
  g_ptr_array_unref (key->forbid);
  g_ptr_array_unref (key->choices);
  g_free (key);
}

/* ---- validation ----------------------------------------------------------- */

G_GNUC_PRINTF (3, 4)
static gboolean
field_error (GError **error, const char *path, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD, "field \"%s\": %s",
               path, msg);
  return FALSE;
}

/* The same for the field name of path: "facts[2]" + "value". Paths are
 * joined only when an error names them; compiling a set of 200,000 items
 * would otherwise format millions of paths nobody reads. */
G_GNUC_PRINTF (4, 5)
static gboolean
member_error (GError **error, const char *path, const char *name,
              const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD, "field \"%s.%s\": %s",
               path, name, msg);
  return FALSE;
}

/* "name[i]" into buf (i ≥ 0) without printf: a path per fact of every
 * item. A name too long for buf falls back to g_snprintf, which cuts. */
static void
index_path (char *buf, gsize size, const char *name, int i)
{
  char digits[12];
  int n = 0, v = i;
  do {
    digits[n++] = (char) ('0' + v % 10);
    v /= 10;
  } while (v > 0);
  gsize at = strlen (name);
  if (at + (gsize) n + 3 > size) {
    g_snprintf (buf, size, "%s[%d]", name, i);
    return;
  }
  memcpy (buf, name, at);
  buf[at++] = '[';
  while (n > 0)
    buf[at++] = digits[--n];
  buf[at++] = ']';
  buf[at] = '\0';
}

static const cJSON *
member (const cJSON *obj, const char *name)
{
  return cJSON_GetObjectItemCaseSensitive (obj, name);
}

/* A number ≥ 0; missing is an error unless optional (then *out is kept). */
static gboolean
get_amount (const cJSON *obj, const char *path, const char *name,
            gboolean optional, double *out, GError **error)
{
  const cJSON *n = member (obj, name);
  if (n == NULL)
    return optional ? TRUE : member_error (error, path, name, "missing");
  if (!cJSON_IsNumber (n))
    return member_error (error, path, name, "expected a number");
  if (!isfinite (n->valuedouble) || n->valuedouble < 0)
    return member_error (error, path, name, "expected a number ≥ 0, found %g",
                         n->valuedouble);
  *out = n->valuedouble;
  return TRUE;
}

static gboolean
get_text (const cJSON *obj, const char *path, const char *name,
          gboolean optional, const char **out, GError **error)
{
  const cJSON *n = member (obj, name);
  if (n == NULL)
    return optional ? TRUE : member_error (error, path, name, "missing");
  if (!cJSON_IsString (n))
    return member_error (error, path, name, "expected a string");
  if (n->valuestring[0] == '\0' || !g_utf8_validate (n->valuestring, -1, NULL))
    return member_error (error, path, name,
                         "expected a non-empty UTF-8 string");
  *out = n->valuestring;
  return TRUE;
}

/* Question sets name the same agencies and forbidden phrases on item after
 * item. An alias list is built once and shared by every key that lists the
 * same strings in the same order with the same agency flag; a list is
 * only remembered once built, so a hit was valid before (bounded, any
 * thread). It keeps a 200,000-item set from holding 400,000 copies of
 * "Công an cấp xã" in three forms each. */
G_LOCK_DEFINE_STATIC (alias_lists);
static GHashTable *alias_lists; /* alias_list_key → Aliases* (a reference) */

/* "A" or "P", then each string as its length, ':' and its bytes; NULL when
 * arr holds anything but strings. */
static GString *
alias_list_key (const cJSON *arr, gboolean agency)
{
  GString *k = g_string_new (agency ? "A" : "P");
  for (const cJSON *s = arr->child; s; s = s->next) {
    if (!cJSON_IsString (s)) {
      g_string_free (k, TRUE);
      return NULL;
    }
    gsize n = strlen (s->valuestring);
    char digits[24];
    int d = 0;
    do {
      digits[d++] = (char) ('0' + n % 10);
      n /= 10;
    } while (n);
    while (d)
      g_string_append_c (k, digits[--d]);
    g_string_append_c (k, ':');
    g_string_append (k, s->valuestring);
  }
  return k;
}

static Aliases *
alias_list_lookup (const char *key)
{
  G_LOCK (alias_lists);
  Aliases *a = alias_lists ? g_hash_table_lookup (alias_lists, key) : NULL;
  if (a)
    g_atomic_int_inc (&a->ref);
  G_UNLOCK (alias_lists);
  return a;
}

static void
alias_list_remember (const char *key, Aliases *a)
{
  G_LOCK (alias_lists);
  if (alias_lists == NULL || g_hash_table_size (alias_lists) > 8192) {
    if (alias_lists)
      g_hash_table_unref (alias_lists);
    alias_lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) aliases_unref);
  }
  g_atomic_int_inc (&a->ref);
  g_hash_table_replace (alias_lists, g_strdup (key), a);
  G_UNLOCK (alias_lists);
}

/* A non-empty array of non-empty strings with something to match on. */
static gboolean
get_aliases (const cJSON *arr, const char *path, const char *name,
             gboolean agency, Aliases **out, GError **error)
{
  g_autoptr (GString) memo_key = cJSON_IsArray (arr) && arr->child
                                     ? alias_list_key (arr, agency)
                                     : NULL;
  Aliases *known = memo_key ? alias_list_lookup (memo_key->str) : NULL;
  if (known != NULL) {
    *out = known;
    return TRUE;
  }
  /* The field's path, only when an error names it. */
  g_autofree char *p = NULL;
#define ALIASES_PATH() \
  (p ? p : (p = name ? g_strconcat (path, ".", name, NULL) : g_strdup (path)))
  if (!cJSON_IsArray (arr))
    return field_error (error, ALIASES_PATH (), "expected an array of strings");
  if (arr->child == NULL)
    return field_error (error, ALIASES_PATH (), "expected at least one string");
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (
      (GDestroyNotify) aliases_unref);
  Aliases *a = aliases_new ();
  g_ptr_array_add (keep, a);
  int i = 0;
  for (const cJSON *s = arr->child; s; s = s->next, i++) {
    if (!cJSON_IsString (s) || !g_utf8_validate (s->valuestring, -1, NULL))
      return field_error (error, ALIASES_PATH (), "item %d: expected a string",
                          i);
    if (!aliases_add (a, s->valuestring, agency))
      return field_error (error, ALIASES_PATH (),
                          "item %d: \"%s\" has no letter or digit", i,
                          s->valuestring);
  }
#undef ALIASES_PATH
  *out = g_ptr_array_steal_index (keep, 0);
  if (memo_key)
    alias_list_remember (memo_key->str, *out);
  return TRUE;
}

static gboolean
check_known_fields (const cJSON *obj, const char *path,
                    const char *const *allowed, GError **error)
{
  for (const cJSON *c = obj->child; c; c = c->next) {
    gboolean ok = FALSE;
    for (const char *const *a = allowed; *a && !ok; a++)
      ok = c->string[0] == (*a)[0] && strcmp (c->string, *a) == 0;
    if (!ok) {
      g_autofree char *p = g_strdup_printf ("%s.%s", path, c->string);
      return field_error (error, p, "unknown field for a %s fact",
                          cJSON_GetStringValue (member (obj, "type")));
    }
  }
  return TRUE;
}

static const char *const *
allowed_fields (FactType t)
{
  static const char *const money[] = {"type", "required", "weight", "note",
                                      "reason", "value", "currency",
                                      "other_values", NULL};
  static const char *const duration[] = {"type", "required", "weight",
                                         "note", "reason", "value", "unit",
                                         "other_values", NULL};
  static const char *const any_of[] = {"type", "required", "weight", "note",
                                       "reason", "any_of", NULL};
  static const char *const citation[] = {"type", "required", "weight",
                                         "note", "reason", "doc", NULL};
  static const char *const list[] = {"type", "required", "weight", "note",
                                     "reason", "items", "min_recall", NULL};
  static const char *const choice[] = {"type", "required", "weight", "note",
                                       "reason", "answer", NULL};
  switch (t) {
  case FACT_MONEY: return money;
  case FACT_DURATION: return duration;
  case FACT_CITATION: return citation;
  case FACT_LIST: return list;
  case FACT_CHOICE: return choice;
  default: return any_of;
  }
}

/* other_values: numbers in the fact's unit, or (durations) objects
 * {"value", "unit"} for a value in another unit. */
static gboolean
parse_others (const cJSON *obj, const char *path, Fact *f, GError **error)
{
  const cJSON *arr = member (obj, "other_values");
  f->others = g_array_new (FALSE, FALSE, sizeof (Quantity));
  if (arr == NULL)
    return TRUE;
  if (!cJSON_IsArray (arr))
    return member_error (error, path, "other_values",
                         "expected an array of numbers");
  int i = 0;
  for (const cJSON *n = arr->child; n; n = n->next, i++) {
    Quantity q = {0, f->value.unit};
    if (cJSON_IsNumber (n) && isfinite (n->valuedouble)
        && n->valuedouble >= 0) {
      q.value = n->valuedouble;
      g_array_append_val (f->others, q);
      continue;
    }
    g_autofree char *pi = g_strdup_printf ("%s.other_values[%d]", path, i);
    if (cJSON_IsObject (n) && f->type == FACT_DURATION) {
      const char *u = NULL;
      if (!get_amount (n, pi, "value", TRUE, &q.value, error)
          || !get_text (n, pi, "unit", FALSE, &u, error))
        return FALSE;
      if (!numbers_duration_unit_from_name (u, &q.unit))
        return field_error (error, pi, "unknown unit \"%s\"", u);
    } else
      return field_error (error, pi, "expected a number ≥ 0");
    g_array_append_val (f->others, q);
  }
  return TRUE;
}

static gboolean
parse_money (const cJSON *obj, const char *path, Fact *f, GError **error)
{
  const char *cur = NULL;
  f->value.unit = NUMBERS_UNIT_VND;
  if (!get_amount (obj, path, "value", FALSE, &f->value.value, error)
      || !get_text (obj, path, "currency", TRUE, &cur, error))
    return FALSE;
  if (cur && g_ascii_strcasecmp (cur, "VND") != 0) {
    g_autofree char *p = g_strdup_printf ("%s.currency", path);
    return field_error (error, p, "only \"VND\" is supported, found \"%s\"",
                        cur);
  }
  return parse_others (obj, path, f, error);
}

static gboolean
parse_duration (const cJSON *obj, const char *path, Fact *f, GError **error)
{
  const char *unit = NULL;
  if (!get_text (obj, path, "unit", FALSE, &unit, error))
    return FALSE;
  if (!numbers_duration_unit_from_name (unit, &f->value.unit)) {
    g_autofree char *p = g_strdup_printf ("%s.unit", path);
    return field_error (error, p,
                        "unknown unit \"%s\" (working_day, day, hour, week, "
                        "month, same_day)", unit);
  }
  gboolean optional = f->value.unit == NUMBERS_UNIT_SAME_DAY;
  if (!get_amount (obj, path, "value", optional, &f->value.value, error))
    return FALSE;
  return parse_others (obj, path, f, error);
}

static gboolean
parse_any_of (const cJSON *obj, const char *path, Fact *f, gboolean optional,
              GError **error)
{
  const cJSON *arr = member (obj, "any_of");
  if (arr == NULL && optional) {
    f->aliases = aliases_new ();
    return TRUE;
  }
  if (arr == NULL)
    return member_error (error, path, "any_of", "missing");
  return get_aliases (arr, path, "any_of", f->type == FACT_AGENCY,
                      &f->aliases, error);
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
  if (!get_text (obj, path, "doc", FALSE, &doc, error))
    return FALSE;
  f->doc = g_strdup (doc);
  g_autofree char *norm = normalize_text (doc, FALSE);
  f->doc_canonical = citation_canonical (norm);
  /* A document named without a number ("Luật Cư trú 2020") is matched by
   * its name, with or without the year. */
  f->aliases = aliases_new ();
  g_autofree char *bare = g_regex_replace (year_suffix_regex (), doc, -1, 0,
                                           "", 0, NULL);
  if (!aliases_add (f->aliases, doc, FALSE)) {
    g_autofree char *p = g_strdup_printf ("%s.doc", path);
    return field_error (error, p, "\"%s\" has no letter or digit", doc);
  }
  if (bare && strcmp (bare, doc) != 0)
    (void) aliases_add (f->aliases, bare, FALSE);
  return TRUE;
}

static gboolean
parse_list (const cJSON *obj, const char *path, Fact *f, GError **error)
{
  g_autofree char *p = g_strdup_printf ("%s.items", path);
  const cJSON *arr = member (obj, "items");
  if (arr == NULL)
    return field_error (error, p, "missing");
  if (!cJSON_IsArray (arr) || cJSON_GetArraySize (arr) == 0)
    return field_error (error, p, "expected a non-empty array");
  f->items = g_ptr_array_new_with_free_func ((GDestroyNotify) aliases_unref);
  int i = 0;
  for (const cJSON *it = arr->child; it; it = it->next, i++) {
    g_autofree char *pi = g_strdup_printf ("%s[%d]", p, i);
    Aliases *a = NULL;
    if (cJSON_IsString (it)) { /* one name, no aliases */
      a = aliases_new ();
      if (!aliases_add (a, it->valuestring, FALSE)) {
        aliases_unref (a);
        return field_error (error, pi, "has no letter or digit");
      }
    } else if (!get_aliases (it, pi, NULL, FALSE, &a, error))
      return FALSE;
    g_ptr_array_add (f->items, a);
  }
  f->min_recall = 1;
  if (!get_amount (obj, path, "min_recall", TRUE, &f->min_recall, error))
    return FALSE;
  if (f->min_recall <= 0 || f->min_recall > 1) {
    g_autofree char *pm = g_strdup_printf ("%s.min_recall", path);
    return field_error (error, pm, "expected a number in (0, 1], found %g",
                        f->min_recall);
  }
  return TRUE;
}

static gboolean
parse_choice (const cJSON *obj, const char *path, const JudgeKey *key,
              Fact *f, GError **error)
{
  const char *ans = NULL;
  if (!get_text (obj, path, "answer", FALSE, &ans, error))
    return FALSE;
  if (key->choices->len == 0)
    return field_error (error, "choices",
                        "missing: a choice fact needs the item's choices");
  f->answer = g_ascii_strup (ans, -1);
  for (guint i = 0; i < key->choices->len; i++)
    if (strcmp (((Choice *) key->choices->pdata[i])->letter, f->answer) == 0)
      return TRUE;
  return member_error (error, path, "answer",
                       "\"%s\" is not one of the choices", ans);
}

static gboolean
parse_choices (const cJSON *choices, JudgeKey *key, GError **error)
{
  key->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  if (choices == NULL || cJSON_IsNull (choices))
    return TRUE;
  if (!cJSON_IsObject (choices))
    return field_error (error, "choices", "expected an object");
  for (const cJSON *c = choices->child; c; c = c->next) {
    g_autofree char *p = g_strdup_printf ("choices.%s", c->string);
    gsize n = strlen (c->string);
    if (n == 0 || n > 2 || !g_ascii_isalpha (c->string[0]))
      return field_error (error, p, "expected a letter as the key");
    if (!cJSON_IsString (c) || !g_utf8_validate (c->valuestring, -1, NULL))
      return field_error (error, p, "expected a string");
    Choice *ch = g_new0 (Choice, 1);
    ch->letter = g_ascii_strup (c->string, -1);
    ch->text = aliases_new ();
    g_ptr_array_add (key->choices, ch);
    if (!aliases_add (ch->text, c->valuestring, FALSE))
      return field_error (error, p, "has no letter or digit");
  }
  return TRUE;
}

static gboolean
parse_type (const cJSON *obj, const char *path, FactType *t, GError **error)
{
  const cJSON *n = member (obj, "type");
  if (n == NULL)
    return member_error (error, path, "type", "missing");
  if (!cJSON_IsString (n))
    return member_error (error, path, "type", "expected a string");
  for (int i = 0; i < FACT_N_TYPES; i++)
    if (strcmp (n->valuestring, fact_type_names[i]) == 0) {
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
  const cJSON *req = member (obj, "required");
  if (req && !cJSON_IsBool (req)) {
    g_autofree char *p = g_strdup_printf ("%s.required", path);
    return field_error (error, p, "expected a boolean");
  }
  if (req)
    f->required = cJSON_IsTrue (req);
  const char *reason = NULL;
  if (!get_amount (obj, path, "weight", TRUE, &f->weight, error)
      || !get_text (obj, path, "reason", TRUE, &reason, error))
    return FALSE;
  f->reason = g_strdup (reason);
  const cJSON *note = member (obj, "note");
  if (note && !cJSON_IsString (note)) {
    g_autofree char *p = g_strdup_printf ("%s.note", path);
    return field_error (error, p, "expected a string");
  }
  return TRUE;
}

static Fact *
parse_fact (const cJSON *obj, const char *path, const JudgeKey *key,
            gboolean forbid, GError **error)
{
  if (!cJSON_IsObject (obj)) {
    field_error (error, path, "expected an object");
    return NULL;
  }
  Fact *f = g_new0 (Fact, 1);
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (
      (GDestroyNotify) fact_free);
  g_ptr_array_add (keep, f);
  if (!parse_type (obj, path, &f->type, error))
    return NULL;
  if (forbid && f->type != FACT_PHRASE && f->type != FACT_MONEY
      && f->type != FACT_DURATION) {
    g_autofree char *p = g_strdup_printf ("%s.type", path);
    field_error (error, p, "a forbid rule is phrase, money or duration, "
                 "found \"%s\"", fact_type_names[f->type]);
    return NULL;
  }
  if (!check_known_fields (obj, path, allowed_fields (f->type), error)
      || !parse_common (obj, path, f, error))
    return NULL;
  gboolean ok = TRUE;
  switch (f->type) {
  case FACT_MONEY: ok = parse_money (obj, path, f, error); break;
  case FACT_DURATION: ok = parse_duration (obj, path, f, error); break;
  case FACT_AGENCY:
  case FACT_PHRASE: ok = parse_any_of (obj, path, f, FALSE, error); break;
  case FACT_REFUSAL: ok = parse_any_of (obj, path, f, TRUE, error); break;
  case FACT_CITATION: ok = parse_citation (obj, path, f, error); break;
  case FACT_LIST: ok = parse_list (obj, path, f, error); break;
  case FACT_CHOICE: ok = parse_choice (obj, path, key, f, error); break;
  default: break;
  }
  if (!ok)
    return NULL;
  if (f->type == FACT_MONEY || f->type == FACT_DURATION)
    f->expected = numbers_format (f->value.value, f->value.unit);
  else if (f->type == FACT_CITATION)
    f->expected = g_strdup (f->doc_canonical ? f->doc_canonical : f->doc);
  else if (f->type == FACT_CHOICE)
    f->expected = g_strdup (f->answer);
  return g_ptr_array_steal_index (keep, 0);
}

static gboolean
parse_facts (const cJSON *arr, const char *name, JudgeKey *key,
             GPtrArray *out, GError **error)
{
  if (arr == NULL || cJSON_IsNull (arr))
    return TRUE;
  if (!cJSON_IsArray (arr))
    return field_error (error, name, "expected an array");
  int i = 0;
  for (const cJSON *it = arr->child; it; it = it->next, i++) {
    char path[64];
    index_path (path, sizeof path, name, i);
    Fact *f = parse_fact (it, path, key, out == key->forbid, error);
    if (f == NULL)
      return FALSE;
    g_ptr_array_add (out, f);
  }
  return TRUE;
}

static gboolean
known_kind (const char *kind)
{
  static const char *const kinds[] = {"procedure", "legal", "multiple_choice",
                                      "unanswerable", "conversation"};
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kind, kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

static guint
fact_needs (const Fact *f)
{
  switch (f->type) {
  case FACT_MONEY:
  case FACT_DURATION:
  case FACT_REFUSAL: return NEED_AMOUNTS;
  case FACT_CITATION: return NEED_CITES;
  case FACT_AGENCY: return NEED_AGENCY;
  default: return 0;
  }
}

static void
key_compute_needs (JudgeKey *key)
{
  key->needs = 0;
  for (guint i = 0; i < key->facts->len; i++)
    key->needs |= fact_needs (key->facts->pdata[i]);
  for (guint i = 0; i < key->forbid->len; i++)
    key->needs |= fact_needs (key->forbid->pdata[i]);
}

JudgeKey *
judge_key_new (const char *kind, const cJSON *facts, const cJSON *forbid,
               const cJSON *choices, GError **error)
{
  if (kind == NULL)
    kind = "procedure";
  if (!known_kind (kind)) {
    field_error (error, "kind", "unknown kind \"%s\"", kind);
    return NULL;
  }
  g_autoptr (JudgeKey) key = g_new0 (JudgeKey, 1);
  key->kind = g_strdup (kind);
  key->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) fact_free);
  key->forbid = g_ptr_array_new_with_free_func ((GDestroyNotify) fact_free);
  if (!parse_choices (choices, key, error)
      || !parse_facts (facts, "facts", key, key->facts, error)
      || !parse_facts (forbid, "forbid", key, key->forbid, error))
    return NULL;
  key_compute_needs (key);
  /* An unanswerable item without facts is judged as a refusal. */
  if (key->facts->len == 0 && strcmp (kind, "unanswerable") == 0) {
    Fact *f = g_new0 (Fact, 1);
    f->type = FACT_REFUSAL;
    f->required = TRUE;
    f->weight = 1;
    f->aliases = aliases_new ();
    g_ptr_array_add (key->facts, f);
    key->needs |= NEED_AMOUNTS;
  }
  return g_steal_pointer (&key);
}

/* ---- matching -------------------------------------------------------------- */

/* The answer seen in one form (strict or lenient). */
typedef struct {
  gboolean lenient;
  char *norm;       /* normalize_text */
  char *phrase;     /* normalize_phrase */
  char *agency;     /* phrase without the word cấp; NULL unless the key has
                       an agency fact */
  GArray *amounts;  /* NumbersMention */
  GPtrArray *cites; /* CitationMention* */
} View;

/* Takes norm (normalize_text of the answer in the view's form). Amounts and
 * citations are only looked for when the key has a fact that uses them. */
static void
view_init (View *v, char *norm, gboolean lenient, guint needs)
{
  v->lenient = lenient;
  v->norm = norm;
  v->phrase = normalize_phrase (v->norm, lenient);
  v->agency = (needs & NEED_AGENCY) ? drop_cap (v->phrase, lenient) : NULL;
  v->amounts = (needs & NEED_AMOUNTS)
                   ? numbers_scan (v->norm, lenient)
                   : g_array_new (FALSE, FALSE, sizeof (NumbersMention));
  v->cites = (needs & NEED_CITES) ? citation_scan (v->norm)
                                  : g_ptr_array_new ();
}

static void
view_clear (View *v)
{
  g_free (v->norm);
  g_free (v->phrase);
  g_free (v->agency);
  g_array_unref (v->amounts);
  g_ptr_array_unref (v->cites);
}

/* What one fact's matcher found. */
typedef struct {
  Status status;
  char *span;
  cJSON *value;
  const char *expected; /* the fact's */
  GString *reason;      /* the caller's, emptied for this fact */
  cJSON *notes; /* array of strings or NULL */
  gboolean quiet; /* only the status counts (the lenient run): no value,
                     reason or notes are built */
} Outcome;

static void
outcome_clear (Outcome *o)
{
  g_free (o->span);
  if (o->value)
    cJSON_Delete (o->value);
  if (o->notes)
    cJSON_Delete (o->notes);
}

/* g_string_append_vprintf for the explanations' formats: %s, %d, %u and
 * %% are put directly, anything else goes to GLib. Every answer gets an
 * explanation per fact, and vasprintf was a twentieth of scoring. */
static void
explain_vprintf (GString *out, const char *fmt, va_list ap)
{
  for (const char *f = strchr (fmt, '%'); f; f = strchr (f + 2, '%'))
    if (f[1] != 's' && f[1] != 'd' && f[1] != 'u' && f[1] != '%') {
      g_string_append_vprintf (out, fmt, ap);
      return;
    }
  while (*fmt) {
    const char *pct = strchr (fmt, '%');
    if (pct == NULL) {
      g_string_append (out, fmt);
      return;
    }
    g_string_append_len (out, fmt, pct - fmt);
    char buf[16];
    switch (pct[1]) {
    case 's': {
      const char *v = va_arg (ap, const char *);
      g_string_append (out, v ? v : "(null)"); /* as glibc prints it */
      break;
    }
    case 'd':
      g_snprintf (buf, sizeof buf, "%d", va_arg (ap, int));
      g_string_append (out, buf);
      break;
    case 'u':
      g_snprintf (buf, sizeof buf, "%u", va_arg (ap, unsigned));
      g_string_append (out, buf);
      break;
    default: g_string_append_c (out, '%'); break;
    }
    fmt = pct + 2;
  }
}

G_GNUC_PRINTF (2, 3)
static void
outcome_note (Outcome *o, const char *fmt, ...)
{
  if (o->quiet)
    return;
  va_list ap;
  va_start (ap, fmt);
  g_autoptr (GString) note = g_string_new (NULL);
  explain_vprintf (note, fmt, ap);
  va_end (ap);
  const char *msg = note->str;
  if (o->notes == NULL)
    o->notes = cJSON_CreateArray ();
  if (cJSON_GetArraySize (o->notes) < 8) /* bounded: a long answer */
    cJSON_AddItemToArray (o->notes, cJSON_CreateString (msg));
}

/* The outcome's reason, one sentence; nothing in a quiet outcome. */
G_GNUC_PRINTF (2, 3)
static void
reason_printf (Outcome *o, const char *fmt, ...)
{
  if (o->quiet)
    return;
  va_list ap;
  va_start (ap, fmt);
  g_string_truncate (o->reason, 0);
  explain_vprintf (o->reason, fmt, ap);
  va_end (ap);
}

static char *
phrase_span (const char *form)
{
  return g_strstrip (g_strdup (form));
}

/* A matched alias: its phrase form is the span, its text the value;
 * nothing for a quiet outcome. */
static void
outcome_alias_hit (Outcome *o, const char *form, const char *text)
{
  if (o->quiet)
    return;
  o->span = phrase_span (form);
  o->value = cJSON_CreateString (text);
}

/* Index of the first alias of a found in hay, or -1. */
static int
find_alias (const Aliases *a, const View *v, const char *hay)
{
  if (a == NULL)
    return -1;
  GPtrArray *forms = a->form[v->lenient ? 1 : 0];
  for (guint i = 0; i < forms->len; i++)
    if (normalize_phrase_find (hay, forms->pdata[i], NULL))
      return (int) i;
  return -1;
}

static void
list_aliases (GString *s, const Aliases *a)
{
  for (guint i = 0; i < a->raw->len && i < 5; i++) {
    g_string_append (s, i ? ", \"" : "\"");
    g_string_append (s, a->raw->pdata[i]);
    g_string_append_c (s, '"');
  }
  if (a->raw->len > 5)
    g_string_append (s, ", …");
}

/* ---- money and durations ---------------------------------------------------- */

typedef enum { Q_IGNORE, Q_MATCH, Q_OTHER, Q_VAGUE, Q_CONTRA, Q_UNIT } QClass;

static gboolean
same_amount (double a, double b, NumbersUnit u)
{
  return fabs (a - b) < (u == NUMBERS_UNIT_VND ? 0.5 : 1e-6);
}

static gboolean
is_other (const Fact *f, double v, NumbersUnit u)
{
  for (guint i = 0; f->others && i < f->others->len; i++) {
    Quantity q = g_array_index (f->others, Quantity, i);
    if (q.unit == u && (u == NUMBERS_UNIT_SAME_DAY || same_amount (q.value, v, u)))
      return TRUE;
  }
  return FALSE;
}

static gboolean
is_day_unit (NumbersUnit u)
{
  return u == NUMBERS_UNIT_DAY || u == NUMBERS_UNIT_WORKING_DAY;
}

/* Same-day keys against day counts and the other way round. */
static QClass
classify_same_day (const Fact *f, const NumbersMention *m)
{
  NumbersUnit fu = f->value.unit;
  if (fu == m->unit)
    return Q_MATCH;
  if (m->unit == NUMBERS_UNIT_SAME_DAY)
    return is_other (f, 0, m->unit) ? Q_OTHER
           : is_day_unit (fu)       ? Q_CONTRA
                                    : Q_IGNORE;
  if (!is_day_unit (m->unit))
    return Q_IGNORE;
  if (is_other (f, m->hi, m->unit))
    return Q_OTHER;
  return m->hi >= 2 ? Q_CONTRA : Q_IGNORE;
}

static QClass
classify (const Fact *f, const NumbersMention *m)
{
  NumbersUnit fu = f->value.unit;
  gboolean money = fu == NUMBERS_UNIT_VND;
  if (money != (m->unit == NUMBERS_UNIT_VND))
    return Q_IGNORE;
  if (fu == NUMBERS_UNIT_SAME_DAY || m->unit == NUMBERS_UNIT_SAME_DAY)
    return classify_same_day (f, m);
  if (m->unit != fu) {
    if (is_other (f, m->hi, m->unit))
      return Q_OTHER;
    return is_day_unit (fu) && is_day_unit (m->unit) ? Q_UNIT : Q_IGNORE;
  }
  double v = f->value.value;
  switch (m->bound) {
  case NUMBERS_EXACT:
  case NUMBERS_AT_MOST:
    if (same_amount (m->hi, v, fu))
      return Q_MATCH;
    return is_other (f, m->hi, fu) ? Q_OTHER : Q_CONTRA;
  case NUMBERS_AT_LEAST:
    if (is_other (f, m->lo, fu))
      return Q_OTHER;
    return m->lo > v && !same_amount (m->lo, v, fu) ? Q_CONTRA : Q_VAGUE;
  case NUMBERS_RANGE:
  default:
    /* "3–5 ngày" states the limit 5; "từ 200.000 đến 400.000 đồng" states
     * the key and a listed other value */
    if (same_amount (m->hi, v, fu)
        || (same_amount (m->lo, v, fu) && is_other (f, m->hi, fu)))
      return Q_MATCH;
    if (m->lo <= v && v <= m->hi)
      return Q_VAGUE;
    return is_other (f, m->hi, fu) || is_other (f, m->lo, fu) ? Q_OTHER
                                                              : Q_CONTRA;
  }
}

/* Members go in under their constant names (cJSON_AddItemToObjectCS): a
 * judgement has some thirty, and cJSON would copy every name. */
static void
put_item (cJSON *obj, const char *name, cJSON *item)
{
  cJSON_AddItemToObjectCS (obj, name, item);
}

static cJSON *
mention_json (const NumbersMention *m)
{
  if (m->unit == NUMBERS_UNIT_VND && m->bound == NUMBERS_EXACT)
    return cJSON_CreateNumber (m->lo);
  static const char *const bounds[] = {"exact", "at_most", "at_least",
                                       "range"};
  cJSON *o = cJSON_CreateObject ();
  if (m->bound == NUMBERS_RANGE) {
    put_item (o, "min", cJSON_CreateNumber (m->lo));
    put_item (o, "max", cJSON_CreateNumber (m->hi));
  } else if (m->unit != NUMBERS_UNIT_SAME_DAY) {
    put_item (o, "value", cJSON_CreateNumber (m->lo));
  }
  put_item (o, "unit",
            cJSON_CreateStringReference (numbers_unit_name (m->unit)));
  if (m->bound != NUMBERS_EXACT)
    put_item (o, "bound", cJSON_CreateStringReference (bounds[m->bound]));
  return o;
}

static char *
mention_text (const View *v, const NumbersMention *m)
{
  return g_strndup (v->norm + m->start, m->end - m->start);
}

/* Remembers the first mention of a class as the outcome's span/value. */
static void
take_mention (Outcome *o, const View *v, const NumbersMention *m)
{
  if (o->quiet)
    return; /* span and value are for the explanation */
  g_free (o->span);
  o->span = mention_text (v, m);
  if (o->value)
    cJSON_Delete (o->value);
  o->value = mention_json (m);
}

static void
note_mention (Outcome *o, const View *v, const NumbersMention *m, QClass c)
{
  if (o->quiet)
    return;
  g_autofree char *t = mention_text (v, m);
  if (c == Q_OTHER)
    outcome_note (o, "\"%s\": other_value, listed in the key for another "
                  "channel or case, not a contradiction", t);
  else if (c == Q_VAGUE)
    outcome_note (o, "\"%s\": a range or bound around the key value, "
                  "neither right nor wrong", t);
  else if (c == Q_UNIT)
    outcome_note (o, "\"%s\": counted in %s; the key counts %s", t,
                  m->unit == NUMBERS_UNIT_DAY ? "calendar days"
                                              : "working days",
                  m->unit == NUMBERS_UNIT_DAY ? "working days"
                                              : "calendar days");
  else if (c == Q_CONTRA)
    outcome_note (o, "\"%s\": contradicts the key", t);
}

static void
match_quantity (const Fact *f, const View *v, Outcome *o)
{
  const NumbersMention *first[Q_UNIT + 1] = {NULL};
  for (guint i = 0; i < v->amounts->len; i++) {
    const NumbersMention *m = &g_array_index (v->amounts, NumbersMention, i);
    QClass c = classify (f, m);
    if (c == Q_IGNORE)
      continue;
    if (first[c] == NULL)
      first[c] = m;
    else if (c != Q_MATCH)
      note_mention (o, v, m, c);
    if (c != Q_MATCH && first[c] == m && c != Q_CONTRA && c != Q_OTHER)
      note_mention (o, v, m, c);
  }
  const char *what = f->value.unit == NUMBERS_UNIT_VND ? "amount" : "duration";
  if (first[Q_CONTRA]) {
    o->status = ST_CONTRADICTION;
    take_mention (o, v, first[Q_CONTRA]);
    reason_printf (o, "states \"%s\", a different %s than the key "
                     "%s%s", o->span, what, o->expected,
                     first[Q_MATCH] ? " (the key value also appears)" : "");
  } else if (first[Q_MATCH]) {
    o->status = ST_MATCHED;
    take_mention (o, v, first[Q_MATCH]);
    reason_printf (o, "states the key %s %s", what, o->expected);
  } else if (first[Q_OTHER]) {
    o->status = ST_OTHER;
    take_mention (o, v, first[Q_OTHER]);
    reason_printf (o, "states only \"%s\", a value the key lists "
                     "in other_values (another channel or case); the key "
                     "%s %s is not stated", o->span, what, o->expected);
  } else {
    o->status = ST_MISSING;
    reason_printf (o, "no %s of the key's kind found (expected %s)",
                     what, o->expected);
  }
  if (first[Q_OTHER] && o->status != ST_OTHER)
    note_mention (o, v, first[Q_OTHER], Q_OTHER);
}

/* ---- names, phrases, citations, lists ----------------------------------------- */

static void
match_phrase (const Fact *f, const View *v, Outcome *o)
{
  const char *hay = f->type == FACT_AGENCY ? v->agency : v->phrase;
  int i = find_alias (f->aliases, v, hay);
  if (i < 0) {
    o->status = ST_MISSING;
    if (!o->quiet) {
      g_string_assign (o->reason, "names none of ");
      list_aliases (o->reason, f->aliases);
    }
    return;
  }
  o->status = ST_MATCHED;
  outcome_alias_hit (o, f->aliases->form[v->lenient]->pdata[i],
                     f->aliases->raw->pdata[i]);
  reason_printf (o, "names \"%s\"",
                   (char *) f->aliases->raw->pdata[i]);
}

static void
match_citation (const Fact *f, const View *v, Outcome *o)
{
  for (guint i = 0; f->doc_canonical && i < v->cites->len; i++) {
    const CitationMention *c = v->cites->pdata[i];
    if (citation_matches (c, f->doc_canonical)) {
      o->status = ST_MATCHED;
      if (!o->quiet) {
        o->span = g_strndup (v->norm + c->start, c->end - c->start);
        o->value = cJSON_CreateString (c->canonical);
      }
      reason_printf (o, "cites %s", f->doc_canonical);
      return;
    }
  }
  int a = find_alias (f->aliases, v, v->phrase);
  if (a >= 0) {
    o->status = ST_MATCHED;
    outcome_alias_hit (o, f->aliases->form[v->lenient]->pdata[a], f->doc);
    reason_printf (o, "names \"%s\"", f->doc);
    return;
  }
  o->status = ST_MISSING;
  reason_printf (o, "does not cite \"%s\"", f->doc);
  for (guint i = 0; i < v->cites->len && i < 5; i++)
    outcome_note (o, "cites %s instead",
                  ((CitationMention *) v->cites->pdata[i])->canonical);
}

static void
match_list (const Fact *f, const View *v, Outcome *o)
{
  guint hits = 0;
  cJSON *found = NULL, *missing = NULL; /* for the explanation */
  if (!o->quiet) {
    found = cJSON_CreateArray ();
    missing = cJSON_CreateArray ();
  }
  for (guint i = 0; i < f->items->len; i++) {
    const Aliases *a = f->items->pdata[i];
    int k = find_alias (a, v, v->phrase);
    if (!o->quiet)
      cJSON_AddItemToArray (k >= 0 ? found : missing,
                            cJSON_CreateString (a->raw->pdata[k >= 0 ? k
                                                                     : 0]));
    hits += k >= 0;
  }
  double recall = (double) hits / f->items->len;
  o->status = recall + 1e-9 >= f->min_recall ? ST_MATCHED : ST_MISSING;
  if (o->quiet)
    return;
  o->value = cJSON_CreateObject ();
  put_item (o->value, "recall",
            cJSON_CreateNumber (round (recall * 1e4) / 1e4));
  put_item (o->value, "found", found);
  put_item (o->value, "missing", missing);
  reason_printf (o, "names %u of %u components (recall %.2f, "
                   "needs %.2f)", hits, f->items->len, recall, f->min_recall);
}

/* ---- choice --------------------------------------------------------------------- */

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Letters the answer picks: "B", "B.", "(B)" at the start, or after
 * đáp án / phương án / chọn / câu trả lời (đúng) (là). */
/* "a|b|c" of the words normalized in the mode, escaped for a regex. */
static char *
word_alternatives (const char *const *words, gboolean lenient)
{
  GString *s = g_string_new (NULL);
  for (gsize i = 0; words[i]; i++) {
    g_autofree char *n = normalize_text (words[i], lenient);
    g_autofree char *e = g_regex_escape_string (n, -1);
    g_string_append_printf (s, "%s%s", i ? "|" : "", e);
  }
  return g_string_free (s, FALSE);
}

static GRegex *
letter_regex (gboolean lenient)
{
  static GRegex *re[2];
  static gsize once[2];
  static const char *const cues[] = {"đáp án", "phương án", "lựa chọn",
                                     "chọn", "câu trả lời", "trả lời", NULL};
  static const char *const right[] = {"đúng", "chính xác", NULL};
  static const char *const la[] = {"là", NULL};
  int m = lenient ? 1 : 0;
  if (g_once_init_enter (&once[m])) {
    g_autofree char *c = word_alternatives (cues, lenient);
    g_autofree char *r = word_alternatives (right, lenient);
    g_autofree char *l = word_alternatives (la, lenient);
    g_autofree char *pat = g_strdup_printf (
        "(?:^|\\n)\\s*\\(?([a-h])\\s*(?:[).:,]|$)"
        "|(?:%s)(?:\\s+(?:%s))?(?:\\s+(?:%s))?\\s*:?\\s*\\(?([a-h])"
        "(?![\\p{L}\\p{N}])", c, r, l);
    re[m] = g_regex_new (pat, G_REGEX_OPTIMIZE, 0, NULL);
    g_assert (re[m] != NULL); /* built from constants */
    g_once_init_leave (&once[m], 1);
  }
  return re[m];
}

static Choice *
choice_by_letter (const JudgeKey *key, const char *letter)
{
  for (guint i = 0; i < key->choices->len; i++) {
    Choice *c = key->choices->pdata[i];
    if (g_ascii_strcasecmp (c->letter, letter) == 0)
      return c;
  }
  return NULL;
}

/* Collects picked letters (upper case) into set; returns the first span. */
static char *
picked_letters (const JudgeKey *key, const View *v, GHashTable *set)
{
  char *span = NULL;
  g_autoptr (GMatchInfo) mi = NULL;
  g_regex_match (letter_regex (v->lenient), v->norm, 0, &mi);
  while (g_match_info_matches (mi)) {
    g_autofree char *l1 = g_match_info_fetch (mi, 1);
    g_autofree char *l2 = g_match_info_fetch (mi, 2);
    const char *l = l1 && l1[0] ? l1 : l2;
    if (l && l[0] && choice_by_letter (key, l)) {
      g_hash_table_add (set, g_ascii_strup (l, -1));
      if (span == NULL)
        span = g_strstrip (g_match_info_fetch (mi, 0));
    }
    if (!g_match_info_next (mi, NULL))
      break;
  }
  return span;
}

/* "B", or "A,B" when several letters were picked (sorted). */
static cJSON *
letters_json (GHashTable *letters)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (
      letters, NULL);
  guint n = g_hash_table_size (letters);
  qsort (keys, n, sizeof *keys, compare_strings);
  g_autofree char *joined = g_strjoinv (",", (char **) keys);
  return cJSON_CreateString (joined);
}

static void
match_choice (const JudgeKey *key, const Fact *f, const View *v, Outcome *o)
{
  g_autoptr (GHashTable) letters = g_hash_table_new_full (g_str_hash,
                                                          g_str_equal, g_free,
                                                          NULL);
  g_autofree char *span = picked_letters (key, v, letters);
  guint n = g_hash_table_size (letters);
  gboolean right = g_hash_table_contains (letters, f->answer);
  if (n > 0) {
    o->span = g_steal_pointer (&span);
    o->status = right && n == 1 ? ST_MATCHED : ST_CONTRADICTION;
    o->value = letters_json (letters);
    if (o->status == ST_MATCHED)
      reason_printf (o, "picks %s", f->answer);
    else
      reason_printf (o, "picks %u option(s) by letter%s; the key "
                       "is %s", n, right ? ", including the key" : "",
                       f->answer);
    return;
  }
  /* No letter: the option text decides, when exactly one is stated. */
  const Choice *hit = NULL;
  guint texts = 0;
  for (guint i = 0; i < key->choices->len; i++) {
    const Choice *c = key->choices->pdata[i];
    if (find_alias (c->text, v, v->phrase) >= 0) {
      texts++;
      hit = c;
    }
  }
  if (texts == 1) {
    gboolean ok = strcmp (hit->letter, f->answer) == 0;
    o->status = ok ? ST_MATCHED : ST_CONTRADICTION;
    outcome_alias_hit (o, hit->text->form[v->lenient]->pdata[0],
                       hit->letter);
    reason_printf (o, "states the text of option %s; the key is %s",
                     hit->letter, f->answer);
    return;
  }
  o->status = ST_MISSING;
  if (texts > 1)
    reason_printf (o, "states the text of %u options and picks "
                     "none (the key is %s)", texts, f->answer);
  else
    reason_printf (o, "picks no option (the key is %s)", f->answer);
}

/* ---- refusal ---------------------------------------------------------------------- */

static const char *const refusal_markers[] = {
  "xin lỗi", "không có thông tin", "chưa có thông tin", "không tìm thấy",
  "không đủ thông tin", "không thể trả lời", "không thể cung cấp",
  "không có dữ liệu", "ngoài phạm vi", "không thuộc phạm vi", "không rõ",
  "không biết", "không chắc", "vui lòng liên hệ", "đề nghị liên hệ",
  "nên liên hệ", "hãy liên hệ", "liên hệ trực tiếp", "tổng đài",
  "không hỗ trợ", "chưa được cập nhật", "từ chối",
};

static const Aliases *
refusal_aliases (void)
{
  static Aliases *a;
  static gsize once;
  if (g_once_init_enter (&once)) {
    Aliases *t = aliases_new ();
    for (gsize i = 0; i < G_N_ELEMENTS (refusal_markers); i++)
      (void) aliases_add (t, refusal_markers[i], FALSE);
    a = t;
    g_once_init_leave (&once, 1);
  }
  return a;
}

static void
match_refusal (const Fact *f, const View *v, Outcome *o)
{
  if (v->amounts->len > 0) {
    const NumbersMention *m = &g_array_index (v->amounts, NumbersMention, 0);
    o->status = ST_CONTRADICTION;
    take_mention (o, v, m);
    reason_printf (o, "states \"%s\" where the right answer "
                     "declines or refers on: an invented fee or time", o->span);
    return;
  }
  const Aliases *sets[2] = {f->aliases, refusal_aliases ()};
  for (int s = 0; s < 2; s++) {
    int i = find_alias (sets[s], v, v->phrase);
    if (i >= 0) {
      o->status = ST_MATCHED;
      outcome_alias_hit (o, sets[s]->form[v->lenient]->pdata[i],
                         sets[s]->raw->pdata[i]);
      reason_printf (o, "declines or refers on (\"%s\")",
                       (char *) sets[s]->raw->pdata[i]);
      return;
    }
  }
  o->status = ST_MISSING;
  reason_printf (o, "neither declines nor refers the citizen on");
}

/* ---- one pass over the key ---------------------------------------------------------- */

static void
outcome_init (Outcome *o, const Fact *f, GString *reason)
{
  memset (o, 0, sizeof *o);
  o->quiet = reason == NULL;
  if (o->quiet)
    return; /* no reason to write, nothing to show as expected */
  g_string_truncate (reason, 0);
  o->reason = reason;
  o->expected = f->expected;
}

static void
match_fact (const JudgeKey *key, const Fact *f, const View *v, Outcome *o)
{
  switch (f->type) {
  case FACT_MONEY:
  case FACT_DURATION: match_quantity (f, v, o); break;
  case FACT_AGENCY:
  case FACT_PHRASE: match_phrase (f, v, o); break;
  case FACT_CITATION: match_citation (f, v, o); break;
  case FACT_LIST: match_list (f, v, o); break;
  case FACT_CHOICE: match_choice (key, f, v, o); break;
  case FACT_REFUSAL: match_refusal (f, v, o); break;
  default: break;
  }
}

#define PUT_LITERAL VB_GSTRING_PUT_LITERAL

/* One of this file's constant names (letters and '_': nothing to
 * escape), quoted. */
static void
put_name (GString *out, const char *name)
{
  g_string_append_c (out, '"');
  vb_gstring_put (out, name, strlen (name));
  g_string_append_c (out, '"');
}

/* One fact's explanation, its members in judge.h's order. Written, not
 * built as a tree: every answer has one per fact, and the tree was
 * a tenth of scoring (made, walked, dropped). */
static void
outcome_append (GString *out, const Fact *f, const Outcome *o)
{
  PUT_LITERAL (out, "{\"type\":");
  put_name (out, fact_type_names[f->type]);
  PUT_LITERAL (out, ",\"required\":");
  jsonw_append_bool (out, f->required);
  PUT_LITERAL (out, ",\"weight\":");
  jsonw_append_number (out, f->weight);
  PUT_LITERAL (out, ",\"status\":");
  put_name (out, status_names[o->status]);
  PUT_LITERAL (out, ",\"span\":");
  jsonw_append_string_or_null (out, o->span);
  PUT_LITERAL (out, ",\"value\":");
  if (o->value)
    jsonw_append_cjson (out, o->value);
  else
    PUT_LITERAL (out, "null");
  if (o->expected) {
    PUT_LITERAL (out, ",\"expected\":");
    jsonw_append_string (out, o->expected);
  }
  PUT_LITERAL (out, ",\"reason\":");
  jsonw_append_string (out, o->reason->str);
  if (o->notes) {
    PUT_LITERAL (out, ",\"notes\":");
    jsonw_append_cjson (out, o->notes);
  }
  g_string_append_c (out, '}');
}

typedef struct {
  double matched, total;
  gboolean required_ok;
  int contradictions;
} Tally;

/* The span of the first hit of a forbid rule, or NULL. */
static char *
forbid_hit (const Fact *rule, const View *v)
{
  if (rule->type == FACT_PHRASE) {
    int i = find_alias (rule->aliases, v, v->phrase);
    return i < 0 ? NULL
                 : phrase_span (rule->aliases->form[v->lenient]->pdata[i]);
  }
  for (guint i = 0; i < v->amounts->len; i++) {
    const NumbersMention *m = &g_array_index (v->amounts, NumbersMention, i);
    if (classify (rule, m) == Q_MATCH)
      return mention_text (v, m);
  }
  return NULL;
}

/* Counts the forbid rules' hits in t (which starts at zero) and, when out
 * is not NULL, appends each hit's explanation. */
static void
run_forbid (const JudgeKey *key, const View *v, GString *out, Tally *t)
{
  for (guint i = 0; i < key->forbid->len; i++) {
    const Fact *rule = key->forbid->pdata[i];
    g_autofree char *span = forbid_hit (rule, v);
    if (span == NULL)
      continue;
    if (out == NULL) {
      t->contradictions++;
      continue;
    }
    if (t->contradictions > 0) /* a hit is written already */
      g_string_append_c (out, ',');
    t->contradictions++;
    PUT_LITERAL (out, "{\"rule\":");
    jsonw_append_number (out, i);
    PUT_LITERAL (out, ",\"span\":");
    jsonw_append_string (out, span);
    PUT_LITERAL (out, ",\"reason\":");
    jsonw_append_string (out, rule->reason ? rule->reason
                                            : "matches a forbid rule");
    g_string_append_c (out, '}');
  }
}

/* One pass of the key over a view. With facts_out (the strict pass), each
 * fact's explanation goes there as "facts":[…] and the forbid hits as
 * ,"forbid":[…]; without (the lenient pass), only the tally is kept. */
static Tally
run_key (const JudgeKey *key, const View *v, GString *out)
{
  Tally t = {0, 0, TRUE, 0};
  g_autoptr (GString) reason = out ? g_string_sized_new (256) : NULL;
  if (out)
    PUT_LITERAL (out, "\"facts\":[");
  for (guint i = 0; i < key->facts->len; i++) {
    const Fact *f = key->facts->pdata[i];
    Outcome o;
    outcome_init (&o, f, reason);
    match_fact (key, f, v, &o);
    t.total += f->weight;
    if (o.status == ST_MATCHED)
      t.matched += f->weight;
    else if (f->required)
      t.required_ok = FALSE;
    if (o.status == ST_CONTRADICTION)
      t.contradictions++;
    if (out) {
      if (i > 0)
        g_string_append_c (out, ',');
      outcome_append (out, f, &o);
    }
    outcome_clear (&o);
  }
  if (out)
    PUT_LITERAL (out, "],\"forbid\":[");
  Tally forbid = {0, 0, TRUE, 0};
  run_forbid (key, v, out, &forbid);
  t.contradictions += forbid.contradictions;
  if (out)
    g_string_append_c (out, ']');
  return t;
}

static double
tally_score (const Tally *t)
{
  gboolean correct = t->required_ok && t->contradictions == 0;
  double s = t->total > 0 ? t->matched / t->total : (correct ? 1 : 0);
  return round (s * 1e6) / 1e6;
}

/* The judgement's leading members, then body ("facts":[…],"forbid":[…]). */
static void
judgement_append (GString *out, const JudgeTotals *t, const GString *body)
{
  PUT_LITERAL (out, "{\"score\":");
  jsonw_append_number (out, t->score);
  PUT_LITERAL (out, ",\"correct\":");
  jsonw_append_bool (out, t->correct);
  PUT_LITERAL (out, ",\"lenient_score\":");
  jsonw_append_number (out, t->lenient_score);
  PUT_LITERAL (out, ",\"contradictions\":");
  jsonw_append_number (out, t->contradictions);
  g_string_append_c (out, ',');
  vb_gstring_put (out, body->str, body->len);
  g_string_append_c (out, '}');
}

static void
judge_no_answer (const JudgeKey *key, GString *out, JudgeTotals *totals)
{
  *totals = (JudgeTotals) {0, 0, FALSE, 0};
  g_autoptr (GString) body = g_string_new ("\"facts\":[");
  g_autoptr (GString) reason = g_string_new (NULL);
  for (guint i = 0; i < key->facts->len; i++) {
    const Fact *f = key->facts->pdata[i];
    Outcome o;
    outcome_init (&o, f, reason);
    g_string_assign (o.reason, "no answer");
    if (i > 0)
      g_string_append_c (body, ',');
    outcome_append (body, f, &o);
    outcome_clear (&o);
  }
  PUT_LITERAL (body, "],\"forbid\":[]");
  judgement_append (out, totals, body);
}

void
judge_answer_append (const JudgeKey *key, const char *answer, GString *out,
                     JudgeTotals *totals)
{
  if (answer == NULL) {
    judge_no_answer (key, out, totals);
    return;
  }
  g_autoptr (GString) body = g_string_sized_new (1024);
  View v;
  view_init (&v, normalize_text (answer, FALSE), FALSE, key->needs);
  Tally strict = run_key (key, &v, body);
  char *folded = normalize_fold_diacritics (v.norm);
  view_clear (&v);
  view_init (&v, folded, TRUE, key->needs);
  Tally lenient = run_key (key, &v, NULL);
  view_clear (&v);
  *totals = (JudgeTotals) {
    .score = tally_score (&strict),
    .lenient_score = tally_score (&lenient),
    .correct = strict.required_ok && strict.contradictions == 0,
    .contradictions = strict.contradictions,
  };
  judgement_append (out, totals, body);
}

void
judge_answer_append_len (const JudgeKey *key, const char *answer, gsize len,
                         GString *out, JudgeTotals *totals)
{
  if (answer == NULL || memchr (answer, '\0', len) == NULL) {
    judge_answer_append (key, answer, out, totals);
    return;
  }
  g_autofree char *copy = g_memdup2 (answer, len + 1);
  copy[len] = '\0';
  for (gsize i = 0; i < len; i++)
    if (copy[i] == '\0')
      copy[i] = ' ';
  judge_answer_append (key, copy, out, totals);
}

cJSON *
judge_answer (const JudgeKey *key, const char *answer)
{
  g_autoptr (GString) text = g_string_new (NULL);
  JudgeTotals totals;
  judge_answer_append (key, answer, text, &totals);
  cJSON *j = cJSON_ParseWithLength (text->str, text->len);
  g_assert (j != NULL); /* written by judge_answer_append */
  return j;
}
