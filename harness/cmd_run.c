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
#include "harness/preflight.h"
#include "harness/progress.h"
#include "reports/report.h"
#include "rundir/run_manifest.h"
#include "rundir/rundir.h"
#include "rundir/rundir_lock.h"
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

/* The contest the user names must be the one the run was started with:
 * a changed seed or set would mix two contests in one log. A run started
 * with --only keeps its one submission. */
static gboolean
same_contest (const char *dir, const RunManifest *m, Contest *c,
              gboolean only_given, GError **error)
{
  if (!only_given && m->submissions->len == 1 && c->manifests->len > 1) {
    const char *id = g_array_index (m->submissions, RunSubmission, 0).id;
    g_autoptr (GError) local = NULL;
    (void) contest_keep_only (c, id, &local); /* else: told below */
  }
  g_autoptr (cJSON) now = contest_snapshot (c);
  g_auto (GStrv) diffs = run_manifest_differences (m, now);
  if (diffs == NULL)
    return TRUE;
  g_autofree char *list = g_strjoinv ("\n  ", diffs);
  g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
               "cannot resume %s: the contest %s is not the one the run was "
               "started with (a resume must fire the same contest; start a "
               "new run for a changed one):\n  %s",
               dir, c->path, list);
  return FALSE;
}

/* For --resume: the contest the user names (or, with --trust-run-dir, the
 * one the run directory names); same_contest checks it. A run directory
 * may come from anyone: its manifest.json could point at a contest whose
 * manifests send a CI secret to any endpoint, so it is not read from
 * there unless the user says so. */
static Contest *
contest_for_resume (const char *dir, const RunManifest *m,
                    const char *contest_path, gboolean trust, GError **error)
{
  if (contest_path == NULL && !trust) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "to resume %s, give the contest file with --contest FILE "
                 "(the run was started with %s); --trust-run-dir loads the "
                 "file the run directory names instead — only for a run "
                 "directory you made, since it chooses the endpoints and "
                 "the token variables",
                 dir, m->contest_file_abs ? m->contest_file_abs : "?");
    return NULL;
  }
  if (contest_path == NULL)
    contest_path = m->contest_file_abs;
  if (contest_path == NULL) {
    g_autofree char *path = rundir_path (dir, RUNDIR_MANIFEST);
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "%s: field \"contest.file_abs\": missing", path);
    return NULL;
  }
  return contest_load (contest_path, error);
}

/* A new run's directory, locked before anything is looked at inside: two
 * runs started at once on one --out cannot both find it empty. */
static RundirLock *
prepare_new_dir (const char *dir, GError **error)
{
  if (g_mkdir_with_parents (dir, 0755) != 0) {
    g_set_error (error, VB_ERROR, VB_ERROR_RUN, "cannot create %s: %s", dir,
                 g_strerror (errno));
    return NULL;
  }
  g_autoptr (RundirLock) lock = rundir_lock_take (dir, "run", error);
  if (lock == NULL)
    return NULL;
  if (rundir_has (dir, RUNDIR_LOG)) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "%s already holds a run; use --resume %s to finish it or "
                 "choose another --out",
                 dir, dir);
    return NULL;
  }
  return g_steal_pointer (&lock);
}

static void
restore (const LogAttempt *a, gpointer user)
{
  engine_restore_record (user, a);
}

/* One line before firing: what is asked, what as_of left out (a skipped
 * item is otherwise invisible in the reports), and how many distinct
 * texts each generated kind gave (a deterministic kind such as nfd gives
 * one per item whatever per_item says). */
static void
print_plan (const Contest *c, const GPtrArray *units, const PlanSummary *ps)
{
  fprintf (stderr, "vabench run: plan: %u items, %u questions with their "
                   "variants, to %u submission(s)",
           ps->items, units->len, c->manifests->len);
  if (c->repeat > 1)
    fprintf (stderr, "; each asked %u times, in fresh sessions, a round "
                     "apart",
             c->repeat);
  if (c->as_of)
    fprintf (stderr, "; as_of %s: %u item(s) not valid that day skipped",
             c->as_of, ps->skipped);
  fprintf (stderr, "\n");
  if (ps->kinds->len == 0)
    return;
  fprintf (stderr, "vabench run: plan: distinct generated texts per kind "
                   "(of items × per_item):");
  for (guint k = 0; k < ps->kinds->len; k++) {
    const PlanKindCount *kc = &g_array_index (ps->kinds, PlanKindCount, k);
    fprintf (stderr, "%s %s %u/%u", k ? "," : "", kc->kind, kc->distinct,
             kc->asked);
  }
  fprintf (stderr, "\n");
}

/* Probes every submission (harness/preflight.h) and prints what is not
 * right, with the fix. The state of each that is not ok goes into status
 * (id → object). FALSE + error when one cannot answer at all and the
 * contest is not official (exit 3): a self-test against a dead endpoint
 * would otherwise run for minutes and end with 0 %. In an official
 * contest it is recorded unavailable and *unavailable lists it. */
static gboolean
preflight (const Contest *c, const char *run_id, cJSON *status,
           GPtrArray *unavailable, GError **error)
{
  g_autoptr (GArray) results = preflight_run (c, run_id, error);
  if (results == NULL)
    return FALSE;
  guint dead = 0;
  for (guint i = 0; i < results->len; i++) {
    const PreflightResult *r = &g_array_index (results, PreflightResult, i);
    if (r->state == PREFLIGHT_OK)
      continue;
    fprintf (stderr, "vabench run: preflight: %s (%s): %s: %s%s%s\n",
             r->m->id, r->m->path, preflight_state_name (r->state),
             r->reason, r->fix ? "\n    fix: " : "", r->fix ? r->fix : "");
    cJSON_DeleteItemFromObjectCaseSensitive (status, r->m->id);
    cJSON_AddItemToObject (status, r->m->id, preflight_result_json (r));
    if (r->state == PREFLIGHT_UNAVAILABLE) {
      dead++;
      g_ptr_array_add (unavailable, (gpointer) r->m);
    }
  }
  if (dead == 0 || c->official)
    return TRUE;
  g_set_error (error, VB_ERROR, VB_ERROR_RUN,
               "%u of %u submission(s) cannot answer at all (above): fix "
               "%s, or take %s out of the contest's submissions",
               dead, results->len, dead > 1 ? "them" : "it",
               dead > 1 ? "them" : "it");
  return FALSE;
}

/* After firing: each submission the early stop paused, recorded in status
 * and said on stderr with what is left and how to go on. */
static guint
note_paused (Engine *e, const Contest *fired, const char *dir,
             cJSON *status)
{
  guint paused = 0;
  for (guint i = 0; i < fired->manifests->len; i++) {
    EngineSubProgress p;
    engine_sub_progress (e, i, &p);
    if (!p.paused)
      continue;
    paused++;
    const char *cls = failure_name (p.pause_class);
    guint left = p.units_total - p.units_done;
    g_autofree char *reason = g_strdup_printf (
        "its last %u attempts all failed with %s; %u of %u questions "
        "left unfinished",
        p.pause_streak, cls, left, p.units_total);
    g_autofree char *fix = g_strdup_printf (
        "fix the endpoint, then finish with: vabench run --resume %s", dir);
    fprintf (stderr, "vabench run: paused %s: %s\n    %s\n", p.id, reason,
             fix);
    cJSON *o = cJSON_CreateObject ();
    cJSON_AddStringToObject (o, "state", "paused");
    cJSON_AddStringToObject (o, "class", cls);
    cJSON_AddNumberToObject (o, "streak", p.pause_streak);
    cJSON_AddNumberToObject (o, "not_fired", left);
    cJSON_AddStringToObject (o, "reason", reason);
    cJSON_AddStringToObject (o, "fix", fix);
    cJSON_DeleteItemFromObjectCaseSensitive (status, p.id);
    cJSON_AddItemToObject (status, p.id, o);
  }
  return paused;
}

static gboolean
fire (const char *dir, const Contest *c, GPtrArray *units,
      const char *run_id, gboolean quiet, guint workers, cJSON *status,
      guint *paused, gboolean *interrupted, GError **error)
{
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
  *paused = note_paused (e, c, dir, status);
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

/* At the end of the firing: when it ended and the digest of the log as it
 * stands, an anchor of its chain besides log.head. */
static gboolean
finish_manifest (const char *dir, RunManifest *m, GError **error)
{
  g_free (m->finished_at);
  m->finished_at = iso_now ();
  if (!runlog_digest (dir, &m->log, error))
    return FALSE;
  m->has_log = TRUE;
  return run_manifest_write (dir, m, error);
}

int
cmd_run (int argc, char **argv, GError **error)
{
  g_autofree char *contest_path = NULL, *out = NULL, *resume = NULL,
                  *only = NULL, *lang = NULL, *formats = NULL;
  gboolean quiet = FALSE, trust = FALSE, no_preflight = FALSE;
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
      "Finish an interrupted run: fire only what its log lacks (with "
      "--contest, the same contest)", "DIR" },
    { "trust-run-dir", 0, 0, G_OPTION_ARG_NONE, &trust,
      "With --resume and no --contest: load the contest file the run "
      "directory names (it chooses endpoints and token variables)", NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Fire only this submission id", "ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &formats,
      "Reports to write (default html,md)", "LIST" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Report language: vi or en",
      "vi|en" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress lines", NULL },
    { "no-preflight", 0, 0, G_OPTION_ARG_NONE, &no_preflight,
      "Fire without probing each submission first (not in an official "
      "contest)", NULL },
    { NULL }
  };
  if (!cmd_parse_options ("run", "",
                          "Fires every question of the contest at every "
                          "submission, logs each attempt to DIR/log.jsonl, "
                          "then scores and writes the reports.",
                          entries, &argc, &argv, error))
    return VB_EXIT_INPUT;
  if (contest_path == NULL && resume == NULL) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "give --contest FILE (and --resume DIR to finish a run)");
    return VB_EXIT_INPUT;
  }
  if (trust && resume == NULL) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "--trust-run-dir goes with --resume DIR");
    return VB_EXIT_INPUT;
  }
  if (out && resume) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "give --out DIR for a new run or --resume DIR, not both");
    return VB_EXIT_INPUT;
  }
  if (lang && strcmp (lang, "vi") != 0 && strcmp (lang, "en") != 0) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "--lang: \"%s\" is neither vi nor en", lang);
    return VB_EXIT_INPUT;
  }
  if (!cmd_check_workers (workers, error))
    return VB_EXIT_INPUT;
  g_autoptr (Contest) c = NULL;
  g_autoptr (RunManifest) m = NULL;
  g_autoptr (RundirLock) lock = NULL;
  const char *dir;
  if (resume) {
    dir = resume;
    /* One writer: a second resume of the same run stops here. */
    lock = rundir_lock_take (dir, "run --resume", error);
    if (lock == NULL)
      return cmd_exit_code_for (*error);
    m = run_manifest_read (dir, error);
    if (m == NULL)
      return cmd_exit_code_for (*error);
    c = contest_for_resume (dir, m, contest_path, trust, error);
  } else {
    if (out == NULL)
      out = default_out_dir ();
    dir = out;
    c = contest_load (contest_path, error);
  }
  if (c == NULL)
    return cmd_exit_code_for (*error);
  if (only && !contest_keep_only (c, only, error))
    return VB_EXIT_INPUT;
  if (no_preflight && c->official) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "--no-preflight: an official contest probes every "
                 "submission first (%s: official = true)", c->path);
    return VB_EXIT_INPUT;
  }
  if (resume && !same_contest (dir, m, c, only != NULL, error))
    return VB_EXIT_INPUT;
  if (!resume) {
    lock = prepare_new_dir (dir, error);
    if (lock == NULL)
      return cmd_exit_code_for (*error);
    g_autofree char *run_id = g_path_get_basename (out);
    g_autofree char *started = iso_now ();
    m = run_manifest_new (run_id, started, contest_snapshot (c));
  }
  /* What the pre-flight and the early stop find, kept in manifest.json
   * (a resume goes on from what the run recorded). */
  g_autoptr (cJSON) status = m->status ? cJSON_Duplicate (m->status, TRUE)
                                       : cJSON_CreateObject ();
  g_autoptr (GPtrArray) unavailable = g_ptr_array_new ();
  if (!no_preflight && !preflight (c, m->run_id, status, unavailable, error))
    return cmd_exit_code_for (*error);
  g_auto (PlanSummary) ps = { 0 };
  g_autoptr (GPtrArray) units = plan_build (c, &ps);
  print_plan (c, units, &ps);
  m->planned_units = units->len;
  cJSON_Delete (m->status);
  m->status = cJSON_Duplicate (status, TRUE);
  /* A resume keeps the manifest the run was started with, with what this
   * pre-flight found; its end is written after the firing. */
  if (!run_manifest_write (dir, m, error))
    return VB_EXIT_RUN;
  /* What is fired: every submission but those found unavailable (an
   * official contest records them so; the scorer counts their questions
   * as not fired). The contest itself, for the manifest, keeps them. */
  Contest fired = *c;
  g_autoptr (GPtrArray) firing = g_ptr_array_new ();
  for (guint i = 0; i < c->manifests->len; i++)
    if (!g_ptr_array_find (unavailable, c->manifests->pdata[i], NULL))
      g_ptr_array_add (firing, c->manifests->pdata[i]);
  fired.manifests = firing;
  gboolean interrupted = FALSE;
  guint paused = 0;
  if (!fire (dir, &fired, units, m->run_id, quiet, (guint) workers, status,
             &paused, &interrupted, error))
    return cmd_exit_code_for (*error);
  if (interrupted) {
    g_autofree char *log = rundir_path (dir, RUNDIR_LOG);
    g_autofree char *abs = g_canonicalize_filename (c->path, NULL);
    fprintf (stderr, "\nvabench run: interrupted; every finished answer is in "
                     "%s.\nResume with: vabench run --resume %s --contest "
                     "%s\n",
             log, dir, abs);
    return VB_EXIT_RUN;
  }
  cJSON_Delete (m->status);
  m->status = cJSON_Duplicate (status, TRUE);
  if (!finish_manifest (dir, m, error))
    return VB_EXIT_RUN;
  if (!score_and_report (dir, c, formats ? formats : "html,md", lang, quiet,
                         error))
    return VB_EXIT_RUN;
  /* Outside an official contest a paused submission means the run was
   * not carried out: the reports are written, the exit says so. */
  if (paused > 0 && !c->official) {
    g_set_error (error, VB_ERROR, VB_ERROR_RUN,
                 "%u submission(s) paused (above); the scores count their "
                 "questions not fired as failed",
                 paused);
    return VB_EXIT_RUN;
  }
  return VB_EXIT_OK;
}
