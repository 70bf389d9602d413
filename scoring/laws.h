/* The recorded numbers of laws keyed by name (scoring/laws.c). Pure. */
#ifndef LAWS_H
#define LAWS_H

#include <glib.h>

/* The first law of the registry named in norm (a normalize_text form)
 * at or after byte from: its index, its name at bytes [*start, *end); -1
 * when none. */
gint laws_find (const char *norm, gsize from, gboolean lenient, gsize *start,
                gsize *end);
/* Whether canonical (citation.h form, "60/2014/QH13") is a number the
 * law has had. */
gboolean laws_number_valid (gint law, const char *canonical);
/* The law's name as written. */
const char *laws_name (gint law);

#endif
