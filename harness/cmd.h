/* Subcommands: one file each (cmd_<name>.c), one signature (STYLE.md 11).
 * A subcommand returns the process exit code; when it returns non-zero with
 * error set, main prints "vabench <cmd>: <message>" once. Subcommands print
 * their own normal output (tables, JSON) on stdout, nothing else. */
#ifndef CMD_H
#define CMD_H

#include <glib.h>

enum {
  VB_EXIT_OK = 0,
  VB_EXIT_GATE = 1,  /* a gate threshold failed */
  VB_EXIT_INPUT = 2, /* bad input or usage */
  VB_EXIT_RUN = 3,   /* the run could not be carried out */
};

#define VB_ERROR (vb_error_quark ())
GQuark vb_error_quark (void);
typedef enum { VB_ERROR_USAGE, VB_ERROR_INPUT, VB_ERROR_RUN } VbError;

typedef int (*CmdFunc) (int argc, char **argv, GError **error);

int cmd_run (int argc, char **argv, GError **error);
int cmd_score (int argc, char **argv, GError **error);
int cmd_report (int argc, char **argv, GError **error);
int cmd_gate (int argc, char **argv, GError **error);
int cmd_diff (int argc, char **argv, GError **error);
int cmd_verify (int argc, char **argv, GError **error);
int cmd_appeal (int argc, char **argv, GError **error);
int cmd_load (int argc, char **argv, GError **error);
int cmd_check_answer (int argc, char **argv, GError **error);
int cmd_testset (int argc, char **argv, GError **error);
int cmd_mock (int argc, char **argv, GError **error);

/* Parses argv with entries; on failure sets VB_ERROR_USAGE naming the
 * option. summary is the one-line description shown by --help. */
gboolean cmd_parse_options (const char *name, const char *params,
                            const char *summary, const GOptionEntry *entries,
                            int *argc, char ***argv, GError **error);

/* The same for a command that takes one run DIR and nothing else: *dir
 * gets it (borrowed from argv). */
gboolean cmd_parse_dir_options (const char *name, const char *summary,
                                const GOptionEntry *entries, int *argc,
                                char ***argv, const char **dir,
                                GError **error);

/* Maps an error's domain to an exit code: input errors (question sets,
 * manifests, contest files, usage) → 2, everything else → 3. */
int cmd_exit_code_for (const GError *error);

/* --workers of run and load: 0 (one per core) to 64, else VB_ERROR_USAGE
 * naming the value. */
gboolean cmd_check_workers (int workers, GError **error);

#endif
