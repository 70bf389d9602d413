/* The number scanner's tokenizer and vocabulary (scoring/numbers_tokens.h):
 * digit runs, letter runs looked up once in an open-addressed table of
 * number, unit and context words, single punctuation characters. */
#include "scoring/numbers_tokens.h"

#include "scoring/normalize.h"
#include "scoring/vi_char.h"

#include <string.h>

/* ---- vocabulary -------------------------------------------------------- */




static const struct {
  const char *word;
  int id;
} vocabulary[] = {
  {"không", W_KHONG}, {"ko", W_KHONG}, {"một", W_MOT},   {"hai", W_HAI},     {"ba", W_BA},
  {"bốn", W_BON},     {"năm", W_NAM},   {"sáu", W_SAU},     {"bảy", W_BAY},
  {"bẩy", W_BAY},     {"tám", W_TAM},   {"chín", W_CHIN},   {"mười", W_MUOI10},
  {"mươi", W_MUOIX},  {"trăm", W_TRAM}, {"linh", W_LINH},   {"lẻ", W_LINH},
  {"nghìn", W_NGHIN}, {"ngàn", W_NGHIN}, {"triệu", W_TRIEU}, {"tỷ", W_TI},
  {"tỉ", W_TI},       {"k", W_K},       {"tr", W_TR},       {"củ", W_CU},
  {"mốt", W_MOT1},    {"tư", W_TU4},    {"lăm", W_LAM5},    {"nhăm", W_LAM5},
  {"rưỡi", W_RUOI},   {"chục", W_CHUC},
  {"đồng", W_DONG},   {"đ", W_DONG},    {"vnd", W_VND},     {"vnđ", W_VND},
  {"ngày", W_NGAY},   {"ngay", W_NGAY2}, {"làm", W_LAM},    {"việc", W_VIEC},
  {"lv", W_LV}, /* chat: "3 ngày lv" */
  {"giờ", W_GIO},     {"tiếng", W_GIO}, {"h", W_H},         {"tuần", W_TUAN},
  {"tháng", W_THANG}, {"phút", W_PHUT},
  {"miễn", W_MIEN},   {"phí", W_PHI},   {"lệ", W_LE},       {"thu", W_THU},
  {"mất", W_MAT},     {"tốn", W_TON},   {"phải", W_PHAI},   {"nộp", W_NOP},
  {"trả", W_TRA},     {"tiền", W_TIEN}, {"giá", W_GIA},     {"mức", W_MUC},
  {"quá", W_QUA},     {"tối", W_TOI},   {"đa", W_DA},       {"chậm", W_CHAM},
  {"nhất", W_NHAT},   {"dưới", W_DUOI}, {"ít", W_IT},       {"thiểu", W_THIEU},
  {"trên", W_TREN},   {"hơn", W_HON},   {"trong", W_TRONG}, {"đến", W_DEN},
  {"tới", W_TOI2},    {"lập", W_LAP},   {"tức", W_TUC},     {"là", W_LA},
  {"điều", W_LABEL},  {"khoản", W_LABEL}, {"điểm", W_LABEL}, {"số", W_LABEL},
  {"chương", W_LABEL}, {"mục", W_LABEL}, {"trang", W_LABEL}, {"thứ", W_LABEL},
  {"thứ", W_ORD},     {"kể", W_KE},     {"tính", W_TINH},   {"trừ", W_TRU},
  {"chủ", W_CHU},     {"cuối", W_CUOI}, {"excluding", W_TRU}, {"except", W_TRU},
  {"weekend", W_WEEKEND}, {"weekends", W_WEEKEND},
  {"rẻ", W_COMPARE},  {"đắt", W_COMPARE}, {"nhanh", W_COMPARE},
  {"chậm", W_COMPARE}, {"cao", W_COMPARE}, {"thấp", W_COMPARE},
  {"sớm", W_COMPARE}, {"muộn", W_COMPARE}, {"lâu", W_COMPARE},
  {"lần", W_LABEL},   {"mẫu", W_LABEL}, {"bước", W_LABEL},  {"khóa", W_LABEL},
  {"sau", W_CLOCK},   {"lúc", W_CLOCK}, {"trước", W_CLOCK}, {"việt", W_VIET},
  {"nửa", W_NUA},      {"điểm", W_MOMENT}, {"hôm", W_HOM},  {"cụ", W_CUTHE},
  {"này", W_NAY},     {"giây", W_GIAY},
  /* English answers: "3 working days", "15,000 VND", "free of charge" */
  {"working", W_WORKING}, {"business", W_WORKING}, {"day", W_NGAY},
  {"days", W_NGAY},   {"hour", W_GIO},  {"hours", W_GIO},   {"week", W_TUAN},
  {"weeks", W_TUAN},  {"month", W_THANG}, {"months", W_THANG},
  {"year", W_YEAR_EN}, {"years", W_YEAR_EN}, {"minute", W_PHUT},
  {"minutes", W_PHUT}, {"dong", W_DONG}, {"free", W_FREE}, {"up", W_UP},
  {"to", W_TO},       {"at", W_AT},     {"most", W_MOST},   {"least", W_LEAST},
  {"no", W_NO},       {"not", W_NO},    {"maximum", W_MAX}, {"minimum", W_MIN},
  {"than", W_THAN},   {"more", W_HON},
  {"thousand", W_NGHIN}, {"million", W_TRIEU}, {"billion", W_TI},
  /* "không mất đồng nào" */
  {"nào", W_NAO},
  /* particles that end a spoken amount: "400 nghìn nha bạn" */
  {"nha", W_PART},    {"nhé", W_PART},  {"nhá", W_PART},    {"ạ", W_PART},
  {"á", W_PART},      {"nhen", W_PART}, {"nghen", W_PART},  {"nè", W_PART},
  {"thôi", W_PART},   {"bạn", W_PART},  {"anh", W_PART},    {"chị", W_PART},
  {"em", W_PART},     {"ha", W_PART},   {"hen", W_PART},    {"nhỉ", W_PART},
  {"luôn", W_PART},   {"đó", W_PART},   {"nhe", W_PART},    {"thui", W_PART},
  /* "chúc anh một ngày tốt lành": a wish, not a duration */
  {"tốt", W_NICE},    {"vui", W_NICE},  {"lành", W_NICE},   {"đẹp", W_NICE},
};

static void
wordset_add (WordSet *s, int id)
{
  s->bits[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
}


/* word → WordSet, one table per mode: in the lenient (diacritic-free) form
 * one spelling stands for several words (nam: năm/Nam, tu: tư/từ), so a
 * word carries a set of meanings and the parser asks for the one it needs.
 * Open addressing over the word's bytes: every word of every answer is
 * looked up, twice, and a GHashTable needed a copy, a strlen and a
 * string hash for each. */
#define VOCAB_SLOTS 512 /* a power of two, over 4× the words */
#define VOCAB_WORD_MAX 16

typedef struct {
  char word[VOCAB_WORD_MAX];
  guint8 len; /* 0: empty slot */
  WordSet set;
} VocabSlot;

typedef struct {
  VocabSlot slot[VOCAB_SLOTS];
} Vocab;

/* FNV-1a, one byte at a time so that tokenize hashes a word while it
 * reads it. */
#define VOCAB_HASH_INIT 2166136261u

static guint32
vocab_hash_byte (guint32 h, guchar b)
{
  return (h ^ b) * 16777619u;
}

static guint32
vocab_hash (const char *w, gsize len)
{
  guint32 h = VOCAB_HASH_INIT;
  for (gsize i = 0; i < len; i++)
    h = vocab_hash_byte (h, (guchar) w[i]);
  return h;
}

/* Words are a few bytes: a loop beats a call to memcmp. */
static gboolean
vocab_slot_is (const VocabSlot *s, const char *w, gsize len)
{
  if (s->len != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (s->word[i] != w[i])
      return FALSE;
  return TRUE;
}

/* The slot of w (whose vocab_hash is h), or the empty slot where it would
 * go. */
static VocabSlot *
vocab_slot (const Vocab *v, const char *w, gsize len, guint32 h)
{
  guint i = h & (VOCAB_SLOTS - 1);
  while (v->slot[i].len != 0 && !vocab_slot_is (&v->slot[i], w, len))
    i = (i + 1) & (VOCAB_SLOTS - 1);
  return (VocabSlot *) &v->slot[i];
}

static const WordSet *
vocab_find (const Vocab *v, const char *w, gsize len, guint32 h)
{
  if (len == 0 || len >= VOCAB_WORD_MAX)
    return NULL;
  const VocabSlot *s = vocab_slot (v, w, len, h);
  return s->len ? &s->set : NULL;
}

static const Vocab *
vocabulary_table (gboolean lenient)
{
  static Vocab *tables[2];
  static gsize once[2];
  int m = lenient ? 1 : 0;
  if (g_once_init_enter (&once[m])) {
    Vocab *t = g_new0 (Vocab, 1);
    for (gsize i = 0; i < G_N_ELEMENTS (vocabulary); i++) {
      /* "cu" without marks is cư, cũ, cụ far more than the slang củ
       * (million): "Viet Nam cu tru" is no "năm củ" */
      if (lenient && vocabulary[i].id == W_CU)
        continue;
      g_autofree char *key = normalize_text (vocabulary[i].word, lenient);
      gsize len = strlen (key);
      g_assert (len > 0 && len < VOCAB_WORD_MAX); /* a constant table */
      VocabSlot *s = vocab_slot (t, key, len, vocab_hash (key, len));
      if (s->len == 0) {
        memcpy (s->word, key, len);
        s->len = (guint8) len;
        s->set.digit = -1;
      }
      wordset_add (&s->set, vocabulary[i].id);
      if (vocabulary[i].id <= W_CHIN)
        s->set.digit = (gint8) (vocabulary[i].id - W_KHONG);
    }
    tables[m] = t;
    g_once_init_leave (&once[m], 1);
  }
  return tables[m];
}

/* ---- tokens ------------------------------------------------------------ */




static void
tokbuf_init (TokBuf *b)
{
  b->t = b->local;
  b->n = 0;
  b->cap = G_N_ELEMENTS (b->local);
}

static Tok *
tokbuf_push (TokBuf *b)
{
  if (b->n == b->cap) {
    b->cap *= 2;
    if (b->t == b->local)
      b->t = g_memdup2 (b->local, sizeof b->local);
    b->t = g_renew (Tok, b->t, b->cap);
  }
  return &b->t[b->n++];
}

void
numbers_tokbuf_clear (TokBuf *b)
{
  if (b->t != b->local)
    g_free (b->t);
}

/* Reads "50.000", "50,000", "1,5", "03". A separator followed by exactly
 * three digits groups thousands (DOMAIN.md §5); one separator followed by
 * one or two digits is a decimal point; anything else (1.000948, 0912...) is
 * not an amount. */
static void
read_digits (const char *s, gsize len, Tok *t)
{
  guint groups = 0, first_len = 0, last_len = 0, all3 = TRUE;
  double value = 0, frac = 0;
  gsize i = 0;
  while (i < len) {
    gsize j = i;
    double g = 0;
    while (j < len && g_ascii_isdigit (s[j]))
      g = g * 10 + (s[j++] - '0');
    guint glen = (guint) (j - i);
    if (groups == 0) {
      first_len = glen;
      value = g;
    } else {
      all3 = all3 && glen == 3;
      last_len = glen;
      frac = g;
      value = value * 1000 + g;
    }
    groups++;
    i = j + 1; /* skip the separator */
  }
  t->ndigits = first_len;
  t->bad = FALSE;
  t->decimal = FALSE;
  if (groups == 1) {
    t->num = value;
    t->bad = (s[0] == '0' && first_len >= 4) || first_len > 12;
  } else if (first_len <= 3 && all3 && s[0] != '0') {
    t->num = value;
    t->ndigits = (guint) (first_len + 3 * (groups - 1));
  } else if (groups == 2 && last_len <= 2) {
    double whole = 0;
    for (gsize k = 0; k < first_len; k++)
      whole = whole * 10 + (s[k] - '0');
    t->num = whole + frac / (last_len == 1 ? 10.0 : 100.0);
    t->decimal = TRUE;
    t->bad = first_len > 12;
  } else {
    t->bad = TRUE;
  }
}

static gsize
scan_number_run (const char *text, gsize i)
{
  gsize j = i;
  while (g_ascii_isdigit (text[j])
         || ((text[j] == '.' || text[j] == ',') && j > i
             && g_ascii_isdigit (text[j + 1])))
    j++;
  return j;
}

/* "50 000" groups thousands with a space; other runs of space-separated
 * digit groups are phone numbers ("1900 1234", "0912 345 678"). */
static void
join_digit_groups (const char *text, TokBuf *toks)
{
  Tok *t = toks->t;
  guint out = 0;
  for (guint i = 0; i < toks->n; i++) {
    Tok *cur = &t[i];
    Tok *prev = out > 0 ? &t[out - 1] : NULL;
    gboolean space_after_num = prev && prev->type == TOK_NUM
                               && cur->type == TOK_NUM && !cur->glued;
    if (space_after_num && !prev->bad && !prev->decimal
        && (prev->ndigits <= 3 || prev->spaced) && cur->end - cur->start == 3
        && !cur->decimal && cur->start == prev->end + 1) {
      prev->num = prev->num * 1000 + cur->num;
      prev->ndigits += 3;
      prev->end = cur->end;
      prev->spaced = TRUE;
      continue;
    }
    if (space_after_num) {
      prev->bad = TRUE;
      cur->bad = TRUE;
    }
    if (out != i) /* only after a join: most answers copy nothing */
      t[out] = *cur;
    out++;
  }
  toks->n = out;
}

/* The end of the word starting at text[i]; *hash receives its
 * vocab_hash, computed on the way: each byte is read once. */
static gsize
scan_word (const char *text, gsize i, guint32 *hash)
{
  guint32 h = VOCAB_HASH_INIT;
  for (;;) {
    guchar b = (guchar) text[i];
    if (b < 0x80) {
      if (!g_ascii_isalpha (b))
        break;
      h = vocab_hash_byte (h, b);
      i++;
      continue;
    }
    if (!vi_char_alpha_at (text + i))
      break;
    gsize end = i + g_utf8_skip[b];
    for (; i < end; i++)
      h = vocab_hash_byte (h, (guchar) text[i]);
  }
  *hash = h;
  return i;
}

/* g_unichar_isspace, without the call for ASCII. */
static gboolean
is_space_at (guchar b, gunichar c)
{
  if (b < 0x80)
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
  return g_unichar_isspace (c);
}

/* English answers spell small numbers: "three working days", "fifteen
 * thousand dong". Read as the digits they stand for. */
static void
english_number (const char *w, gsize n, Tok *t)
{
#define EN(w, v) {w, sizeof w - 1, v}
  /* lengths kept: every word of every answer comes here */
  static const struct {
    const char *word;
    gsize len;
    guint value;
  } en[] = {
    EN ("one", 1), EN ("two", 2), EN ("three", 3), EN ("four", 4),
    EN ("five", 5), EN ("six", 6), EN ("seven", 7), EN ("eight", 8),
    EN ("nine", 9), EN ("ten", 10), EN ("eleven", 11), EN ("twelve", 12),
    EN ("fifteen", 15), EN ("twenty", 20), EN ("thirty", 30),
    EN ("forty", 40), EN ("fifty", 50), EN ("sixty", 60), EN ("ninety", 90),
    EN ("hundred", 100),
  };
#undef EN
  if (n < 3 || n > 7 || !g_ascii_islower (w[0]))
    return;
  for (gsize k = 0; k < G_N_ELEMENTS (en); k++)
    if (en[k].len == n && en[k].word[0] == w[0]
        && memcmp (en[k].word, w, n) == 0) {
      t->type = TOK_NUM;
      t->num = en[k].value;
      t->ndigits = en[k].value >= 100 ? 3 : en[k].value >= 10 ? 2 : 1;
      t->w = NULL;
      return;
    }
}

void
numbers_tokenize (const char *text, gboolean lenient, TokBuf *toks)
{
  const Vocab *vocab = vocabulary_table (lenient);
  tokbuf_init (toks);
  gboolean glued = FALSE;
  guint numbers = 0;
  gsize i = 0;
  while (text[i] != '\0') {
    guchar b = (guchar) text[i];
    gunichar c = b < 0x80 ? b : vi_char_at (text + i);
    if (is_space_at (b, c)) {
      glued = FALSE;
      i += b < 0x80 ? 1 : (gsize) g_utf8_skip[b];
      continue;
    }
    gboolean tok_glued = glued && toks->n > 0;
    Tok *t = tokbuf_push (toks); /* filled in place: a Tok is 40 bytes */
    memset (t, 0, sizeof *t);
    t->start = (guint32) i;
    t->glued = tok_glued;
    if (b < 0x80 && g_ascii_isdigit (b)) {
      t->type = TOK_NUM;
      t->end = (guint32) scan_number_run (text, i);
      read_digits (text + i, t->end - i, t);
    } else if (vi_char_isalpha (c)) {
      guint32 h;
      t->type = TOK_WORD;
      t->end = (guint32) scan_word (text, i, &h);
      t->w = vocab_find (vocab, text + i, t->end - i, h);
      english_number (text + i, t->end - i, t);
    } else {
      t->type = TOK_PUNCT;
      t->ch = c;
      t->end = (guint32) (i + (b < 0x80 ? 1 : (gsize) g_utf8_skip[b]));
    }
    glued = TRUE;
    i = t->end;
    numbers += t->type == TOK_NUM;
  }
  if (numbers >= 2) /* only a number after a number may join it */
    join_digit_groups (text, toks);
  /* typed without diacritics, "bay gio" is bây giờ (now) far more often
   * than bảy giờ (seven hours): no number */
  for (guint k = 0; lenient && k + 1 < toks->n; k++) {
    Tok *t = &toks->t[k], *u = &toks->t[k + 1];
    if (t->type == TOK_WORD && u->type == TOK_WORD && t->end - t->start == 3
        && u->end - u->start == 3 && memcmp (text + t->start, "bay", 3) == 0
        && memcmp (text + u->start, "gio", 3) == 0)
      t->w = NULL;
  }
}

