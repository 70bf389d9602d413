#include "util/one_line.h"

#include <string.h>

char *
one_line (const char *text)
{
  if (text == NULL)
    return NULL;
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (g_unichar_iscntrl (c))
      g_string_append_c (out, ' ');
    else
      g_string_append_unichar (out, c);
  }
  return g_string_free (out, FALSE);
}
