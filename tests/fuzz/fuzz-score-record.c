/* Score records (rundir/score_record.c): any bytes as scores.jsonl. Each
 * record read is written back (score_record_append), read again and
 * written again: the two lines are the same, and a copy
 * (score_record_copy) writes what the record writes. The lazy reader
 * (score_record_read_lazy, asking for every full record) accepts what the
 * whole reader accepts, the same records; over the records as written
 * (turns last) its head is the full record's members, and the texts-only
 * record has the full record's questions, answers and classes. */
#include "fuzz.h"

#include "rundir/score_record.h"
#include "util/jsonl.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

/* rec as a line, its judgements printed from their trees. */
static GString *
line_of (const ScoreRecord *rec)
{
  ScoreTurn *turns = g_new0 (ScoreTurn, MAX (rec->n_turns, 1));
  char **texts = g_new0 (char *, rec->n_turns + 1);
  for (guint i = 0; i < rec->n_turns; i++) {
    turns[i] = rec->turns[i];
    texts[i] = rec->turns[i].judgement_tree
                   ? cJSON_PrintUnformatted (rec->turns[i].judgement_tree)
                   : g_strdup ("null");
    turns[i].judgement = texts[i];
    turns[i].judgement_len = strlen (texts[i]);
  }
  ScoreRecord r = *rec;
  r.turns = turns;
  GString *out = g_string_new (NULL);
  score_record_append (out, &r);
  for (guint i = 0; i < rec->n_turns; i++)
    free (texts[i]); /* cJSON's allocator is malloc; so is g_strdup's */
  g_free (texts);
  g_free (turns);
  return out;
}

typedef struct {
  GString *lines; /* every record as written, one a line */
  guint n;
} Seen;

static gboolean
visit (const ScoreRecord *rec, gpointer user, GError **error)
{
  Seen *seen = user;
  g_autoptr (GString) first = line_of (rec);
  g_autoptr (cJSON) obj = cJSON_ParseWithLength (first->str, first->len);
  FUZZ_CHECK (obj != NULL, "written record is not JSON: %s", first->str);
  ScoreRecord again;
  g_autoptr (GError) err = NULL;
  FUZZ_CHECK (score_record_decode (obj, &again, &err),
              "written record does not read back: %s", err->message);
  g_autoptr (GString) second = line_of (&again);
  score_record_clear (&again);
  FUZZ_CHECK (g_string_equal (first, second),
              "round trip changed the record:\n%s\n%s", first->str,
              second->str);
  g_autoptr (ScoreRecord) copy = score_record_copy (rec);
  g_autoptr (GString) copied = line_of (copy);
  FUZZ_CHECK (g_string_equal (first, copied),
              "the copy writes otherwise:\n%s\n%s", first->str, copied->str);
  g_string_append_len (seen->lines, first->str, (gssize) first->len);
  g_string_append_c (seen->lines, '\n');
  seen->n++;
  return TRUE;
}

/* The lazy reader over any bytes: every full record, written. */
static gboolean
visit_lazy_any (const ScoreRecord *head, ScoreRecordLine *line,
                gpointer user, GError **error)
{
  Seen *seen = user;
  const ScoreRecord *full = score_record_line_full (line, error);
  if (full == NULL)
    return FALSE;
  g_autoptr (GString) w = line_of (full);
  g_string_append_len (seen->lines, w->str, (gssize) w->len);
  g_string_append_c (seen->lines, '\n');
  seen->n++;
  return TRUE;
}

/* The lazy reader over records as vabench writes them. */
static gboolean
visit_lazy_written (const ScoreRecord *head, ScoreRecordLine *line,
                    gpointer user, GError **error)
{
  g_autoptr (GString) h = NULL;
  if (head->n_turns == 0) {
    h = line_of (head);
  }
  const ScoreRecord *texts = score_record_line_texts (line, error);
  FUZZ_CHECK (texts != NULL, "texts of a written record: %s",
              (*error)->message);
  guint n_texts = texts->n_turns;
  g_autofree ScoreTurn *tt = g_memdup2 (texts->turns,
                                        sizeof (ScoreTurn) * MAX (n_texts, 1));
  const ScoreRecord *full = score_record_line_full (line, error);
  FUZZ_CHECK (full != NULL, "full record of a written record: %s",
              (*error)->message);
  FUZZ_CHECK (n_texts == full->n_turns, "%u turns in texts, %u in full",
              n_texts, full->n_turns);
  for (guint i = 0; i < n_texts; i++) {
    const ScoreTurn *a = &tt[i], *b = &full->turns[i];
    FUZZ_CHECK (a->turn == b->turn && a->error_class == b->error_class
                    && g_strcmp0 (a->question, b->question) == 0
                    && g_strcmp0 (a->answer, b->answer) == 0,
                "turn %u differs between texts and full record", i);
  }
  if (h != NULL) {
    ScoreRecord bare = *full;
    bare.n_turns = 0;
    g_autoptr (GString) f = line_of (&bare);
    FUZZ_CHECK (g_string_equal (h, f), "head\n%s\nfull\n%s", h->str, f->str);
  }
  (*(guint *) user)++;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_free (fuzz_write ("scores.jsonl", data, size));
  g_autoptr (GString) lines = g_string_new (NULL);
  Seen seen = { lines, 0 };
  g_autoptr (GError) error = NULL;
  gboolean ok = score_record_read (fuzz_dir (), visit, &seen, &error);
  FUZZ_CHECK (ok == (error == NULL), "verdict and error disagree");

  g_autoptr (GString) lazy_lines = g_string_new (NULL);
  Seen lazy = { lazy_lines, 0 };
  g_autoptr (GError) lerr = NULL;
  gboolean lok = score_record_read_lazy (fuzz_dir (), visit_lazy_any, &lazy,
                                         &lerr);
  FUZZ_CHECK (lok == ok, "whole reader %s, lazy reader %s",
              error ? error->message : "ok", lerr ? lerr->message : "ok");
  if (!ok) {
    FUZZ_CHECK (error->domain == lerr->domain && error->code == lerr->code,
                "whole reader: %s\nlazy reader: %s", error->message,
                lerr->message);
    return 0;
  }
  FUZZ_CHECK (g_string_equal (lines, lazy_lines),
              "whole reader read\n%s\nlazy reader\n%s", lines->str,
              lazy_lines->str);

  g_free (fuzz_write ("scores.jsonl", lines->str, lines->len));
  guint n = 0;
  g_autoptr (GError) werr = NULL;
  gboolean wok = score_record_read_lazy (fuzz_dir (), visit_lazy_written, &n,
                                         &werr);
  FUZZ_CHECK (wok || (seen.n == 0 && werr->code == JSONL_ERROR_EMPTY),
              "written records do not read lazily: %s", werr->message);
  FUZZ_CHECK (n == seen.n, "%u written, %u read lazily", seen.n, n);
  return 0;
}
