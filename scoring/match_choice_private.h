/* What the readers of multiple choice share (scoring/match.h match_choice):
 * match_choice_words.c reads a letter where it stands — how the words
 * around it use it; match_choice.c reads the answer — its walk through
 * the options, its conclusion, the picks it takes back. Internal to those
 * two. */
#ifndef VABENCH_SCORING_MATCH_CHOICE_PRIVATE_H
#define VABENCH_SCORING_MATCH_CHOICE_PRIVATE_H

#include "scoring/match.h"

/* How a letter is used where it stands. */
typedef enum { L_NONE, L_MENTION, L_STRONG, L_FINAL } LetterUse;

static inline const CueWord *
choice_word (const AnswerPart *p, guint i)
{
  return &g_array_index (p->words, CueWord, i);
}

/* Punctuation right after word i ("B.", "B)", "B —"), or the end. */
gboolean choice_punct_after (const AnswerPart *p, guint i);
/* The choice whose letter word i is, or -1. */
gint choice_letter_at (const JudgeKey *key, const AnswerPart *p, guint i);
/* A cue of cls ending at most gap words before w. */
gboolean choice_cue_before (const AnswerPart *p, CueClass cls, guint w,
                            guint gap);
/* Where the pick cue ending at word w starts, or w. */
guint choice_pick_start (const AnswerPart *p, guint w);
/* "thứ hai", "second": the option's index from 0, or -1. */
gint choice_ordinal_at (const AnswerPart *p, guint i, gboolean lenient);
/* The end of the group of letters from i ("B và C", "A, B hoặc C"). */
guint choice_group_end (const JudgeKey *key, const AnswerPart *p, guint i,
                        gboolean lenient);
/* The letter at word i is rejected ("A sai", "không phải A"). */
gboolean choice_rejected_at (const JudgeKey *key, const AnswerPart *p,
                             guint i, gboolean lenient);
/* How a strong or final pick cue right before word w settles on it. */
LetterUse choice_settled_before (const AnswerPart *p, guint w,
                                 gboolean lenient);
/* How the letter at word i is used by the words around it. */
LetterUse choice_use_at (const AnswerPart *p, guint i, gboolean first_part,
                         gboolean lenient);
/* A pick cue right before word i, fillers between. */
gboolean choice_picked_after (const AnswerPart *p, guint i, gboolean lenient);
/* The pick of the letter at word i is others' ("nhiều người chọn A"). */
gboolean choice_others_pick (const AnswerPart *p, guint i, gboolean lenient);
/* Part pi's line restates the options ("A. 02 ngày làm việc; B. 07
 * ngày; C. …"): match_choice.c. */
gboolean choice_lists_options (const JudgeKey *key, const Answer *a, guint pi);
/* A question asks why the letter is the one ("Vì sao chọn B?"). */
gboolean choice_asked_why (const AnswerPart *p, guint i, gboolean lenient);
/* The pick is supposed ("Nếu bạn chọn C …", "Có bạn chọn B vì …"). */
gboolean choice_supposed_pick (const AnswerPart *p, guint i, gboolean lenient);
/* Sentence p opens on a verdict alone ("Rất tiếc, chưa đúng: …"). */
gboolean choice_verdict_opens (const JudgeKey *key, const AnswerPart *p,
                               gboolean lenient);
/* The "đúng" at word k is true of a case the sentence then says is not
 * the question's ("đúng với hồ sơ nộp trước 15 giờ, không đúng với …"). */
gboolean choice_true_of_a_case (const AnswerPart *p, guint k, gboolean lenient);
/* Word i stands in the sentence that opens at word from. */
gboolean choice_same_sentence (const AnswerPart *p, guint from, guint i);
/* The letter at word i stands in a run of letters ("A, B, C, D"). */
gboolean choice_in_letter_run (const JudgeKey *key, const AnswerPart *p,
                               guint i, gboolean lenient);
#endif
