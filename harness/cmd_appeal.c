/* vabench appeal DIR --submission S --item I [--variant V] [--testset T]
 *                   --verdict correct|wrong --reviewer NAME --reason TEXT
 * Records a reviewer's decision on one judged answer in DIR/appeals.jsonl
 * (rundir/appeal.h); `vabench score DIR` applies it. The log is never
 * touched. */
#include "harness/cmd.h"

#include <stdio.h>
#include <string.h>

#include "rundir/appeal.h"
#include "rundir/rundir.h"
#include "rundir/rundir_lock.h"
#include "rundir/score_record.h"

typedef struct {
  const char *sub, *item, *variant, *testset;
  GPtrArray *sets;      /* sets holding a matching record (owned strings) */
  gboolean judged;      /* the judge's verdict of the (last) match */
  gboolean failed;      /* its request failed */
  char *failure;        /* the class, when failed */
  gboolean sub_seen;    /* the submission has records at all */
  gboolean item_seen;   /* … and the item too */
} Find;

static gboolean
find_visit (const ScoreRecord *rec, ScoreRecordLine *line, gpointer user,
            GError **error)
{
  Find *f = user;
  if (strcmp (rec->submission, f->sub) != 0)
    return TRUE;
  f->sub_seen = TRUE;
  if (strcmp (rec->item, f->item) != 0
      || (f->testset && g_strcmp0 (rec->testset, f->testset) != 0))
    return TRUE;
  f->item_seen = TRUE;
  if (g_strcmp0 (rec->variant ? rec->variant : "clean", f->variant) != 0)
    return TRUE;
  g_ptr_array_add (f->sets, g_strdup (rec->testset ? rec->testset : ""));
  /* An earlier decision may already have set correct: the judge's own
   * verdict is what this one overrules. */
  f->judged = rec->appeal > 0 ? rec->judged_correct : rec->correct;
  f->failed = rec->error_class != FAILURE_NONE;
  g_free (f->failure);
  f->failure = g_strdup (failure_name (rec->error_class));
  return TRUE;
}

/* The record the decision is about, or FALSE + VB_ERROR_INPUT saying
 * which part of it was not found. */
static gboolean
find_record (const char *dir, Find *f, GError **error)
{
  if (!rundir_has (dir, RUNDIR_SCORES)) {
    g_autofree char *p = rundir_path (dir, RUNDIR_SCORES);
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "%s: missing; an appeal is about a judged answer: "
                 "`vabench score %s` first",
                 p, dir);
    return FALSE;
  }
  if (!score_record_read_lazy (dir, find_visit, f, error))
    return FALSE;
  g_autofree char *p = rundir_path (dir, RUNDIR_SCORES);
  if (f->sets->len == 0) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "%s: no answer of submission \"%s\" to item \"%s\"%s%s "
                 "(variant \"%s\")%s",
                 p, f->sub, f->item, f->testset ? " of set " : "",
                 f->testset ? f->testset : "", f->variant,
                 !f->sub_seen   ? ": the run has no such submission"
                 : !f->item_seen ? ": the submission has no such item"
                                 : ": no such variant (see items.csv)");
    return FALSE;
  }
  if (f->sets->len > 1) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "item \"%s\" is in more than one question set (\"%s\", "
                 "\"%s\"): name it with --testset",
                 f->item, (char *) f->sets->pdata[0],
                 (char *) f->sets->pdata[1]);
    return FALSE;
  }
  if (f->failed) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "the request of \"%s\" for item \"%s\" (variant \"%s\") "
                 "failed (%s): there is no answer to decide on",
                 f->sub, f->item, f->variant, f->failure);
    return FALSE;
  }
  return TRUE;
}

/* TEXT, or the contents of FILE for "@FILE". */
static char *
text_arg (const char *arg, GError **error)
{
  if (arg == NULL || arg[0] != '@')
    return g_strdup (arg);
  char *text = NULL;
  if (!g_file_get_contents (arg + 1, &text, NULL, error))
    return NULL;
  return g_strchomp (text);
}

int
cmd_appeal (int argc, char **argv, GError **error)
{
  g_autofree char *sub = NULL, *item = NULL, *variant = NULL,
                  *testset = NULL, *verdict = NULL, *reviewer = NULL,
                  *reason_arg = NULL;
  const GOptionEntry entries[] = {
    { "submission", 's', 0, G_OPTION_ARG_STRING, &sub,
      "the submission whose answer is decided on", "ID" },
    { "item", 'i', 0, G_OPTION_ARG_STRING, &item, "the item's id", "ID" },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &variant,
      "the variant (default clean: the question as written), as in "
      "items.csv",
      "V" },
    { "testset", 't', 0, G_OPTION_ARG_STRING, &testset,
      "the question set, when the item id is in more than one", "NAME" },
    { "verdict", 0, 0, G_OPTION_ARG_STRING, &verdict,
      "the decision: correct or wrong", "VERDICT" },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer,
      "who decided (name and office)", "NAME" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason_arg,
      "why, as it will be published (or @FILE)", "TEXT" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  static const char summary[] =
      "Records a reviewer's decision on one judged "
      "answer in DIR/appeals.jsonl (append-only, "
      "hash-chained); `vabench score DIR` applies it. "
      "The run log is never changed.";
  const char *dir = NULL;
  if (!cmd_parse_dir_options ("appeal", summary, entries, &argc, &argv, &dir,
                              error))
    return VB_EXIT_INPUT;
  const char *missing = !sub        ? "--submission"
                        : !item     ? "--item"
                        : !verdict  ? "--verdict"
                        : !reviewer ? "--reviewer"
                        : !reason_arg ? "--reason"
                                      : NULL;
  if (missing) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE, "%s is required", missing);
    return VB_EXIT_INPUT;
  }
  Appeal a = { 0 };
  if (!appeal_verdict_parse (verdict, &a.verdict)) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "--verdict: \"%s\" is neither correct nor wrong", verdict);
    return VB_EXIT_INPUT;
  }
  g_autoptr (GError) local = NULL;
  g_autofree char *reason = text_arg (reason_arg, &local);
  if (reason == NULL) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT, "--reason: %s",
                 local->message);
    return VB_EXIT_INPUT;
  }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR)) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT, "%s: no such run directory",
                 dir);
    return VB_EXIT_INPUT;
  }
  g_autoptr (RundirLock) lock = rundir_lock_take (dir, "appeal", error);
  if (lock == NULL) /* another writer at work, or no lock file: exit 3 */
    return VB_EXIT_RUN;
  Find f = { .sub = sub, .item = item,
             .variant = variant ? variant : "clean", .testset = testset,
             .sets = g_ptr_array_new_with_free_func (g_free) };
  gboolean found = find_record (dir, &f, error);
  a.submission = sub;
  a.testset = f.sets->len ? f.sets->pdata[0] : NULL;
  a.item = item;
  a.variant = (char *) f.variant;
  a.judged = f.judged;
  a.reviewer = reviewer;
  a.reason = reason;
  guint64 seq = 0;
  char head[65];
  gboolean ok = found && appeal_append (dir, &a, &seq, head, error);
  if (ok)
    printf ("appeal %" G_GUINT64_FORMAT " recorded: %s, %s/%s (%s): judged "
          "%s, decided %s by %s\n"
          "appeals.head: %" G_GUINT64_FORMAT " %s\n"
          "apply it to the ranking: vabench score %s\n",
          seq, sub, a.testset, item, a.variant,
          appeal_verdict_name (a.judged), appeal_verdict_name (a.verdict),
          reviewer, seq, head, dir);
  g_ptr_array_unref (f.sets);
  g_free (f.failure);
  return ok ? VB_EXIT_OK : cmd_exit_code_for (*error);
}
