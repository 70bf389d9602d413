/* The near-miss generator (testsets/perturb.c), which rewrites every
 * question of a set the way citizens type. Byte 0 picks the kind, byte 1
 * the seed; the rest is the question (skipped unless UTF-8 without NUL,
 * as a loaded set's questions are). perturb.h promises: output always
 * valid UTF-8, the same for the same (kind, text, seed), and the question's
 * numbers survive every kind — checked as every run of ASCII digits of the
 * question being found in the output. */
#include "fuzz.h"

#include "testsets/perturb.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 2)
    return 0;
  const char *const *kinds = perturb_kind_names ();
  guint n = g_strv_length ((char **) kinds);
  const char *kind = kinds[data[0] % n];
  guint64 seed = data[1];
  const char *text = (const char *) data + 2;
  size_t len = size - 2;
  if (memchr (text, '\0', len) != NULL
      || !g_utf8_validate_len (text, len, NULL))
    return 0;
  g_autofree char *q = g_strndup (text, len);
  g_autofree char *out = perturb_apply (kind, q, seed);
  FUZZ_CHECK (out != NULL, "%s gave nothing", kind);
  FUZZ_CHECK (g_utf8_validate (out, -1, NULL), "%s: not UTF-8", kind);
  g_autofree char *again = perturb_apply (kind, q, seed);
  FUZZ_CHECK (strcmp (out, again) == 0, "%s: not the same twice", kind);
  for (const char *p = q; *p;) {
    if (!g_ascii_isdigit (*p)) {
      p++;
      continue;
    }
    const char *e = p;
    while (g_ascii_isdigit (*e))
      e++;
    g_autofree char *digits = g_strndup (p, (gsize) (e - p));
    FUZZ_CHECK (strstr (out, digits) != NULL, "%s lost the number %s: "
                "\"%s\" -> \"%s\"", kind, digits, q, out);
    p = e;
  }
  return 0;
}
