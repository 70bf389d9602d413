/* What numbers.c and numbers_context.c share (internal to scoring/): the
 * token stream the parser walks and its word, punctuation and number
 * tests. */
#ifndef VABENCH_SCORING_NUMBERS_PRIVATE_H
#define VABENCH_SCORING_NUMBERS_PRIVATE_H

#include "scoring/numbers.h"
#include "scoring/numbers_tokens.h"

typedef struct {
  const Tok *t;
  int n;
} Toks;

static inline gboolean
is_w (const Toks *k, int i, int id)
{
  return i >= 0 && i < k->n && k->t[i].type == TOK_WORD
         && wordset_has (k->t[i].w, id);
}

static inline gboolean
is_p (const Toks *k, int i, gunichar ch)
{
  return i >= 0 && i < k->n && k->t[i].type == TOK_PUNCT && k->t[i].ch == ch;
}

static inline gboolean
is_num (const Toks *k, int i)
{
  return i >= 0 && i < k->n && k->t[i].type == TOK_NUM && !k->t[i].bad;
}

/* Digits glued to a citation, a date, a clock time or a code at token i. */
gboolean numbers_digits_in_code (const Toks *k, int i);
/* A number right after a label word (Điều, khoản, số, ngày …) at i. */
gboolean numbers_after_label (const Toks *k, int i);
/* A fee word within window tokens before i. */
gboolean numbers_fee_cue_before (const Toks *k, int i, int window);
/* Bound words just before the amount at i ("tối đa", "không quá", "at
 * least"); *start moves to include them. */
NumbersBound numbers_bound_before (const Toks *k, int i, int *start);

#endif
