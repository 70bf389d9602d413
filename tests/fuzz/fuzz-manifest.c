/* Submission manifests (submissions/manifest.c): any bytes as a manifest.
 * One that loads gives a snapshot without its secret and builds a request
 * whose body is JSON, for a first turn and for a follow-up, and whose
 * headers are each one "Name: value" line (no CR, LF or control byte
 * from any source: issue 19, a header injected through auth.header or a
 * token value). */
#include "fuzz.h"

#include "submissions/adapter.h"

#define SECRET "vb-fuzz-secret-7f3a91"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  g_setenv ("VABENCH_FUZZ_TOKEN", SECRET, TRUE);
  /* a token that would add a header (seeds/fuzz-manifest/token-crlf.json) */
  g_setenv ("VABENCH_FUZZ_CRLF", "tok\r\nX-Injected: 1", TRUE);
  return 0;
}

static gboolean secret_in_input;

static void
build (const Manifest *m, const AdapterTurn *turn)
{
  AdapterRequest req = { 0 };
  g_autoptr (GError) error = NULL;
  if (!adapter_build_request (m, turn, &req, &error)) {
    FUZZ_CHECK (error != NULL, "no error set");
    adapter_request_clear (&req);
    return;
  }
  FUZZ_CHECK (req.url != NULL && req.method != NULL && req.body != NULL,
              "incomplete request");
  for (const struct curl_slist *h = req.headers; h != NULL; h = h->next) {
    const char *colon = strchr (h->data, ':');
    FUZZ_CHECK (colon != NULL && colon > h->data, "header without a name");
    for (const char *c = h->data; *c; c++)
      FUZZ_CHECK ((unsigned char) *c >= 0x20 || *c == '\t',
                  "control byte 0x%02x in a header", (unsigned char) *c);
    for (const char *c = h->data; c < colon; c++)
      FUZZ_CHECK (*c != ' ' && *c != '\t', "blank in a header name");
  }
  g_autoptr (cJSON) body = cJSON_Parse (req.body);
  FUZZ_CHECK (body != NULL, "request body is not JSON: %s", req.body);
  /* (libFuzzer learns the secret from the comparisons below and may
   * write it into the manifest: then it is the manifest's text) */
  if (!secret_in_input)
    FUZZ_CHECK (strstr (req.body, SECRET) == NULL, "secret in the body");
  adapter_request_clear (&req);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = fuzz_write ("manifest.json", data, size);
  secret_in_input = memmem (data, size, SECRET, strlen (SECRET)) != NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (Manifest) m = manifest_load (path, &error);
  if (m == NULL) {
    FUZZ_CHECK (error != NULL, "no error set");
    return 0;
  }
  FUZZ_CHECK (m->id && m->endpoint && m->adapter, "required field NULL");
  g_autoptr (cJSON) snap = manifest_snapshot (m);
  g_autofree char *text = cJSON_PrintUnformatted (snap);
  FUZZ_CHECK (text != NULL, "snapshot does not print");
  if (m->secret != NULL && strcmp (m->secret, SECRET) == 0
      && !secret_in_input)
    FUZZ_CHECK (strstr (text, SECRET) == NULL, "secret in the snapshot");

  AdapterTurn first = { "Lệ phí đăng ký tạm trú là bao nhiêu?", NULL,
                        "phien-1", 0 };
  build (m, &first);
  const char *const history[] = { "Thủ tục khai sinh cần gì?",
                                  "Tờ khai và giấy chứng sinh.", NULL };
  AdapterTurn follow = { "Nộp ở đâu \"\\\n?", history, "phien-2", 1 };
  build (m, &follow);
  return 0;
}
