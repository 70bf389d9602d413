#include "rundir/appeal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "rundir/results.h"
#include "rundir/rundir.h"
#include "util/atomic_file.h"
#include "util/jsonl.h"
#include "util/jsonw.h"
#include "util/sha256.h"

G_DEFINE_QUARK (vabench-appeal-error-quark, appeal_error)

#define GENESIS                                                              \
  "0000000000000000000000000000000000000000000000000000000000000000"

void
appeal_free (Appeal *a)
{
  if (a == NULL)
    return;
  g_free (a->submission);
  g_free (a->testset);
  g_free (a->item);
  g_free (a->variant);
  g_free (a->reviewer);
  g_free (a->reason);
  g_free (a->at);
  g_free (a);
}

const char *
appeal_verdict_name (gboolean correct)
{
  return correct ? "correct" : "wrong";
}

gboolean
appeal_verdict_parse (const char *text, gboolean *correct)
{
  if (g_strcmp0 (text, "correct") == 0 || g_strcmp0 (text, "wrong") == 0) {
    *correct = text[0] == 'c';
    return TRUE;
  }
  return FALSE;
}

static gboolean
input_error (GError **error, const char *field, const char *why)
{
  g_set_error (error, APPEAL_ERROR, APPEAL_ERROR_INPUT, "%s: %s", field, why);
  return FALSE;
}

/* Present, UTF-8, within max characters, no control character (but \n
 * and \t when multiline), and not blank when required. */
static gboolean
check_text (const char *field, const char *s, glong max, gboolean multiline,
            gboolean required, GError **error)
{
  if (s == NULL)
    return input_error (error, field, "missing");
  if (!g_utf8_validate (s, -1, NULL))
    return input_error (error, field, "not valid UTF-8");
  if (g_utf8_strlen (s, -1) > max) {
    g_autofree char *why = g_strdup_printf ("longer than %ld characters",
                                            max);
    return input_error (error, field, why);
  }
  gboolean blank = TRUE;
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (g_unichar_iscntrl (c) && !(multiline && (c == '\n' || c == '\t')))
      return input_error (error, field, "holds a control character");
    blank &= g_unichar_isspace (c);
  }
  if (required && blank)
    return input_error (error, field, "empty");
  return TRUE;
}

gboolean
appeal_check (const Appeal *a, GError **error)
{
  return check_text ("submission", a->submission, 200, FALSE, TRUE, error)
         && check_text ("testset", a->testset, 200, FALSE, TRUE, error)
         && check_text ("item", a->item, 200, FALSE, TRUE, error)
         && check_text ("variant", a->variant, 200, FALSE, TRUE, error)
         && check_text ("reviewer", a->reviewer, APPEAL_REVIEWER_MAX, FALSE,
                        TRUE, error)
         && check_text ("reason", a->reason, APPEAL_REASON_MAX, TRUE, TRUE,
                        error);
}

/* ---- reading and checking ---- */

enum {
  AF_SUBMISSION, AF_TESTSET, AF_ITEM, AF_VARIANT, AF_VERDICT, AF_JUDGED,
  AF_REVIEWER, AF_REASON, AF_AT, AF_SEQ, AF_PREV, AF_N
};
static const char *const fields[AF_N] = {
  "submission", "testset", "item", "variant", "verdict", "judged",
  "reviewer", "reason", "at", "seq", "prev",
};

static gboolean
altered (GError **error, const char *path, guint line, const char *fmt, ...)
    G_GNUC_PRINTF (4, 5);
static gboolean
altered (GError **error, const char *path, guint line, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *why = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  if (line > 0)
    g_set_error (error, APPEAL_ERROR, APPEAL_ERROR_CHAIN,
                 "%s:%u was altered: %s", path, line, why);
  else
    g_set_error (error, APPEAL_ERROR, APPEAL_ERROR_CHAIN,
                 "%s was altered: %s", path, why);
  return FALSE;
}

static const char *
str_value (const JsonlValue *v)
{
  return v->type == cJSON_String ? v->str : NULL;
}

/* One line's decision; FALSE + APPEAL_ERROR_INPUT naming the field. */
static Appeal *
decode (const JsonlValue *v, const char *path, guint line, GError **error)
{
  g_autoptr (Appeal) a = g_new0 (Appeal, 1);
  static const int strings[] = { AF_SUBMISSION, AF_TESTSET, AF_ITEM,
                                 AF_VARIANT, AF_REVIEWER, AF_REASON, AF_AT };
  char **slots[] = { &a->submission, &a->testset, &a->item, &a->variant,
                     &a->reviewer, &a->reason, &a->at };
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++) {
    const char *s = str_value (&v[strings[i]]);
    if (s == NULL || memchr (s, '\0', v[strings[i]].len) != NULL) {
      g_set_error (error, APPEAL_ERROR, APPEAL_ERROR_INPUT,
                   "%s:%u: field \"%s\": expected a string", path, line,
                   fields[strings[i]]);
      return NULL;
    }
    *slots[i] = g_strdup (s);
  }
  static const int verdicts[] = { AF_VERDICT, AF_JUDGED };
  gboolean *vslots[] = { &a->verdict, &a->judged };
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    if (!appeal_verdict_parse (str_value (&v[verdicts[i]]), vslots[i])) {
      g_set_error (error, APPEAL_ERROR, APPEAL_ERROR_INPUT,
                   "%s:%u: field \"%s\": expected \"correct\" or "
                   "\"wrong\"",
                   path, line, fields[verdicts[i]]);
      return NULL;
    }
  a->seq = line;
  return g_steal_pointer (&a);
}

/* Reads DIR/appeals.head: TRUE with its count and hash, FALSE when there
 * is none; a malformed one reads as count G_MAXUINT64 (never matches). */
static gboolean
read_head (const char *dir, guint64 *count, char hash[65])
{
  g_autofree char *path = rundir_path (dir, RUNDIR_APPEALS_HEAD);
  g_autofree char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  g_auto (GStrv) parts = g_strsplit (g_strstrip (text), " ", 2);
  *count = G_MAXUINT64;
  hash[0] = '\0';
  if (g_strv_length (parts) == 2 && strlen (parts[1]) == 64
      && g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT64, count,
                                     NULL))
    memcpy (hash, parts[1], 65);
  return TRUE;
}

/* Walks the file once: the chain, each seq, the head. Decisions go to out
 * (may be NULL), each line's hash to hashes (may be NULL). */
static gboolean
walk (const char *dir, GPtrArray *out, GPtrArray *hashes, guint64 *records,
      char last[65], GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_APPEALS);
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  gboolean present = g_file_get_contents (path, &data, &len, &local);
  if (!present && !g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
    g_propagate_error (error, g_steal_pointer (&local));
    return FALSE;
  }
  g_autoptr (JsonlFlat) flat = jsonl_flat_new (fields, AF_N);
  memcpy (last, GENESIS, 65);
  guint line = 0;
  for (gsize pos = 0; pos < len;) {
    const char *nl = memchr (data + pos, '\n', len - pos);
    line++;
    if (nl == NULL)
      return altered (error, path, line,
                      "the line is incomplete (no newline): an edit, or a "
                      "crash while it was written");
    gsize n = (gsize) (nl - (data + pos));
    const JsonlValue *v = jsonl_flat_line (flat, data + pos, n);
    if (v == NULL || v[AF_PREV].type != cJSON_String)
      return altered (error, path, line, "not a decision record");
    if (strcmp (v[AF_PREV].str, last) != 0 && line == 1)
      return altered (error, path, line,
                      "its prev is not the start of the chain: a decision "
                      "before it was removed");
    if (strcmp (v[AF_PREV].str, last) != 0)
      return altered (error, path, line - 1,
                      "line %u does not follow it (its prev is not this "
                      "line's hash): this line was edited, or a decision "
                      "after it was removed or moved",
                      line);
    if (v[AF_SEQ].type != cJSON_Number || v[AF_SEQ].num != (double) line)
      return altered (error, path, line,
                      "its seq is not %u: a decision before it was removed "
                      "or moved",
                      line);
    sha256_hex (data + pos, n, last);
    if (hashes)
      g_ptr_array_add (hashes, g_strdup (last));
    if (out) {
      Appeal *a = decode (v, path, line, error);
      if (a == NULL)
        return FALSE;
      memcpy (a->hash, last, 65);
      g_ptr_array_add (out, a);
    }
    pos += n + 1;
  }
  *records = line;
  g_autofree char *head_path = rundir_path (dir, RUNDIR_APPEALS_HEAD);
  guint64 head_count = 0;
  char head_hash[65];
  if (!read_head (dir, &head_count, head_hash)) {
    if (line == 0)
      return TRUE;
    return altered (error, head_path, 0,
                    "it is missing, and %s holds %u decision(s): "
                    "`vabench appeal` always writes both",
                    path, line);
  }
  if (head_count == G_MAXUINT64)
    return altered (error, head_path, 0, "it is not \"COUNT HASH\"");
  if (!present && head_count > 0)
    return altered (error, path, 0,
                    "it is missing, and %s counts %" G_GUINT64_FORMAT
                    " decision(s)",
                    head_path, head_count);
  if (head_count != line)
    return altered (error, path, head_count > line ? line + 1 : line,
                    "%s counts %" G_GUINT64_FORMAT " decision(s), the file "
                    "holds %u: decisions were %s",
                    head_path, head_count, line,
                    head_count > line ? "removed" : "added without the "
                                                     "appeal command");
  if (strcmp (head_hash, last) != 0)
    return altered (error, path, line,
                    "its hash differs from the one %s recorded", head_path);
  return TRUE;
}

GPtrArray *
appeal_read (const char *dir, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (
      (GDestroyNotify) appeal_free);
  guint64 n = 0;
  char last[65];
  if (!walk (dir, out, NULL, &n, last, error))
    return NULL;
  return g_steal_pointer (&out);
}

/* results.json's record of the decisions it applied, when it has one. */
static gboolean
check_results_anchor (const char *dir, const GPtrArray *hashes,
                      GError **error)
{
  if (!rundir_has (dir, RUNDIR_RESULTS))
    return TRUE;
  g_autoptr (Results) r = results_read (dir, NULL);
  const cJSON *a = r ? cJSON_GetObjectItemCaseSensitive (r->root, "appeals")
                     : NULL;
  const cJSON *n = cJSON_GetObjectItemCaseSensitive (a, "records");
  const char *h = cJSON_GetStringValue (
      cJSON_GetObjectItemCaseSensitive (a, "sha256"));
  if (!cJSON_IsNumber (n) || n->valuedouble < 0)
    return TRUE; /* scored before any appeal, or by an older vabench */
  g_autofree char *path = rundir_path (dir, RUNDIR_APPEALS);
  guint64 applied = (guint64) n->valuedouble;
  if (applied == 0)
    return TRUE;
  if (applied > hashes->len)
    return altered (error, path, hashes->len + 1,
                    "results.json applied %" G_GUINT64_FORMAT " decision(s); "
                    "the file now holds %u",
                    applied, hashes->len);
  if (h == NULL || strcmp (h, g_ptr_array_index (hashes, applied - 1)) != 0)
    return altered (error, path, (guint) applied,
                    "its hash differs from the one results.json recorded "
                    "when the decisions were applied");
  return TRUE;
}

gboolean
appeal_verify (const char *dir, guint64 *records, GError **error)
{
  g_autoptr (GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  char last[65];
  return walk (dir, NULL, hashes, records, last, error)
         && check_results_anchor (dir, hashes, error);
}

/* ---- appending ---- */

static gboolean
file_error (GError **error, const char *what, const char *path)
{
  int e = errno;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s %s: %s",
               what, path, g_strerror (e));
  return FALSE;
}

static char *
now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
write_line (GString *out, const Appeal *a, const char *at, guint64 seq,
            const char *prev)
{
  JsonwObject o;
  jsonw_begin (&o, out);
  jsonw_string (&o, "submission", a->submission);
  jsonw_string (&o, "testset", a->testset);
  jsonw_string (&o, "item", a->item);
  jsonw_string (&o, "variant", a->variant);
  jsonw_string (&o, "verdict", appeal_verdict_name (a->verdict));
  jsonw_string (&o, "judged", appeal_verdict_name (a->judged));
  jsonw_string (&o, "reviewer", a->reviewer);
  jsonw_string (&o, "reason", a->reason);
  jsonw_string (&o, "at", at);
  jsonw_uint (&o, "seq", seq);
  jsonw_string (&o, "prev", prev);
  jsonw_end (&o);
}

gboolean
appeal_append (const char *dir, const Appeal *a, guint64 *seq, char *head,
               GError **error)
{
  if (!appeal_check (a, error))
    return FALSE;
  guint64 n = 0;
  char last[65];
  g_autoptr (GError) local = NULL;
  if (!walk (dir, NULL, NULL, &n, last, &local)) {
    g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                "no decision is added after damage: ");
    return FALSE;
  }
  g_autofree char *at = a->at ? g_strdup (a->at) : now_iso ();
  g_autoptr (GString) line = g_string_new (NULL);
  write_line (line, a, at, n + 1, last);
  char hash[65];
  sha256_hex (line->str, line->len, hash);
  g_string_append_c (line, '\n');
  g_autofree char *path = rundir_path (dir, RUNDIR_APPEALS);
  int fd = open (path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC,
                 0644);
  if (fd < 0)
    return file_error (error, "cannot open", path);
  const char *p = line->str;
  gsize left = line->len;
  while (left > 0) {
    ssize_t w = write (fd, p, left);
    if (w < 0 && errno == EINTR)
      continue;
    if (w < 0) {
      file_error (error, "cannot append to", path);
      close (fd);
      return FALSE;
    }
    p += w;
    left -= (gsize) w;
  }
  if (fdatasync (fd) != 0) {
    file_error (error, "cannot sync", path);
    close (fd);
    return FALSE;
  }
  close (fd);
  g_autofree char *head_path = rundir_path (dir, RUNDIR_APPEALS_HEAD);
  g_autofree char *head_text = g_strdup_printf ("%" G_GUINT64_FORMAT " %s\n",
                                                n + 1, hash);
  if (!atomic_file_set_contents (head_path, head_text, -1, ATOMIC_FILE_SYNC,
                                 error))
    return FALSE;
  if (seq)
    *seq = n + 1;
  if (head)
    memcpy (head, hash, 65);
  return TRUE;
}

cJSON *
appeal_to_json (const Appeal *a)
{
  cJSON *o = cJSON_CreateObject ();
  cJSON_AddNumberToObject (o, "seq", (double) a->seq);
  cJSON_AddStringToObject (o, "submission", a->submission);
  cJSON_AddStringToObject (o, "testset", a->testset);
  cJSON_AddStringToObject (o, "item", a->item);
  cJSON_AddStringToObject (o, "variant", a->variant);
  cJSON_AddStringToObject (o, "verdict", appeal_verdict_name (a->verdict));
  cJSON_AddStringToObject (o, "judged", appeal_verdict_name (a->judged));
  cJSON_AddStringToObject (o, "reviewer", a->reviewer);
  cJSON_AddStringToObject (o, "reason", a->reason);
  cJSON_AddStringToObject (o, "at", a->at);
  return o;
}
