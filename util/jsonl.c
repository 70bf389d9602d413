/* Past 800 lines: the line reader and the flat reader (a run log read
 * without cJSON, its strings, numbers and \u escapes scanned here) share
 * the UTF-8 check, the word-at-a-time scanning, the blank test and the
 * Reader that falls back to cJSON; apart they would need a private header.
 * The typed getters at the end (jsonl_get_*, jsonl_print) share nothing
 * with them and are what moves out first when the file grows again. */
#include "util/jsonl.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (vabench-jsonl-error-quark, jsonl_error)

static gboolean
is_blank (const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (s[i]))
      return FALSE;
  return TRUE;
}

/* Eight bytes at a time over the long plain runs of a log line (the
 * answers, the hashes): a byte-by-byte loop was most of reading it.
 * Words are loaded little-endian on every machine, so that the lowest
 * flagged byte of a word is the first in memory. */
#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGH (ONES << 7)

static guint64
load8 (const char *p)
{
  guint64 w;
  memcpy (&w, p, sizeof w); /* unaligned-safe */
  return GUINT64_FROM_LE (w);
}

/* The high bit of each byte of w below k (k ≤ 0x80), and maybe of bytes
 * after the first such byte (a borrow): the lowest flag is exact. */
static guint64
bytes_below (guint64 w, guchar k)
{
  return (w - ONES * k) & ~w & HIGH;
}

/* Bytes of w equal to b, flagged as bytes_below flags. */
static guint64
bytes_equal (guint64 w, guchar b)
{
  return bytes_below (w ^ (ONES * b), 1);
}

/* Index of the first byte in memory flagged in m (m ≠ 0). */
static guint
first_flagged (guint64 m)
{
#if defined(__GNUC__)
  return (guint) __builtin_ctzll (m) / 8;
#else
  guint i = 0;
  while ((m & 0x80) == 0) {
    m >>= 8;
    i++;
  }
  return i;
#endif
}

/* The length of the UTF-8 character at p if it is one of the common
 * forms that are surely valid (two bytes, three bytes below U+F000:
 * Vietnamese, punctuation), else 0 for g_utf8_validate_len to judge. */
G_ALWAYS_INLINE static inline gsize
utf8_common_len (const guchar *p, const guchar *end)
{
  guchar b = p[0];
#define CONT(x) (((x) & 0xC0) == 0x80)
  if (b >= 0xC2 && b <= 0xDF)
    return end - p >= 2 && CONT (p[1]) ? 2 : 0;
  if (b < 0xE0 || b > 0xEE || end - p < 3 || !CONT (p[1]) || !CONT (p[2]))
    return 0;
#undef CONT
  if (b == 0xE0 && p[1] < 0xA0) /* overlong */
    return 0;
  if (b == 0xED && p[1] >= 0xA0) /* a surrogate */
    return 0;
  return 3;
}

/* g_utf8_validate_len over the run of non-ASCII bytes at *p, which
 * starts a character: the rare forms utf8_common_len leaves. */
static gboolean
utf8_run_valid (const guchar **p, const guchar *end, const char **bad)
{
  const guchar *run = *p;
  while (*p < end && **p >= 0x80)
    (*p)++;
  const char *stop = NULL;
  if (!g_utf8_validate_len ((const char *) run, (gsize) (*p - run), &stop)) {
    *bad = stop;
    return FALSE;
  }
  return TRUE;
}

/* g_utf8_validate_len with the ASCII skipped a word at a time and the
 * common characters checked here: a UTF-8 text splits cleanly at
 * character boundaries, so validating the rest from one stops at the same
 * byte as validating the whole line. A call per run of non-ASCII bytes
 * was a fifth of reading a Vietnamese log line. NUL is invalid, as for
 * g_utf8_validate_len. */
static gboolean
valid_utf8 (const char *line, gsize len, const char **bad)
{
  const guchar *p = (const guchar *) line, *end = p + len;
  while (p < end) {
    if (end - p >= 8) {
      guint64 w = load8 ((const char *) p);
      guint64 m = (w & HIGH) | bytes_below (w, 1);
      if (m == 0) {
        p += 8;
        continue;
      }
      p += first_flagged (m);
    } else if (*p != 0 && *p < 0x80) {
      p++;
      continue;
    }
    if (*p == 0) {
      *bad = (const char *) p;
      return FALSE;
    }
    gsize n = utf8_common_len (p, end);
    if (n == 0 && !utf8_run_valid (&p, end, bad))
      return FALSE;
    p += n;
  }
  return TRUE;
}

/* ---- flat records without a tree ------------------------------------ */

struct _JsonlFlat {
  const char *const *names;
  guint n;
  JsonlFlatFunc func; /* jsonl_read_file_flat's */
  gpointer user;
  JsonlValue *values;
  gsize *name_lens;   /* strlen of each name, once */
  char *text;         /* the line's wanted strings, unescaped */
  gsize text_cap;
  cJSON *tree;        /* jsonl_flat_line: the last line read as a tree */
};
typedef JsonlFlat FlatCtx;

/* Past JSON blanks. A line written by vabench has none, so the first
 * test settles almost every call: the loop alone was 5 % of reading. */
G_ALWAYS_INLINE static inline const char *
flat_ws (const char *p, const char *end)
{
  if (p < end && (guchar) *p > ' ')
    return p;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
    p++;
  return p;
}

/* The wanted slot for a key, or -1 (not wanted, or seen before): the
 * first name equal to key whose value is not set yet. */
static int
flat_slot (const FlatCtx *c, const char *key, gsize len)
{
  for (guint i = 0; i < c->n; i++)
    if (c->name_lens[i] == len && c->values[i].type == 0
        && memcmp (c->names[i], key, len) == 0)
      return (int) i;
  return -1;
}

/* The first '"', '\\', control or non-ASCII byte in p[i, n), or n.
 * Eight bytes a step: a call to memchr per quote and per backslash cost
 * more than the two dozen short keys of a line take to scan. */
G_ALWAYS_INLINE static inline gsize
string_stop (const char *p, gsize i, gsize n)
{
  for (; i + 8 <= n; i += 8) {
    guint64 w = load8 (p + i);
    guint64 m = bytes_equal (w, '"') | bytes_equal (w, '\\')
                | bytes_below (w, 0x20) | (w & HIGH);
    if (m != 0)
      return i + first_flagged (m);
  }
  while (i < n && p[i] != '"' && p[i] != '\\' && (guchar) p[i] >= 0x20
         && (guchar) p[i] < 0x80)
    i++;
  return i;
}

/* The length of the valid UTF-8 character at p[0, n), or 0: the rare
 * forms, by g_utf8_validate_len. */
static gsize
utf8_rare_len (const char *p, gsize n)
{
  gsize len = (gsize) g_utf8_skip[(guchar) p[0]];
  return len <= n && g_utf8_validate_len (p, len, NULL) ? len : 0;
}

/* The length of the valid UTF-8 character at p[0, n), or 0. */
G_ALWAYS_INLINE static inline gsize
utf8_char_len (const char *p, gsize n)
{
  const guchar *u = (const guchar *) p;
  gsize len = utf8_common_len (u, u + n);
  return len != 0 ? len : utf8_rare_len (p, n);
}

/* Where the plain text of a JSON string at p ends: the first '"', '\\',
 * control byte or invalid UTF-8 in p[0, n), or n. The line's text is
 * checked here, in its strings, where all of its non-ASCII bytes must be:
 * a line that reads as flat is valid UTF-8, and a separate pass over it
 * all was a fifth of reading it. */
G_ALWAYS_INLINE static inline gsize
string_span (const char *p, gsize n)
{
  gsize i = string_stop (p, 0, n);
  while (i < n && (guchar) p[i] >= 0x80) {
    gsize len = utf8_char_len (p + i, n - i);
    if (len == 0)
      break;
    i = string_stop (p, i + len, n);
  }
  return i;
}

/* The byte a short escape stands for, or 0 (\u and unknown escapes go to
 * cJSON). */
static char
unescape (char e)
{
  static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
  const char *at = e != '\0' ? strchr (from, e) : NULL;
  return at ? to[at - from] : 0;
}

/* The four hex digits at p (end bounds them) as a number, or -1. */
static gint32
flat_hex4 (const char *p, const char *end)
{
  if (end - p < 4)
    return -1;
  gint32 v = 0;
  for (int i = 0; i < 4; i++) {
    int d = g_ascii_xdigit_value (p[i]);
    if (d < 0)
      return -1;
    v = v << 4 | d;
  }
  return v;
}

/* A \uXXXX escape at p (at the backslash), or a surrogate pair of two:
 * the code point, with *next past it; -1 for what cJSON refuses (a lone
 * surrogate) or reads its own way, which then decides. */
static gint32
flat_unicode (const char *p, const char *end, const char **next)
{
  gint32 u = flat_hex4 (p + 2, end);
  if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF))
    return -1;
  *next = p + 6;
  if (u < 0xD800 || u > 0xDBFF)
    return u;
  if (end - *next < 6 || (*next)[0] != '\\' || (*next)[1] != 'u')
    return -1;
  gint32 lo = flat_hex4 (*next + 2, end);
  if (lo < 0xDC00 || lo > 0xDFFF)
    return -1;
  *next += 6;
  return 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
}

/* p at the opening quote; returns the byte after the closing one, or NULL
 * for anything but plain text and escapes (control bytes, a lone
 * surrogate and a missing quote go to cJSON). If out is not NULL, the text
 * goes to *out with a NUL and *out moves past it; a \u0000 is kept as a
 * NUL byte inside the text (its length tells), which cJSON would cut. */
static const char *
flat_string (const char *p, const char *end, char **out)
{
  for (p++;;) {
    gsize span = string_span (p, (gsize) (end - p));
    if (out) {
      memcpy (*out, p, span);
      *out += span;
    }
    p += span;
    if (p >= end || *p == '"')
      break;
    if (*p == '\\' && p + 1 < end && p[1] == 'u') {
      const char *next = NULL;
      gint32 c = flat_unicode (p, end, &next);
      if (c < 0)
        return NULL;
      if (out)
        *out += g_unichar_to_utf8 ((gunichar) c, *out);
      p = next;
      continue;
    }
    char e = *p == '\\' && p + 1 < end ? unescape (p[1]) : 0;
    if (e == 0)
      return NULL;
    if (out)
      *(*out)++ = e;
    p += 2;
  }
  if (p >= end)
    return NULL;
  if (out)
    *(*out)++ = '\0';
  return p + 1;
}

static const char *
flat_digits (const char *p, const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p;
}

/* A number in strict JSON form, read as cJSON reads it (strtod) when v is
 * not NULL; an integer of up to 15 digits is exact, so it is converted
 * directly (strtod was the dearest part of a log line). */
static const char *
flat_number (const char *p, const char *end, double *v)
{
  const char *s = p;
  if (p < end && *p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    p = flat_digits (p, end);
  else
    return NULL;
  if (p < end && *p == '.') {
    const char *f = flat_digits (p + 1, end);
    if (f == p + 1)
      return NULL;
    p = f;
  }
  if (p < end && (*p == 'e' || *p == 'E')) {
    p++;
    if (p < end && (*p == '+' || *p == '-'))
      p++;
    const char *x = flat_digits (p, end);
    if (x == p)
      return NULL;
    p = x;
  }
  char buf[64];
  if ((gsize) (p - s) >= sizeof buf)
    return NULL;
  if (v == NULL)
    return p;
  gboolean neg = *s == '-';
  const char *d = s + neg;
  if (p - d <= 15 && flat_digits (d, p) == p) {
    gint64 i = 0;
    for (; d < p; d++)
      i = i * 10 + (*d - '0');
    *v = neg ? -(double) i : (double) i;
    return p;
  }
  memcpy (buf, s, (gsize) (p - s));
  buf[p - s] = '\0';
  *v = g_ascii_strtod (buf, NULL);
  return p;
}

/* true, false or null at p. */
static const char *
flat_literal (const char *p, const char *end, int *type)
{
  gsize left = (gsize) (end - p);
  if (left >= 4 && memcmp (p, "true", 4) == 0) {
    *type = cJSON_True;
    return p + 4;
  }
  if (left >= 5 && memcmp (p, "false", 5) == 0) {
    *type = cJSON_False;
    return p + 5;
  }
  if (left >= 4 && memcmp (p, "null", 4) == 0) {
    *type = cJSON_NULL;
    return p + 4;
  }
  return NULL;
}

/* One member's value at p; NULL to hand the line to cJSON. A wanted
 * string goes to *out (see flat_string). */
static const char *
flat_value (FlatCtx *c, int slot, const char *p, const char *end,
            char **out)
{
  JsonlValue v = { 0, NULL, 0, 0 };
  if (p >= end)
    return NULL;
  if (*p == '"') {
    v.str = slot >= 0 ? *out : NULL;
    p = flat_string (p, end, slot >= 0 ? out : NULL);
    v.type = cJSON_String;
    if (p && slot >= 0)
      v.len = (gsize) (*out - v.str) - 1; /* without the NUL */
  } else if (*p == '-' || g_ascii_isdigit (*p)) {
    p = flat_number (p, end, slot >= 0 ? &v.num : NULL);
    v.type = cJSON_Number;
  } else
    p = flat_literal (p, end, &v.type);
  if (p && slot >= 0)
    c->values[slot] = v;
  return p;
}

/* One "key": value at p, and the blanks after it; NULL to hand the line
 * to cJSON (also for a key with an escape or a control byte). */
static const char *
flat_member (FlatCtx *c, const char *p, const char *end, char **out)
{
  if (p >= end || *p != '"')
    return NULL;
  const char *key = p + 1;
  gsize len = string_span (key, (gsize) (end - key));
  if (key + len >= end || key[len] != '"')
    return NULL;
  p = flat_ws (key + len + 1, end);
  if (p >= end || *p != ':')
    return NULL;
  int slot = flat_slot (c, key, len);
  p = flat_value (c, slot, flat_ws (p + 1, end), end, out);
  return p ? flat_ws (p, end) : NULL;
}

/* Room for the wanted strings of a line of len bytes: unescaped text is
 * never longer than its source, plus a NUL per name. */
static char *
flat_text (FlatCtx *c, gsize len)
{
  if (c->text_cap < len + c->n + 1) {
    c->text_cap = MAX (len + c->n + 1, 2 * c->text_cap);
    g_free (c->text);
    c->text = g_malloc (c->text_cap);
  }
  return c->text;
}

/* Reads line as a flat object of scalars into c->values; FALSE when it is
 * anything else (cJSON then decides). */
static gboolean
flat_parse (FlatCtx *c, const char *line, gsize len)
{
  const char *p = line, *end = line + len;
  char *out = flat_text (c, len);
  memset (c->values, 0, c->n * sizeof *c->values);
  p = flat_ws (p, end);
  if (p >= end || *p != '{')
    return FALSE;
  p = flat_ws (p + 1, end);
  if (p < end && *p != '}')
    for (;;) {
      p = flat_member (c, p, end, &out);
      if (p == NULL)
        return FALSE;
      if (p >= end || *p != ',')
        break;
      p = flat_ws (p + 1, end);
    }
  return p < end && *p == '}' && is_blank (p + 1, (gsize) (end - p - 1));
}

/* c->values from a tree (borrowing its strings). */
static void
flat_values_of_tree (FlatCtx *c, const cJSON *obj)
{
  const cJSON **m = g_newa (const cJSON *, MAX (c->n, 1));
  jsonl_get_members (obj, c->names, c->n, m);
  for (guint i = 0; i < c->n; i++) {
    JsonlValue v = { 0, NULL, 0, 0 };
    int t = m[i] ? (m[i]->type & 0xff) : 0;
    if (t == cJSON_String || t == cJSON_Number || t == cJSON_True
        || t == cJSON_False || t == cJSON_NULL) {
      v.type = t;
      v.str = t == cJSON_String ? m[i]->valuestring : NULL;
      v.len = v.str ? strlen (v.str) : 0;
      v.num = t == cJSON_Number ? m[i]->valuedouble : 0;
    }
    c->values[i] = v;
  }
}

/* The cJSON way, for lines flat_parse hands over. */
static gboolean
flat_from_tree (cJSON *obj, guint line, gpointer user, GError **error)
{
  FlatCtx *c = user;
  flat_values_of_tree (c, obj);
  return c->func (c->values, line, c->user, error);
}

/* One read: where lines go and how they may be kept. */
typedef struct {
  const char *name;
  JsonlLineFunc func;
  gpointer user;
  FlatCtx *flat;       /* flat records read without a tree, or NULL */
  gboolean *torn_tail; /* a torn last line is tolerated, or NULL */
} Reader;

static gboolean read_tree (const Reader *rd, const char *line, gsize len,
                           guint lineno, gboolean last_unterminated,
                           gboolean *done, GError **error);

static gboolean
read_one_line (const Reader *rd, const char *line, gsize len, guint lineno,
               gboolean last_unterminated, gboolean *done, GError **error)
{
  const char *name = rd->name;
  gboolean *torn_tail = rd->torn_tail;
  FlatCtx *flat = rd->flat;
  *done = FALSE;
  /* A line read as flat is valid UTF-8 (see string_span); any other is
   * checked whole before cJSON sees it. */
  if (flat && flat_parse (flat, line, len)) {
    if (!flat->func (flat->values, lineno, flat->user, error)) {
      g_prefix_error (error, "%s:%u: ", name, lineno);
      return FALSE;
    }
    return TRUE;
  }
  const char *bad = NULL;
  if (!valid_utf8 (line, len, &bad)) {
    if (torn_tail && last_unterminated) {
      *torn_tail = TRUE;
      *done = TRUE;
      return TRUE;
    }
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_UTF8,
                 "%s:%u: invalid UTF-8 at byte %ld of the line", name, lineno,
                 (long) (bad - line) + 1);
    return FALSE;
  }
  return read_tree (rd, line, len, lineno, last_unterminated, done, error);
}

static gboolean
read_tree (const Reader *rd, const char *line, gsize len, guint lineno,
           gboolean last_unterminated, gboolean *done, GError **error)
{
  const char *name = rd->name;
  gboolean *torn_tail = rd->torn_tail;
  const char *end = NULL;
  g_autoptr (cJSON) obj = cJSON_ParseWithLengthOpts (line, len, &end, FALSE);
  if (obj == NULL || !is_blank (end, (gsize) (line + len - end))) {
    if (torn_tail && last_unterminated) {
      *torn_tail = TRUE;
      *done = TRUE;
      return TRUE;
    }
    const char *at = obj ? end : cJSON_GetErrorPtr ();
    long col = (at && at >= line && at <= line + len) ? (long) (at - line) + 1
                                                      : 1;
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_SYNTAX,
                 "%s:%u: invalid JSON near column %ld", name, lineno, col);
    return FALSE;
  }
  if (!cJSON_IsObject (obj)) {
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_TYPE,
                 "%s:%u: a line must be one JSON object", name, lineno);
    return FALSE;
  }
  if (!rd->func (obj, lineno, rd->user, error)) {
    g_prefix_error (error, "%s:%u: ", name, lineno);
    return FALSE;
  }
  return TRUE;
}

/* Where a read is, across the chunks of a file. */
typedef struct {
  guint lineno, records;
  gboolean done; /* a torn last line ended the read */
} ReadState;

/* Reads the complete lines of data[0, len) — and, at the end of the
 * input, the last one without its '\n' — and returns how many bytes it
 * consumed (up to G_MAXSIZE on error; error is set then). */
static gsize
read_lines (const Reader *rd, ReadState *st, const char *data, gsize len,
            gboolean at_end, GError **error)
{
  gsize pos = 0;
  while (pos < len && !st->done) {
    const char *nl = memchr (data + pos, '\n', len - pos);
    if (nl == NULL && !at_end)
      break; /* the rest of this line is in the next chunk */
    gsize end = nl ? (gsize) (nl - data) : len;
    st->lineno++;
    if (!is_blank (data + pos, end - pos)) {
      if (!read_one_line (rd, data + pos, end - pos, st->lineno, nl == NULL,
                          &st->done, error))
        return G_MAXSIZE;
      if (!st->done)
        st->records++;
    }
    pos = end + 1;
  }
  return MIN (pos, len);
}

static gboolean
read_finish (const Reader *rd, const ReadState *st, GError **error)
{
  if (st->records == 0 && !(rd->torn_tail && *rd->torn_tail)) {
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_EMPTY,
                 "%s:1: the file holds no record", rd->name);
    return FALSE;
  }
  return TRUE;
}

static gboolean
read_buffer (const Reader *rd, const char *data, gsize len, GError **error)
{
  if (rd->torn_tail)
    *rd->torn_tail = FALSE;
  ReadState st = { 0 };
  return read_lines (rd, &st, data, len, TRUE, error) != G_MAXSIZE
         && read_finish (rd, &st, error);
}

gboolean
jsonl_read_buffer (const char *name, const char *data, gsize len,
                   JsonlLineFunc func, gpointer user, gboolean *torn_tail,
                   GError **error)
{
  Reader rd = { name, func, user, NULL, torn_tail };
  return read_buffer (&rd, data, len, error);
}

/* A file is read a megabyte at a time into one buffer, not whole: a
 * 100 MB run log no longer needs 100 MB of fresh memory (and a page fault
 * per 4 KB of it) before its first line is read. */
#define READ_CHUNK ((gsize) 1 << 20)

static gboolean
read_file (Reader *rd, const char *path, GError **error)
{
  rd->name = path;
  if (rd->torn_tail)
    *rd->torn_tail = FALSE;
  FILE *f = fopen (path, "rb");
  if (f == NULL) {
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_IO, "%s: %s", path,
                 g_strerror (errno));
    return FALSE;
  }
  gsize cap = READ_CHUNK, have = 0;
  g_autofree char *buf = g_malloc (cap);
  ReadState st = { 0 };
  gboolean ok = TRUE, at_end = FALSE;
  while (ok && !at_end && !st.done) {
    if (cap - have < READ_CHUNK / 2) /* a line longer than the buffer */
      buf = g_realloc (buf, cap *= 2);
    gsize got = fread (buf + have, 1, cap - have, f);
    have += got;
    if (got == 0) {
      if (ferror (f)) {
        g_set_error (error, JSONL_ERROR, JSONL_ERROR_IO, "%s: %s", path,
                     g_strerror (errno));
        ok = FALSE;
        break;
      }
      at_end = TRUE;
    }
    gsize used = read_lines (rd, &st, buf, have, at_end, error);
    if (used == G_MAXSIZE) {
      ok = FALSE;
      break;
    }
    memmove (buf, buf + used, have - used);
    have -= used;
  }
  fclose (f);
  return ok && read_finish (rd, &st, error);
}

gboolean
jsonl_read_file (const char *path, JsonlLineFunc func, gpointer user,
                 gboolean *torn_tail, GError **error)
{
  Reader rd = { path, func, user, NULL, torn_tail };
  return read_file (&rd, path, error);
}

JsonlFlat *
jsonl_flat_new (const char *const *names, guint n)
{
  JsonlFlat *c = g_new0 (JsonlFlat, 1);
  c->names = names;
  c->n = n;
  c->values = g_new0 (JsonlValue, MAX (n, 1));
  c->name_lens = g_new0 (gsize, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    c->name_lens[i] = strlen (names[i]);
  return c;
}

void
jsonl_flat_free (JsonlFlat *c)
{
  if (c == NULL)
    return;
  cJSON_Delete (c->tree);
  g_free (c->values);
  g_free (c->name_lens);
  g_free (c->text);
  g_free (c);
}

const JsonlValue *
jsonl_flat_line (JsonlFlat *c, const char *line, gsize len)
{
  cJSON_Delete (g_steal_pointer (&c->tree));
  if (flat_parse (c, line, len))
    return c->values;
  const char *bad = NULL, *end = NULL;
  if (!valid_utf8 (line, len, &bad))
    return NULL;
  c->tree = cJSON_ParseWithLengthOpts (line, len, &end, FALSE);
  if (c->tree == NULL || !cJSON_IsObject (c->tree)
      || !is_blank (end, (gsize) (line + len - end)))
    return NULL;
  flat_values_of_tree (c, c->tree);
  return c->values;
}

gboolean
jsonl_read_file_flat (const char *path, const char *const *names, guint n,
                      JsonlFlatFunc func, gpointer user, gboolean *torn_tail,
                      GError **error)
{
  g_autoptr (JsonlFlat) c = jsonl_flat_new (names, n);
  c->func = func;
  c->user = user;
  Reader rd = { path, flat_from_tree, c, c, torn_tail };
  return read_file (&rd, path, error);
}

static const char *
type_name (const cJSON *n)
{
  if (cJSON_IsString (n))
    return "a string";
  if (cJSON_IsNumber (n))
    return "a number";
  if (cJSON_IsBool (n))
    return "a boolean";
  if (cJSON_IsArray (n))
    return "an array";
  if (cJSON_IsObject (n))
    return "an object";
  return "null";
}

/* Looks the field up and checks presence; *found FALSE when optional+absent. */
static gboolean
lookup (const cJSON *obj, const char *field, gboolean optional,
        const cJSON **node, GError **error)
{
  *node = cJSON_GetObjectItemCaseSensitive (obj, field);
  if (*node == NULL && !optional) {
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_MISSING,
                 "field \"%s\": missing", field);
    return FALSE;
  }
  return TRUE;
}

static gboolean
wrong_type (const cJSON *node, const char *field, const char *want,
            GError **error)
{
  g_set_error (error, JSONL_ERROR, JSONL_ERROR_TYPE,
               "field \"%s\": expected %s, found %s", field, want,
               type_name (node));
  return FALSE;
}

gboolean
jsonl_get_string (const cJSON *obj, const char *field, gboolean optional,
                  const char **out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n == NULL)
    return TRUE;
  if (!cJSON_IsString (n))
    return wrong_type (n, field, "a string", error);
  *out = n->valuestring;
  return TRUE;
}

gboolean
jsonl_get_number (const cJSON *obj, const char *field, gboolean optional,
                  double *out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n == NULL)
    return TRUE;
  if (!cJSON_IsNumber (n))
    return wrong_type (n, field, "a number", error);
  *out = n->valuedouble;
  return TRUE;
}

gboolean
jsonl_get_bool (const cJSON *obj, const char *field, gboolean optional,
                gboolean *out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n == NULL)
    return TRUE;
  if (!cJSON_IsBool (n))
    return wrong_type (n, field, "a boolean", error);
  *out = cJSON_IsTrue (n);
  return TRUE;
}

gboolean
jsonl_get_strv (const cJSON *obj, const char *field, gboolean optional,
                char ***out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n == NULL)
    return TRUE;
  if (!cJSON_IsArray (n))
    return wrong_type (n, field, "an array of strings", error);
  g_autoptr (GPtrArray) v = g_ptr_array_new_with_free_func (g_free);
  int i = 0;
  const cJSON *e;
  cJSON_ArrayForEach (e, n)
  {
    if (!cJSON_IsString (e)) {
      g_set_error (error, JSONL_ERROR, JSONL_ERROR_TYPE,
                   "field \"%s[%d]\": expected a string, found %s", field, i,
                   type_name (e));
      return FALSE;
    }
    g_ptr_array_add (v, g_strdup (e->valuestring));
    i++;
  }
  g_ptr_array_add (v, NULL);
  *out = (char **) g_ptr_array_steal (v, NULL);
  return TRUE;
}

gboolean
jsonl_get_array (const cJSON *obj, const char *field, gboolean optional,
                 const cJSON **out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n != NULL && !cJSON_IsArray (n))
    return wrong_type (n, field, "an array", error);
  *out = n;
  return TRUE;
}

gboolean
jsonl_get_object (const cJSON *obj, const char *field, gboolean optional,
                  const cJSON **out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n != NULL && !cJSON_IsObject (n))
    return wrong_type (n, field, "an object", error);
  *out = n;
  return TRUE;
}

void
jsonl_get_members (const cJSON *obj, const char *const *names, guint n,
                   const cJSON **out)
{
  guint left = n;
  for (guint i = 0; i < n; i++)
    out[i] = NULL;
  for (const cJSON *c = obj ? obj->child : NULL; c && left; c = c->next) {
    if (c->string == NULL)
      continue;
    for (guint i = 0; i < n; i++)
      if (out[i] == NULL && c->string[0] == names[i][0]
          && strcmp (c->string, names[i]) == 0) {
        out[i] = c;
        left--;
        break;
      }
  }
}

char *
jsonl_print (const cJSON *obj)
{
  char *s = cJSON_PrintUnformatted (obj);
  char *copy = g_strdup (s);
  cJSON_free (s);
  return copy;
}
