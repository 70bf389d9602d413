/* Writing judgements (scoring/judgement.h). */
#include "scoring/judgement.h"

#include "scoring/reasons.h"
#include "util/jsonw.h"
#include "util/vb_gstring.h"

#include <string.h>

#define PUT VB_GSTRING_PUT_LITERAL

static void
put_args (GString *out, char *const *args, guint n)
{
  PUT (out, ",\"args\":[");
  gboolean first = TRUE;
  for (guint i = 0; i < n && args[i]; i++) {
    if (!first)
      g_string_append_c (out, ',');
    jsonw_append_string (out, args[i]);
    first = FALSE;
  }
  g_string_append_c (out, ']');
}

static guint
n_args (char *const *args, guint max)
{
  guint n = 0;
  while (n < max && args[n])
    n++;
  return n;
}

/* ,"rule":…,"args":[…],"reason":"…" */
static void
put_rule (GString *out, const char *rule, char *const *args, guint max)
{
  guint n = n_args (args, max);
  PUT (out, ",\"rule\":");
  jsonw_append_string (out, rule ? rule : "");
  put_args (out, args, n);
  g_autofree char *reason = reasons_render (rule, (const char *const *) args,
                                            n, REASONS_EN);
  PUT (out, ",\"reason\":");
  jsonw_append_string (out, reason);
}

static void
put_notes (GString *out, const GPtrArray *notes)
{
  PUT (out, ",\"claims\":[");
  for (guint i = 0; i < notes->len; i++) {
    const ClaimNote *n = notes->pdata[i];
    if (i > 0)
      g_string_append_c (out, ',');
    PUT (out, "{\"span\":");
    jsonw_append_string_or_null (out, n->span);
    PUT (out, ",\"status\":");
    jsonw_append_string (out, n->status);
    /* the rule and its arguments only: a claim's words are made where
     * they are read (reports, check-answer), in the reader's language */
    PUT (out, ",\"rule\":");
    jsonw_append_string (out, n->rule);
    put_args (out, n->args, n_args (n->args, G_N_ELEMENTS (n->args)));
    g_string_append_c (out, '}');
  }
  g_string_append_c (out, ']');
}

void
judgement_fact_append (GString *out, const Fact *f, const Outcome *o)
{
  PUT (out, "{\"type\":");
  jsonw_append_string (out, judge_fact_type_names[f->type]);
  PUT (out, ",\"required\":");
  jsonw_append_bool (out, f->required);
  PUT (out, ",\"weight\":");
  jsonw_append_number (out, f->weight);
  PUT (out, ",\"status\":");
  jsonw_append_string (out, match_status_names[o->status]);
  PUT (out, ",\"span\":");
  jsonw_append_string_or_null (out, o->span);
  PUT (out, ",\"value\":");
  if (o->value)
    vb_gstring_put (out, o->value, strlen (o->value));
  else
    PUT (out, "null");
  if (o->expected) {
    PUT (out, ",\"expected\":");
    jsonw_append_string (out, o->expected);
  }
  put_rule (out, o->rule, o->args, G_N_ELEMENTS (o->args));
  if (o->notes && o->notes->len > 0)
    put_notes (out, o->notes);
  g_string_append_c (out, '}');
}

void
judgement_forbid_append (GString *out, guint index, const Fact *rule,
                         const char *span)
{
  PUT (out, "{\"rule\":");
  jsonw_append_number (out, index);
  PUT (out, ",\"span\":");
  jsonw_append_string (out, span);
  if (rule->reason) {
    PUT (out, ",\"reason\":");
    jsonw_append_string (out, rule->reason);
  } else {
    g_autofree char *r = reasons_render ("forbid.hit", NULL, 0, REASONS_EN);
    PUT (out, ",\"rule_id\":\"forbid.hit\",\"reason\":");
    jsonw_append_string (out, r);
  }
  g_string_append_c (out, '}');
}

void
judgement_off_topic_append (GString *out, const char *id, const char *name,
                            const char *own_name)
{
  PUT (out, ",\"off_topic\":{\"topic\":");
  jsonw_append_string (out, id);
  PUT (out, ",\"name\":");
  jsonw_append_string (out, name);
  char *args[2] = {(char *) name, (char *) own_name};
  put_rule (out, "topic.off", args, 2);
  g_string_append_c (out, '}');
}
