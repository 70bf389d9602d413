/* vabench check-answer --item JSON|@FILE --answer TEXT|@FILE [--turn N]
 *
 * Explains one judgement: the item is one question-set line
 * (testsets/README.md), the answer any text. Prints the judgement of
 * scoring/judge.h as pretty JSON. Exit 0; 2 on a bad item (the message names
 * the field) or bad usage. */
#include "harness/cmd.h"

#include "scoring/judge.h"

#include <stdio.h>
#include <string.h>

/* "@path" reads the file, anything else is the text itself. */
static char *
read_arg (const char *option, const char *arg, GError **error)
{
  if (arg[0] != '@')
    return g_strdup (arg);
  char *data = NULL;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (arg + 1, &data, NULL, &local)) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT, "%s %s: %s", option, arg,
                 local->message);
    return NULL;
  }
  return data;
}

static cJSON *
parse_item (const char *text, GError **error)
{
  const char *end = NULL;
  cJSON *item = cJSON_ParseWithOpts (text, &end, FALSE);
  if (item == NULL) {
    const char *at = cJSON_GetErrorPtr ();
    long col = at && at >= text ? (long) (at - text) + 1 : 1;
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "--item: invalid JSON near column %ld", col);
    return NULL;
  }
  if (!cJSON_IsObject (item)) {
    cJSON_Delete (item);
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "--item: expected one JSON object (a question-set line)");
    return NULL;
  }
  return item;
}

/* Picks the facts/forbid of the turn: the item itself, or turns[turn]. */
static gboolean
pick_turn (const cJSON *item, const char *kind, guint64 turn,
           const cJSON **facts, const cJSON **forbid, GError **error)
{
  *facts = cJSON_GetObjectItemCaseSensitive (item, "facts");
  *forbid = cJSON_GetObjectItemCaseSensitive (item, "forbid");
  const cJSON *turns = cJSON_GetObjectItemCaseSensitive (item, "turns");
  if (g_strcmp0 (kind, "conversation") != 0 && turns == NULL) {
    if (turn == 0)
      return TRUE;
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "--turn %" G_GUINT64_FORMAT ": the item has one turn", turn);
    return FALSE;
  }
  if (!cJSON_IsArray (turns)) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "--item: field \"turns\": expected an array");
    return FALSE;
  }
  const cJSON *t = cJSON_GetArrayItem (turns, (int) MIN (turn, G_MAXINT));
  if (t == NULL) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "--turn %" G_GUINT64_FORMAT ": the item has %d turns", turn,
                 cJSON_GetArraySize (turns));
    return FALSE;
  }
  if (!cJSON_IsObject (t)) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "--item: field \"turns[%" G_GUINT64_FORMAT
                 "]\": expected an object", turn);
    return FALSE;
  }
  *facts = cJSON_GetObjectItemCaseSensitive (t, "facts");
  *forbid = cJSON_GetObjectItemCaseSensitive (t, "forbid");
  return TRUE;
}

static JudgeKey *
key_of_item (const cJSON *item, guint64 turn, GError **error)
{
  const cJSON *k = cJSON_GetObjectItemCaseSensitive (item, "kind");
  if (k != NULL && !cJSON_IsString (k)) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "--item: field \"kind\": expected a string");
    return NULL;
  }
  const char *kind = k ? k->valuestring : NULL;
  const cJSON *facts, *forbid;
  if (!pick_turn (item, kind, turn, &facts, &forbid, error))
    return NULL;
  const cJSON *choices = cJSON_GetObjectItemCaseSensitive (item, "choices");
  JudgeKey *key = judge_key_new (kind, facts, forbid, choices, error);
  if (key == NULL)
    g_prefix_error (error, "--item: ");
  return key;
}

int
cmd_check_answer (int argc, char **argv, GError **error)
{
  g_autofree char *item_arg = NULL, *answer_arg = NULL, *turn_arg = NULL;
  const GOptionEntry entries[] = {
    {"item", 0, 0, G_OPTION_ARG_STRING, &item_arg,
     "the question-set line (JSON) or @FILE", "JSON|@FILE"},
    {"answer", 0, 0, G_OPTION_ARG_STRING, &answer_arg,
     "the assistant's answer or @FILE", "TEXT|@FILE"},
    {"turn", 0, 0, G_OPTION_ARG_STRING, &turn_arg,
     "turn of a conversation item (default 0)", "N"},
    {NULL, 0, 0, 0, NULL, NULL, NULL},
  };
  if (!cmd_parse_options ("check-answer", "",
                          "Explain the judgement of one answer as JSON.",
                          entries, &argc, &argv, error))
    return VB_EXIT_INPUT;
  if (item_arg == NULL || answer_arg == NULL) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "%s is required (see --help)",
                 item_arg == NULL ? "--item" : "--answer");
    return VB_EXIT_INPUT;
  }
  guint64 turn = 0;
  if (turn_arg && !g_ascii_string_to_unsigned (turn_arg, 10, 0, 64, &turn,
                                               NULL)) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "--turn %s: expected a turn number 0–64", turn_arg);
    return VB_EXIT_INPUT;
  }
  g_autofree char *item_text = read_arg ("--item", item_arg, error);
  g_autofree char *answer = item_text ? read_arg ("--answer", answer_arg,
                                                  error)
                                      : NULL;
  if (answer == NULL)
    return VB_EXIT_INPUT;
  g_autoptr (cJSON) item = parse_item (item_text, error);
  if (item == NULL)
    return VB_EXIT_INPUT;
  g_autoptr (JudgeKey) key = key_of_item (item, turn, error);
  if (key == NULL)
    return VB_EXIT_INPUT;
  g_autoptr (cJSON) judgement = judge_answer (key, answer);
  g_autofree char *out = cJSON_Print (judgement);
  printf ("%s\n", out);
  return VB_EXIT_OK;
}
