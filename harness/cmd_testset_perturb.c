/* vabench testset perturb FILE --kinds K,... --seed N [--per-item M]
 *
 * Writes one JSON line per generated near-miss variant (testsets/PERTURB.md):
 *   {"item", "variant": "KIND#N", "kind", "seed", "text"}
 * or, for a conversation item, "turns": [...] with turn t (from 0) perturbed
 * with seed + t, so that turns do not all take the same random choices.
 * Variants identical to the question or to an earlier variant of the same
 * kind are skipped (plan_item_variants, as a run fires them). */
#include "harness/cmd_testset_perturb.h"

#include <stdio.h>
#include <string.h>

#include "harness/cmd.h"
#include "harness/plan.h"
#include "rundir/item_kind.h"
#include "testsets/perturb.h"
#include "testsets/testset.h"
#include "util/jsonl.h"

#define PERTURB_MAX_PER_ITEM 1000

typedef struct {
  char **kinds;    /* validated, NULL-terminated */
  guint64 seed;
  guint per_item;
} PerturbCli;

static void
perturb_cli_clear (PerturbCli *cli)
{
  g_strfreev (cli->kinds);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PerturbCli, perturb_cli_clear)

/* Splits and checks --kinds; an unknown kind names itself and the valid
 * ones so that the user can fix the contest file at once. */
static gboolean
perturb_cli_kinds (const char *arg, char ***out, GError **error)
{
  g_auto (GStrv) kinds = g_strsplit (arg != NULL ? arg : "", ",", -1);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_strstrip (kinds[i]);
      if (perturb_kind_valid (kinds[i]))
        continue;
      g_autofree char *valid = g_strjoinv (", ",
                                           (char **) perturb_kind_names ());
      g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                   "--kinds: unknown kind \"%s\" (valid kinds: %s)",
                   kinds[i], valid);
      return FALSE;
    }
  if (kinds[0] == NULL)
    {
      g_set_error (error, VB_ERROR, VB_ERROR_USAGE, "--kinds: none given");
      return FALSE;
    }
  *out = g_steal_pointer (&kinds);
  return TRUE;
}

static gboolean
perturb_cli_number (const char *opt, const char *arg, guint64 min,
                    guint64 max, guint64 *out, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (!g_ascii_string_to_unsigned (arg, 10, min, max, out, &local))
    {
      g_set_error (error, VB_ERROR, VB_ERROR_USAGE, "%s: %s", opt,
                   local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
perturb_cli_parse (int *argc, char ***argv, PerturbCli *cli, GError **error)
{
  g_autofree char *kinds = NULL, *seed = NULL, *per_item = NULL;
  guint64 n = 1;
  const GOptionEntry entries[] = {
    { "kinds", 'k', 0, G_OPTION_ARG_STRING, &kinds,
      "Near-miss kinds, comma-separated (testsets/PERTURB.md)", "K,..." },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed, "Contest seed", "N" },
    { "per-item", 'n', 0, G_OPTION_ARG_STRING, &per_item,
      "Variants per item and kind (default 1)", "M" },
    { NULL },
  };

  if (!cmd_parse_options ("testset perturb", "FILE",
                          "Writes generated near-miss variants as JSON "
                          "Lines on stdout.",
                          entries, argc, argv, error))
    return FALSE;
  if (*argc != 2)
    {
      g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                   "expected exactly one FILE, got %d", *argc - 1);
      return FALSE;
    }
  if (kinds == NULL || seed == NULL)
    {
      g_set_error (error, VB_ERROR, VB_ERROR_USAGE, "%s is required",
                   kinds == NULL ? "--kinds" : "--seed");
      return FALSE;
    }
  if (!perturb_cli_kinds (kinds, &cli->kinds, error)
      || !perturb_cli_number ("--seed", seed, 0, G_MAXUINT64, &cli->seed,
                              error)
      || (per_item != NULL
          && !perturb_cli_number ("--per-item", per_item, 1,
                                  PERTURB_MAX_PER_ITEM, &n, error)))
    return FALSE;
  cli->per_item = (guint) n;
  return TRUE;
}

/* The variant's JSON record. */
static cJSON *
perturb_cli_variant (const TsItem *item, const char *kind,
                     const PlanVariant *v)
{
  g_autoptr (cJSON) texts = cJSON_CreateStringArray (
      (const char *const *) v->turns, (int) g_strv_length (v->turns));

  g_autoptr (cJSON) rec = cJSON_CreateObject ();
  g_autofree char *variant = g_strdup_printf ("%s#%u", kind, v->n);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, v->seed);

  cJSON_AddStringToObject (rec, "item", item->id);
  cJSON_AddStringToObject (rec, "variant", variant);
  cJSON_AddStringToObject (rec, "kind", kind);
  /* Raw decimal: exact (the seed is below 2^53), never "1.2e+15". */
  cJSON_AddRawToObject (rec, "seed", seed);
  if (strcmp (item->kind, item_kind_name (ITEM_KIND_CONVERSATION)) == 0)
    cJSON_AddItemToObject (rec, "turns", g_steal_pointer (&texts));
  else
    cJSON_AddStringToObject (
        rec, "text", cJSON_GetArrayItem (texts, 0)->valuestring);
  return g_steal_pointer (&rec);
}

static void
perturb_cli_item (const TsItem *item, const PerturbCli *cli)
{
  for (guint k = 0; cli->kinds[k] != NULL; k++)
    {
      g_autoptr (GPtrArray) vs = plan_item_variants (item, cli->kinds[k],
                                                     cli->seed,
                                                     cli->per_item);
      for (guint i = 0; i < vs->len; i++)
        {
          g_autoptr (cJSON) rec = perturb_cli_variant (
              item, cli->kinds[k], g_ptr_array_index (vs, i));
          g_autofree char *line = jsonl_print (rec);
          fputs (line, stdout);
          fputc ('\n', stdout);
        }
    }
}

int
cmd_testset_perturb (int argc, char **argv, GError **error)
{
  g_auto (PerturbCli) cli = { NULL, 0, 1 };

  if (!perturb_cli_parse (&argc, &argv, &cli, error))
    return VB_EXIT_INPUT;

  g_autoptr (GError) local = NULL;
  g_autoptr (Testset) set = testset_load (argv[1], &local);
  if (set == NULL)
    {
      int code = cmd_exit_code_for (local);
      g_propagate_error (error, g_steal_pointer (&local));
      return code;
    }
  for (guint i = 0; i < set->items->len; i++)
    perturb_cli_item (g_ptr_array_index (set->items, i), &cli);
  if (fflush (stdout) != 0)
    {
      g_set_error (error, VB_ERROR, VB_ERROR_RUN, "cannot write stdout");
      return VB_EXIT_RUN;
    }
  return VB_EXIT_OK;
}
