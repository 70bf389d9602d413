/* Tests for testsets/perturb.c and `vabench testset perturb`: expectations
 * per kind, determinism, valid UTF-8, numbers that survive, Telex/VNI
 * variants that decode back, the documented per-variant seed and the CLI. */
#include "testsets/perturb.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "harness/cmd.h"
#include "harness/cmd_testset_perturb.h"
#include "scoring/vi_syllable.h"
#include "util/jsonl.h"

static const char *const questions[] = {
  "Đăng ký tạm trú mất bao lâu và lệ phí bao nhiêu nếu nộp trực tiếp?",
  "Làm căn cước công dân có mất phí không, được trả kết quả trong 07 ngày "
  "làm việc phải không?",
  "Ủy ban nhân dân xã chứng thực bản sao giấy tờ gì? Lệ phí 2.000 "
  "đồng/trang đúng không?",
  "Hộ kinh doanh đăng ký ở đâu, mấy giờ thì mở cửa?",
  "Thủ tục đổi giấy phép lái xe theo Thông tư 12/2025/TT-BCA như thế nào?",
  "Hòa giải tranh chấp ở xã, người già có được miễn lệ phí không?",
  "Lệ phí đăng ký thường trú là 20.000 đồng, nộp trực tuyến 10.000 đồng "
  "phải không?",
  "Người nước ngoài kết hôn với công dân Việt Nam thì làm thủ tục ở đâu?",
};

/* ---- kinds ------------------------------------------------------------- */

static void
test_kind_table (void)
{
  const char *const *names = perturb_kind_names ();
  guint n = 0;

  for (; names[n] != NULL; n++)
    {
      guint sev = perturb_kind_severity (names[n]);
      g_assert_true (perturb_kind_valid (names[n]));
      g_assert_cmpuint (sev, >=, 1);
      g_assert_cmpuint (sev, <=, 3);
    }
  g_assert_cmpuint (n, ==, 11);
  g_assert_cmpstr (names[0], ==, "no_diacritics");
  g_assert_false (perturb_kind_valid ("telexx"));
  g_assert_false (perturb_kind_valid (""));
  g_assert_cmpuint (perturb_kind_severity ("bogus"), ==, 0);
  g_assert_cmpuint (perturb_kind_severity ("telex"), ==, 3);
  g_assert_cmpuint (perturb_kind_severity ("nfd"), ==, 1);
}

/* Exact output, whatever the seed. */
typedef struct {
  const char *kind, *in, *out;
} ExactCase;

static const ExactCase exact_cases[] = {
  { "no_diacritics", "Đăng ký hộ kinh doanh ở đâu?",
    "Dang ky ho kinh doanh o dau?" },
  { "no_diacritics", "Lệ phí 15.000 đồng, trả kết quả sau 03 ngày.",
    "Le phi 15.000 dong, tra ket qua sau 03 ngay." },
  { "tone_style", "Hòa giải ở xã, khỏe không?", "Hoà giải ở xã, khoẻ không?" },
  { "tone_style", "Thủ tục hoà giải, thuý", "Thủ tục hòa giải, thúy" },
  { "tone_style", "Đăng ký tạm trú", "Đăng ký tạm trú" },
  { "nfd", "hồ", "ho\xcc\x82\xcc\x80" },
  { "nfd", "UBND 15.000", "UBND 15.000" },
  { "abbreviation", "Ủy ban nhân dân xã", "UBND xã" },
  { "abbreviation", "Uỷ ban nhân dân xã", "UBND xã" },
  { "abbreviation", "Đăng ký hộ kinh doanh", "Đăng ký hộ kd" },
  { "abbreviation", "Làm như thế nào?", "Làm ntn?" },
  { "abbreviation", "Cấp lại căn cước công dân", "Cấp lại CCCD" },
  { "abbreviation", "Nộp hồ sơ 03 ngày", "Nộp hồ sơ 03 ngày" },
  { "dialect", "già", "dà" },
  { "dialect", "dân", "giân" },
  { "dialect", "trú", "chú" },
  { "dialect", "rồi", "dồi" },
  { "dialect", "nhà", "nhà" }, /* nh is not n */
  { "dialect", "UBND", "UBND" },
  { "telex", "15.000", "15.000" },
  { "case", "15.000", "15.000" },
};

/* Output is one of a few forms, chosen by seed. */
typedef struct {
  const char *kind, *in;
  const char *any_of[20];
} ChoiceCase;

static const ChoiceCase choice_cases[] = {
  { "telex", "Đăng ký tạm trú",
    { "DDawng kys tamj trus", "DDawng kys tajm trus", NULL } },
  { "telex", "quyết định",
    { "quyeets ddinhj", "quyeest ddijnh", NULL } },
  { "vni", "hồ sơ nước ngoài",
    { "ho62 so7 nu7o7c1 ngoai2", "ho62 so7 nu7o71c ngoa2i", NULL } },
  { "vni", "đăng ký", { "d9a8ng ky1", NULL } },
  { "case", "Đăng ký tạm trú",
    { "ĐĂNG KÝ TẠM TRÚ", "đăng ký tạm trú", NULL } },
  { "case", "đăng ký", { "ĐĂNG KÝ", NULL } },
  { "abbreviation", "không",
    { "ko", "k", "kh", "khum", "hong", NULL } },
  { "abbreviation", "Được không?",
    { "Đc không?", "Dc không?", "Được ko?", "Được k?", "Được kh?",
      "Được khum?", "Được hong?", "Đc ko?", "Đc k?", "Đc kh?", "Đc khum?",
      "Đc hong?", "Dc ko?", "Dc k?", "Dc kh?", "Dc khum?", "Dc hong?",
      NULL } },
  { "dialect", "lỗi", { "nỗi", "lổi", NULL } },
  { "dialect", "sổ", { "xổ", "sỗ", NULL } },
  { "dialect", "Giấy", { "Dấy", NULL } },
};

static gboolean
strv_has (const char *const *v, const char *s)
{
  for (guint i = 0; v[i] != NULL; i++)
    if (strcmp (v[i], s) == 0)
      return TRUE;
  return FALSE;
}

static void
test_exact (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (exact_cases); i++)
    for (guint64 seed = 0; seed < 20; seed++)
      {
        const ExactCase *c = &exact_cases[i];
        g_autofree char *out = perturb_apply (c->kind, c->in, seed);
        g_assert_cmpstr (out, ==, c->out);
      }
}

static void
test_choices (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_cases); i++)
    {
      const ChoiceCase *c = &choice_cases[i];
      g_autoptr (GHashTable) seen = g_hash_table_new_full (
          g_str_hash, g_str_equal, g_free, NULL);

      for (guint64 seed = 0; seed < 200; seed++)
        {
          char *out = perturb_apply (c->kind, c->in, seed);
          if (!strv_has (c->any_of, out))
            g_error ("%s(\"%s\", %" G_GUINT64_FORMAT ") gave unexpected "
                     "\"%s\"", c->kind, c->in, seed, out);
          g_hash_table_add (seen, out);
        }
      /* The seed really picks: every listed form shows up at some seed
       * when the forms are few. */
      if (g_strv_length ((char **) c->any_of) <= 2)
        g_assert_cmpuint (g_hash_table_size (seen), ==,
                          g_strv_length ((char **) c->any_of));
    }
}

/* Several forms of không/được appear across seeds in a real question. */
static void
test_abbreviation_variety (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash,
                                                       g_str_equal, g_free,
                                                       NULL);
  for (guint64 seed = 0; seed < 100; seed++)
    {
      char *out = perturb_apply ("abbreviation", questions[1], seed);
      g_assert_cmpstr (out, !=, questions[1]);
      g_hash_table_add (seen, out);
    }
  g_assert_cmpuint (g_hash_table_size (seen), >, 10);
}

/* ---- properties over every kind ---------------------------------------- */

/* Numbers as written: digit runs with inner . , / that do not follow a
 * letter (a VNI key digit always follows a letter). */
static char *
numbers_of (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *p = text;
  gboolean after_letter = FALSE;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      if (g_ascii_isdigit (*p) && !after_letter)
        {
          while (g_ascii_isdigit (*p)
                 || ((*p == '.' || *p == ',' || *p == '/')
                     && g_ascii_isdigit (p[1])))
            g_string_append_c (out, *p++);
          g_string_append_c (out, ' ');
          after_letter = FALSE;
          continue;
        }
      after_letter = g_unichar_isalpha (c) || g_unichar_ismark (c)
                     || (after_letter && g_ascii_isdigit (*p));
      p = g_utf8_next_char (p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_properties (void)
{
  const char *const *kinds = perturb_kind_names ();

  for (guint k = 0; kinds[k] != NULL; k++)
    for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
      for (guint64 seed = 0; seed < 60; seed++)
        {
          guint64 s = seed * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
          g_autofree char *a = perturb_apply (kinds[k], questions[q], s);
          g_autofree char *b = perturb_apply (kinds[k], questions[q], s);
          g_autofree char *na = numbers_of (a);
          g_autofree char *nq = numbers_of (questions[q]);

          g_assert_cmpstr (a, ==, b); /* determinism */
          g_assert_true (g_utf8_validate (a, -1, NULL));
          if (strcmp (na, nq) != 0)
            g_error ("%s changed the numbers of \"%s\": \"%s\"", kinds[k],
                     questions[q], a);
          /* Every kind applies to these questions; tone_style only where
           * a hoà/hòa-type syllable occurs. */
          if (strcmp (kinds[k], "tone_style") != 0 || q == 5)
            g_assert_cmpstr (a, !=, questions[q]);
        }
}

/* Telex and VNI variants decode back to the question (new tone style). */
static void
test_keys_decode_back (void)
{
  static const char *const kinds[] = { "telex", "vni" };
  static const ViKeys keys[] = { VI_KEYS_TELEX, VI_KEYS_VNI };

  for (guint k = 0; k < 2; k++)
    for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
      for (guint64 seed = 0; seed < 20; seed++)
        {
          g_autofree char *v = perturb_apply (kinds[k], questions[q], seed);
          g_autofree char *d = vi_syllable_decode_keys (v, keys[k]);
          g_autofree char *want = vi_syllable_place_tones (questions[q],
                                                           VI_STYLE_NEW);
          g_assert_cmpstr (d, ==, want);
        }
}

/* text without spaces and punctuation. */
static char *
bare (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Shares of words stay partial and only ever lose marks; typos stay few;
 * spacing only moves spaces and punctuation. */
static void
test_partial_and_typo (void)
{
  for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
    for (guint64 seed = 0; seed < 50; seed++)
      {
        g_autofree char *p = perturb_apply ("partial_diacritics",
                                            questions[q], seed);
        g_autofree char *ps = vi_syllable_strip (p, FALSE);
        g_autofree char *qs = vi_syllable_strip (questions[q], FALSE);
        g_autofree char *t = perturb_apply ("keyboard_typo", questions[q],
                                            seed);
        glong lt = g_utf8_strlen (t, -1), lq = g_utf8_strlen (questions[q],
                                                              -1);

        g_autofree char *sp = perturb_apply ("spacing", questions[q], seed);
        g_autofree char *sp_bare = bare (sp);
        g_autofree char *q_bare = bare (questions[q]);

        g_assert_cmpstr (ps, ==, qs);
        g_assert_cmpstr (sp_bare, ==, q_bare);
        g_assert_cmpstr (p, !=, qs);
        /* One to three typos, each changes the length by at most one. */
        g_assert_cmpint (ABS (lt - lq), <=, 3);
      }
}

static void
test_invalid_input (void)
{
  const char *const *kinds = perturb_kind_names ();

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      g_autofree char *a = perturb_apply (kinds[k], "ho\xff s\xc3 ngày", 3);
      g_autofree char *b = perturb_apply (kinds[k], "", 3);

      g_assert_true (g_utf8_validate (a, -1, NULL));
      g_assert_cmpstr (b, ==, "");
    }
  g_autofree char *u = perturb_apply ("bogus", "không", 1);
  g_assert_cmpstr (u, ==, "không");
}

/* Random junk through every kind: valid UTF-8, deterministic, no crash. */
static void
test_random_input (void)
{
  static const char *const pieces[]
      = { "không ", "Được", "gì", " ", "15.000", "?", "Ủy ban nhân dân ",
          "hòa", "q", "\xcc\x81", "\xff", "đ", "\xf0\x9f\x98\x80", ",",
          "A1", "  ", "lỗi", "giờ" };
  const char *const *kinds = perturb_kind_names ();
  g_autoptr (GRand) r = g_rand_new_with_seed (5);

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr (GString) in = g_string_new (NULL);
      guint n = g_rand_int_range (r, 0, 16);

      for (guint k = 0; k < n; k++)
        g_string_append (in, pieces[g_rand_int_range (r, 0,
                                                      G_N_ELEMENTS (pieces))]);
      for (guint k = 0; kinds[k] != NULL; k++)
        {
          g_autofree char *a = perturb_apply (kinds[k], in->str, i);
          g_autofree char *b = perturb_apply (kinds[k], in->str, i);
          g_assert_true (g_utf8_validate (a, -1, NULL));
          g_assert_cmpstr (a, ==, b);
        }
    }
}

/* Pinned outputs: the same on every machine and every release. */
typedef struct {
  const char *kind;
  guint64 seed;
  const char *out;
} PinCase;

static const PinCase pins[] = {
  { "no_diacritics", 1,
    "Dang ky tam tru mat bao lau va le phi bao nhieu neu nop truc tiep?" },
  { "no_diacritics", 20251122,
    "Dang ky tam tru mat bao lau va le phi bao nhieu neu nop truc tiep?" },
  { "partial_diacritics", 1,
    "Đăng ký tam tru mất bao lâu va lê phi bao nhiêu nêu nộp trưc tiếp?" },
  { "partial_diacritics", 20251122,
    "Đăng ky tam tru mât bao lâu va lê phi bao nhiêu nêu nôp trưc tiêp?" },
  { "telex", 1,
    "DDawng kys tamj trus maats bao laau vaf leej phis bao nhieeu neeus "
    "noopj truwcj tieeps?" },
  { "telex", 20251122,
    "DDawng kys tamj trus maats bao laau vaf leej phis bao nhieeu neeus "
    "noopj truwcj tieeps?" },
  { "vni", 1,
    "D9a8ng ky1 tam5 tru1 ma6t1 bao la6u va2 le65 phi1 bao nhie6u ne6u1 "
    "no6p5 tru7c5 tie6p1?" },
  { "vni", 20251122,
    "D9a8ng ky1 tam5 tru1 ma6t1 bao la6u va2 le65 phi1 bao nhie6u ne6u1 "
    "no6p5 tru7c5 tie6p1?" },
  { "keyboard_typo", 1,
    "Đăng ký tạm trú mất bao lâu và lệ phí bao nhiêu nwu nộp trực tiếp?" },
  { "keyboard_typo", 20251122,
    "Đăn ký tạm trú mất bao lâu và lệ phí bao hniêu nếu nộp trực tiếp?" },
  { "abbreviation", 1,
    "Đăng ký tạm trú mất bao lâu và lệ phí bn nếu nộp trực tiếp?" },
  { "abbreviation", 20251122,
    "Đăng ký tạm trú mất bao lâu và lệ phí bn nếu nộp trực tiếp?" },
  { "dialect", 1,
    "Đăng ký tạm trú mất bao lâu và lệ phí bao nhiêu nếu lộp chực tiếp?" },
  { "dialect", 20251122,
    "Đăng ký tạm chú mất bao lâu và lệ phí bao nhiêu nếu nộp chực tiếp?" },
  { "tone_style", 1,
    "Đăng ký tạm trú mất bao lâu và lệ phí bao nhiêu nếu nộp trực tiếp?" },
  { "tone_style", 20251122,
    "Đăng ký tạm trú mất bao lâu và lệ phí bao nhiêu nếu nộp trực tiếp?" },
  { "case", 1,
    "ĐĂNG KÝ TẠM TRÚ MẤT BAO LÂU VÀ LỆ PHÍ BAO NHIÊU NẾU NỘP TRỰC TIẾP?" },
  { "case", 20251122,
    "ĐĂNG KÝ TẠM TRÚ MẤT BAO LÂU VÀ LỆ PHÍ BAO NHIÊU NẾU NỘP TRỰC TIẾP?" },
  { "spacing", 1,
    "Đăng ký tạm trú  mấtbao lâu  và lệphí baonhiêunếu nộp  trực  tiếp" },
  { "spacing", 20251122,
    "Đăng ký tạm trú mất bao lâu và lệ phí bao nhiêu nếu nộp trực tiếp" },
};

static void
test_pinned (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (pins); i++)
    {
      g_autofree char *out = perturb_apply (pins[i].kind, questions[0],
                                            pins[i].seed);
      g_assert_cmpstr (out, ==, pins[i].out);
    }
}

static void
test_variant_seed (void)
{
  /* sha256("20251122/cutru-002/telex/1") = b9ffe317530963ff…, masked to
   * 53 bits. */
  g_assert_cmpuint (perturb_variant_seed (20251122, "cutru-002", "telex", 1),
                    ==, G_GUINT64_CONSTANT (8975413594907647));
  guint64 a = perturb_variant_seed (1, "x", "telex", 1);
  g_assert_cmpuint (a, !=, perturb_variant_seed (1, "x", "telex", 2));
  g_assert_cmpuint (a, !=, perturb_variant_seed (1, "x", "vni", 1));
  g_assert_cmpuint (a, !=, perturb_variant_seed (1, "y", "telex", 1));
  g_assert_cmpuint (a, !=, perturb_variant_seed (2, "x", "telex", 1));
  g_assert_cmpuint (perturb_variant_seed (G_MAXUINT64, "x", "nfd", 9), <,
                    G_GUINT64_CONSTANT (1) << 53);
}

/* ---- CLI --------------------------------------------------------------- */

static const char set_jsonl[]
    = "{\"testset\": {\"name\": \"t\", \"version\": \"1\", \"as_of\": "
      "\"2025-07-01\", \"visibility\": \"public\"}}\n"
      "{\"id\": \"cutru-002\", \"category\": \"cu-tru\", \"kind\": "
      "\"procedure\", \"question\": \"Đăng ký tạm trú mất bao lâu?\", "
      "\"facts\": [{\"type\": \"duration\", \"value\": 3, \"unit\": "
      "\"working_day\"}], \"legal_basis\": [\"Luật Cư trú 2020\"], "
      "\"valid_as_of\": \"2025-07-01\", \"source\": \"DOMAIN.md\", "
      "\"review\": \"unreviewed\"}\n"
      "{\"id\": \"hotich-001\", \"category\": \"ho-tich\", \"kind\": "
      "\"conversation\", \"turns\": [{\"question\": \"Đăng ký khai sinh ở "
      "đâu?\", \"facts\": [{\"type\": \"agency\", \"any_of\": [\"Ủy ban "
      "nhân dân cấp xã\"]}]}, {\"question\": \"Có mất phí không?\", "
      "\"facts\": [{\"type\": \"money\", \"value\": 0}]}], "
      "\"legal_basis\": [\"Luật Hộ tịch 2014\"], \"valid_as_of\": "
      "\"2025-07-01\", \"source\": \"DOMAIN.md\", \"review\": "
      "\"unreviewed\"}\n";

typedef struct {
  char *dir, *path;
} CliFixture;

static void
cli_setup (CliFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("vabench-perturb-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "set.jsonl", NULL);
  g_file_set_contents (f->path, set_jsonl, -1, &error);
  g_assert_no_error (error);
}

static void
cli_teardown (CliFixture *f, gconstpointer data)
{
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

/* Runs the subcommand in this process with stdout sent to a file of the
 * fixture's folder; returns the exit code and the output. */
static int
cli_run (CliFixture *f, const char *kinds, const char *extra, char **out,
         GError **error)
{
  g_autofree char *cmdline = g_strdup_printf (
      "perturb %s --kinds %s --seed 20251122 %s", f->path, kinds, extra);
  g_auto (GStrv) words = g_strsplit (cmdline, " ", -1);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out_path = g_build_filename (f->dir, "out.jsonl", NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (argv, words[i]);
  g_ptr_array_add (argv, NULL);

  fflush (stdout);
  int saved = dup (STDOUT_FILENO);
  int fd = open (out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (dup2 (fd, STDOUT_FILENO), >=, 0);
  close (fd);
  int code = cmd_testset_perturb (argv->len - 1, (char **) argv->pdata,
                                  error);
  fflush (stdout);
  g_assert_cmpint (dup2 (saved, STDOUT_FILENO), >=, 0);
  close (saved);

  g_assert_true (g_file_get_contents (out_path, out, NULL, NULL));
  g_assert_cmpint (g_unlink (out_path), ==, 0);
  return code;
}

static gboolean
cli_check_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  guint *count = user;
  const char *item = NULL, *variant = NULL, *kind = NULL;
  double seed = 0;

  g_assert_true (jsonl_get_string (obj, "item", FALSE, &item, NULL));
  g_assert_true (jsonl_get_string (obj, "variant", FALSE, &variant, NULL));
  g_assert_true (jsonl_get_string (obj, "kind", FALSE, &kind, NULL));
  g_assert_true (jsonl_get_number (obj, "seed", FALSE, &seed, NULL));
  g_assert_true (g_str_has_prefix (variant, kind));
  guint n = variant[strlen (kind) + 1] - '0';
  g_assert_cmpfloat (seed, ==,
                     (double) perturb_variant_seed (20251122, item, kind, n));
  /* Reproducible from the API: turn t uses the variant's seed + t. */
  if (strcmp (item, "hotich-001") == 0)
    {
      static const char *const turns[] = { "Đăng ký khai sinh ở đâu?",
                                           "Có mất phí không?" };
      const cJSON *arr = cJSON_GetObjectItem (obj, "turns");
      g_assert_cmpint (cJSON_GetArraySize (arr), ==, 2);
      for (guint t = 0; t < 2; t++)
        {
          g_autofree char *want = perturb_apply (kind, turns[t],
                                                 (guint64) seed + t);
          g_assert_cmpstr (cJSON_GetArrayItem (arr, t)->valuestring, ==,
                           want);
        }
    }
  else
    {
      g_autofree char *want = perturb_apply (kind, "Đăng ký tạm trú mất bao "
                                             "lâu?", (guint64) seed);
      g_assert_cmpstr (cJSON_GetObjectItem (obj, "text")->valuestring, ==,
                       want);
    }
  (*count)++;
  return TRUE;
}

static void
test_cli_output (CliFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int code = cli_run (f, "no_diacritics,telex,nfd", "--per-item 2", &out,
                      &error);

  g_assert_no_error (error);
  g_assert_cmpint (code, ==, VB_EXIT_OK);
  /* Telex of these questions comes out the same for seeds 1 and 2: the
   * second is not generated (issue 15: the same text counted twice). */
  g_assert_nonnull (strstr (out, "\"variant\":\"telex#1\""));
  g_assert_null (strstr (out, "\"variant\":\"telex#2\""));
  g_assert_nonnull (strstr (out, "DDawng kys"));
  /* NFD is one text whatever the seed */
  g_assert_null (strstr (out, "\"variant\":\"nfd#2\""));
  g_assert_nonnull (strstr (out, "\"turns\":[\"Dang ky khai sinh o dau?\","
                                 "\"Co mat phi khong?\"]"));
}

static void
test_cli_lines (CliFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  guint count = 0;
  int code = cli_run (f, "telex,vni,abbreviation", "--per-item 3", &out,
                      &error);

  g_assert_no_error (error);
  g_assert_cmpint (code, ==, VB_EXIT_OK);
  (void) jsonl_read_buffer ("out", out, strlen (out), cli_check_line, &count,
                            NULL, &error);
  g_assert_no_error (error);
  /* Of 2 items × 3 draws of telex and vni, the distinct texts (4 + 3);
   * abbreviation applies to the conversation (không), twice differently,
   * but not to the first question. */
  g_assert_cmpuint (count, ==, 4 + 3 + 2);
  /* No two lines of one item and kind carry the same text. */
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash,
                                                       g_str_equal, g_free,
                                                       NULL);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      g_autoptr (cJSON) o = cJSON_Parse (lines[i]);
      g_autofree char *texts = cJSON_PrintUnformatted (
          cJSON_GetObjectItem (o, "text") ? cJSON_GetObjectItem (o, "text")
                                          : cJSON_GetObjectItem (o, "turns"));
      char *key = g_strdup_printf (
          "%s/%s/%s", cJSON_GetObjectItem (o, "item")->valuestring,
          cJSON_GetObjectItem (o, "kind")->valuestring, texts);
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, key);
    }

  /* Same seed, same lines. */
  g_autofree char *again = NULL;
  (void) cli_run (f, "telex,vni,abbreviation", "--per-item 3", &again,
                  &error);
  g_assert_cmpstr (out, ==, again);
}

typedef struct {
  const char *kinds, *extra, *message;
} CliBadCase;

static const CliBadCase cli_bad_cases[] = {
  { "telex,telexx", "", "*unknown kind \"telexx\"*no_diacritics, "
                        "partial_diacritics, telex*" },
  { "nfd", "--per-item 0", "*--per-item*" },
  { "nfd", "--per-item x", "*--per-item*" },
  { ",", "", "*unknown kind \"\"*" },
};

static void
test_cli_bad_usage (CliFixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cli_bad_cases); i++)
    {
      const CliBadCase *c = &cli_bad_cases[i];
      g_autoptr (GError) error = NULL;
      g_autofree char *out = NULL;
      int code = cli_run (f, c->kinds, c->extra, &out, &error);

      g_assert_cmpint (code, ==, VB_EXIT_INPUT);
      g_assert_error (error, VB_ERROR, VB_ERROR_USAGE);
      g_assert_true (g_pattern_match_simple (c->message, error->message));
      g_assert_cmpstr (out, ==, "");
    }
}

static void
test_cli_bad_seed (CliFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  char *argv[] = { "perturb", f->path, "--kinds", "nfd", "--seed", "12abc",
                   NULL };
  int code = cmd_testset_perturb (6, argv, &error);

  g_assert_cmpint (code, ==, VB_EXIT_INPUT);
  g_assert_error (error, VB_ERROR, VB_ERROR_USAGE);
  g_assert_nonnull (strstr (error->message, "--seed"));
}

static void
test_cli_missing_file (CliFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "nope.jsonl", NULL);
  char *argv[] = { "perturb", missing, "--kinds", "nfd", "--seed", "1",
                   NULL };
  int code = cmd_testset_perturb (6, argv, &error);

  g_assert_cmpint (code, ==, VB_EXIT_INPUT);
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/perturb/kinds", test_kind_table);
  g_test_add_func ("/perturb/exact", test_exact);
  g_test_add_func ("/perturb/choices", test_choices);
  g_test_add_func ("/perturb/abbreviation-variety",
                   test_abbreviation_variety);
  g_test_add_func ("/perturb/properties", test_properties);
  g_test_add_func ("/perturb/keys-decode-back", test_keys_decode_back);
  g_test_add_func ("/perturb/partial-and-typo", test_partial_and_typo);
  g_test_add_func ("/perturb/invalid-input", test_invalid_input);
  g_test_add_func ("/perturb/random-input", test_random_input);
  g_test_add_func ("/perturb/pinned", test_pinned);
  g_test_add_func ("/perturb/variant-seed", test_variant_seed);
  g_test_add ("/perturb/cli/output", CliFixture, NULL, cli_setup,
              test_cli_output, cli_teardown);
  g_test_add ("/perturb/cli/lines", CliFixture, NULL, cli_setup,
              test_cli_lines, cli_teardown);
  g_test_add ("/perturb/cli/bad-usage", CliFixture, NULL, cli_setup,
              test_cli_bad_usage, cli_teardown);
  g_test_add ("/perturb/cli/missing-file", CliFixture, NULL, cli_setup,
              test_cli_missing_file, cli_teardown);
  g_test_add ("/perturb/cli/bad-seed", CliFixture, NULL, cli_setup,
              test_cli_bad_seed, cli_teardown);
  return g_test_run ();
}
