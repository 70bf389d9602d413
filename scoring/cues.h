/* The judge's cue lexicon (scoring/cues.tsv, built into the binary): the
 * words that tell what a value in an answer is about (a fee, a fine, a
 * hotline, another step's time …), its channel, its polarity, a refusal,
 * a stance, a picked or rejected option. Pure: text in, hits out. */
#ifndef CUES_H
#define CUES_H

#include <glib.h>

typedef enum {
  CUE_FEE, CUE_FINE, CUE_POSTAGE, CUE_HOTLINE, CUE_SERVICE, CUE_EXAMPLE,
  CUE_TOTAL, CUE_DIFFERENCE, CUE_RATE, CUE_EXEMPT, CUE_CAPITAL, CUE_EXCHANGE,
  CUE_PROCESSING, CUE_PROCESSING_WEAK, CUE_PROCESSING_AFTER, CUE_STEP, CUE_STEP_AFTER, CUE_EXTRA, CUE_DELIVERY,
  CUE_EXTENSION, CUE_EXTENSION_AFTER, CUE_DEADLINE, CUE_DEADLINE_AFTER, CUE_COUNTED_FROM,
  CUE_VALIDITY,
  CUE_CH_TRUC_TIEP, CUE_CH_TRUC_TUYEN, CUE_CH_BUU_CHINH,
  CUE_NEG, CUE_NEG_AFTER, CUE_HIST, CUE_NOW, CUE_BREAK,
  CUE_DECLINE, CUE_YES_START, CUE_NO_START, CUE_YES_MODAL, CUE_NO_MODAL,
  CUE_FILLER, CUE_PICK, CUE_PICK_STRONG, CUE_PICK_FINAL, CUE_REJECT, CUE_OTHER, CUE_STATUS, CUE_ENDED, CUE_MODIFIER, CUE_SO, CUE_COUNT,
  CUE_BELIEF, CUE_COMPLY, CUE_IN_FORCE, CUE_DISCOURAGE, CUE_TURN, CUE_PLAIN, CUE_YOURS, CUE_PRACTICE, CUE_PREDICT,
  CUE_RECEIVE_ONLY, CUE_DUTY, CUE_GENERAL, CUE_HEARSAY, CUE_CORRECTION, CUE_CALENDAR, CUE_OFFICE, CUE_GUESS, CUE_SEVERAL, CUE_NOT_THIS, CUE_RULE_SOURCE,
  CUE_CHECK_ONLY, CUE_PRIVATE,
  /* consecutive, in this order: cues_variant_bit counts from the first */
  CUE_VARIANT_NEW, CUE_VARIANT_AGAIN, CUE_VARIANT_EXCHANGE, CUE_VARIANT_AMEND,
  CUE_N_CLASSES
} CueClass;

G_STATIC_ASSERT (CUE_N_CLASSES <= 128); /* a phrase's classes: two words */

/* The class's name in cues.tsv ("fee", "ch_truc_tuyen" …). Static. */
const char *cues_class_name (CueClass cls);

/* Punctuation standing between a word and the one before it. */
enum {
  CUE_GAP_COMMA = 1,    /* ", " (not the comma of 15,000) */
  CUE_GAP_STOP = 2,     /* ". " ";" "!" "?" (not the dot of 15.000) */
  CUE_GAP_COLON = 4,    /* ":" (not of a clock time) */
  CUE_GAP_OPERATOR = 8, /* × * = + (a worked example) */
  CUE_GAP_OPEN = 16,    /* "(" */
  CUE_GAP_CLOSE = 32,   /* ")" */
  CUE_GAP_SLASH = 64,   /* "/" */
  CUE_GAP_EQUALS = 128, /* "=" (also sets OPERATOR) */
};

/* One word of a normalized text: a run of letters and digits. */
typedef struct {
  guint32 start, end; /* bytes */
  guint8 gap;         /* CUE_GAP_* before this word */
} CueWord;

/* One cue found: words [w0, w1) of the text. */
typedef struct {
  guint8 cls; /* CueClass */
  guint16 w0, w1;
} CueHit;

/* The words of norm (a normalize_text form). New GArray of CueWord. Texts
 * past 65,535 words keep only the first 65,535. */
GArray *cues_words (const char *norm);

/* Every cue of norm, whose words are words, for the strict or the lenient
 * (diacritic-free) form. At each word only the longest cue phrase that
 * starts there is reported, once per class that lists it ("tổng đài" is a
 * hotline, not a total). New GArray of CueHit in word order. */
GArray *cues_find (const char *norm, const GArray *words, gboolean lenient);

/* The bit of a variant class (cấp mới, cấp lại, cấp đổi, sửa đổi) in a
 * mask of variants, 0 for any other class. */
static inline guint
cues_variant_bit (CueClass cls)
{
  return cls >= CUE_VARIANT_NEW && cls <= CUE_VARIANT_AMEND
             ? 1u << (cls - CUE_VARIANT_NEW)
             : 0;
}

/* norm (an answer part in English or mixed) with the English phrases of
 * the gloss ("next working day" → "ngày làm việc tiếp theo") replaced by
 * their Vietnamese forms, the other words kept, appended to out. TRUE
 * when one was found (out is left alone otherwise). */
gboolean cues_gloss (const char *norm, const GArray *words, gboolean lenient,
                     GString *out);

#endif
