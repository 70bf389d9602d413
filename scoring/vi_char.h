/* One character of UTF-8 text, and whether it is a letter or a digit, with
 * the Vietnamese letters answered without GLib's Unicode tables. Every
 * matcher walks answers a character at a time; a g_utf8_get_char plus a
 * g_unichar_isalpha call per character was a tenth of judging. Anything
 * outside the fast ranges gets GLib's answer, so results are the same. */
#ifndef VB_VI_CHAR_H
#define VB_VI_CHAR_H

#include <glib.h>

static inline gboolean
vi_char_is_cont (const char *p)
{
  return ((guchar) *p & 0xC0) == 0x80;
}

/* The character at p, as g_utf8_get_char reads it. Two- and three-byte
 * forms (every Vietnamese letter) are decoded here; a sequence cut short
 * by the end of the text is left to GLib. */
static inline gunichar
vi_char_at (const char *p)
{
  guchar b = (guchar) p[0];
  if (b < 0x80)
    return b;
  if (b >= 0xC2 && b < 0xE0 && vi_char_is_cont (p + 1))
    return ((gunichar) (b & 0x1F) << 6) | ((guchar) p[1] & 0x3F);
  if (b >= 0xE0 && b < 0xF0 && vi_char_is_cont (p + 1)
      && vi_char_is_cont (p + 2)) {
    gunichar c = ((gunichar) (b & 0x0F) << 12)
                 | ((gunichar) ((guchar) p[1] & 0x3F) << 6)
                 | ((guchar) p[2] & 0x3F);
    if (c >= 0x800)
      return c;
  }
  return g_utf8_get_char (p);
}

/* Latin-1 letters (but × and ÷), Latin Extended-A and Latin Extended
 * Additional hold every Vietnamese letter, and every character there is a
 * letter (UnicodeData.txt). */
static inline gboolean
vi_char_in_letter_block (gunichar c)
{
  return (c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7)
         || (c >= 0x1E00 && c <= 0x1EFF);
}

static inline gboolean
vi_char_isalpha (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha ((char) c);
  return vi_char_in_letter_block (c) || g_unichar_isalpha (c);
}

static inline gboolean
vi_char_isalnum (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum ((char) c);
  return vi_char_in_letter_block (c) || g_unichar_isalnum (c);
}

static inline gboolean
vi_char_alpha_at (const char *p)
{
  return vi_char_isalpha (vi_char_at (p));
}

static inline gboolean
vi_char_alnum_at (const char *p)
{
  return vi_char_isalnum (vi_char_at (p));
}

#endif
