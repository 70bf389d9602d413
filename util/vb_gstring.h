/* g_string_append_len without its general insert path, which GLib 2.74
 * does not inline: called for every JSON string written or read and every
 * word of an answer's phrase form, it was a few hundred instructions a
 * call. When the bytes fit in what is allocated, not even
 * g_string_set_size is called (GString's fields are public API). */
#ifndef VB_GSTRING_H
#define VB_GSTRING_H

#include <glib.h>
#include <string.h>

static inline void
vb_gstring_put (GString *out, const char *p, gsize n)
{
  gsize at = out->len;
  if (G_LIKELY (at + n < out->allocated_len)) { /* room for the NUL too */
    memcpy (out->str + at, p, n);
    out->len = at + n;
    out->str[out->len] = '\0';
    return;
  }
  g_string_set_size (out, at + n);
  memcpy (out->str + at, p, n);
}

/* Appends a string literal, its length known at compile time. */
#define VB_GSTRING_PUT_LITERAL(out, lit) \
  vb_gstring_put ((out), "" lit, sizeof (lit) - 1)

#endif
