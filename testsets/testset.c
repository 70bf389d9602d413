/* Question-set loader and validator. Schema: testsets/README.md. The fact
 * schema itself is checked by compiling each turn's key with the judge, so
 * the validator and the scorer can never disagree on what a fact is. */
#include "testsets/testset.h"

#include <string.h>

#include "rundir/item_kind.h"
#include "scoring/judge.h"
#include "util/input_file.h"
#include "util/jsonl.h"
#include "util/sha256.h"

G_DEFINE_QUARK (vabench-testset-error-quark, testset_error)

static void
turn_free (gpointer p)
{
  TsTurn *t = p;
  g_free (t->question);
  judge_key_free (t->key);
  g_free (t);
}

static void
variant_free (gpointer p)
{
  TsVariant *v = p;
  g_free (v->type);
  g_strfreev (v->turns);
  g_free (v);
}

static void
item_free (gpointer p)
{
  TsItem *it = p;
  if (it == NULL)
    return;
  g_free (it->id);
  g_free (it->category);
  g_free (it->kind);
  g_ptr_array_unref (it->turns);
  g_ptr_array_unref (it->variants);
  g_free (it->valid_from);
  g_free (it->valid_until);
  g_strfreev (it->canary);
  g_free (it);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsItem, item_free)

void
testset_free (Testset *set)
{
  if (set == NULL)
    return;
  g_free (set->path);
  g_free (set->name);
  g_free (set->version);
  g_free (set->as_of);
  g_free (set->canary);
  g_free (set->sha256);
  judge_topics_unref (set->topics);
  if (set->categories)
    g_hash_table_unref (set->categories);
  g_ptr_array_unref (set->items);
  g_hash_table_unref (set->by_id);
  g_free (set);
}

const TsItem *
testset_lookup (const Testset *set, const char *id)
{
  return g_hash_table_lookup (set->by_id, id);
}

static gboolean
invalid (GError **error, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError **error, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error_literal (error, TESTSET_ERROR, TESTSET_ERROR_INVALID, msg);
  return FALSE;
}

/* Limits of a question set (testsets/README.md, "Limits"). A contest's
 * sets hold hundreds to thousands of items; the benchmarks use 200,000. */
#define TESTSET_MAX_BYTES ((gsize) 256 * 1024 * 1024)
#define TESTSET_MAX_LINE ((gsize) 1024 * 1024)
#define TESTSET_MAX_ITEMS 250000
#define TESTSET_ID_MAX 128

gboolean
testset_id_valid (const char *id)
{
  gsize n = 0;
  for (; id[n]; n++)
    if (!g_ascii_isalnum (id[n]) && id[n] != '-' && id[n] != '_'
        && id[n] != '.')
      return FALSE;
  return n > 0 && n <= TESTSET_ID_MAX;
}

static gboolean
check_id (const char *id, const char *field, GError **error)
{
  if (testset_id_valid (id))
    return TRUE;
  return invalid (error,
                  "field \"%s\": \"%s\" is not an id: 1 to %d ASCII "
                  "letters, digits, '-', '_' or '.' (ids are joined into "
                  "keys: a '/' could make two questions one)",
                  field, id, TESTSET_ID_MAX);
}

static gboolean
check_nonempty (const char *s, const char *field, GError **error)
{
  if (s != NULL && *s == '\0')
    return invalid (error, "field \"%s\": must not be empty", field);
  return TRUE;
}

/* The usual shape, YYYY-MM-DD with digits only, read in place (every item
 * has a date; splitting it was a twentieth of loading a set). */
static gboolean
plain_date (const char *s, guint64 *y, guint64 *m, guint64 *d)
{
  static const char shape[] = "9999-99-99";
  for (int i = 0; i < 10; i++)
    if (shape[i] == '9' ? !g_ascii_isdigit (s[i]) : s[i] != '-')
      return FALSE;
  if (s[10] != '\0')
    return FALSE;
  *y = (guint64) ((s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10
                  + (s[3] - '0'));
  *m = (guint64) ((s[5] - '0') * 10 + (s[6] - '0'));
  *d = (guint64) ((s[8] - '0') * 10 + (s[9] - '0'));
  return TRUE;
}

gboolean
testset_date_check (const char *s, const char *field, GError **error)
{
  /* Only the one shape: windows are compared as strings. */
  guint64 y = 0, m = 0, d = 0;
  if (s != NULL && plain_date (s, &y, &m, &d) && y >= 1900 && y <= 2200
      && m >= 1 && m <= 12 && d >= 1 && d <= 31
      && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return TRUE;
  return invalid (error, "field \"%s\": \"%s\" is not a date YYYY-MM-DD",
                  field, s ? s : "(null)");
}

/* The header's "categories": {"cu-tru": "Cư trú", …}, the display names
 * reports show instead of the codes. */
static gboolean
parse_categories (const cJSON *h, Testset *set, GError **error)
{
  const cJSON *cats = cJSON_GetObjectItemCaseSensitive (h, "categories");
  if (cats == NULL)
    return TRUE;
  if (!cJSON_IsObject (cats))
    return invalid (error, "header: field \"categories\": expected an "
                           "object of category → display name");
  set->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           g_free);
  const cJSON *c;
  cJSON_ArrayForEach (c, cats)
  {
    if (!cJSON_IsString (c) || *c->valuestring == '\0' || *c->string == '\0')
      return invalid (error, "header: field \"categories.%s\": expected a "
                             "non-empty display name", c->string);
    g_hash_table_insert (set->categories, g_strdup (c->string),
                         g_strdup (c->valuestring));
  }
  return TRUE;
}

static gboolean
canary_string_ok (const char *s)
{
  gsize n = 0;
  for (; s[n]; n++)
    if (!g_ascii_isalnum (s[n]) && s[n] != '-' && s[n] != '_')
      return FALSE;
  return n >= 12;
}

static gboolean
parse_header (const cJSON *obj, Testset *set, GError **error)
{
  const cJSON *h = NULL;
  if (!jsonl_get_object (obj, "testset", FALSE, &h, error))
    return FALSE;
  const char *name = NULL, *version = NULL, *as_of = NULL, *vis = NULL,
             *canary = NULL;
  if (!jsonl_get_string (h, "name", FALSE, &name, error)
      || !jsonl_get_string (h, "version", TRUE, &version, error)
      || !jsonl_get_string (h, "as_of", TRUE, &as_of, error)
      || !jsonl_get_string (h, "visibility", TRUE, &vis, error)
      || !jsonl_get_string (h, "canary", TRUE, &canary, error)) {
    g_prefix_error (error, "header: ");
    return FALSE;
  }
  /* Searched in every answer: a short or spaced one would be found by
   * chance. */
  if (canary && !canary_string_ok (canary))
    return invalid (error,
                    "header: field \"canary\": \"%s\" is not a canary: "
                    "write 12 or more ASCII letters, digits, '-' or '_' "
                    "(e.g. vabench-canary-89eb30ce4cb79f2b)",
                    canary);
  if (vis && strcmp (vis, "public") != 0 && strcmp (vis, "hidden") != 0)
    return invalid (error,
                    "header: field \"visibility\": \"%s\" is neither "
                    "\"public\" nor \"hidden\"",
                    vis);
  if (as_of && !testset_date_check (as_of, "testset.as_of", error))
    return FALSE;
  if (!parse_categories (h, set, error)
      || !check_id (name, "testset.name", error))
    return FALSE;
  const cJSON *topics = cJSON_GetObjectItemCaseSensitive (h, "topics");
  if (topics != NULL && !judge_topics_read (set->topics, topics, error)) {
    g_prefix_error (error, "header: ");
    return FALSE;
  }
  g_free (set->name);
  set->name = g_strdup (name);
  set->version = g_strdup (version);
  set->as_of = g_strdup (as_of);
  set->canary = g_strdup (canary);
  set->hidden = vis && strcmp (vis, "hidden") == 0;
  return TRUE;
}

typedef struct {
  Testset *set;
  guint records;
  JudgeCompiler *jc; /* alias lists shared by the set's keys */
} LoadState;

/* The topic of obj (an item or a turn): an id of the header's topics or
 * an inline {"id", "name", "aliases"}; NULL when it has none. */
static gboolean
parse_topic (const cJSON *obj, LoadState *st, const char **id,
             GError **error)
{
  const cJSON *t = cJSON_GetObjectItemCaseSensitive (obj, "topic");
  *id = NULL;
  if (t == NULL)
    return TRUE;
  if (cJSON_IsObject (t)) {
    if (!judge_topics_add (st->set->topics, NULL, t, error))
      return FALSE;
    *id = cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (t, "id"));
    return TRUE;
  }
  if (!cJSON_IsString (t))
    return invalid (error, "field \"topic\": expected a topic id or "
                           "{\"id\", \"name\", \"aliases\"}");
  *id = t->valuestring;
  return TRUE;
}

static gboolean
parse_turn (const cJSON *obj, TsItem *it, const cJSON *choices,
            const char *item_topic, LoadState *st, GError **error)
{
  const char *q = NULL, *topic = NULL;
  const cJSON *facts = NULL, *forbid = NULL;
  if (!jsonl_get_string (obj, "question", FALSE, &q, error)
      || !check_nonempty (q, "question", error)
      || !jsonl_get_array (obj, "facts", FALSE, &facts, error)
      || !jsonl_get_array (obj, "forbid", TRUE, &forbid, error)
      || !parse_topic (obj, st, &topic, error))
    return FALSE;
  TsTurn *t = g_new0 (TsTurn, 1);
  t->question = g_strdup (q);
  g_ptr_array_add (it->turns, t);
  /* Compiling the key validates the facts, and the scorer reuses it
   * instead of compiling it again per answer. */
  t->key = judge_key_compile (st->jc, it->kind, facts, forbid, choices,
                              error);
  if (t->key == NULL)
    return FALSE;
  judge_key_set_question (t->key, q);
  topic = topic ? topic : item_topic;
  return topic == NULL
         || judge_key_set_topic (t->key, st->set->topics, topic, error);
}

static gboolean
parse_turns (const cJSON *obj, TsItem *it, const cJSON *choices,
             LoadState *st, GError **error)
{
  const char *topic = NULL;
  if (!parse_topic (obj, st, &topic, error))
    return FALSE;
  if (strcmp (it->kind, item_kind_name (ITEM_KIND_CONVERSATION)) != 0)
    return parse_turn (obj, it, choices, topic, st, error);
  const cJSON *turns = NULL;
  if (!jsonl_get_array (obj, "turns", FALSE, &turns, error))
    return FALSE;
  int n = cJSON_GetArraySize (turns);
  if (n < 2 || n > 4)
    return invalid (error, "field \"turns\": a conversation has 2 to 4 "
                           "turns, found %d", n);
  for (int i = 0; i < n; i++) {
    const cJSON *t = cJSON_GetArrayItem (turns, i);
    if (!cJSON_IsObject (t))
      return invalid (error, "field \"turns[%d]\": expected an object", i);
    if (!parse_turn (t, it, choices, topic, st, error)) {
      g_prefix_error (error, "turns[%d]: ", i);
      return FALSE;
    }
  }
  return TRUE;
}

static gboolean
parse_variant (const cJSON *v, int i, TsItem *it, GError **error)
{
  if (!cJSON_IsObject (v))
    return invalid (error, "field \"variants[%d]\": expected an object", i);
  const char *type = NULL, *text = NULL;
  char **turns = NULL;
  if (!jsonl_get_string (v, "type", FALSE, &type, error)
      || !jsonl_get_string (v, "text", TRUE, &text, error)
      || !jsonl_get_strv (v, "turns", TRUE, &turns, error)) {
    g_prefix_error (error, "variants[%d]: ", i);
    return FALSE;
  }
  guint want = it->turns->len;
  if (text != NULL && turns == NULL && want == 1)
    turns = g_strdupv ((char *[]){ (char *) text, NULL });
  if (turns == NULL || g_strv_length (turns) != want) {
    g_strfreev (turns);
    return invalid (error,
                    "field \"variants[%d]\": needs \"text\" (or \"turns\" "
                    "with one text per turn, %u here)",
                    i, want);
  }
  TsVariant *var = g_new0 (TsVariant, 1);
  var->type = g_strdup (type);
  var->turns = turns;
  g_ptr_array_add (it->variants, var);
  return TRUE;
}

static gboolean
parse_variants (const cJSON *obj, TsItem *it, GError **error)
{
  const cJSON *vars = NULL;
  if (!jsonl_get_array (obj, "variants", TRUE, &vars, error))
    return FALSE;
  int i = 0;
  const cJSON *v;
  cJSON_ArrayForEach (v, vars)
  {
    if (!parse_variant (v, i++, it, error))
      return FALSE;
  }
  return TRUE;
}

/* valid_from/valid_until: dates in one shape compare as strings, so the
 * window is kept as written. */
static gboolean
parse_window (const cJSON *obj, TsItem *it, GError **error)
{
  const char *from = NULL, *until = NULL;
  if (!jsonl_get_string (obj, "valid_from", TRUE, &from, error)
      || (from && !testset_date_check (from, "valid_from", error))
      || !jsonl_get_string (obj, "valid_until", TRUE, &until, error)
      || (until && !testset_date_check (until, "valid_until", error)))
    return FALSE;
  if (from && until && strcmp (from, until) > 0)
    return invalid (error,
                    "field \"valid_until\": \"%s\" is before valid_from "
                    "\"%s\"",
                    until, from);
  it->valid_from = g_strdup (from);
  it->valid_until = g_strdup (until);
  return TRUE;
}

static gboolean
parse_provenance (const cJSON *obj, TsItem *it, GError **error)
{
  g_auto (GStrv) basis = NULL;
  const char *as_of = NULL, *source = NULL, *review = NULL;
  if (!jsonl_get_strv (obj, "legal_basis", FALSE, &basis, error)
      || !jsonl_get_string (obj, "valid_as_of", FALSE, &as_of, error)
      || !testset_date_check (as_of, "valid_as_of", error)
      || !jsonl_get_string (obj, "source", FALSE, &source, error)
      || !check_nonempty (source, "source", error)
      || !jsonl_get_string (obj, "review", FALSE, &review, error))
    return FALSE;
  if (g_strv_length (basis) == 0)
    return invalid (error, "field \"legal_basis\": must name at least one "
                           "document");
  if (strcmp (review, "reviewed") != 0 && strcmp (review, "unreviewed") != 0)
    return invalid (error,
                    "field \"review\": \"%s\" is neither \"reviewed\" nor "
                    "\"unreviewed\"",
                    review);
  it->reviewed = strcmp (review, "reviewed") == 0;
  for (guint i = 0; i < it->turns->len; i++) /* what "has ended" means */
    judge_key_set_as_of (((TsTurn *) it->turns->pdata[i])->key, as_of);
  return parse_window (obj, it, error);
}

static gboolean
parse_item_fields (const cJSON *obj, TsItem *it, const cJSON **choices,
                   const Testset *set, GError **error)
{
  const char *id = NULL, *cat = NULL, *kind = NULL;
  if (!jsonl_get_string (obj, "id", FALSE, &id, error)
      || !check_id (id, "id", error)
      || !jsonl_get_string (obj, "category", FALSE, &cat, error)
      || !check_nonempty (cat, "category", error)
      || !jsonl_get_string (obj, "kind", FALSE, &kind, error))
    return FALSE;
  if (set->categories && !g_hash_table_contains (set->categories, cat))
    return invalid (error, "field \"category\": \"%s\" has no display name "
                           "in the header's \"categories\"", cat);
  ItemKind k;
  if (!item_kind_parse (kind, &k)) {
    g_autofree char *known = item_kind_list ();
    return invalid (error, "field \"kind\": unknown kind \"%s\" (known: %s)",
                    kind, known);
  }
  it->id = g_strdup (id);
  it->category = g_strdup (cat);
  it->kind = g_strdup (kind);
  if (!jsonl_get_strv (obj, "canary", TRUE, &it->canary, error))
    return FALSE;
  for (char **c = it->canary; c && *c; c++)
    if (g_utf8_strlen (g_strstrip (*c), -1) < 4)
      return invalid (error, "field \"canary\": \"%s\" is too short to "
                             "tell a leak from chance (4 characters or more)",
                      *c);
  if (it->canary && it->canary[0] == NULL)
    return invalid (error, "field \"canary\": give at least one phrase");
  if (!jsonl_get_object (obj, "choices", k != ITEM_KIND_MULTIPLE_CHOICE,
                         choices, error))
    return FALSE;
  return TRUE;
}

static gboolean
load_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  LoadState *st = user;
  st->records++;
  if (cJSON_GetObjectItemCaseSensitive (obj, "testset") != NULL) {
    if (st->records != 1) {
      g_set_error (error, TESTSET_ERROR, TESTSET_ERROR_HEADER,
                   "field \"testset\": a header must be the first line");
      return FALSE;
    }
    return parse_header (obj, st->set, error);
  }
  g_autoptr (TsItem) it = g_new0 (TsItem, 1);
  it->line = line;
  it->turns = g_ptr_array_new_with_free_func (turn_free);
  it->variants = g_ptr_array_new_with_free_func (variant_free);
  /* The item copies what it keeps and the turns' keys are compiled, so the
   * JSON stays with the reader, which frees it: a large set no longer holds
   * every item's tree (about half of its memory). */
  const cJSON *choices = NULL;
  if (!parse_item_fields (obj, it, &choices, st->set, error)
      || !parse_turns (obj, it, choices, st, error)
      || !parse_variants (obj, it, error)
      || !parse_provenance (obj, it, error))
    return FALSE;
  const TsItem *dup = g_hash_table_lookup (st->set->by_id, it->id);
  if (dup != NULL) {
    g_set_error (error, TESTSET_ERROR, TESTSET_ERROR_DUPLICATE,
                 "field \"id\": duplicate id \"%s\" (first on line %u)",
                 it->id, dup->line);
    return FALSE;
  }
  g_hash_table_insert (st->set->by_id, it->id, it);
  g_ptr_array_add (st->set->items, g_steal_pointer (&it));
  return TRUE;
}

/* Records (non-blank lines) of data, counted before any is parsed: a set
 * of ten million items is refused at once, not after gigabytes. */
static guint64
count_records (const char *data, gsize len)
{
  guint64 n = 0;
  gboolean blank = TRUE;
  for (gsize i = 0; i < len; i++) {
    char c = data[i];
    if (c == '\n') {
      n += !blank;
      blank = TRUE;
    } else if (c != ' ' && c != '\t' && c != '\r')
      blank = FALSE;
  }
  return n + !blank;
}

static char *
default_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  if (g_str_has_suffix (base, ".jsonl"))
    base[strlen (base) - 6] = '\0';
  return g_steal_pointer (&base);
}

/* Each item's digest: SHA-256 of its line's bytes (without the line
 * end), the first 16 hex digits. Lines are counted as the JSON Lines
 * reader counts them. */
static void
digest_items (Testset *set, const char *data, gsize len)
{
  g_autoptr (GHashTable) by_line = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < set->items->len; i++) {
    TsItem *it = g_ptr_array_index (set->items, i);
    g_hash_table_insert (by_line, GUINT_TO_POINTER (it->line), it);
  }
  guint line = 1;
  for (gsize at = 0; at < len; line++) {
    const char *nl = memchr (data + at, '\n', len - at);
    gsize end = nl ? (gsize) (nl - data) : len;
    TsItem *it = g_hash_table_lookup (by_line, GUINT_TO_POINTER (line));
    if (it) {
      gsize n = end - at;
      if (n > 0 && data[at + n - 1] == '\r')
        n--;
      char hex[65];
      sha256_hex (data + at, n, hex);
      memcpy (it->digest, hex, 16);
      it->digest[16] = '\0';
    }
    at = end + 1;
  }
}

Testset *
testset_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  const InputLimits limits = { TESTSET_MAX_BYTES, TESTSET_MAX_LINE };
  if (!input_file_read (path, &limits, "a question set", &data, &len,
                        TESTSET_ERROR, TESTSET_ERROR_INVALID, error))
    return NULL;
  guint64 records = count_records (data, len);
  if (records > TESTSET_MAX_ITEMS + 1) { /* a header, then the items */
    g_set_error (error, TESTSET_ERROR, TESTSET_ERROR_INVALID,
                 "%s: %" G_GUINT64_FORMAT " records, above the limit of %d "
                 "items for a question set",
                 path, records, TESTSET_MAX_ITEMS);
    return NULL;
  }
  g_autoptr (Testset) set = g_new0 (Testset, 1);
  set->path = g_strdup (path);
  set->name = default_name (path);
  set->items = g_ptr_array_new_with_free_func (item_free);
  set->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  set->topics = judge_topics_new ();
  set->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                             (const guchar *) data, len);
  g_autoptr (JudgeCompiler) jc = judge_compiler_new ();
  LoadState st = { set, 0, jc };
  /* Items keep no JSON (owned strings, compiled keys). */
  if (!jsonl_read_buffer (path, data, len, load_line, &st, NULL, error))
    return NULL;
  if (!testset_id_valid (set->name)) {
    g_set_error (error, TESTSET_ERROR, TESTSET_ERROR_INVALID,
                 "%s:1: the set has no header name and its file name "
                 "\"%s\" is not an id (ASCII letters, digits, '-', '_', "
                 "'.'): give {\"testset\": {\"name\": …}} on the first line",
                 path, set->name);
    return NULL;
  }
  if (set->items->len == 0) {
    g_set_error (error, TESTSET_ERROR, TESTSET_ERROR_INVALID,
                 "%s:1: the file holds a header but no item", path);
    return NULL;
  }
  digest_items (set, data, len);
  return g_steal_pointer (&set);
}

gboolean
testset_item_valid_on (const TsItem *it, const char *date)
{
  return (it->valid_from == NULL || strcmp (it->valid_from, date) <= 0)
         && (it->valid_until == NULL || strcmp (date, it->valid_until) <= 0);
}

char *
testset_item_window (const TsItem *it)
{
  return g_strdup_printf ("%s..%s", it->valid_from ? it->valid_from : "",
                          it->valid_until ? it->valid_until : "");
}

gboolean
testset_require_reviewed (const Testset *set, GError **error)
{
  /* Every item, not the first: an organizer fixes them all in one pass. */
  g_autoptr (GString) msg = g_string_new (NULL);
  guint n = 0;
  for (guint i = 0; i < set->items->len; i++) {
    const TsItem *it = g_ptr_array_index (set->items, i);
    if (it->reviewed)
      continue;
    g_string_append_printf (msg, "%s%s:%u: field \"review\": item \"%s\" is "
                            "not reviewed", n ? "\n" : "", set->path,
                            it->line, it->id);
    n++;
  }
  if (n == 0)
    return TRUE;
  g_string_append_printf (msg, "\n%s: %u of %u items are not reviewed "
                          "(only reviewed items are allowed here)",
                          set->path, n, set->items->len);
  g_set_error_literal (error, TESTSET_ERROR, TESTSET_ERROR_UNREVIEWED,
                       msg->str);
  return FALSE;
}
