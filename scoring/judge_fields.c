/* Alias lists, the compiler that shares them, and the field readers of
 * answer keys (scoring/judge_fields.h): every reader names the field's
 * path in its error (`field "facts[2].value": expected a number`). */
#include "scoring/judge_fields.h"

#include "scoring/names.h"
#include "scoring/normalize.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

/* ---- aliases ------------------------------------------------------------- */

void
judge_aliases_unref (Aliases *a)
{
  if (a == NULL || !g_atomic_int_dec_and_test (&a->ref))
    return;
  g_ptr_array_unref (a->raw);
  g_ptr_array_unref (a->form[0]);
  g_ptr_array_unref (a->form[1]);
  g_array_unref (a->words[0]);
  g_array_unref (a->words[1]);
  if (a->keep_cap)
    g_array_unref (a->keep_cap);
  g_free (a);
}

Aliases *
judge_fields_aliases_new (gboolean agency)
{
  Aliases *a = g_new0 (Aliases, 1);
  a->ref = 1;
  a->raw = g_ptr_array_new_with_free_func (g_free);
  a->form[0] = g_ptr_array_new_with_free_func (g_free);
  a->form[1] = g_ptr_array_new_with_free_func (g_free);
  a->words[0] = g_array_new (FALSE, FALSE, sizeof (NamesWordSet));
  a->words[1] = g_array_new (FALSE, FALSE, sizeof (NamesWordSet));
  if (agency)
    a->keep_cap = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return a;
}

static guint
word_count (const char *phrase)
{
  guint n = 0;
  for (const char *p = phrase; *p; p++)
    n += p[0] == ' ' && p[1] != '\0';
  return n;
}

/* FALSE when raw has no letter or digit to match on. An agency alias is
 * kept with "cấp" when dropping it would leave one word ("cấp xã" must
 * not become "xã", which every commune-level answer says). */
gboolean
judge_fields_aliases_add (Aliases *a, const char *raw)
{
  char *forms[2];
  for (int m = 0; m < 2; m++) {
    g_autofree char *p = normalize_phrase_of (raw, m == 1);
    forms[m] = names_canonical_copy (p, m == 1);
  }
  gboolean keep = FALSE;
  if (a->keep_cap) {
    g_autofree char *dropped = names_agency_form_copy (forms[0], FALSE,
                                                       FALSE);
    keep = word_count (dropped) < 2 && word_count (forms[0]) >= 2;
    for (int m = 0; m < 2; m++) {
      char *f = names_agency_form_copy (forms[m], m == 1, keep);
      g_free (forms[m]);
      forms[m] = f;
    }
  }
  if (strlen (forms[0]) < 3 || strlen (forms[1]) < 3) {
    g_free (forms[0]);
    g_free (forms[1]);
    return FALSE;
  }
  for (int m = 0; m < 2; m++) {
    NamesWordSet ws;
    names_word_set (forms[m], TRUE, &ws);
    g_array_append_val (a->words[m], ws);
  }
  g_ptr_array_add (a->form[0], forms[0]);
  g_ptr_array_add (a->form[1], forms[1]);
  g_ptr_array_add (a->raw, g_strdup (raw));
  if (a->keep_cap)
    g_array_append_val (a->keep_cap, keep);
  return TRUE;
}

int
judge_aliases_find_in (const Aliases *a, gboolean lenient, const char *hay,
                       const NamesWordSet *hay_words, guint *word,
                       guint *words)
{
  if (a == NULL)
    return -1;
  int m = lenient ? 1 : 0;
  GPtrArray *forms = a->form[m];
  for (guint i = 0; i < forms->len; i++)
    if (names_word_set_within (&g_array_index (a->words[m], NamesWordSet, i),
                               hay_words)
        && names_find (hay, forms->pdata[i], lenient, word, words))
      return (int) i;
  return -1;
}

gboolean
judge_aliases_keep_cap (const Aliases *a, guint i)
{
  return a->keep_cap && i < a->keep_cap->len
         && g_array_index (a->keep_cap, gboolean, i);
}

gboolean
judge_same_amount (double a, double b, NumbersUnit unit)
{
  return fabs (a - b) < (unit == NUMBERS_UNIT_VND ? 0.5 : 1e-6);
}

/* ---- the compiler: alias lists shared across a set's keys ----------------- */

struct _JudgeCompiler {
  GHashTable *lists; /* alias_list_key → Aliases* (a reference) */
};

JudgeCompiler *
judge_compiler_new (void)
{
  JudgeCompiler *c = g_new0 (JudgeCompiler, 1);
  c->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) judge_aliases_unref);
  return c;
}

void
judge_compiler_free (JudgeCompiler *c)
{
  if (c == NULL)
    return;
  g_hash_table_unref (c->lists);
  g_free (c);
}

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
    g_string_append_printf (k, "%zu:%s", strlen (s->valuestring),
                            s->valuestring);
  }
  return k;
}

/* ---- validation ------------------------------------------------------------ */

gboolean
judge_fields_error (GError **error, const char *path, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD, "field \"%s\": %s",
               path, msg);
  return FALSE;
}

/* The same for the member name of path ("facts[2]" + "value"): paths are
 * joined only when an error names them. */
gboolean
judge_fields_member_error (GError **error, const char *path, const char *name,
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

const cJSON *
judge_fields_member (const cJSON *obj, const char *name)
{
  return cJSON_GetObjectItemCaseSensitive (obj, name);
}

/* A number ≥ 0; missing is an error unless optional (then *out is kept). */
gboolean
judge_fields_amount (const cJSON *obj, const char *path, const char *name,
                     gboolean optional, double *out, GError **error)
{
  const cJSON *n = judge_fields_member (obj, name);
  if (n == NULL)
    return optional ? TRUE : judge_fields_member_error (error, path, name,
                                                        "missing");
  if (!cJSON_IsNumber (n))
    return judge_fields_member_error (error, path, name, "expected a number");
  if (!isfinite (n->valuedouble) || n->valuedouble < 0
      || n->valuedouble > 1e15)
    return judge_fields_member_error (error, path, name,
                                      "expected a number from 0 to 10^15, "
                                      "found %g",
                                      n->valuedouble);
  *out = n->valuedouble;
  return TRUE;
}

gboolean
judge_fields_text (const cJSON *obj, const char *path, const char *name,
                   gboolean optional, const char **out, GError **error)
{
  const cJSON *n = judge_fields_member (obj, name);
  if (n == NULL)
    return optional ? TRUE : judge_fields_member_error (error, path, name,
                                                        "missing");
  if (!cJSON_IsString (n))
    return judge_fields_member_error (error, path, name, "expected a string");
  if (n->valuestring[0] == '\0' || !g_utf8_validate (n->valuestring, -1, NULL))
    return judge_fields_member_error (error, path, name,
                                      "expected a non-empty UTF-8 string");
  *out = n->valuestring;
  return TRUE;
}

/* A non-empty array of strings with something to match on, shared through
 * the compiler when it has seen the same list. */
gboolean
judge_fields_aliases (JudgeCompiler *jc, const cJSON *arr, const char *path,
                      gboolean agency, Aliases **out, GError **error)
{
  if (!cJSON_IsArray (arr))
    return judge_fields_error (error, path, "expected an array of strings");
  if (arr->child == NULL)
    return judge_fields_error (error, path, "expected at least one string");
  g_autoptr (GString) memo = jc ? alias_list_key (arr, agency) : NULL;
  Aliases *known = memo ? g_hash_table_lookup (jc->lists, memo->str) : NULL;
  if (known != NULL) {
    g_atomic_int_inc (&known->ref);
    *out = known;
    return TRUE;
  }
  Aliases *a = judge_fields_aliases_new (agency);
  int i = 0;
  for (const cJSON *s = arr->child; s; s = s->next, i++) {
    gboolean ok = cJSON_IsString (s)
                  && g_utf8_validate (s->valuestring, -1, NULL);
    if (!ok || !judge_fields_aliases_add (a, s->valuestring)) {
      judge_aliases_unref (a);
      return ok ? judge_fields_error (error, path,
                                      "item %d: \"%s\" has no letter "
                                      "or digit", i, s->valuestring)
                : judge_fields_error (error, path, "item %d: expected a string",
                                      i);
    }
  }
  if (memo) {
    g_atomic_int_inc (&a->ref);
    g_hash_table_replace (jc->lists, g_strdup (memo->str), a);
  }
  *out = a;
  return TRUE;
}

Aliases *
judge_aliases_from_json (const cJSON *arr, const char *path, GError **error)
{
  Aliases *a = NULL;
  return judge_fields_aliases (NULL, arr, path, FALSE, &a, error) ? a : NULL;
}

gboolean
judge_fields_check_known (const cJSON *obj, const char *path,
                          const char *const *allowed, GError **error)
{
  for (const cJSON *c = obj->child; c; c = c->next) {
    gboolean ok = FALSE;
    for (const char *const *a = allowed; *a && !ok; a++)
      ok = strcmp (c->string, *a) == 0;
    if (!ok) {
      g_autofree char *p = g_strdup_printf ("%s.%s", path, c->string);
      const cJSON *type = judge_fields_member (obj, "type");
      return judge_fields_error (error, p, "unknown field for a %s fact",
                                 cJSON_GetStringValue (type));
    }
  }
  return TRUE;
}

#define COMMON "type", "required", "weight", "note", "reason", "source"

const char *const *
judge_fields_allowed (FactType t)
{
  static const char *const money[] = {COMMON, "value", "currency",
                                      "other_values", "channel", "cases",
                                      "about", NULL};
  static const char *const duration[] = {COMMON, "value", "unit",
                                         "other_values", "channel", "cases",
                                         "about", NULL};
  static const char *const any_of[] = {COMMON, "any_of", NULL};
  static const char *const refusal[] = {COMMON, "any_of", "allowed", NULL};
  static const char *const citation[] = {COMMON, "doc", NULL};
  static const char *const list[] = {COMMON, "items", "min_recall", NULL};
  static const char *const choice[] = {COMMON, "answer", NULL};
  static const char *const value[] = {COMMON, "value", NULL};
  switch (t) {
  case FACT_MONEY: return money;
  case FACT_DURATION: return duration;
  case FACT_CITATION: return citation;
  case FACT_LIST: return list;
  case FACT_CHOICE: return choice;
  case FACT_REFUSAL: return refusal;
  case FACT_POLARITY:
  case FACT_DATE: return value;
  default: return any_of;
  }
}

