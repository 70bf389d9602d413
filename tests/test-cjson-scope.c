/* cJSON trees made inside a scope cost no malloc, are gone at its end, and
 * mix safely with trees made outside: what util/cjson_scope.h promises the
 * scorer and the question-set loader. */
#include <string.h>

#include "util/cjson_scope.h"
#include "util/jsonl.h"

static cJSON *
item_tree (const char *fee_text)
{
  g_autofree char *line = g_strdup_printf (
      "{\"id\": \"ct-01\", \"question\": \"Lệ phí đăng ký tạm trú là bao "
      "nhiêu?\", \"facts\": [{\"type\": \"money\", \"value\": 15000, "
      "\"any_of\": [\"%s\", \"mười lăm nghìn đồng\"]}]}",
      fee_text);
  return cJSON_Parse (line);
}

static void
test_scope_takes_and_gives_back (void)
{
  cjson_scope_install ();
  gsize before = cjson_scope_used ();
  CjsonScope s = cjson_scope_begin ();
  cJSON *t = item_tree ("15.000 đồng");
  g_assert_nonnull (t);
  g_assert_cmpuint (cjson_scope_used (), >, before);
  const cJSON *facts = cJSON_GetObjectItem (t, "facts");
  g_assert_cmpstr (cJSON_GetArrayItem (cJSON_GetObjectItem (
                       cJSON_GetArrayItem (facts, 0), "any_of"), 0)
                       ->valuestring,
                   ==, "15.000 đồng");
  cJSON_Delete (t); /* a no-op for scope memory, and allowed */
  cjson_scope_end (s);
  g_assert_cmpuint (cjson_scope_used (), ==, before);
}

static void
test_scope_memory_is_reused (void)
{
  CjsonScope s = cjson_scope_begin ();
  cJSON *a = item_tree ("15.000đ");
  gsize high = cjson_scope_used ();
  cjson_scope_end (s);
  s = cjson_scope_begin ();
  cJSON *b = item_tree ("15.000đ");
  g_assert_true (a == b); /* the same bytes serve the next line */
  g_assert_cmpuint (cjson_scope_used (), ==, high);
  cjson_scope_end (s);
}

static void
test_outside_trees_mix (void)
{
  /* A tree made outside survives a scope untouched, and may be freed
   * inside one. */
  cJSON *outer = item_tree ("mười lăm nghìn");
  g_autofree char *want = jsonl_print (outer);
  CjsonScope s = cjson_scope_begin ();
  cJSON *inner = item_tree ("15 nghìn");
  cJSON *extra = cJSON_CreateString ("Công an cấp xã");
  cJSON_AddItemToObject (inner, "agency", extra);
  g_autofree char *printed = jsonl_print (inner); /* heap copy: g_free ok */
  g_assert_nonnull (strstr (printed, "Công an cấp xã"));
  cjson_scope_end (s);
  g_autofree char *got = jsonl_print (outer);
  g_assert_cmpstr (got, ==, want);
  s = cjson_scope_begin ();
  cJSON_Delete (outer); /* a malloc'd tree goes back to free() */
  cjson_scope_end (s);
}

static void
test_scopes_nest (void)
{
  CjsonScope outer = cjson_scope_begin ();
  cJSON *keep = item_tree ("15.000 VNĐ");
  gsize mid = cjson_scope_used ();
  CjsonScope inner = cjson_scope_begin ();
  (void) item_tree ("15.000 VND");
  g_assert_cmpuint (cjson_scope_used (), >, mid);
  cjson_scope_end (inner);
  g_assert_cmpuint (cjson_scope_used (), ==, mid);
  /* the outer scope's tree is intact after the inner one ended */
  g_autofree char *p = jsonl_print (keep);
  g_assert_nonnull (strstr (p, "15.000 VNĐ"));
  cjson_scope_end (outer);
}

static gboolean
keep_id (cJSON *obj, guint line, gpointer user, GError **error)
{
  const char *id = NULL;
  if (!jsonl_get_string (obj, "id", FALSE, &id, error))
    return FALSE;
  g_ptr_array_add (user, g_strdup (id)); /* a copy: the tree is transient */
  return TRUE;
}

static void
test_transient_reader (void)
{
  const char *data = "{\"id\": \"thủ-tục-1\"}\n\n{\"id\": \"thủ-tục-2\"}\n";
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gsize before = cjson_scope_used ();
  g_autoptr (GError) error = NULL;
  g_assert_true (jsonl_read_buffer_transient ("mem", data, strlen (data),
                                              keep_id, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "thủ-tục-2");
  g_assert_cmpuint (cjson_scope_used (), ==, before);
  /* errors still name file:line, and no scope is left open */
  const char *bad = "{\"id\": \"a\"}\n{\"id\": 5}\n";
  g_assert_false (jsonl_read_buffer_transient ("bộ-câu-hỏi.jsonl", bad,
                                               strlen (bad), keep_id, ids,
                                               &error));
  g_assert_nonnull (strstr (error->message, "bộ-câu-hỏi.jsonl:2:"));
  g_assert_cmpuint (cjson_scope_used (), ==, before);
}

static gpointer
other_thread (gpointer unused)
{
  /* Each thread has its own region: a scope here leaves the main
   * thread's fill alone. */
  CjsonScope s = cjson_scope_begin ();
  cJSON *t = item_tree ("15.000 đồng");
  gboolean ok = t != NULL && cjson_scope_used () > 0;
  cjson_scope_end (s);
  return GINT_TO_POINTER (ok && cjson_scope_used () == 0);
}

static void
test_per_thread (void)
{
  CjsonScope s = cjson_scope_begin ();
  (void) item_tree ("15.000 đồng");
  gsize mine = cjson_scope_used ();
  GThread *t = g_thread_new ("scope", other_thread, NULL);
  g_assert_true (GPOINTER_TO_INT (g_thread_join (t)));
  g_assert_cmpuint (cjson_scope_used (), ==, mine);
  cjson_scope_end (s);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cjson-scope/takes-and-gives-back",
                   test_scope_takes_and_gives_back);
  g_test_add_func ("/cjson-scope/memory-is-reused", test_scope_memory_is_reused);
  g_test_add_func ("/cjson-scope/outside-trees-mix", test_outside_trees_mix);
  g_test_add_func ("/cjson-scope/scopes-nest", test_scopes_nest);
  g_test_add_func ("/cjson-scope/transient-reader", test_transient_reader);
  g_test_add_func ("/cjson-scope/per-thread", test_per_thread);
  return g_test_run ();
}
