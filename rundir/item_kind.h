/* Item kinds of a question set (testsets/README.md), as the loader
 * validates them and scores.jsonl carries them in "kind". */
#ifndef ITEM_KIND_H
#define ITEM_KIND_H

#include <glib.h>

typedef enum {
  ITEM_KIND_NONE = 0, /* absent (a score record without "kind") */
  ITEM_KIND_PROCEDURE,
  ITEM_KIND_LEGAL,
  ITEM_KIND_MULTIPLE_CHOICE,
  ITEM_KIND_UNANSWERABLE,
  ITEM_KIND_CONVERSATION,
  ITEM_KIND_N
} ItemKind;

/* "procedure", "multiple_choice", … (static); NULL for ITEM_KIND_NONE. */
const char *item_kind_name (ItemKind k);

/* FALSE when name is not one of the kinds (NULL included). */
gboolean item_kind_parse (const char *name, ItemKind *out);

/* "procedure, legal, …" for messages, newly allocated. */
char *item_kind_list (void);

#endif
