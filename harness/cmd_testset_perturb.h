/* vabench testset perturb — declared apart so cmd_testset.c can dispatch
 * to it (implementation: harness/cmd_testset_perturb.c). */
#ifndef CMD_TESTSET_PERTURB_H
#define CMD_TESTSET_PERTURB_H

#include <glib.h>

int cmd_testset_perturb (int argc, char **argv, GError **error);

#endif
