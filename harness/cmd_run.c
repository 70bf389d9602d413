/* vabench run: fire a contest, then score it and write the reports. */
#include "harness/cmd.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "harness/contest.h"
#include "harness/engine.h"
#include "harness/plan.h"
#include "harness/progress.h"
#include "reports/report.h"
#include "rundir/run_manifest.h"
#include "rundir/rundir.h"
#include "rundir/runlog.h"
#include "scoring/scorer.h"

static volatile sig_atomic_t stop_requested = 0;

static void
on_signal (int sig)
{
  stop_requested = 1;
  /* A second Ctrl-C kills at once: the log is crash-safe anyway. */
  signal (sig, SIG_DFL);
}

static void
install_signals (void)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGTERM, &sa, NULL);
}

typedef struct {
  gboolean tty;
  Progress *state;
  gint64 last_plain_us;
} RunProgress;

/* The terminal's size, or 24 × 80 when stderr is no terminal. */
static void
term_size (guint *rows, guint *cols)
{
  struct winsize ws;
  *rows = 24;
  *cols = 80;
  if (ioctl (STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) {
    *rows = ws.ws_row;
    *cols = ws.ws_col;
  }
}

/* A terminal gets the frame redrawn in place (harness/progress.h); a log
 * file gets the summary line every 5 s and at the end. */
static void
draw_progress (const EngineSubProgress *subs, guint n, gint64 elapsed_us,
               gboolean final, gpointer user)
{
  RunProgress *p = user;
  if (!p->tty && !final && elapsed_us - p->last_plain_us < 5 * G_USEC_PER_SEC)
    return;
  p->last_plain_us = elapsed_us;
  guint rows, cols, before = progress_lines (p->state);
  term_size (&rows, &cols);
  g_autofree char *frame = progress_frame (p->state, subs, n, elapsed_us,
                                           rows, p->tty ? cols : 0,
                                           !p->tty || final);
  if (p->tty && before)
    fprintf (stderr, "\033[%uA\r\033[J", before);
  fputs (frame, stderr);
}

static char *
iso_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
write_manifest (const char *dir, const Contest *c, const char *run_id,
                const char *started, const char *finished, GError **error)
{
  g_autoptr (RunManifest) m = run_manifest_new (run_id, started,
                                                contest_snapshot (c));
  m->finished_at = g_strdup (finished);
  return run_manifest_write (dir, m, error);
}

/* For --resume: the contest the run was started with, unchanged. */
static Contest *
contest_for_resume (const char *dir, char **run_id, char **started,
                    GError **error)
{
  g_autoptr (RunManifest) m = run_manifest_read (dir, error);
  if (m == NULL)
    return NULL;
  if (m->contest_file_abs == NULL) {
    g_autofree char *path = rundir_path (dir, RUNDIR_MANIFEST);
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "%s: field \"contest.file_abs\": missing", path);
    return NULL;
  }
  g_autoptr (Contest) c = contest_load (m->contest_file_abs, error);
  if (c == NULL)
    return NULL;
  for (guint i = 0; i < m->testsets->len; i++) {
    const RunTestset *t = &g_array_index (m->testsets, RunTestset, i);
    const Testset *set = i < c->testsets->len
                             ? g_ptr_array_index (c->testsets, i) : NULL;
    if (set == NULL || t->sha256 == NULL
        || strcmp (t->sha256, set->sha256) != 0) {
      g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                   "cannot resume %s: question set %s changed since the run "
                   "started (SHA-256 differs)",
                   dir, set ? set->path : "?");
      return NULL;
    }
  }
  *run_id = g_strdup (m->run_id);
  *started = g_strdup (m->started_at);
  return g_steal_pointer (&c);
}

static gboolean
prepare_new_dir (const char *dir, GError **error)
{
  if (rundir_has (dir, RUNDIR_LOG)) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "%s already holds a run; use --resume %s to finish it or "
                 "choose another --out",
                 dir, dir);
    return FALSE;
  }
  if (g_mkdir_with_parents (dir, 0755) != 0) {
    g_set_error (error, VB_ERROR, VB_ERROR_RUN, "cannot create %s: %s", dir,
                 g_strerror (errno));
    return FALSE;
  }
  return TRUE;
}

static void
restore (const LogAttempt *a, gpointer user)
{
  engine_restore_record (user, a);
}

/* One line before firing: what is asked, and what as_of left out (a
 * skipped item is otherwise invisible in the reports). */
static void
print_plan (const Contest *c, const GPtrArray *units, guint skipped)
{
  guint items = 0;
  for (guint i = 0; i < units->len; i++)
    items += strcmp (((const PlanUnit *) g_ptr_array_index (units, i))
                         ->variant, "clean") == 0;
  fprintf (stderr, "vabench run: plan: %u items, %u questions with their "
                   "variants, to %u submission(s)",
           items, units->len, c->manifests->len);
  if (c->repeat > 1)
    fprintf (stderr, "; each asked %u times, in fresh sessions, a round "
                     "apart",
             c->repeat);
  if (c->as_of)
    fprintf (stderr, "; as_of %s: %u item(s) not valid that day skipped",
             c->as_of, skipped);
  fprintf (stderr, "\n");
}

static gboolean
fire (const char *dir, const Contest *c, const char *run_id, gboolean quiet,
      guint workers, gboolean *interrupted, GError **error)
{
  guint skipped = 0;
  g_autoptr (GPtrArray) units = plan_build (c, &skipped);
  print_plan (c, units, skipped);
  g_autoptr (Progress) state = progress_new ();
  RunProgress prog = { isatty (STDERR_FILENO), state, 0 };
  EngineOptions eo = { .contest = c,
                       .units = units,
                       .run_id = run_id,
                       .quiet = quiet,
                       .workers = workers,
                       .stop = &stop_requested,
                       .progress = quiet ? NULL : draw_progress,
                       .progress_user = &prog };
  /* The engine exists before the log is opened, so the log's records can
   * tell it what an interrupted run already finished. */
  g_autoptr (Engine) e = engine_new (&eo);
  gboolean torn = FALSE;
  g_autoptr (RunLog) log = runlog_open (dir, restore, e, &torn, error);
  if (log == NULL)
    return FALSE;
  if (torn) {
    g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
    fprintf (stderr, "vabench run: dropped a torn last line from %s "
                     "(a crash mid-write); it is fired again\n", path);
  }
  engine_set_log (e, log);
  install_signals ();
  if (!engine_fire (e, error))
    return FALSE;
  *interrupted = engine_interrupted (e);
  return TRUE;
}

static void
print_warnings (char **warnings)
{
  for (char **w = warnings; w && *w; w++)
    fprintf (stderr, "vabench: warning: %s\n", *w);
}

/* Scores the log and writes the reports; prints the leaderboard. */
static gboolean
score_and_report (const char *dir, const Contest *c, const char *formats,
                  const char *lang, gboolean quiet, GError **error)
{
  g_autoptr (Results) results = NULL;
  if (!scorer_score_run (dir, c->testsets, &results, error))
    return FALSE;
  ReportLang l = g_strcmp0 (lang, "en") == 0 ? REPORT_LANG_EN : REPORT_LANG_VI;
  g_auto (GStrv) warnings = NULL;
  ReportOptions opts = { formats, l, NULL, FALSE };
  if (!report_write (dir, &opts, &warnings, error))
    return FALSE;
  print_warnings (warnings);
  g_autofree char *table = report_leaderboard_markdown (results, l);
  printf ("%s\n", table);
  if (!quiet) {
    g_autofree char *rp = rundir_path (dir, RUNDIR_RESULTS);
    g_autofree char *sp = rundir_path (dir, RUNDIR_SCORES);
    fprintf (stderr, "vabench run: wrote %s, %s and the reports (%s) in %s\n",
             rp, sp, formats, dir);
  }
  return TRUE;
}

static char *
default_out_dir (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  return g_build_filename ("runs", stamp, NULL);
}

int
cmd_run (int argc, char **argv, GError **error)
{
  g_autofree char *contest_path = NULL, *out = NULL, *resume = NULL,
                  *only = NULL, *lang = NULL, *formats = NULL;
  gboolean quiet = FALSE;
  int workers = 0;
  const GOptionEntry entries[] = {
    { "contest", 'c', 0, G_OPTION_ARG_FILENAME, &contest_path,
      "Contest file (harness/README.md)", "FILE" },
    { "workers", 0, 0, G_OPTION_ARG_INT, &workers,
      "Firing threads (default: one per core, at most 4; 1 below 32 "
      "requests in flight)", "N" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      "Run directory (default runs/YYYYmmdd-HHMMSS)", "DIR" },
    { "resume", 0, 0, G_OPTION_ARG_FILENAME, &resume,
      "Finish an interrupted run: fire only what its log lacks", "DIR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Fire only this submission id", "ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &formats,
      "Reports to write (default html,md)", "LIST" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Report language: vi or en",
      "vi|en" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress lines", NULL },
    { NULL }
  };
  if (!cmd_parse_options ("run", "",
                          "Fires every question of the contest at every "
                          "submission, logs each attempt to DIR/log.jsonl, "
                          "then scores and writes the reports.",
                          entries, &argc, &argv, error))
    return VB_EXIT_INPUT;
  if ((contest_path == NULL) == (resume == NULL)) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "give exactly one of --contest FILE or --resume DIR");
    return VB_EXIT_INPUT;
  }
  if (lang && strcmp (lang, "vi") != 0 && strcmp (lang, "en") != 0) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "--lang: \"%s\" is neither vi nor en", lang);
    return VB_EXIT_INPUT;
  }
  if (!cmd_check_workers (workers, error))
    return VB_EXIT_INPUT;
  g_autofree char *run_id = NULL, *started = NULL;
  g_autoptr (Contest) c = NULL;
  const char *dir;
  if (resume) {
    dir = resume;
    c = contest_for_resume (resume, &run_id, &started, error);
  } else {
    if (out == NULL)
      out = default_out_dir ();
    dir = out;
    c = contest_load (contest_path, error);
    run_id = g_path_get_basename (out);
    started = iso_now ();
  }
  if (c == NULL)
    return cmd_exit_code_for (*error);
  if (only && !contest_keep_only (c, only, error))
    return VB_EXIT_INPUT;
  if (!resume && !prepare_new_dir (dir, error))
    return cmd_exit_code_for (*error);
  if (!write_manifest (dir, c, run_id, started, NULL, error))
    return VB_EXIT_RUN;
  gboolean interrupted = FALSE;
  if (!fire (dir, c, run_id, quiet, (guint) workers, &interrupted, error))
    return VB_EXIT_RUN;
  if (interrupted) {
    g_autofree char *log = rundir_path (dir, RUNDIR_LOG);
    fprintf (stderr, "\nvabench run: interrupted; every finished answer is in "
                     "%s.\nResume with: vabench run --resume %s\n",
             log, dir);
    return VB_EXIT_RUN;
  }
  g_autofree char *finished = iso_now ();
  if (!write_manifest (dir, c, run_id, started, finished, error))
    return VB_EXIT_RUN;
  if (!score_and_report (dir, c, formats ? formats : "html,md", lang, quiet,
                         error))
    return VB_EXIT_RUN;
  return VB_EXIT_OK;
}
