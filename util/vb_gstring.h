/* g_string_append_len without its general insert path, which GLib 2.74
 * does not inline: called for every JSON string written or read and every
 * word of an answer's phrase form, it was a few hundred instructions a
 * call. */
#ifndef VB_GSTRING_H
#define VB_GSTRING_H

#include <glib.h>
#include <string.h>

static inline void
vb_gstring_put (GString *out, const char *p, gsize n)
{
  gsize at = out->len;
  g_string_set_size (out, at + n);
  memcpy (out->str + at, p, n);
}

#endif
