#include "rundir/variant.h"

#include <string.h>

/* The '@' of a well-formed round suffix, or NULL. */
static const char *
round_at (const char *variant)
{
  if (variant == NULL)
    return NULL;
  const char *at = strrchr (variant, '@');
  if (at == NULL || at[1] == '\0' || at == variant)
    return NULL;
  for (const char *p = at + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  guint64 r = 0;
  if (at[1] == '0'
      || !g_ascii_string_to_unsigned (at + 1, 10, 2, G_MAXUINT, &r, NULL))
    return NULL;
  return at;
}

guint
variant_round (const char *variant)
{
  const char *at = round_at (variant);
  guint64 r = 1;
  if (at)
    (void) g_ascii_string_to_unsigned (at + 1, 10, 2, G_MAXUINT, &r, NULL);
  return (guint) r;
}

gsize
variant_base_len (const char *variant)
{
  if (variant == NULL)
    return 0;
  const char *at = round_at (variant);
  return at ? (gsize) (at - variant) : strlen (variant);
}

gboolean
variant_is_clean (const char *variant)
{
  return variant == NULL
         || (variant_base_len (variant) == 5
             && strncmp (variant, "clean", 5) == 0);
}

char *
variant_with_round (const char *base, guint round)
{
  return round <= 1 ? g_strdup (base)
                    : g_strdup_printf ("%s@%u", base, round);
}
