/* Short-lived cJSON trees without malloc: inside a scope, every cJSON
 * allocation on this thread is carved from one reserved region and the
 * whole scope is given back at its end in one step. Loading a question
 * set parses and drops a tree per line, some sixty nodes each, and the
 * scorer makes a few values per answer; taking them from the region
 * instead of malloc cut scoring's instructions by a tenth (November 2026,
 * when score records were built as trees too).
 *
 *   CjsonScope s = cjson_scope_begin ();
 *   cJSON *t = cJSON_Parse (…);  … use, write, copy out what is kept …
 *   cJSON_Delete (t);             (a no-op for scope memory)
 *   cjson_scope_end (s);
 *
 * Nothing allocated by cJSON inside a scope may be used after its end:
 * copy what must be kept. Delete trees as usual: when no region can be
 * mapped (ulimit -v, strict overcommit) scopes fall back to malloc. Outside scopes, and on every thread that never
 * opens one, cJSON allocates with plain malloc/free as before. Scopes
 * nest; each thread has its own region. */
#ifndef VB_CJSON_SCOPE_H
#define VB_CJSON_SCOPE_H

#include <glib.h>

typedef struct {
  gsize mark; /* the region's fill when the scope began */
} CjsonScope;

/* Points cJSON's allocation hooks at the scope allocator. Idempotent;
 * cjson_scope_begin calls it, main calls it before any thread starts. */
void cjson_scope_install (void);

CjsonScope cjson_scope_begin (void);
void cjson_scope_end (CjsonScope s);

/* Bytes of this thread's region in use (tests). */
gsize cjson_scope_used (void);

#endif
