#include "rundir/item_kind.h"

#include <string.h>

/* The one table of item kind names. */
static const char *const names[ITEM_KIND_N] = {
  [ITEM_KIND_NONE] = NULL,
  [ITEM_KIND_PROCEDURE] = "procedure",
  [ITEM_KIND_LEGAL] = "legal",
  [ITEM_KIND_MULTIPLE_CHOICE] = "multiple_choice",
  [ITEM_KIND_UNANSWERABLE] = "unanswerable",
  [ITEM_KIND_CONVERSATION] = "conversation",
};

const char *
item_kind_name (ItemKind k)
{
  return (guint) k < ITEM_KIND_N ? names[k] : NULL;
}

gboolean
item_kind_parse (const char *name, ItemKind *out)
{
  *out = ITEM_KIND_NONE;
  for (guint k = 1; name != NULL && k < ITEM_KIND_N; k++)
    if (strcmp (name, names[k]) == 0) {
      *out = (ItemKind) k;
      return TRUE;
    }
  return FALSE;
}

char *
item_kind_list (void)
{
  GString *out = g_string_new (NULL);
  for (guint k = 1; k < ITEM_KIND_N; k++)
    g_string_append_printf (out, "%s%s", k > 1 ? ", " : "", names[k]);
  return g_string_free (out, FALSE);
}
