/* A byte-at-a-time JSON state machine with a stack of open containers.
 * Each container knows its role for the pointer (on its path, the array
 * at the pointer, or an element object whose "text" is wanted), so when a
 * value starts the reader knows at once whether its bytes are wanted:
 * nothing is kept but the picked text and the stack. */
#include "util/jsonpick.h"

#include <string.h>

typedef enum {
  ST_VALUE,       /* a value must come */
  ST_VALUE_OR_CLOSE, /* after '[' */
  ST_KEY_OR_CLOSE,   /* after '{' */
  ST_KEY,         /* after ',' in an object */
  ST_COLON,
  ST_AFTER,       /* after a value: ',' or a closing bracket */
  ST_DONE,        /* the top value is over: blanks only */
  ST_STRING,
  ST_ESCAPE,
  ST_HEX,         /* \uXXXX digits */
  ST_LOW_BACKSLASH, /* a high surrogate wants "\u" and a low one */
  ST_LOW_U,
  ST_NUM_MINUS, ST_NUM_ZERO, ST_NUM_INT, ST_NUM_DOT, ST_NUM_FRAC,
  ST_NUM_E, ST_NUM_ESIGN, ST_NUM_EXP,
  ST_LITERAL,
  ST_ERROR,
} State;

typedef enum {
  ROLE_NONE,
  ROLE_PATH,         /* this container is on the pointer's path */
  ROLE_TARGET_ARRAY, /* the array at the pointer */
  ROLE_PART_OBJECT,  /* an element object of the target array */
} Role;

typedef enum {
  STR_IGNORE,
  STR_KEY,    /* a key compared with the wanted name */
  STR_PICK,   /* picked text */
} StrUse;

/* Eight bytes: a reader is made per answer, and a stack of 64 frames
 * twice this size made it a "large" allocation, for which malloc first
 * consolidates its free lists. */
typedef struct {
  char kind;            /* '{' or '[' */
  guint8 role;
  guint8 taken;         /* object: a member already matched */
  guint8 child_match;   /* the current member or element is wanted */
  guint32 index;        /* array: the current element */
} Frame;

typedef struct {
  char *name;
  gsize len;
  gint64 index; /* as an array index, or -1 */
} Segment;

struct _JsonPick {
  Segment *segs;
  guint n_segs;
  gboolean arrays;
  GString *out;
  gsize start_len;
  State st;
  Frame stack[JSONPICK_MAX_DEPTH];
  guint depth;
  JsonPickFound found;
  gboolean picked;
  /* the string being read */
  StrUse use;
  gboolean in_key;
  const char *want; /* STR_KEY: the wanted name */
  gsize want_len, key_pos;
  gboolean key_ok;
  guint hex_left;
  guint32 hex, high;
  /* a literal being matched */
  const char *lit;
};

static const Segment text_seg = { (char *) "text", 4, -1 };

static gint64
segment_index (const char *s, gsize len)
{
  if (len == 0 || len > 9 || (len > 1 && s[0] == '0'))
    return -1;
  gint64 v = 0;
  for (gsize i = 0; i < len; i++) {
    if (!g_ascii_isdigit (s[i]))
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/* One allocation for the reader, its segments and their decoded names:
 * a reader is made per answer read. */
JsonPick *
jsonpick_new (const char *pointer, gboolean arrays, GString *out)
{
  gsize plen = pointer ? strlen (pointer) : 0;
  /* The first byte separates whatever it is (a pointer starts with '/'). */
  guint n = plen > 0;
  for (gsize i = 1; i < plen; i++)
    n += pointer[i] == '/';
  /* Not zeroed: the stack (a kilobyte) is written before it is read. */
  JsonPick *p = g_malloc (sizeof *p + n * sizeof (Segment) + plen + 1);
  memset (p, 0, G_STRUCT_OFFSET (JsonPick, stack));
  memset ((char *) p + G_STRUCT_OFFSET (JsonPick, stack) + sizeof p->stack, 0,
          sizeof *p - G_STRUCT_OFFSET (JsonPick, stack) - sizeof p->stack);
  p->segs = (Segment *) (p + 1);
  char *names = (char *) (p->segs + n);
  p->n_segs = n;
  p->arrays = arrays;
  p->out = out;
  /* RFC 6901: "/" separates; "~1" is '/', "~0" is '~' (in that order,
   * which a single left-to-right pass gives). */
  for (gsize i = 1, k = (gsize) -1; i <= plen; i++) {
    if (i == 1 || pointer[i - 1] == '/') {
      k++;
      p->segs[k].name = names;
    }
    if (i == plen || pointer[i] == '/') {
      p->segs[k].len = (gsize) (names - p->segs[k].name);
      p->segs[k].index = segment_index (p->segs[k].name, p->segs[k].len);
      *names++ = '\0';
      continue;
    }
    char c = pointer[i];
    if (c == '~' && i + 1 < plen && (pointer[i + 1] == '0'
                                     || pointer[i + 1] == '1'))
      c = pointer[++i] == '1' ? '/' : '~';
    *names++ = c;
  }
  jsonpick_reset (p);
  return p;
}

void
jsonpick_free (JsonPick *p)
{
  g_free (p);
}

void
jsonpick_reset (JsonPick *p)
{
  p->st = ST_VALUE;
  p->depth = 0;
  p->found = JSONPICK_NONE;
  p->picked = FALSE;
  p->start_len = p->out->len;
}

JsonPickFound
jsonpick_found (const JsonPick *p)
{
  return p->found;
}

gboolean
jsonpick_picked_any (const JsonPick *p)
{
  return p->picked;
}

/* ---- where a value stands ---- */

typedef enum {
  AT_NONE,
  AT_PATH,   /* on the path, not yet at its end */
  AT_TARGET, /* at the pointer */
  AT_PART,   /* a string here is one part of the target array's text */
  AT_ELEMENT /* an element of the target array */
} At;

static At
value_at (const JsonPick *p)
{
  if (p->depth == 0)
    return p->n_segs == 0 ? AT_TARGET : AT_PATH;
  const Frame *f = &p->stack[p->depth - 1];
  switch (f->role) {
  case ROLE_PATH:
    if (!f->child_match)
      return AT_NONE;
    return p->depth == p->n_segs ? AT_TARGET : AT_PATH;
  case ROLE_TARGET_ARRAY:
    return AT_ELEMENT;
  case ROLE_PART_OBJECT:
    return f->child_match ? AT_PART : AT_NONE;
  default:
    return AT_NONE;
  }
}

/* A value ended: the container decides what may follow. */
static void
value_ends (JsonPick *p)
{
  p->st = p->depth == 0 ? ST_DONE : ST_AFTER;
}

static gboolean
push (JsonPick *p, char kind, Role role)
{
  if (p->depth >= JSONPICK_MAX_DEPTH)
    return FALSE;
  Frame *f = &p->stack[p->depth++];
  f->kind = kind;
  f->role = (guint8) role;
  f->taken = FALSE;
  f->child_match = FALSE;
  f->index = 0;
  return TRUE;
}

/* An array element starts: is it the one on the path? */
static void
element_starts (JsonPick *p)
{
  Frame *f = &p->stack[p->depth - 1];
  f->child_match = f->role == ROLE_PATH
                   && p->segs[p->depth - 1].index == (gint64) f->index;
}

static void
begin_pick (JsonPick *p, gboolean part)
{
  p->use = STR_PICK;
  if (part && p->out->len > p->start_len)
    g_string_append_c (p->out, '\n');
}

/* A value starts with byte c (not a blank); FALSE when no value can. */
static gboolean
value_starts (JsonPick *p, char c)
{
  At at = value_at (p);
  if (at == AT_TARGET && p->found == JSONPICK_NONE)
    p->found = c == '"'                 ? JSONPICK_STRING
               : c == '[' && p->arrays ? JSONPICK_ARRAY
                                        : JSONPICK_OTHER;
  else if (at == AT_TARGET)
    at = AT_NONE; /* cannot happen twice: first member wins */
  switch (c) {
  case '"':
    p->st = ST_STRING;
    p->use = STR_IGNORE;
    p->in_key = FALSE;
    if (at == AT_TARGET)
      begin_pick (p, FALSE);
    else if (at == AT_PART || at == AT_ELEMENT)
      begin_pick (p, TRUE);
    return TRUE;
  case '{': {
    Role r = at == AT_PATH      ? ROLE_PATH
             : at == AT_ELEMENT ? ROLE_PART_OBJECT
                                : ROLE_NONE;
    p->st = ST_KEY_OR_CLOSE;
    return push (p, '{', r);
  }
  case '[': {
    Role r = at == AT_PATH                     ? ROLE_PATH
             : at == AT_TARGET && p->arrays ? ROLE_TARGET_ARRAY
                                              : ROLE_NONE;
    p->st = ST_VALUE_OR_CLOSE;
    if (!push (p, '[', r))
      return FALSE;
    element_starts (p);
    return TRUE;
  }
  case '-':
    p->st = ST_NUM_MINUS;
    return TRUE;
  case '0':
    p->st = ST_NUM_ZERO;
    return TRUE;
  case 't':
    p->lit = "rue";
    p->st = ST_LITERAL;
    return TRUE;
  case 'f':
    p->lit = "alse";
    p->st = ST_LITERAL;
    return TRUE;
  case 'n':
    p->lit = "ull";
    p->st = ST_LITERAL;
    return TRUE;
  default:
    if (c >= '1' && c <= '9') {
      p->st = ST_NUM_INT;
      return TRUE;
    }
    return FALSE;
  }
}

/* A key starts: compared only where a name is wanted. */
static void
key_starts (JsonPick *p)
{
  Frame *f = &p->stack[p->depth - 1];
  p->st = ST_STRING;
  p->use = STR_IGNORE;
  p->in_key = TRUE;
  if (f->taken)
    return;
  const Segment *s = f->role == ROLE_PATH          ? &p->segs[p->depth - 1]
                     : f->role == ROLE_PART_OBJECT ? &text_seg
                                                   : NULL;
  if (s == NULL)
    return;
  p->use = STR_KEY;
  p->want = s->name;
  p->want_len = s->len;
  p->key_pos = 0;
  p->key_ok = TRUE;
}

static void
string_ends (JsonPick *p)
{
  if (!p->in_key) {
    value_ends (p);
    return;
  }
  p->in_key = FALSE;
  p->st = ST_COLON;
  Frame *f = &p->stack[p->depth - 1];
  f->child_match = p->use == STR_KEY && p->key_ok && p->key_pos == p->want_len;
  if (f->child_match)
    f->taken = TRUE;
}

/* Decoded bytes of the current string. */
static void
put (JsonPick *p, const char *s, gsize n)
{
  if (p->use == STR_PICK) {
    g_string_append_len (p->out, s, (gssize) n);
    p->picked = TRUE;
  } else if (p->use == STR_KEY && p->key_ok) {
    if (p->key_pos + n <= p->want_len
        && memcmp (p->want + p->key_pos, s, n) == 0)
      p->key_pos += n;
    else
      p->key_ok = FALSE;
  }
}

static void
put_code_point (JsonPick *p, gunichar c)
{
  char buf[6];
  put (p, buf, (gsize) g_unichar_to_utf8 (c, buf));
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The four hex digits are in: a code point, or half of a pair. */
static gboolean
hex_done (JsonPick *p)
{
  guint32 u = p->hex;
  if (p->high != 0) {
    if (u < 0xDC00 || u > 0xDFFF)
      return FALSE; /* a high surrogate alone, as cJSON refuses it */
    put_code_point (p, 0x10000 + ((p->high - 0xD800) << 10) + (u - 0xDC00));
    p->high = 0;
    p->st = ST_STRING;
    return TRUE;
  }
  if (u >= 0xDC00 && u <= 0xDFFF)
    return FALSE;
  if (u >= 0xD800 && u <= 0xDBFF) {
    p->high = u;
    p->st = ST_LOW_BACKSLASH;
    return TRUE;
  }
  put_code_point (p, u);
  p->st = ST_STRING;
  return TRUE;
}

static gboolean
escape (JsonPick *p, char c)
{
  static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
  if (c == 'u') {
    p->st = ST_HEX;
    p->hex_left = 4;
    p->hex = 0;
    return TRUE;
  }
  const char *at = c != '\0' ? strchr (from, c) : NULL;
  if (at == NULL)
    return FALSE;
  put (p, &to[at - from], 1);
  p->st = ST_STRING;
  return TRUE;
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* After a value inside a container, or a closing bracket. */
static gboolean
after (JsonPick *p, char c)
{
  if (is_blank (c))
    return TRUE;
  if (p->depth == 0)
    return FALSE;
  Frame *f = &p->stack[p->depth - 1];
  if (c == ',') {
    if (f->kind == '[') {
      f->index++;
      element_starts (p);
      p->st = ST_VALUE;
    } else {
      f->child_match = FALSE;
      p->st = ST_KEY;
    }
    return TRUE;
  }
  if ((c == ']' && f->kind == '[') || (c == '}' && f->kind == '{')) {
    p->depth--;
    value_ends (p);
    return TRUE;
  }
  return FALSE;
}

/* The byte after a number, which the number does not take. */
static gboolean
number_ends (JsonPick *p, char c)
{
  value_ends (p);
  if (p->st == ST_DONE)
    return is_blank (c);
  return after (p, c);
}

static gboolean
number (JsonPick *p, char c)
{
  gboolean digit = c >= '0' && c <= '9';
  switch (p->st) {
  case ST_NUM_MINUS:
    if (c == '0')
      p->st = ST_NUM_ZERO;
    else if (digit)
      p->st = ST_NUM_INT;
    else
      return FALSE;
    return TRUE;
  case ST_NUM_ZERO:
  case ST_NUM_INT:
    if (digit && p->st == ST_NUM_INT)
      return TRUE;
    if (digit)
      return FALSE; /* a leading zero */
    if (c == '.')
      p->st = ST_NUM_DOT;
    else if (c == 'e' || c == 'E')
      p->st = ST_NUM_E;
    else
      return number_ends (p, c);
    return TRUE;
  case ST_NUM_DOT:
    if (!digit)
      return FALSE;
    p->st = ST_NUM_FRAC;
    return TRUE;
  case ST_NUM_FRAC:
    if (digit)
      return TRUE;
    if (c == 'e' || c == 'E') {
      p->st = ST_NUM_E;
      return TRUE;
    }
    return number_ends (p, c);
  case ST_NUM_E:
    if (c == '+' || c == '-') {
      p->st = ST_NUM_ESIGN;
      return TRUE;
    }
    /* fall through */
  case ST_NUM_ESIGN:
    if (!digit)
      return FALSE;
    p->st = ST_NUM_EXP;
    return TRUE;
  case ST_NUM_EXP:
    if (digit)
      return TRUE;
    return number_ends (p, c);
  default:
    return FALSE;
  }
}

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGH (ONES << 7)

/* Bytes of w below k (< 0x80) flagged in their high bit; the first one in
 * memory is exact (a borrow can only flag bytes after it). */
G_ALWAYS_INLINE static inline guint64
below (guint64 w, guchar k)
{
  return (w - ONES * k) & ~w & HIGH;
}

/* The plain bytes of a string from data[i]: how many there are before a
 * quote, a backslash or a control byte, eight at a time (an answer is
 * mostly plain text). */
static gsize
plain_run (const char *data, gsize i, gsize len)
{
  gsize j = i;
  for (; j + 8 <= len; j += 8) {
    guint64 w;
    memcpy (&w, data + j, 8);
    w = GUINT64_FROM_LE (w); /* the first byte lowest, on any machine */
    guint64 m = below (w, 0x20) | below (w ^ (ONES * '"'), 1)
                | below (w ^ (ONES * '\\'), 1);
    if (m != 0)
      return j + (gsize) __builtin_ctzll (m) / 8 - i;
  }
  while (j < len && data[j] != '"' && data[j] != '\\'
         && (guchar) data[j] >= 0x20)
    j++;
  return j - i;
}

static gboolean
step (JsonPick *p, char c)
{
  switch (p->st) {
  case ST_VALUE_OR_CLOSE:
    if (c == ']') {
      p->depth--;
      value_ends (p);
      return TRUE;
    }
    /* fall through */
  case ST_VALUE:
    if (is_blank (c))
      return TRUE;
    return value_starts (p, c);
  case ST_KEY_OR_CLOSE:
    if (c == '}') {
      p->depth--;
      value_ends (p);
      return TRUE;
    }
    /* fall through */
  case ST_KEY:
    if (is_blank (c))
      return TRUE;
    if (c != '"')
      return FALSE;
    key_starts (p);
    return TRUE;
  case ST_COLON:
    if (is_blank (c))
      return TRUE;
    if (c != ':')
      return FALSE;
    p->st = ST_VALUE;
    return TRUE;
  case ST_AFTER:
    return after (p, c);
  case ST_DONE:
    return is_blank (c);
  case ST_STRING:
    if (c == '"') {
      string_ends (p);
      return TRUE;
    }
    if (c == '\\') {
      p->st = ST_ESCAPE;
      return TRUE;
    }
    if ((guchar) c < 0x20)
      return FALSE; /* a raw control byte, NUL included, is not JSON */
    put (p, &c, 1);
    return TRUE;
  case ST_ESCAPE:
    return escape (p, c);
  case ST_HEX: {
    int v = hex_value (c);
    if (v < 0)
      return FALSE;
    p->hex = p->hex << 4 | (guint32) v;
    if (--p->hex_left > 0)
      return TRUE;
    return hex_done (p);
  }
  case ST_LOW_BACKSLASH:
    if (c != '\\')
      return FALSE;
    p->st = ST_LOW_U;
    return TRUE;
  case ST_LOW_U:
    if (c != 'u')
      return FALSE;
    p->st = ST_HEX;
    p->hex_left = 4;
    p->hex = 0;
    return TRUE;
  case ST_LITERAL:
    if (c != *p->lit)
      return FALSE;
    if (*++p->lit == '\0')
      value_ends (p);
    return TRUE;
  case ST_ERROR:
    return FALSE;
  default:
    return number (p, c);
  }
}

gboolean
jsonpick_feed (JsonPick *p, const char *data, gsize len)
{
  for (gsize i = 0; i < len; i++) {
    if (p->st == ST_STRING) {
      /* Runs of plain text are copied at once. */
      gsize n = plain_run (data, i, len);
      if (n > 0) {
        put (p, data + i, n);
        i += n;
        if (i == len)
          break;
      }
    }
    if (!step (p, data[i])) {
      p->st = ST_ERROR;
      return FALSE;
    }
  }
  return TRUE;
}

gboolean
jsonpick_end (JsonPick *p)
{
  switch (p->st) {
  case ST_DONE:
    return TRUE;
  case ST_NUM_ZERO:
  case ST_NUM_INT:
  case ST_NUM_FRAC:
  case ST_NUM_EXP:
    return p->depth == 0;
  default:
    return FALSE;
  }
}
