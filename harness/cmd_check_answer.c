/* vabench check-answer --item JSON|@FILE --answer TEXT|@FILE [--turn N]
 *                      [--set FILE] [--lang vi|en]
 *
 * Explains one judgement: the item is one question-set line
 * (testsets/README.md), the answer any text; --set names the question set
 * whose topics the item's topic id refers to (so an answer about another
 * procedure of the set is told apart). Prints the judgement of
 * scoring/judge.h as pretty JSON, its reasons in the chosen language.
 * Exit 0; 2 on a bad item (the message names the field) or bad usage. */
#include "harness/cmd.h"

#include "scoring/judge.h"
#include "scoring/reasons.h"
#include "testsets/testset.h"

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

/* The topics of a whole question set, loaded as `run` loads it: the
 * figures its items key for each topic are known, so a refusal that states
 * one is judged here as in the contest. */
static JudgeTopics *
read_set_topics (const char *set_path, GError **error)
{
  g_autoptr (Testset) set = testset_load (set_path, error);
  if (set == NULL)
    g_prefix_error (error, "--set: ");
  return set ? judge_topics_ref (set->topics) : NULL;
}

/* The topics of the set named by --set: a question set's (its header is
 * {"testset": …}), else a bare {"topics": …} line's; or an empty
 * registry. */
static JudgeTopics *
read_topics (const char *set_path, GError **error)
{
  g_autoptr (JudgeTopics) topics = judge_topics_new ();
  if (set_path == NULL)
    return g_steal_pointer (&topics);
  g_autofree char *data = NULL;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (set_path, &data, NULL, &local)) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT, "--set %s: %s", set_path,
                 local->message);
    return NULL;
  }
  char *nl = strchr (data, '\n');
  if (nl)
    *nl = '\0';
  g_autoptr (cJSON) head = cJSON_Parse (data);
  if (cJSON_IsObject (cJSON_GetObjectItemCaseSensitive (head, "testset")))
    return read_set_topics (set_path, error);
  const cJSON *t = cJSON_GetObjectItemCaseSensitive (head, "topics");
  if (t != NULL && !judge_topics_read (topics, t, &local)) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT, "--set %s:1: %s", set_path,
                 local->message);
    return NULL;
  }
  return g_steal_pointer (&topics);
}

static gboolean
set_topic (JudgeKey *key, const cJSON *item, JudgeTopics *topics,
           GError **error)
{
  const cJSON *topic = cJSON_GetObjectItemCaseSensitive (item, "topic");
  if (topic == NULL)
    return TRUE;
  const char *id = cJSON_GetStringValue (topic);
  if (cJSON_IsObject (topic)) {
    if (!judge_topics_add (topics, NULL, topic, error))
      return FALSE;
    id = cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (topic, "id"));
  }
  if (id == NULL) {
    g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD,
                 "field \"topic\": expected an id or an object");
    return FALSE;
  }
  return judge_key_set_topic (key, topics, id, error);
}

static JudgeKey *
key_of_item (const cJSON *item, guint64 turn, JudgeTopics *topics,
             GError **error)
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
  g_autoptr (JudgeKey) key = judge_key_new (kind, facts, forbid, choices,
                                            error);
  if (key == NULL || !set_topic (key, item, topics, error)) {
    g_prefix_error (error, "--item: ");
    return NULL;
  }
  const cJSON *turns = cJSON_GetObjectItemCaseSensitive (item, "turns");
  const cJSON *q = turns ? cJSON_GetArrayItem (turns, (int) turn) : item;
  judge_key_set_question (key, cJSON_GetStringValue (
                                   cJSON_GetObjectItemCaseSensitive (q,
                                                                     "question")));
  judge_key_set_as_of (key, cJSON_GetStringValue (
                                cJSON_GetObjectItemCaseSensitive (item,
                                                                  "valid_as_of")));
  return g_steal_pointer (&key);
}

/* Every "reason" of the judgement worded in lang from its rule. */
static void
word_reasons (cJSON *node, ReasonsLang lang)
{
  for (cJSON *c = node ? node->child : NULL; c; c = c->next)
    word_reasons (c, lang);
  if (!cJSON_IsObject (node) || cJSON_GetObjectItem (node, "rule") == NULL
      || !cJSON_IsString (cJSON_GetObjectItem (node, "rule")))
    return;
  g_autofree char *r = reasons_object (node, lang);
  if (r == NULL)
    return;
  if (cJSON_GetObjectItem (node, "reason") != NULL)
    cJSON_ReplaceItemInObject (node, "reason", cJSON_CreateString (r));
  else
    cJSON_AddStringToObject (node, "reason", r);
}

int
cmd_check_answer (int argc, char **argv, GError **error)
{
  g_autofree char *item_arg = NULL, *answer_arg = NULL, *turn_arg = NULL;
  g_autofree char *set_arg = NULL, *lang_arg = NULL;
  const GOptionEntry entries[] = {
    {"item", 0, 0, G_OPTION_ARG_STRING, &item_arg,
     "the question-set line (JSON) or @FILE", "JSON|@FILE"},
    {"answer", 0, 0, G_OPTION_ARG_STRING, &answer_arg,
     "the assistant's answer or @FILE", "TEXT|@FILE"},
    {"turn", 0, 0, G_OPTION_ARG_STRING, &turn_arg,
     "turn of a conversation item (default 0)", "N"},
    {"set", 0, 0, G_OPTION_ARG_FILENAME, &set_arg,
     "the question set the item belongs to: its topics, and the figures "
     "its items key for each (as `run` judges)", "FILE"},
    {"lang", 0, 0, G_OPTION_ARG_STRING, &lang_arg,
     "language of the reasons: vi or en (default en)", "vi|en"},
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
  ReasonsLang lang = REASONS_EN;
  if (lang_arg && !reasons_lang_from_name (lang_arg, &lang)) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "--lang %s: expected vi or en", lang_arg);
    return VB_EXIT_INPUT;
  }
  g_autoptr (JudgeTopics) topics = read_topics (set_arg, error);
  if (topics == NULL)
    return VB_EXIT_INPUT;
  g_autoptr (JudgeKey) key = key_of_item (item, turn, topics, error);
  if (key == NULL)
    return VB_EXIT_INPUT;
  g_autoptr (cJSON) judgement = judge_answer (key, answer);
  word_reasons (judgement, lang);
  g_autofree char *out = cJSON_Print (judgement);
  printf ("%s\n", out);
  return VB_EXIT_OK;
}
