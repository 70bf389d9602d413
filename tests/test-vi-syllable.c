/* Tests for scoring/vi_syllable.c: tone placement (DOMAIN.md §4), stripping,
 * Telex/VNI residue and its decoding, including a seeded round trip over
 * syllables built from onset × rhyme × tone tables. */
#include "scoring/vi_syllable.h"

#include <string.h>

typedef struct {
  const char *in, *new_style, *old_style;
} PlaceCase;

static const PlaceCase place_cases[] = {
  { "hoà", "hoà", "hòa" },
  { "hòa", "hoà", "hòa" },
  { "thuý", "thuý", "thúy" },
  { "thúy", "thuý", "thúy" },
  { "khoẻ", "khoẻ", "khỏe" },
  { "khỏe", "khoẻ", "khỏe" },
  { "người", "người", "người" },
  { "ngừơi", "người", "người" },
  { "đựơc", "được", "được" },
  { "tíên", "tiến", "tiến" },
  { "múôn", "muốn", "muốn" },
  { "ngòai", "ngoài", "ngoài" },
  { "muà", "mùa", "mùa" },
  { "hòan", "hoàn", "hoàn" },
  { "húyt", "huýt", "huýt" },
  { "qúy", "quý", "quý" },
  { "gìa", "già", "già" },
  { "gì", "gì", "gì" },
  { "giữa", "giữa", "giữa" },
  { "quốc", "quốc", "quốc" },
  { "khuỷu", "khuỷu", "khuỷu" },
  { "HÒA GIẢI", "HOÀ GIẢI", "HÒA GIẢI" },
  { "Thuỷ", "Thuỷ", "Thủy" },
  /* NFD input (base letter + combining marks) comes back NFC. */
  { "hoa\xcc\x80", "hoà", "hòa" },
  { "Lệ phí 15.000đ, hoà giải trong 03 ngày.",
    "Lệ phí 15.000đ, hoà giải trong 03 ngày.",
    "Lệ phí 15.000đ, hòa giải trong 03 ngày." },
  /* Not Vietnamese syllables: untouched. */
  { "UBND café 168/2025/NĐ-CP", "UBND café 168/2025/NĐ-CP",
    "UBND café 168/2025/NĐ-CP" },
};

static void
test_place_tones (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (place_cases); i++)
    {
      const PlaceCase *c = &place_cases[i];
      g_autofree char *n = vi_syllable_place_tones (c->in, VI_STYLE_NEW);
      g_autofree char *o = vi_syllable_place_tones (c->in, VI_STYLE_OLD);

      g_assert_cmpstr (n, ==, c->new_style);
      g_assert_cmpstr (o, ==, c->old_style);
    }
}

typedef struct {
  const char *in, *tones_only, *all;
} StripCase;

static const StripCase strip_cases[] = {
  { "Đăng ký hộ kinh doanh", "Đăng ky hô kinh doanh",
    "Dang ky ho kinh doanh" },
  { "người được", "ngươi đươc", "nguoi duoc" },
  { "Ủy ban nhân dân", "Uy ban nhân dân", "Uy ban nhan dan" },
  { "ĐĂNG KÝ TẠM TRÚ", "ĐĂNG KY TAM TRU", "DANG KY TAM TRU" },
  { "ho\xcc\x82\xcc\x80 so\xcc\x9b", "hô sơ", "ho so" }, /* NFD hồ sơ */
  { "15.000 đồng, 03 ngày", "15.000 đông, 03 ngay", "15.000 dong, 03 ngay" },
  { "UBND", "UBND", "UBND" },
};

static void
test_strip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (strip_cases); i++)
    {
      const StripCase *c = &strip_cases[i];
      g_autofree char *t = vi_syllable_strip (c->in, TRUE);
      g_autofree char *a = vi_syllable_strip (c->in, FALSE);

      g_assert_cmpstr (t, ==, c->tones_only);
      g_assert_cmpstr (a, ==, c->all);
    }
}

typedef struct {
  const char *text, *telex_end, *telex_after, *vni_end, *vni_after;
} KeyCase;

static const KeyCase key_cases[] = {
  { "quyết định", "quyeets ddinhj", "quyeest ddijnh", "quye6t1 d9inh5",
    "quye61t d9i5nh" },
  { "hồ sơ", "hoof sow", "hoof sow", "ho62 so7", "ho62 so7" },
  { "nước", "nuwowcs", "nuwowsc", "nu7o7c1", "nu7o71c" },
  { "đăng ký", "ddawng kys", "ddawng kys", "d9a8ng ky1", "d9a8ng ky1" },
  { "thủ tục", "thur tucj", "thur tujc", "thu3 tuc5", "thu3 tu5c" },
  { "căn cước", "cawn cuwowcs", "cawn cuwowsc", "ca8n cu7o7c1",
    "ca8n cu7o71c" },
  { "tiếng", "tieengs", "tieesng", "tie6ng1", "tie61ng" },
  { "người", "nguwowif", "nguwowfi", "ngu7o7i2", "ngu7o72i" },
  { "Đăng", "DDawng", "DDawng", "D9a8ng", "D9a8ng" },
  { "ĐĂNG KÝ", "DDAWNG KYS", "DDAWNG KYS", "D9A8NG KY1", "D9A8NG KY1" },
  { "Lệ phí 15.000 đồng, 03 ngày?",
    "Leej phis 15.000 ddoongf, 03 ngayf?",
    "Leej phis 15.000 ddoofng, 03 ngafy?",
    "Le65 phi1 15.000 d9o6ng2, 03 ngay2?",
    "Le65 phi1 15.000 d9o62ng, 03 nga2y?" },
};

static void
assert_keys (const char *text, ViKeys keys, ViToneKeyPos pos,
             const char *expect)
{
  g_autofree char *enc = vi_syllable_encode_keys (text, keys, pos);
  g_autofree char *dec = NULL;
  g_autofree char *canon = vi_syllable_place_tones (text, VI_STYLE_NEW);

  g_assert_cmpstr (enc, ==, expect);
  dec = vi_syllable_decode_keys (enc, keys);
  g_assert_cmpstr (dec, ==, canon);
}

static void
test_keys_examples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_cases); i++)
    {
      const KeyCase *c = &key_cases[i];

      assert_keys (c->text, VI_KEYS_TELEX, VI_TONEKEY_END, c->telex_end);
      assert_keys (c->text, VI_KEYS_TELEX, VI_TONEKEY_AFTER_VOWEL,
                   c->telex_after);
      assert_keys (c->text, VI_KEYS_VNI, VI_TONEKEY_END, c->vni_end);
      assert_keys (c->text, VI_KEYS_VNI, VI_TONEKEY_AFTER_VOWEL,
                   c->vni_after);
    }
}

/* Every vowel with every tone (ngang sắc huyền hỏi ngã nặng). */
typedef struct {
  const char *forms; /* six space-separated forms, one per ViTone */
  const char *telex, *vni;
} VowelRow;

static const VowelRow vowel_rows[] = {
  { "a á à ả ã ạ", "a", "a" },       { "ă ắ ằ ẳ ẵ ặ", "aw", "a8" },
  { "â ấ ầ ẩ ẫ ậ", "aa", "a6" },     { "e é è ẻ ẽ ẹ", "e", "e" },
  { "ê ế ề ể ễ ệ", "ee", "e6" },     { "i í ì ỉ ĩ ị", "i", "i" },
  { "o ó ò ỏ õ ọ", "o", "o" },       { "ô ố ồ ổ ỗ ộ", "oo", "o6" },
  { "ơ ớ ờ ở ỡ ợ", "ow", "o7" },     { "u ú ù ủ ũ ụ", "u", "u" },
  { "ư ứ ừ ử ữ ự", "uw", "u7" },     { "y ý ỳ ỷ ỹ ỵ", "y", "y" },
};

static void
test_keys_every_vowel (void)
{
  static const char *telex_tone[] = { "", "s", "f", "r", "x", "j" };
  static const char *vni_tone[] = { "", "1", "2", "3", "4", "5" };

  for (guint i = 0; i < G_N_ELEMENTS (vowel_rows); i++)
    {
      g_auto (GStrv) forms = g_strsplit (vowel_rows[i].forms, " ", -1);
      g_assert_cmpuint (g_strv_length (forms), ==, 6);
      for (guint t = 0; t < 6; t++)
        {
          /* As a syllable with đ onset: đá → dda s / d9a1. */
          g_autofree char *word = g_strconcat ("đ", forms[t], NULL);
          g_autofree char *tx = g_strconcat ("dd", vowel_rows[i].telex,
                                             telex_tone[t], NULL);
          g_autofree char *vn = g_strconcat ("d9", vowel_rows[i].vni,
                                             vni_tone[t], NULL);

          g_assert_true (vi_syllable_tone (forms[t]) == (ViTone) t);
          assert_keys (word, VI_KEYS_TELEX, VI_TONEKEY_END, tx);
          assert_keys (word, VI_KEYS_TELEX, VI_TONEKEY_AFTER_VOWEL, tx);
          assert_keys (word, VI_KEYS_VNI, VI_TONEKEY_END, vn);
          assert_keys (word, VI_KEYS_VNI, VI_TONEKEY_AFTER_VOWEL, vn);
        }
    }
}

/* Text that only looks like keys stays as it is. */
typedef struct {
  ViKeys keys;
  const char *in, *out;
} DecodeCase;

static const DecodeCase decode_cases[] = {
  { VI_KEYS_VNI, "50k 03 nga2y 15.000d9", "50k 03 ngày 15.000d9" },
  { VI_KEYS_VNI, "ba8ng2 la1i xe ha5ng B2 va2 A1",
    "bằng lái xe hạng B2 và A1" },
  { VI_KEYS_VNI, "Nghi5 ddi5nh 168/2025/ND9-CP",
    "Nghị ddi5nh 168/2025/ND9-CP" },
  { VI_KEYS_TELEX, "UBND CCCD Zalo email ko vs dc",
    "UBND CCCD Zalo email ko vs dc" },
  { VI_KEYS_TELEX, "DDawng kys taij UBND xax", "Đăng ký tại UBND xã" },
  { VI_KEYS_TELEX, "hoaf hofa thuys thuys", "hoà hoà thuý thuý" },
  { VI_KEYS_TELEX, "đăng ký", "đăng ký" },
  { VI_KEYS_VNI, "tie6ng1 tie61ng", "tiếng tiếng" },
  { VI_KEYS_VNI, "Y1 kie6n1", "Ý kiến" },
};

static void
test_decode (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (decode_cases); i++)
    {
      g_autofree char *d = vi_syllable_decode_keys (decode_cases[i].in,
                                                    decode_cases[i].keys);
      g_assert_cmpstr (d, ==, decode_cases[i].out);
    }
}

static void
test_single_syllable (void)
{
  g_autofree char *a = vi_syllable_set_tone ("hoa", VI_TONE_GRAVE,
                                             VI_STYLE_OLD);
  g_autofree char *b = vi_syllable_set_tone ("lỗi", VI_TONE_HOOK,
                                             VI_STYLE_NEW);
  g_autofree char *c = vi_syllable_set_tone ("UBND", VI_TONE_ACUTE,
                                             VI_STYLE_NEW);

  g_assert_cmpstr (a, ==, "hòa");
  g_assert_cmpstr (b, ==, "lổi");
  g_assert_cmpstr (c, ==, "UBND");
  g_assert_true (vi_syllable_is_syllable ("người"));
  g_assert_true (vi_syllable_is_syllable ("GIÀ"));
  g_assert_false (vi_syllable_is_syllable ("UBND"));
  g_assert_false (vi_syllable_is_syllable ("15"));
  g_assert_true (vi_syllable_tone ("ngã") == VI_TONE_TILDE);
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *a = vi_syllable_place_tones ("ho\xff\xfe" "à", VI_STYLE_NEW);
  g_autofree char *b = vi_syllable_strip ("\xc3", FALSE);
  g_autofree char *c = vi_syllable_decode_keys ("ddi\xff", VI_KEYS_TELEX);

  g_assert_true (g_utf8_validate (a, -1, NULL));
  g_assert_true (g_utf8_validate (b, -1, NULL));
  g_assert_true (g_utf8_validate (c, -1, NULL));
}

/* Long texts (answers) give the same result as their parts: the NFC step
 * works chunk by chunk to stay linear. */
static void
test_long_text (void)
{
  static const char *const parts[]
      = { "Lệ phí hoà giải ở Uỷ ban nhân dân xã là 15.000 đồng. ",
          "hòa-khỏe-thúy-người-được/", "ĐĂNG KÝ\nTẠM TRÚ\t" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (GString) want = g_string_new (NULL);
      g_autoptr (GString) want_strip = g_string_new (NULL);
      g_autofree char *one = vi_syllable_place_tones (parts[i], VI_STYLE_OLD);
      g_autofree char *one_strip = vi_syllable_strip (parts[i], FALSE);

      for (guint k = 0; k < 2000; k++)
        {
          g_string_append (text, parts[i]);
          g_string_append (want, one);
          g_string_append (want_strip, one_strip);
        }
      g_autofree char *all = vi_syllable_place_tones (text->str, VI_STYLE_OLD);
      g_autofree char *all_strip = vi_syllable_strip (text->str, FALSE);
      g_assert_cmpstr (all, ==, want->str);
      g_assert_cmpstr (all_strip, ==, want_strip->str);
    }
}

/* Random junk: valid UTF-8 out, no crash (ASan), idempotent folding. */
static void
test_random_input (void)
{
  static const char *const pieces[]
      = { "a", "Q", "u", "gi", "đ", "Đ", "Ð", "ư", "ờ", "ệ", "y",  "7",
          "15.000", " ", "?", "-", "\xcc\x81", "\xcc\x9b", "\xcc\x86",
          "\xcc\xa3", "\xff", "\xc3", "\xf0\x9f\x98\x80", "w", "dd", "s" };
  g_autoptr (GRand) r = g_rand_new_with_seed (99);

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr (GString) in = g_string_new (NULL);
      guint n = g_rand_int_range (r, 0, 24);

      for (guint k = 0; k < n; k++)
        g_string_append (in, pieces[g_rand_int_range (r, 0,
                                                      G_N_ELEMENTS (pieces))]);
      g_autofree char *p = vi_syllable_place_tones (in->str, VI_STYLE_NEW);
      g_autofree char *pp = vi_syllable_place_tones (p, VI_STYLE_NEW);
      g_autofree char *s1 = vi_syllable_strip (in->str, FALSE);
      g_autofree char *s2 = vi_syllable_strip (s1, FALSE);
      g_autofree char *e = vi_syllable_encode_keys (in->str, VI_KEYS_VNI,
                                                    VI_TONEKEY_END);
      g_autofree char *d = vi_syllable_decode_keys (in->str, VI_KEYS_TELEX);
      const char *outs[] = { p, s1, e, d };

      for (guint k = 0; k < G_N_ELEMENTS (outs); k++)
        g_assert_true (g_utf8_validate (outs[k], -1, NULL));
      g_assert_cmpstr (pp, ==, p);
      g_assert_cmpstr (s2, ==, s1);
    }
}

/* ---- round trip over generated syllables ------------------------------ */

static const char *const onsets[]
    = { "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l",
        "m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th",
        "tr", "v", "x" };

static const char *const rhymes[]
    = { "a",   "ai",   "ao",   "au",   "ay",   "ac",   "am",   "an",
        "ang", "anh",  "ap",   "at",   "ach",  "ăm",   "ăn",   "ăng",
        "ăc",  "ăp",   "ăt",   "âm",   "ân",   "âng",  "âc",   "âp",
        "ât",  "âu",   "ây",   "e",    "em",   "en",   "eng",  "ec",
        "ep",  "et",   "eo",   "ê",    "êm",   "ên",   "ênh",  "êch",
        "êp",  "êt",   "êu",   "i",    "im",   "in",   "inh",  "ich",
        "ip",  "it",   "ia",   "iu",   "iêm",  "iên",  "iêng", "iêc",
        "iêp", "iêt",  "iêu",  "o",    "oa",   "oai",  "oay",  "oan",
        "oang", "oac", "oat",  "oanh", "oăn",  "oăng", "oăc",  "oăt",
        "oe",  "oen",  "oet",  "oeo",  "oi",   "om",   "on",   "ong",
        "oc",  "op",   "ot",   "ô",    "ôi",   "ôm",   "ôn",   "ông",
        "ôc",  "ôp",   "ôt",   "ơ",    "ơi",   "ơm",   "ơn",   "ơp",
        "ơt",  "u",    "ua",   "uân",  "uâng", "uât",  "uây",  "uê",
        "uênh", "uy",  "uya",  "uyên", "uyêt", "uynh", "uych", "uyt",
        "uyu", "ui",   "um",   "un",   "ung",  "uc",   "up",   "ut",
        "uôi", "uôm",  "uôn",  "uông", "uôc",  "uôt",  "ư",    "ưa",
        "ưi",  "ưu",   "ưng",  "ưc",   "ưt",   "ưn",   "ươi",  "ươu",
        "ươm", "ươn",  "ương", "ươc",  "ươp",  "ươt",  "y",    "yêm",
        "yên", "yêng", "yêt",  "yêu" };

/* Builds one syllable; NULL for onset/rhyme pairs that spell something
 * else (qu + u…, gi + i…). */
static char *
make_syllable (GRand *r)
{
  const char *on = onsets[g_rand_int_range (r, 0, G_N_ELEMENTS (onsets))];
  const char *rh = rhymes[g_rand_int_range (r, 0, G_N_ELEMENTS (rhymes))];
  ViTone tone = (ViTone) g_rand_int_range (r, 0, 6);

  if ((strcmp (on, "qu") == 0 && rh[0] == 'u')
      || (strcmp (on, "gi") == 0 && rh[0] == 'i'))
    return NULL;
  g_autofree char *plain = g_strconcat (on, rh, NULL);
  return vi_syllable_set_tone (plain, tone, VI_STYLE_NEW);
}

static void
assert_round_trip (const char *text)
{
  static const ViKeys keys[] = { VI_KEYS_TELEX, VI_KEYS_VNI };
  static const ViToneKeyPos pos[] = { VI_TONEKEY_END, VI_TONEKEY_AFTER_VOWEL };

  for (guint k = 0; k < 2; k++)
    for (guint p = 0; p < 2; p++)
      {
        g_autofree char *enc = vi_syllable_encode_keys (text, keys[k], pos[p]);
        g_autofree char *dec = vi_syllable_decode_keys (enc, keys[k]);

        g_assert_true (g_utf8_validate (enc, -1, NULL));
        for (const char *c = enc; *c != '\0'; c++)
          g_assert_true ((guchar) *c < 0x80); /* residue is plain ASCII */
        if (g_strcmp0 (dec, text) != 0)
          g_error ("round trip of \"%s\" via \"%s\" gave \"%s\"", text, enc,
                   dec);
      }
}

static void
test_round_trip_syllables (void)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (20251122);
  guint tested = 0;

  while (tested < 5000)
    {
      g_autofree char *s = make_syllable (r);
      if (s == NULL)
        continue;
      g_assert_true (vi_syllable_is_syllable (s));
      assert_round_trip (s);
      tested++;
    }
}

static void
test_round_trip_sentences (void)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (7);

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      guint words = g_rand_int_range (r, 3, 12);

      while (words > 0)
        {
          g_autofree char *s = make_syllable (r);
          if (s == NULL)
            continue;
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, s);
          if (g_rand_int_range (r, 0, 5) == 0)
            g_string_append (text, g_rand_boolean (r) ? ", 15.000 đồng"
                                                      : " 03 ngày?");
          words--;
        }
      assert_round_trip (text->str);
    }
}

/* Precomposed text takes a table-driven path; a character outside its
 * tables (any four-byte one, such as an emoji) sends the whole text down
 * the NFD path. Both must agree on everything the tables cover. */
static void
assert_fast_equals_slow (const char *text)
{
  static const char tail[] = " \xf0\x9f\x98\x80"; /* U+1F600 */
  g_autofree char *slow_in = g_strconcat (text, tail, NULL);

  for (ViToneStyle style = VI_STYLE_NEW; style <= VI_STYLE_OLD; style++)
    {
      g_autofree char *fast = vi_syllable_place_tones (text, style);
      g_autofree char *slow = vi_syllable_place_tones (slow_in, style);
      g_autofree char *want = g_strconcat (fast, tail, NULL);
      if (strcmp (want, slow) != 0)
        g_error ("\"%s\": fast path \"%s\", NFD path \"%s\"", text, fast,
                 slow);
    }
}

static void
test_place_tones_fast_path (void)
{
  static const char *const texts[] = {
    "Hòa giải tại Ủy ban, sức khỏe, thúy, THÚY, ỦY BAN", "qúa gìa gì",
    "ngừơi đựơc tíên múôn ngòai muà hòan húyt khuỷu",
    "ñandú hòa, ß hòa, ǹ, ŉ, ſ, İ, Æ, ø, ẛ, ×÷", /* letters GLib knows */
    "\xc3\x90\xc3\xb0 Đđ Ɖɖ",                           /* Ð ð */
    "15hòa hòa15 a_hòa hòa-hòa “hòa” hòa… – ₫ \xc2\xa0hòa",
    "hòahòahòahòahòahòahòahòa nghiêngg ngoằnngoèo",     /* no syllables */
    "café Ýý ỳỷỹỵ quỳ qùy khuýp", "UBND 168/2025/NĐ-CP", "", " ", "a", "ò",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_fast_equals_slow (texts[i]);

  g_autoptr (GRand) r = g_rand_new_with_seed (2026);
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      for (guint w = g_rand_int_range (r, 1, 10); w > 0; w--)
        {
          g_autofree char *s = make_syllable (r);
          if (s == NULL)
            continue;
          g_autofree char *old = vi_syllable_set_tone (s, vi_syllable_tone (s),
                                                       VI_STYLE_OLD);
          g_string_append (text, g_rand_boolean (r) ? old : s);
          /* a precomposed Latin character of any kind, or a separator */
          gunichar c = g_rand_boolean (r) ? ' '
                       : g_rand_boolean (r)
                           ? (gunichar) g_rand_int_range (r, 0xC0, 0x250)
                           : (gunichar) g_rand_int_range (r, 0x1E00, 0x1F00);
          g_string_append_unichar (text, c);
        }
      assert_fast_equals_slow (text->str);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vi-syllable/place-tones", test_place_tones);
  g_test_add_func ("/vi-syllable/place-tones/fast-path",
                   test_place_tones_fast_path);
  g_test_add_func ("/vi-syllable/strip", test_strip);
  g_test_add_func ("/vi-syllable/keys/examples", test_keys_examples);
  g_test_add_func ("/vi-syllable/keys/every-vowel", test_keys_every_vowel);
  g_test_add_func ("/vi-syllable/keys/decode", test_decode);
  g_test_add_func ("/vi-syllable/single-syllable", test_single_syllable);
  g_test_add_func ("/vi-syllable/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/vi-syllable/long-text", test_long_text);
  g_test_add_func ("/vi-syllable/random-input", test_random_input);
  g_test_add_func ("/vi-syllable/round-trip/syllables",
                   test_round_trip_syllables);
  g_test_add_func ("/vi-syllable/round-trip/sentences",
                   test_round_trip_sentences);
  return g_test_run ();
}
