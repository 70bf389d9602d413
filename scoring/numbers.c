/* Past 800 lines: the tokenizer, the number-word vocabulary and the
 * recursive-descent parser share the token stream; the vocabulary is what
 * moves out first. */
/* Number, money and duration extraction (scoring/README.md "Number
 * grammar"). The text is cut into tokens (digit runs, letter runs, single
 * punctuation characters), words are looked up once in a vocabulary, and a
 * small recursive-descent parser reads amounts where the context says an
 * amount stands: a number word is only a number when a unit or a scale
 * follows, because năm, mốt and tư are also ordinary words. */
#include "scoring/numbers.h"

#include "scoring/normalize.h"

#include "scoring/vi_char.h"

#include <math.h>
#include <string.h>

/* ---- vocabulary -------------------------------------------------------- */

enum {
  W_KHONG, W_MOT, W_HAI, W_BA, W_BON, W_NAM, W_SAU, W_BAY, W_TAM, W_CHIN,
  W_MUOI10, W_MUOIX, W_TRAM, W_LINH, W_NGHIN, W_TRIEU, W_TI, W_K, W_TR, W_CU,
  W_MOT1, W_TU4, W_LAM5, W_RUOI, W_CHUC,
  W_DONG, W_VND,
  W_NGAY, W_NGAY2, W_LAM, W_VIEC, W_GIO, W_H, W_TUAN, W_THANG, W_PHUT,
  W_MIEN, W_PHI, W_LE, W_THU, W_MAT, W_TON, W_PHAI, W_NOP, W_TRA, W_TIEN,
  W_GIA, W_MUC,
  W_QUA, W_TOI, W_DA, W_CHAM, W_NHAT, W_DUOI, W_IT, W_THIEU, W_TREN, W_HON,
  W_TRONG, W_DEN, W_TOI2, W_LAP, W_TUC, W_LA,
  W_LABEL, W_CLOCK, W_VIET, W_NUA,
  W_WORKING, W_YEAR_EN, W_FREE, W_NAO, W_PART, W_NICE, W_UP, W_AT, W_MOST,
  W_LEAST, W_NO, W_MAX, W_MIN, W_THAN, W_TO,
  W_ORD, W_KE, W_TINH, W_TRU, W_CHU, W_CUOI, W_WEEKEND, W_COMPARE,
  W_COUNT
};

G_STATIC_ASSERT (W_COUNT <= 128); /* the bits of a WordSet */

typedef struct {
  guint64 bits[2];
  gint8 digit; /* 0–9 when one meaning is a digit word, else -1 */
} WordSet;

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
  {"nửa", W_NUA},
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
  {"luôn", W_PART},   {"đó", W_PART},   {"nhe", W_PART},
  /* "chúc anh một ngày tốt lành": a wish, not a duration */
  {"tốt", W_NICE},    {"vui", W_NICE},  {"lành", W_NICE},   {"đẹp", W_NICE},
};

static void
wordset_add (WordSet *s, int id)
{
  s->bits[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
}

static gboolean
wordset_has (const WordSet *s, int id)
{
  return s != NULL && (s->bits[id / 64] >> (id % 64)) & 1;
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

typedef enum { TOK_NUM, TOK_WORD, TOK_PUNCT } TokType;

/* Kept small (40 bytes): a short answer's tokens fit TokBuf's stack
 * buffer. */
typedef struct {
  const WordSet *w;   /* TOK_WORD: meanings, NULL when not in vocabulary */
  double num;         /* TOK_NUM */
  guint32 start, end; /* byte offsets (answers are capped far below 4 GB) */
  gunichar ch;        /* TOK_PUNCT */
  guint32 ndigits;    /* TOK_NUM: digits before any decimal separator */
  guint8 type;        /* TokType */
  guint8 glued : 1;   /* no space before it */
  guint8 decimal : 1; /* TOK_NUM: has a decimal part */
  guint8 bad : 1;     /* TOK_NUM: not an amount (phone, odd grouping) */
  guint8 spaced : 1;  /* TOK_NUM: joined from space-separated groups */
} Tok;

/* An answer's tokens: on the stack for a short answer, on the heap past
 * that (tokenizing happens twice per answer; a GArray append per token
 * and its allocation were a fifth of the number scan). */
typedef struct {
  Tok *t;
  guint n, cap;
  Tok local[48];
} TokBuf;

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

static void
tokbuf_clear (TokBuf *b)
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
  static const struct {
    const char *word;
    guint value;
  } en[] = {
    {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
    {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10},
    {"eleven", 11}, {"twelve", 12}, {"fifteen", 15}, {"twenty", 20},
    {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60},
    {"ninety", 90}, {"hundred", 100},
  };
  if (n < 3 || n > 7 || !g_ascii_islower (w[0]))
    return;
  for (gsize k = 0; k < G_N_ELEMENTS (en); k++)
    if (strlen (en[k].word) == n && memcmp (en[k].word, w, n) == 0) {
      t->type = TOK_NUM;
      t->num = en[k].value;
      t->ndigits = en[k].value >= 100 ? 3 : en[k].value >= 10 ? 2 : 1;
      t->w = NULL;
      return;
    }
}

static void
tokenize (const char *text, gboolean lenient, TokBuf *toks)
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
}

/* ---- the parser ---------------------------------------------------------- */

typedef struct {
  const Tok *t;
  int n;
} Toks;

static gboolean
is_w (const Toks *k, int i, int id)
{
  return i >= 0 && i < k->n && k->t[i].type == TOK_WORD
         && wordset_has (k->t[i].w, id);
}

static gboolean
is_p (const Toks *k, int i, gunichar ch)
{
  return i >= 0 && i < k->n && k->t[i].type == TOK_PUNCT && k->t[i].ch == ch;
}

static gboolean
is_num (const Toks *k, int i)
{
  return i >= 0 && i < k->n && k->t[i].type == TOK_NUM && !k->t[i].bad;
}

/* "(không kể thứ Bảy, Chủ nhật và ngày lễ)", "trừ cuối tuần",
 * "excluding weekends" just after a number of days: working days. */
static gboolean
weekends_excluded (const Toks *k, int i)
{
  int from = -1;
  for (int j = i; j < k->n && j < i + 4 && from < 0; j++)
    if (is_w (k, j, W_TRU))
      from = j + 1;
    else if (is_w (k, j, W_KHONG) && (is_w (k, j + 1, W_KE)
                                      || is_w (k, j + 1, W_TINH)))
      from = j + 2;
  for (int j = from; from >= 0 && j < k->n && j < from + 4; j++)
    if ((is_w (k, j, W_CHU) && is_w (k, j + 1, W_NHAT))
        || (is_w (k, j, W_CUOI) && is_w (k, j + 1, W_TUAN))
        || (is_w (k, j, W_ORD) && is_w (k, j + 1, W_BAY))
        || is_w (k, j, W_WEEKEND))
      return TRUE;
  return FALSE;
}

static NumbersUnit
parse_unit (const Toks *k, int i, int *end)
{
  *end = i + 1;
  if (is_w (k, i, W_DONG) || is_w (k, i, W_VND) || is_p (k, i, 0x20AB))
    return NUMBERS_UNIT_VND;
  if (is_w (k, i, W_WORKING) && is_w (k, i + 1, W_NGAY)) {
    *end = i + 2; /* "3 working days" */
    return NUMBERS_UNIT_WORKING_DAY;
  }
  if (is_w (k, i, W_NGAY)) {
    if (is_w (k, i + 1, W_LAM) && is_w (k, i + 2, W_VIEC)) {
      *end = i + 3;
      return NUMBERS_UNIT_WORKING_DAY;
    }
    return weekends_excluded (k, i + 1) ? NUMBERS_UNIT_WORKING_DAY
                                        : NUMBERS_UNIT_DAY;
  }
  if (is_w (k, i, W_YEAR_EN))
    return NUMBERS_UNIT_YEAR;
  if (is_w (k, i, W_GIO) || is_w (k, i, W_H))
    return NUMBERS_UNIT_HOUR;
  if (is_w (k, i, W_TUAN))
    return NUMBERS_UNIT_WEEK;
  if (is_w (k, i, W_THANG))
    return NUMBERS_UNIT_MONTH;
  if (is_w (k, i, W_NAM))
    return NUMBERS_UNIT_YEAR;
  if (is_w (k, i, W_PHUT))
    return NUMBERS_UNIT_MINUTE;
  *end = i;
  return NUMBERS_UNIT_NONE;
}

/* Digit word 0–9 (không … chín). */
static gboolean
digit_word (const Toks *k, int i, int *d)
{
  if (i < 0 || i >= k->n || k->t[i].type != TOK_WORD || k->t[i].w == NULL
      || k->t[i].w->digit < 0)
    return FALSE;
  *d = k->t[i].w->digit;
  return TRUE;
}

static double
scale_of (const Toks *k, int i, gboolean *slang)
{
  *slang = FALSE;
  if (is_w (k, i, W_NGHIN))
    return 1e3;
  if (is_w (k, i, W_TRIEU))
    return 1e6;
  if (is_w (k, i, W_TI))
    return 1e9;
  if (is_w (k, i, W_K))
    return (*slang = TRUE), 1e3;
  if (is_w (k, i, W_TR) || is_w (k, i, W_CU))
    return (*slang = TRUE), 1e6;
  return 0;
}

/* The units digit after mươi/mười: mốt, tư, lăm/nhăm or a digit word.
 * "năm" is not taken there: hai mươi năm is twenty years. */
static gboolean
unit_after_tens (const Toks *k, int i, gboolean after_muoi, int *u)
{
  if (is_w (k, i, W_MOT1) && after_muoi)
    return (*u = 1), TRUE;
  if (is_w (k, i, W_TU4))
    return (*u = 4), TRUE;
  if (is_w (k, i, W_LAM5))
    return (*u = 5), TRUE;
  int d;
  gboolean slang;
  if (digit_word (k, i, &d) && d >= 1
      && (d != 5 || scale_of (k, i + 1, &slang) > 0))
    return (*u = d), TRUE;
  return FALSE;
}

/* Colloquial tens without mươi: hai mốt = 21, ba lăm = 35, hai tư = 24. */
static gboolean
colloquial_unit (const Toks *k, int i, int *u)
{
  if (is_w (k, i, W_MOT1))
    return (*u = 1), TRUE;
  if (is_w (k, i, W_TU4))
    return (*u = 4), TRUE;
  if (is_w (k, i, W_LAM5))
    return (*u = 5), TRUE;
  return FALSE;
}

/* Tens and units of a group; returns the next index or i if none. */
static int
parse_tens (const Toks *k, int i, gboolean after_hundreds, double *v)
{
  int d, u;
  if (digit_word (k, i, &d) && d >= 1 && is_w (k, i + 1, W_MUOIX)) {
    *v += d * 10;
    if (unit_after_tens (k, i + 2, TRUE, &u)) {
      *v += u;
      return i + 3;
    }
    return i + 2;
  }
  if (digit_word (k, i, &d) && d >= 1 && is_w (k, i + 1, W_CHUC)) {
    *v += d * 10;
    return i + 2;
  }
  if (is_w (k, i, W_MUOI10)) {
    *v += 10;
    if (unit_after_tens (k, i + 1, FALSE, &u)) {
      *v += u;
      return i + 2;
    }
    return i + 1;
  }
  if (digit_word (k, i, &d) && d >= 2 && colloquial_unit (k, i + 1, &u)) {
    *v += d * 10 + u;
    return i + 2;
  }
  if (!after_hundreds && digit_word (k, i, &d)) {
    *v += d;
    return i + 1;
  }
  return i;
}

/* One group below a thousand in words, or one digit token. Returns the next
 * index, or -1 when nothing is there. */
static int
parse_group (const Toks *k, int i, double *out, gboolean *words)
{
  *words = FALSE;
  if (is_num (k, i)) {
    *out = k->t[i].num;
    return i + 1;
  }
  gboolean slang;
  if (is_w (k, i, W_NUA) && scale_of (k, i + 1, &slang) > 0) {
    *out = 0.5; /* nửa triệu */
    *words = TRUE;
    return i + 1;
  }
  double v = 0;
  int j = i, d;
  gboolean hundreds = FALSE;
  if (digit_word (k, j, &d) && is_w (k, j + 1, W_TRAM)) {
    v = d * 100;
    j += 2;
    hundreds = TRUE;
    if (is_w (k, j, W_LINH) && (digit_word (k, j + 1, &d)
                                || (is_w (k, j + 1, W_TU4) && (d = 4)))
        && d > 0) {
      *out = v + d;
      *words = TRUE;
      return j + 2;
    }
  }
  j = parse_tens (k, j, hundreds, &v);
  if (j == i)
    return -1;
  *out = v;
  *words = TRUE;
  return j;
}

typedef struct {
  double value;
  int end;            /* next token index */
  gboolean words;     /* began with a number word */
  gboolean digits;    /* holds a digit token */
  double scale;       /* largest scale seen, 0 if none */
  gboolean slang;     /* k, tr, củ: used only for money */
} Amount;

/* After a scale: rưỡi (half), or a lone digit that stands for tenths of it
 * (một triệu tư = 1.400.000, 1tr5, 2 triệu 3). Returns the next index. */
static int
scale_tail (const Toks *k, int i, double scale, double *total)
{
  gboolean slang;
  if (is_w (k, i, W_RUOI)) {
    *total += scale / 2;
    return i + 1;
  }
  int d = 0, other, uend;
  gboolean lone = digit_word (k, i, &d) || colloquial_unit (k, i, &d);
  NumbersUnit after = parse_unit (k, i + 1, &uend);
  gboolean duration_after = after != NUMBERS_UNIT_NONE
                            && after != NUMBERS_UNIT_VND;
  if (lone && d > 0 && !duration_after && !is_w (k, i + 1, W_TRAM)
      && !is_w (k, i + 1, W_MUOIX) && !is_w (k, i + 1, W_CHUC)
      && !colloquial_unit (k, i + 1, &other)
      && scale_of (k, i + 1, &slang) == 0 && !is_w (k, i + 1, W_LINH)) {
    *total += d * scale / 10;
    return i + 1;
  }
  /* 1tr5, 2 triệu 3: glued, or after a scale of a million or more */
  if (is_num (k, i) && !k->t[i].decimal && k->t[i].ndigits <= 3
      && (k->t[i].glued || scale >= 1e6) && !duration_after
      && scale_of (k, i + 1, &slang) == 0) {
    *total += k->t[i].num * scale / pow (10, k->t[i].ndigits);
    return i + 1;
  }
  return i;
}

/* Reads an amount starting at i: groups joined by scales. */
static gboolean
parse_amount (const Toks *k, int i, Amount *a)
{
  memset (a, 0, sizeof *a);
  double total = 0, highest = 0, last = 0;
  int j = i;
  for (;;) {
    double g = 0;
    gboolean words;
    int next = parse_group (k, j, &g, &words);
    if (next < 0)
      break;
    if (j == i)
      a->words = words;
    a->digits = a->digits || !words;
    gboolean slang;
    double s = scale_of (k, next, &slang);
    if (s == 0) {
      total += g;
      j = next;
      break;
    }
    if (s == last)
      break; /* "50k50k": one scale twice is two amounts, not one */
    last = s;
    a->slang = a->slang || slang;
    if (s > highest) {
      total = (total + g) * s;
      highest = s;
    } else {
      total += g * s;
    }
    j = next + 1;
    while (scale_of (k, j, &slang) > highest) { /* một nghìn tỷ */
      highest = scale_of (k, j, &slang);
      total *= highest;
      j++;
    }
    int tail = scale_tail (k, j, s, &total);
    if (tail != j) {
      j = tail;
      break;
    }
    int d;
    if (!(is_num (k, j) || digit_word (k, j, &d) || is_w (k, j, W_MUOI10)))
      break;
  }
  if (j == i)
    return FALSE;
  a->value = total;
  a->end = j;
  a->scale = highest;
  return TRUE;
}

/* ---- units and context --------------------------------------------------- */

/* Digits glued to a slash, colon, letters or another dotted part belong to
 * a citation (01/2021/NĐ-CP), a date (01/07/2025, 2025-07-01), a clock time
 * (15:00, 15h30), a code (1.000948.H38, QH15) — never to an amount. */
static gboolean
digits_in_code (const Toks *k, int i)
{
  const Tok *t = &k->t[i];
  if (t->glued && i > 0) {
    const Tok *p = &k->t[i - 1];
    if (p->type == TOK_WORD)
      return TRUE;
    gboolean joined = i > 1 && p->glued;
    if (joined && (p->ch == '/' || p->ch == '.' || p->ch == '-'))
      return TRUE;
    if (joined && p->ch == ':' && k->t[i - 2].type == TOK_NUM)
      return TRUE;
  }
  if (i + 1 < k->n && k->t[i + 1].glued) {
    const Tok *nx = &k->t[i + 1];
    /* "15.000/người" is a price per person; "75/2022" and "01/QĐ" codes */
    gboolean per_word = nx->ch == '/' && t->num >= 1000 && i + 2 < k->n
                        && k->t[i + 2].type == TOK_WORD;
    if (nx->type == TOK_PUNCT && (nx->ch == '/' || nx->ch == ':') && !per_word)
      return TRUE;
    if (nx->type == TOK_PUNCT && (nx->ch == '.' || nx->ch == '-')
        && i + 2 < k->n && k->t[i + 2].glued
        && (k->t[i + 2].type == TOK_WORD
            || (nx->ch == '-' && is_p (k, i + 3, '-'))))
      return TRUE;
    if (is_w (k, i + 1, W_H) && i + 2 < k->n && k->t[i + 2].glued
        && k->t[i + 2].type == TOK_NUM)
      return TRUE;
  }
  return FALSE;
}

/* A number right after Điều, khoản, số, trang, thứ, ngày, tháng, năm … is a
 * label or a date part, not an amount. */
static gboolean
after_label (const Toks *k, int i)
{
  return is_w (k, i - 1, W_LABEL) || is_w (k, i - 1, W_NGAY)
         || is_w (k, i - 1, W_THANG) || is_w (k, i - 1, W_NAM)
         || is_w (k, i - 1, W_VIET);
}

static gboolean
fee_cue_before (const Toks *k, int i, int window)
{
  static const int cues[] = {W_PHI, W_LE, W_GIA, W_TIEN, W_THU, W_NOP, W_MUC};
  for (int j = i - 1; j >= 0 && j >= i - window; j--)
    for (gsize c = 0; c < G_N_ELEMENTS (cues); c++)
      if (is_w (k, j, cues[c]))
        return TRUE;
  return FALSE;
}

/* Bound words just before the amount; *start moves to include them. */
static NumbersBound
bound_before (const Toks *k, int i, int *start)
{
  *start = i;
  int j = is_w (k, i - 1, W_LA) ? i - 1 : i; /* tối đa là 3 ngày */
  if ((is_w (k, j - 2, W_KHONG) && is_w (k, j - 1, W_QUA))
      || (is_w (k, j - 2, W_TOI) && is_w (k, j - 1, W_DA))
      || (is_w (k, j - 2, W_CHAM) && is_w (k, j - 1, W_NHAT))
      || (is_w (k, j - 2, W_IT) && is_w (k, j - 1, W_HON))) {
    *start = j - 2;
    return NUMBERS_AT_MOST;
  }
  if ((is_w (k, j - 2, W_IT) && is_w (k, j - 1, W_NHAT))
      || (is_w (k, j - 2, W_TOI) && is_w (k, j - 1, W_THIEU))) {
    *start = j - 2;
    return NUMBERS_AT_LEAST;
  }
  if (is_w (k, j - 3, W_NO) && is_w (k, j - 2, W_HON)
      && is_w (k, j - 1, W_THAN)) { /* no more than */
    *start = j - 3;
    return NUMBERS_AT_MOST;
  }
  if ((is_w (k, j - 2, W_UP) && is_w (k, j - 1, W_TO))
      || (is_w (k, j - 2, W_AT) && is_w (k, j - 1, W_MOST))) {
    *start = j - 2;
    return NUMBERS_AT_MOST;
  }
  if ((is_w (k, j - 2, W_AT) && is_w (k, j - 1, W_LEAST))
      || (is_w (k, j - 2, W_HON) && is_w (k, j - 1, W_THAN))) {
    *start = j - 2;
    return NUMBERS_AT_LEAST;
  }
  if (is_w (k, j - 1, W_MAX)) {
    *start = j - 1;
    return NUMBERS_AT_MOST;
  }
  if (is_w (k, j - 1, W_MIN)) {
    *start = j - 1;
    return NUMBERS_AT_LEAST;
  }
  if (is_w (k, j - 1, W_DUOI)) {
    *start = j - 1;
    return NUMBERS_AT_MOST;
  }
  /* "rẻ hơn 8.000 đồng", "nhanh hơn 2 ngày": by that much, not more than */
  if (is_w (k, j - 1, W_HON) && is_w (k, j - 2, W_COMPARE))
    return NUMBERS_EXACT;
  if (is_w (k, j - 1, W_TREN) || is_w (k, j - 1, W_HON)) {
    *start = j - 1;
    return NUMBERS_AT_LEAST;
  }
  return NUMBERS_EXACT;
}

/* ---- fixed phrases -------------------------------------------------------- */

static const int zero_fee[][6] = {
  {W_MIEN, W_PHI, -1},
  {W_MIEN, W_LE, W_PHI, -1},
  {W_KHONG, W_THU, W_PHI, -1},
  {W_KHONG, W_THU, W_LE, W_PHI, -1},
  {W_KHONG, W_MAT, W_PHI, -1},
  {W_KHONG, W_TON, W_PHI, -1},
  {W_KHONG, W_THU, W_TIEN, -1},
  {W_KHONG, W_MAT, W_TIEN, -1},
  {W_KHONG, W_PHAI, W_NOP, W_PHI, -1},
  {W_KHONG, W_PHAI, W_NOP, W_LE, W_PHI, -1},
  {W_KHONG, W_PHAI, W_TRA, W_PHI, -1},
  {W_KHONG, W_PHAI, W_TRA, W_TIEN, -1},
  {W_KHONG, W_MAT, W_LE, W_PHI, -1},
  {W_KHONG, W_TON, W_TIEN, -1},
  {W_KHONG, W_MAT, W_DONG, W_NAO, -1},
  {W_KHONG, W_TON, W_DONG, W_NAO, -1},
  {W_KHONG, W_THU, W_DONG, W_NAO, -1},
  {W_FREE, -1},
};

static const int same_day[][4] = {
  {W_NGAY2, W_TRONG, W_NGAY, -1},
  {W_TRONG, W_NGAY, -1},
  {W_NGAY2, W_LAP, W_TUC, -1},
};

/* Returns the index after the words of pattern at i, or -1. */
static int
match_words (const Toks *k, int i, const int *pattern)
{
  int j = i;
  for (const int *p = pattern; *p >= 0; p++, j++)
    if (!is_w (k, j, *p))
      return -1;
  return j;
}

/* The words that start a phrase of each table, as a WordSet: most words
 * start none, and are then passed over without trying every phrase. */
static const WordSet *
phrase_starts (gboolean money)
{
  static WordSet starts[2];
  static gsize once;
  if (g_once_init_enter (&once)) {
    for (gsize p = 0; p < G_N_ELEMENTS (zero_fee); p++)
      starts[1].bits[zero_fee[p][0] / 64] |= 1ull << (zero_fee[p][0] % 64);
    for (gsize p = 0; p < G_N_ELEMENTS (same_day); p++)
      starts[0].bits[same_day[p][0] / 64] |= 1ull << (same_day[p][0] % 64);
    g_once_init_leave (&once, 1);
  }
  return &starts[money ? 1 : 0];
}

static int
match_phrase_table (const Toks *k, int i, gboolean money)
{
  if (k->t[i].type != TOK_WORD || k->t[i].w == NULL)
    return -1;
  const WordSet *starts = phrase_starts (money);
  if (!(k->t[i].w->bits[0] & starts->bits[0])
      && !(k->t[i].w->bits[1] & starts->bits[1]))
    return -1;
  gsize n = money ? G_N_ELEMENTS (zero_fee) : G_N_ELEMENTS (same_day);
  for (gsize p = 0; p < n; p++) {
    int end = match_words (k, i, money ? zero_fee[p] : same_day[p]);
    /* "trong ngày 15/7" is a date, not the same day */
    if (end > 0 && !money && end < k->n && k->t[end].type == TOK_NUM)
      continue;
    /* "không miễn phí" is not free */
    if (end > 0 && money && is_w (k, i, W_MIEN) && is_w (k, i - 1, W_KHONG))
      continue;
    if (end > 0)
      return end;
  }
  return -1;
}

/* ---- scanning --------------------------------------------------------------- */

static void
add_mention (GArray *out, const Toks *k, int first, int last_excl,
             NumbersUnit unit, NumbersBound bound, double lo, double hi)
{
  NumbersMention m = {unit, bound, lo, hi, k->t[first].start,
                      k->t[last_excl - 1].end};
  g_array_append_val (out, m);
}

/* Decides whether an amount without a unit is money anyway. */
static gboolean
unitless_is_money (const Toks *k, int i, const Amount *a)
{
  if (a->slang)
    return TRUE;
  /* a particle ("400 nghìn nha bạn") ends the amount like a full stop */
  gboolean word_follows = a->end < k->n && k->t[a->end].type == TOK_WORD
                          && !is_w (k, a->end, W_PART);
  if (a->scale >= 1e3)
    return !word_follows || fee_cue_before (k, i, 6);
  return a->digits && a->value >= 1000 && !word_follows
         && fee_cue_before (k, i, 4);
}

/* Tries a range "A - B unit" / "A đến B unit" whose first end is a. */
static gboolean
try_range (const Toks *k, int sep, NumbersUnit first_unit, Amount *b,
           NumbersUnit *unit, int *end)
{
  if (!(is_p (k, sep, '-') || is_p (k, sep, '~') || is_w (k, sep, W_DEN)
        || is_w (k, sep, W_TOI2)))
    return FALSE;
  if (!parse_amount (k, sep + 1, b))
    return FALSE;
  NumbersUnit u = parse_unit (k, b->end, end);
  if (u == NUMBERS_UNIT_NONE && first_unit == NUMBERS_UNIT_NONE && b->slang)
    u = NUMBERS_UNIT_VND;
  if (u == NUMBERS_UNIT_NONE || (first_unit != NUMBERS_UNIT_NONE
                                 && first_unit != u))
    return FALSE;
  *unit = u;
  return TRUE;
}

/* "07 (bảy) ngày": official texts restate the number in words; the unit
 * comes after the parenthesis. */
static NumbersUnit
unit_after_parenthesis (const Toks *k, int open, int *end)
{
  for (int j = open + 1; j < k->n && j < open + 8; j++)
    if (is_p (k, j, ')'))
      return parse_unit (k, j + 1, end);
  return NUMBERS_UNIT_NONE;
}

/* Reads the mention starting at token i, if any; returns the next index. */
static int
scan_amount_at (const Toks *k, int i, GArray *out)
{
  int d;
  if (k->t[i].type == TOK_PUNCT
      || (k->t[i].type == TOK_WORD
          && !(digit_word (k, i, &d) || is_w (k, i, W_MUOI10)
               || is_w (k, i, W_NUA))))
    return i + 1; /* the common case: a word that starts no number */
  if (k->t[i].type == TOK_NUM && (k->t[i].bad || digits_in_code (k, i)))
    return i + 1;
  if (is_w (k, i - 1, W_ORD) && is_w (k, i - 2, W_VIEC)
      && is_w (k, i - 3, W_LAM) && is_w (k, i - 4, W_NGAY)
      && k->t[i].type == TOK_NUM) {
    /* "chậm nhất vào ngày làm việc thứ 3": the third working day */
    Amount o;
    if (parse_amount (k, i, &o) && o.value >= 1 && o.value <= 90) {
      NumbersBound bound = NUMBERS_EXACT;
      int bstart = i - 4;
      (void) bound_before (k, i - 4, &bstart);
      add_mention (out, k, bstart, o.end, NUMBERS_UNIT_WORKING_DAY, bound,
                   o.value, o.value);
      return o.end;
    }
  }
  gboolean label = after_label (k, i);
  Amount a;
  if (!parse_amount (k, i, &a))
    return i + 1;
  /* "trang 2" is a page, but "mỗi trang hai nghìn đồng" is a price: after
   * a label only an amount with its scale or currency counts */
  if (label && a.scale < 1e3 && !is_w (k, a.end, W_DONG)
      && !is_w (k, a.end, W_VND) && !is_p (k, a.end, 0x20AB))
    return i + 1;
  if (!a.digits && a.value == 0)
    return i + 1; /* "không đồng ý" is no amount */
  int uend;
  NumbersUnit unit = parse_unit (k, a.end, &uend);
  if (unit == NUMBERS_UNIT_NONE && is_p (k, a.end, '('))
    unit = unit_after_parenthesis (k, a.end, &uend);
  Amount b;
  NumbersUnit runit;
  int rend;
  int bstart;
  NumbersBound bound = bound_before (k, i, &bstart);
  /* "VND 15,000–20,000": the currency before the range is its unit */
  gboolean vnd_before = unit == NUMBERS_UNIT_NONE
                        && (is_w (k, i - 1, W_VND) || is_p (k, i - 1, 0x20AB));
  if (try_range (k, unit == NUMBERS_UNIT_NONE ? a.end : uend,
                 vnd_before ? NUMBERS_UNIT_NONE : unit, &b, &runit, &rend)
      && b.value > a.value) {
    add_mention (out, k, bstart, rend, runit, NUMBERS_RANGE, a.value, b.value);
    return rend;
  }
  if (vnd_before && (is_p (k, a.end, '-') || is_p (k, a.end, '~'))
      && parse_amount (k, a.end + 1, &b) && b.value > a.value) {
    add_mention (out, k, bstart, b.end, NUMBERS_UNIT_VND, NUMBERS_RANGE,
                 a.value, b.value);
    return b.end;
  }
  if (FALSE) {
    add_mention (out, k, bstart, rend, runit, NUMBERS_RANGE, a.value, b.value);
    return rend;
  }
  if (unit == NUMBERS_UNIT_NONE && (is_w (k, i - 1, W_VND)
                                    || is_p (k, i - 1, 0x20AB))) {
    unit = NUMBERS_UNIT_VND; /* "VND 50.000", "₫50.000" */
    uend = a.end;
  }
  if (unit == NUMBERS_UNIT_NONE) {
    if (!unitless_is_money (k, i, &a))
      return a.words ? i + 1 : a.end;
    unit = NUMBERS_UNIT_VND;
    uend = a.end;
  }
  if (unit == NUMBERS_UNIT_HOUR && is_w (k, i - 1, W_CLOCK))
    return uend; /* sau 15 giờ: a time of day */
  if (a.words && !a.digits && is_w (k, uend, W_NICE))
    return uend; /* "chúc chị một ngày tốt lành": a wish */
  if (unit == NUMBERS_UNIT_VND && a.value > 0 && a.value < 100)
    return uend; /* no fee is that small: "Việt Nam đồng" and the like */
  add_mention (out, k, bstart, uend, unit, bound, a.value, a.value);
  return uend;
}

GArray *
numbers_scan (const char *normalized, gboolean lenient)
{
  /* Room for a few mentions: growing from nothing reallocated per add. */
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (NumbersMention), 8);
  if (normalized == NULL)
    return out;
  TokBuf toks;
  tokenize (normalized, lenient, &toks);
  Toks k = {toks.t, (int) toks.n};
  int i = 0;
  while (i < k.n) {
    /* Punctuation and words outside the vocabulary start no phrase and
     * no amount (what the tables and scan_amount_at would find): most
     * tokens are passed over without a call. */
    const Tok *t = &k.t[i];
    if (t->type == TOK_PUNCT || (t->type == TOK_WORD && t->w == NULL)) {
      i++;
      continue;
    }
    if (t->type == TOK_NUM) {
      i = scan_amount_at (&k, i, out);
      continue;
    }
    int end = match_phrase_table (&k, i, TRUE);
    if (end > 0) {
      add_mention (out, &k, i, end, NUMBERS_UNIT_VND, NUMBERS_EXACT, 0, 0);
      i = end;
      continue;
    }
    end = match_phrase_table (&k, i, FALSE);
    if (end > 0) {
      add_mention (out, &k, i, end, NUMBERS_UNIT_SAME_DAY, NUMBERS_EXACT, 0,
                   0);
      i = end;
      continue;
    }
    i = scan_amount_at (&k, i, out);
  }
  tokbuf_clear (&toks);
  return out;
}

static gboolean
parse_whole_toks (const Toks *kp, double *value)
{
  Toks k = *kp;
  if (k.n == 0 || (k.t[0].type == TOK_NUM && k.t[0].bad))
    return FALSE;
  Amount a;
  if (!parse_amount (&k, 0, &a))
    return FALSE;
  int end = a.end;
  if (is_w (&k, end, W_DONG) || is_w (&k, end, W_VND) || is_p (&k, end, 0x20AB))
    end++;
  if (end != k.n)
    return FALSE;
  *value = a.value;
  return TRUE;
}

static gboolean
parse_whole (const char *norm, gboolean lenient, double *value)
{
  TokBuf toks;
  tokenize (norm, lenient, &toks);
  Toks k = {toks.t, (int) toks.n};
  gboolean ok = parse_whole_toks (&k, value);
  tokbuf_clear (&toks);
  return ok;
}

gboolean
numbers_parse (const char *text, double *value)
{
  if (text == NULL)
    return FALSE;
  g_autofree char *norm = normalize_text (text, FALSE);
  if (parse_whole (norm, FALSE, value))
    return TRUE;
  /* written without marks: "nam muoi nghin" */
  g_autofree char *folded = normalize_fold_diacritics (norm);
  return parse_whole (folded, TRUE, value);
}

/* ---- names and formats ------------------------------------------------------ */

static const char *const unit_names[] = {
  "none", "vnd", "working_day", "day", "hour", "week", "month", "year",
  "minute", "same_day",
};

const char *
numbers_unit_name (NumbersUnit unit)
{
  return (guint) unit < G_N_ELEMENTS (unit_names) ? unit_names[unit] : "none";
}

gboolean
numbers_duration_unit_from_name (const char *name, NumbersUnit *unit)
{
  static const NumbersUnit allowed[] = {
    NUMBERS_UNIT_WORKING_DAY, NUMBERS_UNIT_DAY, NUMBERS_UNIT_HOUR,
    NUMBERS_UNIT_WEEK, NUMBERS_UNIT_MONTH, NUMBERS_UNIT_YEAR,
    NUMBERS_UNIT_SAME_DAY,
  };
  for (gsize i = 0; name && i < G_N_ELEMENTS (allowed); i++)
    if (g_strcmp0 (name, unit_names[allowed[i]]) == 0) {
      *unit = allowed[i];
      return TRUE;
    }
  return FALSE;
}

/* 15000 → "15.000"; 1.5 → "1,5" (Vietnamese separators). */
static char *
format_vi (double v)
{
  double whole = floor (v + 1e-9);
  GString *s = g_string_new (NULL);
  /* Below 10^15 the whole part is an exact integer: its digits without
   * printf ("%.0f" is the dearest part of compiling a money fact). */
  char digits[32];
  if (whole >= 0 && whole < 1e15) {
    guint64 w = (guint64) whole;
    int k = 0;
    char rev[20];
    do {
      rev[k++] = (char) ('0' + w % 10);
      w /= 10;
    } while (w);
    for (int i = 0; i < k; i++)
      digits[i] = rev[k - 1 - i];
    digits[k] = '\0';
  } else
    g_snprintf (digits, sizeof digits, "%.0f", whole);
  gsize n = strlen (digits);
  for (gsize i = 0; i < n; i++) {
    if (i > 0 && (n - i) % 3 == 0)
      g_string_append_c (s, '.');
    g_string_append_c (s, digits[i]);
  }
  int cents = (int) lround ((v - whole) * 100);
  if (cents > 0 && cents < 100)
    g_string_append_printf (s, cents % 10 ? ",%02d" : ",%d",
                            cents % 10 ? cents : cents / 10);
  return g_string_free (s, FALSE);
}

char *
numbers_format (double value, NumbersUnit unit)
{
  static const char *const words[] = {
    "", "đồng", "ngày làm việc", "ngày", "giờ", "tuần", "tháng", "năm",
    "phút", "",
  };
  if (unit == NUMBERS_UNIT_SAME_DAY)
    return g_strdup ("trong ngày");
  if (unit == NUMBERS_UNIT_VND && value == 0)
    return g_strdup ("0 đồng (miễn phí)");
  g_autofree char *num = format_vi (value);
  if (unit == NUMBERS_UNIT_NONE || (guint) unit >= G_N_ELEMENTS (words))
    return g_steal_pointer (&num);
  return g_strconcat (num, " ", words[unit], NULL);
}
