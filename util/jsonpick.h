/* A push JSON reader: bytes go in, in pieces of any size, each byte looked
 * at once; it checks RFC 8259 syntax and copies out the decoded bytes of
 * the string found at one JSON Pointer (RFC 6901). A string is bytes with a
 * length: "\u0000" is kept as a NUL byte, which cJSON's NUL-terminated
 * strings cannot hold. Used for answers read as they arrive (a streamed
 * answer's events, submissions/sse.h) and for whole bodies alike.
 *
 * What is picked at the pointer P:
 *   - a string at P: its bytes;
 *   - with arrays set and an array at P: each string element and each
 *     element object's "text" string, joined with "\n" (the adapters'
 *     rule for multi-message bots);
 * as cJSON_GetObjectItemCaseSensitive would find it: the first member of a
 * name counts. Not checked here: UTF-8 (the caller validates the bytes),
 * and nesting deeper than JSONPICK_MAX_DEPTH is refused as not JSON. */
#ifndef VB_JSONPICK_H
#define VB_JSONPICK_H

#include <glib.h>

#define JSONPICK_MAX_DEPTH 64

typedef enum {
  JSONPICK_NONE,   /* nothing at the pointer (yet) */
  JSONPICK_STRING, /* a string */
  JSONPICK_ARRAY,  /* an array (only with arrays set) */
  JSONPICK_OTHER,  /* a number, literal, object, or an array without arrays */
} JsonPickFound;

typedef struct _JsonPick JsonPick;

/* A reader for one JSON value at a time. pointer is copied ("" is the
 * whole value); out (borrowed) receives the picked bytes, appended. */
JsonPick *jsonpick_new (const char *pointer, gboolean arrays, GString *out);
void jsonpick_free (JsonPick *p); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JsonPick, jsonpick_free)

/* Ready for the next value; what is already in out stays there. */
void jsonpick_reset (JsonPick *p);

/* Reads the next bytes. FALSE once the input cannot be JSON (then every
 * later call returns FALSE and reads nothing). */
gboolean jsonpick_feed (JsonPick *p, const char *data, gsize len);

/* The input is over: TRUE when it held exactly one JSON value, with
 * blanks around it. */
gboolean jsonpick_end (JsonPick *p);

/* What the pointer found so far. */
JsonPickFound jsonpick_found (const JsonPick *p);

/* TRUE once any byte of the picked text went to out during this value
 * (even when the text is so far empty, FALSE). */
gboolean jsonpick_picked_any (const JsonPick *p);

#endif
