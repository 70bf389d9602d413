/* vabench — entry point: a table of subcommands, errors printed once. */
#include "harness/cmd.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "util/oom.h"

typedef struct {
  const char *name;
  CmdFunc func;
  const char *summary;
} Command;

static const Command commands[] = {
  { "run", cmd_run, "fire a contest's questions at every submission" },
  { "score", cmd_score, "re-score a run log without touching the network" },
  { "report", cmd_report, "write HTML, Markdown, CSV, JSON, JUnit reports" },
  { "gate", cmd_gate, "check thresholds for CI; exit 1 when one fails" },
  { "diff", cmd_diff, "compare two runs item by item" },
  { "verify", cmd_verify, "check the run log's hash chain" },
  { "appeal", cmd_appeal, "record a reviewer's decision on a judgement" },
  { "load", cmd_load, "ramp concurrency to find a submission's capacity" },
  { "check-answer", cmd_check_answer, "explain one judgement as JSON" },
  { "testset", cmd_testset, "check or perturb question sets" },
  { "mock", cmd_mock, "run a mock assistant on loopback" },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "Usage: vabench COMMAND [OPTIONS]\n\n"
                "Benchmarks Vietnamese virtual assistants on law and "
                "administrative procedures.\n\nCommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-13s %s\n", commands[i].name, commands[i].summary);
  fprintf (out,
           "\nRun 'vabench COMMAND --help' for a command's options.\n"
           "Exit codes: 0 done, 1 gate failed, 2 bad input or usage, "
           "3 run could not be carried out.\n");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  oom_install ("vabench");
  if (argc < 2) {
    print_usage (stderr);
    return VB_EXIT_INPUT;
  }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0) {
    print_usage (stdout);
    return VB_EXIT_OK;
  }
  if (strcmp (argv[1], "--version") == 0) {
    printf ("vabench %s\n", VABENCH_VERSION);
    return VB_EXIT_OK;
  }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++) {
    if (strcmp (argv[1], commands[i].name) != 0)
      continue;
    g_autoptr (GError) error = NULL;
    int rc = commands[i].func (argc - 1, argv + 1, &error);
    if (error != NULL)
      fprintf (stderr, "vabench %s: %s\n", commands[i].name, error->message);
    return rc;
  }
  fprintf (stderr, "vabench: unknown command '%s'\n\n", argv[1]);
  print_usage (stderr);
  return VB_EXIT_INPUT;
}
