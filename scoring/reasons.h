/* The judge's explanations in Vietnamese and English. A judgement records,
 * for each fact and each claim it looked at, a rule id and its arguments
 * ("value.contradiction", ["150.000 đồng", "15.000 đồng", "@about:fee"]);
 * this catalog words them. Arguments starting with '@' are terms
 * ("@subject:hotline", "@ch:truc_tuyen") worded per language too. Reports
 * and check-answer word a judgement in the reader's language from the
 * same record. Pure. */
#ifndef REASONS_H
#define REASONS_H

#include "util/vb_autocleanups.h"

typedef enum { REASONS_EN, REASONS_VI } ReasonsLang;

/* "en" or "vi" → lang; FALSE for anything else. */
gboolean reasons_lang_from_name (const char *name, ReasonsLang *lang);

/* The rule worded with args (n of them, NULL ones skipped). An unknown
 * rule gives its id. Newly allocated. */
char *reasons_render (const char *rule, const char *const *args, guint n,
                      ReasonsLang lang);

/* A term ("@subject:fee") in lang, or the text itself when it is no term.
 * Static or borrowed from text. */
const char *reasons_term (const char *text, ReasonsLang lang);

/* The reason of a judgement's fact, claim or off-topic object (its "rule"
 * and "args"), falling back to its "reason" text. Newly allocated, or
 * NULL when the object has neither. */
char *reasons_object (const cJSON *obj, ReasonsLang lang);

/* TRUE when rule is in the catalog (tests check every rule the judge
 * writes is). */
gboolean reasons_has_rule (const char *rule);

#endif
