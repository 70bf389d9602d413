/* The push JSON reader (util/jsonpick.c) against cJSON: byte 0 picks a
 * pointer and whether arrays are joined, byte 1 the size of the pieces
 * the rest is fed in. The verdict and the picked bytes must not depend on
 * the pieces; what it accepts cJSON accepts; and where both read a value,
 * the picked text is what cJSON finds at the pointer. */
#include "fuzz.h"

#include "submissions/adapter.h"
#include "util/jsonpick.h"

static const char *const pointers[] = {
  "", "/choices/0/message/content", "/choices/0/delta/content", "/a",
  "/0", "/a/1/b", "/a~1b", "/m~0n", "/text", "/0/text",
};

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

static gboolean
pick (const char *pointer, gboolean arrays, const uint8_t *data, size_t len,
      size_t piece, GString *out, JsonPickFound *found)
{
  g_autoptr (JsonPick) p = jsonpick_new (pointer, arrays, out);
  gboolean ok = TRUE;
  if (piece == 0)
    ok = jsonpick_feed (p, (const char *) data, len);
  else
    for (size_t i = 0; i < len && ok; i += piece)
      ok = jsonpick_feed (p, (const char *) data + i, MIN (piece, len - i));
  ok = ok && jsonpick_end (p);
  *found = jsonpick_found (p);
  return ok;
}

/* What the adapters found with cJSON: the string at the pointer, or with
 * arrays each string element and element object's "text", each after a
 * "\n" once some text came before (jsonpick's rule: an empty first text
 * adds no line, a later one adds an empty line). */
static gboolean
reference (const cJSON *root, const char *pointer, gboolean arrays,
           GString *out)
{
  const cJSON *at = adapter_json_pointer (root, pointer);
  if (cJSON_IsString (at)) {
    g_string_append (out, at->valuestring);
    return TRUE;
  }
  if (!arrays || !cJSON_IsArray (at))
    return FALSE;
  const cJSON *el;
  cJSON_ArrayForEach (el, at)
  {
    const cJSON *s = cJSON_IsObject (el)
                         ? cJSON_GetObjectItemCaseSensitive (el, "text")
                         : el;
    if (!cJSON_IsString (s))
      continue;
    if (out->len > 0)
      g_string_append_c (out, '\n');
    g_string_append (out, s->valuestring);
  }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 2)
    return 0;
  const char *pointer = pointers[data[0] % G_N_ELEMENTS (pointers)];
  gboolean arrays = (data[0] / G_N_ELEMENTS (pointers)) & 1;
  size_t piece = data[1] % 17; /* 0: whole */
  data += 2;
  size -= 2;

  g_autoptr (GString) whole = g_string_new (NULL);
  g_autoptr (GString) pieces = g_string_new (NULL);
  JsonPickFound fw, fp;
  gboolean ok = pick (pointer, arrays, data, size, 0, whole, &fw);
  gboolean okp = pick (pointer, arrays, data, size, piece ? piece : 1, pieces,
                       &fp);
  FUZZ_CHECK (ok == okp, "verdict %d whole, %d in pieces of %zu", ok, okp,
              piece);
  if (!ok)
    return 0;
  FUZZ_CHECK (fw == fp, "found %d whole, %d in pieces", fw, fp);
  FUZZ_CHECK (whole->len == pieces->len
                  && memcmp (whole->str, pieces->str, whole->len) == 0,
              "picked bytes differ in pieces of %zu", piece);

  g_autoptr (cJSON) root
      = cJSON_ParseWithLength ((const char *) data, size);
  FUZZ_CHECK (root != NULL, "jsonpick took JSON that cJSON refuses");
  if (memchr (whole->str, '\0', whole->len) != NULL)
    return 0; /* cJSON's strings end at an escaped NUL */
  g_autoptr (GString) want = g_string_new (NULL);
  gboolean there = reference (root, pointer, arrays, want);
  FUZZ_CHECK (there == (fw == JSONPICK_STRING || fw == JSONPICK_ARRAY),
              "cJSON %s text at %s, jsonpick found %d",
              there ? "finds" : "finds no", pointer, fw);
  FUZZ_CHECK (g_string_equal (want, whole), "picked \"%s\", cJSON \"%s\"",
              whole->str, want->str);
  return 0;
}
