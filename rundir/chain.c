#include "rundir/chain.h"

#include <string.h>

#include "rundir/attempt.h"
#include "rundir/results.h"
#include "rundir/run_manifest.h"
#include "rundir/runlog.h"
#include "util/sha256.h"

#define GENESIS                                                              \
  "0000000000000000000000000000000000000000000000000000000000000000"

static const char *
source_name (RundirFile f)
{
  return rundir_file_name (f);
}

static gboolean
broken (GError **error, const char *fmt, ...) G_GNUC_PRINTF (2, 3);
static gboolean
broken (GError **error, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error_literal (error, RUNLOG_ERROR, RUNLOG_ERROR_CHAIN, msg);
  return FALSE;
}

/* log.head: "COUNT HASH\n". */
static gboolean
head_anchor (const char *dir, GArray *out, GError **error)
{
  g_autofree char *text = runlog_head (dir);
  if (text == NULL)
    return TRUE;
  g_auto (GStrv) parts = g_strsplit (g_strstrip (text), " ", -1);
  ChainAnchor a = { RUNDIR_LOG_HEAD, { 0 } };
  guint64 n = 0;
  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT64, &n, NULL)
      || !rundir_is_sha256 (parts[1]))
    return broken (error, "log.head is malformed (not \"COUNT SHA256\"): "
                          "it was altered");
  a.digest.records = n;
  memcpy (a.digest.sha256, parts[1], 65);
  g_array_append_val (out, a);
  return TRUE;
}

gboolean
chain_anchors (const char *dir, GArray **anchors, GError **error)
{
  g_autoptr (GArray) out = g_array_new (FALSE, TRUE, sizeof (ChainAnchor));
  if (!head_anchor (dir, out, error))
    return FALSE;
  if (rundir_has (dir, RUNDIR_MANIFEST)) {
    g_autoptr (GError) local = NULL;
    g_autoptr (RunManifest) m = run_manifest_read (dir, &local);
    if (m == NULL)
      return broken (error, "%s (it holds an anchor of the log)",
                     local->message);
    if (m->has_log) {
      ChainAnchor a = { RUNDIR_MANIFEST, m->log };
      g_array_append_val (out, a);
    }
  }
  if (rundir_has (dir, RUNDIR_RESULTS)) {
    g_autoptr (GError) local = NULL;
    g_autoptr (Results) r = results_read (dir, &local);
    if (r == NULL)
      return broken (error, "%s (it holds an anchor of the log)",
                     local->message);
    if (r->has_log) {
      ChainAnchor a = { RUNDIR_RESULTS, r->log };
      g_array_append_val (out, a);
    }
  }
  *anchors = g_steal_pointer (&out);
  return TRUE;
}

/* The attempt's members and "prev", built once. */
static const char **chain_names;
static guint chain_n, chain_prev, chain_seq;

static void
fields_init (void)
{
  static gsize done = 0;
  if (!g_once_init_enter (&done))
    return;
  guint n;
  const char *const *names = attempt_fields (&n);
  chain_names = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++) {
    chain_names[i] = names[i];
    if (strcmp (names[i], "seq") == 0)
      chain_seq = i;
  }
  chain_names[n] = "prev";
  chain_prev = n;
  chain_n = n + 1;
  g_once_init_leave (&done, 1);
}

const char *const *
chain_fields (guint *n, guint *prev_index)
{
  fields_init ();
  *n = chain_n;
  if (prev_index)
    *prev_index = chain_prev;
  return (const char *const *) chain_names;
}

/* Checks the anchors that fix record line (its hash h). */
static gboolean
check_anchors_at (const GArray *anchors, guint64 line, const char *h,
                  GError **error)
{
  for (guint i = 0; anchors && i < anchors->len; i++) {
    const ChainAnchor *a = &g_array_index (anchors, ChainAnchor, i);
    if (a->digest.records == line && strcmp (a->digest.sha256, h) != 0)
      return broken (error,
                     "record %" G_GUINT64_FORMAT " (line %" G_GUINT64_FORMAT
                     ") was altered: its hash differs from the one %s "
                     "holds",
                     line, line, source_name (a->source));
  }
  return TRUE;
}

/* One record: its place in the chain. */
static gboolean
check_record (const JsonlValue *v, guint64 line, const char *prev,
              GError **error)
{
  const JsonlValue *p = &v[chain_prev], *s = &v[chain_seq];
  if (p->type != cJSON_String)
    return broken (error,
                   "record %" G_GUINT64_FORMAT " (line %" G_GUINT64_FORMAT
                   ") has no \"prev\": it is not a record of this log",
                   line, line);
  if (strcmp (p->str, prev) != 0) {
    if (line == 1)
      return broken (error,
                     "record 1 (line 1) does not start the chain: a record "
                     "before it was removed, or it was moved or altered");
    return broken (error,
                   "record %" G_GUINT64_FORMAT " (line %" G_GUINT64_FORMAT
                   ") was altered, or the record after it was removed, "
                   "inserted or moved: the \"prev\" of line %"
                   G_GUINT64_FORMAT " is not its hash",
                   line - 1, line - 1, line);
  }
  if (s->type != cJSON_Number || s->num != (double) line)
    return broken (error,
                   "record %" G_GUINT64_FORMAT " (line %" G_GUINT64_FORMAT
                   ") was moved, or records before it removed or "
                   "inserted: its \"seq\" is not %" G_GUINT64_FORMAT,
                   line, line, line);
  return TRUE;
}

gboolean
chain_walk (const char *name, const char *data, gsize len,
            const GArray *anchors, ChainRecordFunc func, gpointer user,
            ChainState *st, GError **error)
{
  fields_init ();
  *st = (ChainState) { 0 };
  memcpy (st->last, GENESIS, sizeof st->last);
  g_autoptr (JsonlFlat) flat = jsonl_flat_new (
      (const char *const *) chain_names, chain_n);
  gsize pos = 0;
  while (pos < len) {
    const char *nl = memchr (data + pos, '\n', len - pos);
    gsize n = nl ? (gsize) (nl - (data + pos)) : len - pos;
    guint64 line = st->records + 1;
    const JsonlValue *v = jsonl_flat_line (flat, data + pos, n);
    if (v == NULL && nl == NULL) {
      st->torn = TRUE; /* a write cut short: the only damage a crash makes */
      break;
    }
    if (v == NULL)
      return broken (error,
                     "record %" G_GUINT64_FORMAT " (line %" G_GUINT64_FORMAT
                     ") was altered: it is not one JSON object in UTF-8",
                     line, line);
    if (!check_record (v, line, st->last, error))
      return FALSE;
    sha256_hex (data + pos, n, st->last);
    if (!check_anchors_at (anchors, line, st->last, error))
      return FALSE;
    if (func && !func (v, line, user, error)) {
      g_prefix_error (error, "%s:%" G_GUINT64_FORMAT ": ", name, line);
      return FALSE;
    }
    st->records = line;
    st->unterminated = nl == NULL;
    pos += n + (nl ? 1 : 0);
    st->good_bytes = pos;
  }
  for (guint i = 0; anchors && i < anchors->len; i++) {
    const ChainAnchor *a = &g_array_index (anchors, ChainAnchor, i);
    if (a->digest.records > st->records)
      return broken (error,
                     "records after record %" G_GUINT64_FORMAT
                     " (line %" G_GUINT64_FORMAT ") were removed%s: %s "
                     "counts %" G_GUINT64_FORMAT,
                     st->records, st->records,
                     st->torn ? " or cut short" : "",
                     source_name (a->source), a->digest.records);
    if (a->digest.records >= st->anchored) {
      st->anchored = a->digest.records;
      st->anchored_by = a->source;
    }
  }
  return TRUE;
}
