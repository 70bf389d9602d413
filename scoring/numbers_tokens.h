/* The number scanner's tokens and vocabulary, shared by numbers.c (the
 * parser) and numbers_tokens.c (the tokenizer) only: the word ids, the
 * meanings a word carries, and a token. */
#ifndef VABENCH_SCORING_NUMBERS_TOKENS_H
#define VABENCH_SCORING_NUMBERS_TOKENS_H

#include <glib.h>

/* The vocabulary's meanings (numbers_tokens.c's table). */
enum {
  W_KHONG, W_MOT, W_HAI, W_BA, W_BON, W_NAM, W_SAU, W_BAY, W_TAM, W_CHIN,
  W_MUOI10, W_MUOIX, W_TRAM, W_LINH, W_NGHIN, W_TRIEU, W_TI, W_K, W_TR, W_CU,
  W_MOT1, W_TU4, W_LAM5, W_RUOI, W_CHUC,
  W_DONG, W_VND,
  W_NGAY, W_NGAY2, W_LAM, W_VIEC, W_LV, W_GIO, W_H, W_TUAN, W_THANG, W_PHUT,
  W_MIEN, W_PHI, W_LE, W_THU, W_MAT, W_TON, W_PHAI, W_NOP, W_TRA, W_TIEN,
  W_GIA, W_MUC,
  W_QUA, W_TOI, W_DA, W_CHAM, W_NHAT, W_DUOI, W_IT, W_THIEU, W_TREN, W_HON,
  W_TRONG, W_DEN, W_TOI2, W_LAP, W_TUC, W_LA,
  W_LABEL, W_CLOCK, W_VIET, W_NUA,
  W_WORKING, W_YEAR_EN, W_FREE, W_NAO, W_PART, W_NICE, W_UP, W_AT, W_MOST,
  W_LEAST, W_NO, W_MAX, W_MIN, W_THAN, W_TO,
  W_ORD, W_KE, W_TINH, W_TRU, W_CHU, W_CUOI, W_WEEKEND, W_COMPARE,
  W_MOMENT, /* "thời điểm trong ngày": a time of day, no same-day time */
  W_HOM,    /* "hôm sau": the next day, not six (folded "sau") */
  W_CUTHE,  /* "một năm cụ thể": one year named, not a duration */
  W_NAY,    /* "hai ngày này": days pointed at, not a duration */
  W_GIAY,   /* "1 phút 52 giây": a recording's length */
  W_COUNT
};

G_STATIC_ASSERT (W_COUNT <= 128); /* the bits of a WordSet */

/* The meanings of one word. */
typedef struct {
  guint64 bits[2];
  gint8 digit; /* 0–9 when one meaning is a digit word, else -1 */
} WordSet;

static inline gboolean
wordset_has (const WordSet *s, int id)
{
  return s != NULL && (s->bits[id / 64] >> (id % 64)) & 1;
}

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

/* Cuts text (normalize_text of the lenient flag given) into toks, which
 * the caller clears with numbers_tokbuf_clear. */
void numbers_tokenize (const char *text, gboolean lenient, TokBuf *toks);
void numbers_tokbuf_clear (TokBuf *b);

#endif
