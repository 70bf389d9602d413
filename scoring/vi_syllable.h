/* Vietnamese syllable knowledge shared by the scorer and the near-miss
 * generator (DOMAIN.md §4): decomposition into base letters, vowel marks and
 * tone; tone placement in the old and new styles; diacritic stripping; the
 * Telex and VNI key tables used to produce and decode IME residue.
 *
 * All functions take UTF-8 in any normalization form and return newly
 * allocated NFC UTF-8 (free with g_free). Text that is not a Vietnamese
 * syllable (digits, Latin words, punctuation) passes through unchanged. */
#ifndef VI_SYLLABLE_H
#define VI_SYLLABLE_H

#include <glib.h>

typedef enum {
  VI_TONE_NONE = 0, /* ngang */
  VI_TONE_ACUTE,    /* sắc  */
  VI_TONE_GRAVE,    /* huyền */
  VI_TONE_HOOK,     /* hỏi  */
  VI_TONE_TILDE,    /* ngã  */
  VI_TONE_DOT,      /* nặng */
} ViTone;

typedef enum {
  VI_STYLE_NEW, /* hoà, khoẻ, thuý — the scorer's canonical form */
  VI_STYLE_OLD, /* hòa, khỏe, thúy */
} ViToneStyle;

typedef enum { VI_KEYS_TELEX, VI_KEYS_VNI } ViKeys;

typedef enum {
  VI_TONEKEY_END,         /* quyeets: tone key at the end of the syllable */
  VI_TONEKEY_AFTER_VOWEL, /* quyeest: right after the toned vowel's keys */
} ViToneKeyPos;

/* Re-places the tone mark of every syllable per style (DOMAIN.md §4 rules). */
char *vi_syllable_place_tones (const char *text, ViToneStyle style);

/* Drops tone marks only (keep_vowel_marks) or all diacritics including
 * â ă ê ô ơ ư and đ→d (!keep_vowel_marks). Case is kept. */
char *vi_syllable_strip (const char *text, gboolean keep_vowel_marks);

/* Writes text as typed with the IME off: quyết định → "quyeets ddinhj"
 * (Telex, END) / "quye6t1 d9inh5" (VNI, END). */
char *vi_syllable_encode_keys (const char *text, ViKeys keys,
                               ViToneKeyPos pos);

/* Inverse of vi_syllable_encode_keys for either tone-key position. */
char *vi_syllable_decode_keys (const char *text, ViKeys keys);

/* Added by the syllable module (append-only): single-word helpers used by
 * the near-miss generator and the tests. */

/* TRUE when word (one token) parses as onset + vowel nucleus + coda with at
 * most one tone mark, e.g. "người", "quý", "GIÀ"; FALSE for "UBND", "15". */
gboolean vi_syllable_is_syllable (const char *word);

/* Tone of one syllable; VI_TONE_NONE when it has none or is no syllable. */
ViTone vi_syllable_tone (const char *word);

/* Returns word with its tone replaced by tone and placed per style (newly
 * allocated NFC, free with g_free); a non-syllable is returned as a copy. */
char *vi_syllable_set_tone (const char *word, ViTone tone, ViToneStyle style);

#endif
