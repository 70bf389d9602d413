/* The two-step reader of scores.jsonl (rundir/score_record.h): the
 * members before "turns" are read straight from each line's bytes, the
 * turns' texts without their judgements, and the whole record through
 * cJSON only when asked for. Every shortcut falls back to the full parser
 * on anything it does not expect, so it reads what the plain reader reads
 * (tests/test-rundir.c, /rundir/score-lazy). A file of its own: the plain
 * writer and reader stay small. */
#include "rundir/score_record.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "rundir/rundir.h"
#include "rundir/score_record_fields.h"
#include "util/jsonl.h"

struct _ScoreRecordLine {
  const char *path;
  const char *text;
  gsize len;
  guint lineno;
  cJSON *tree;          /* the whole line, once parsed */
  ScoreRecord full;
  gboolean have_full;
  const ScoreRecord *head;  /* the peeked head, or NULL */
  const char *turns_at;     /* where the "turns" value starts, or NULL */
  ScoreRecord texts;        /* head + the turns' texts, no judgements */
  gboolean have_texts;
  GString *arena;           /* the texts' unescaped strings (reused) */
  GArray *turns;            /* ScoreTurn, the texts' turns (reused) */
};

static gboolean
line_error (const ScoreRecordLine *l, GError **error, int code,
            const char *what)
{
  g_set_error (error, JSONL_ERROR, code, "%s:%u: %s", l->path, l->lineno,
               what);
  return FALSE;
}

static gboolean
line_parse (ScoreRecordLine *l, GError **error)
{
  if (l->have_full)
    return TRUE;
  if (!g_utf8_validate_len (l->text, l->len, NULL))
    return line_error (l, error, JSONL_ERROR_UTF8, "not valid UTF-8");
  const char *end = NULL;
  l->tree = cJSON_ParseWithLengthOpts (l->text, l->len, &end, FALSE);
  gboolean blank_after = TRUE;
  for (const char *p = end; l->tree && p < l->text + l->len; p++)
    blank_after = blank_after && g_ascii_isspace (*p);
  if (l->tree == NULL || !blank_after)
    return line_error (l, error, JSONL_ERROR_SYNTAX, "not one JSON object");
  if (!cJSON_IsObject (l->tree)) /* util/jsonl.c's code for it */
    return line_error (l, error, JSONL_ERROR_TYPE,
                       "a line must be one JSON object");
  GError *local = NULL;
  if (!score_record_decode (l->tree, &l->full, &local)) {
    g_propagate_prefixed_error (error, local, "%s:%u: ", l->path, l->lineno);
    return FALSE;
  }
  l->have_full = TRUE;
  return TRUE;
}

const ScoreRecord *
score_record_line_full (ScoreRecordLine *line, GError **error)
{
  return line_parse (line, error) ? &line->full : NULL;
}

static const char *
skip_ws (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

/* A string without escapes or control characters: [*s, *s + *n) between
 * the quotes; returns the position after it, or NULL. */
static const char *
peek_string (const char *p, const char *end, const char **s, gsize *n)
{
  if (p >= end || *p != '"')
    return NULL;
  const char *q = ++p;
  while (q < end && *q != '"' && *q != '\\' && (guchar) *q >= 0x20)
    q++;
  if (q >= end || *q != '"')
    return NULL;
  *s = p;
  *n = (gsize) (q - p);
  return q + 1;
}

static const char *
peek_number (const char *p, const char *end, double *v)
{
  const char *q = p;
  while (q < end && (g_ascii_isdigit (*q) || *q == '-' || *q == '+'
                     || *q == '.' || *q == 'e' || *q == 'E'))
    q++;
  if (q == p || q - p > 40)
    return NULL;
  char buf[48];
  memcpy (buf, p, (gsize) (q - p));
  buf[q - p] = '\0';
  char *stop = NULL;
  *v = g_ascii_strtod (buf, &stop);
  return stop == buf + (q - p) ? q : NULL;
}

typedef struct {
  int type; /* cJSON_String, _Number, _True, _False, _NULL or _Array */
  const char *str;
  gsize len;
  double num;
  gboolean set;
} PeekValue;

static const char *
peek_numbers (const char *p, const char *end, GArray *nums)
{
  p = skip_ws (p + 1, end);
  if (p < end && *p == ']')
    return p + 1;
  for (;;) {
    double x;
    p = peek_number (p, end, &x);
    if (p == NULL)
      return NULL;
    if (isfinite (x))
      g_array_append_val (nums, x);
    p = skip_ws (p, end);
    if (p < end && *p == ']')
      return p + 1;
    if (p >= end || *p != ',')
      return NULL;
    p = skip_ws (p + 1, end);
  }
}

/* One scalar value, or an array of numbers when nums is given. */
static const char *
peek_value (const char *p, const char *end, PeekValue *v, GArray *nums)
{
  static const struct {
    const char *word;
    gsize len;
    int type;
  } words[] = { { "true", 4, cJSON_True }, { "false", 5, cJSON_False },
                { "null", 4, cJSON_NULL } };
  if (p >= end)
    return NULL;
  if (*p == '"') {
    v->type = cJSON_String;
    return peek_string (p, end, &v->str, &v->len);
  }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (end - p) >= words[i].len
        && memcmp (p, words[i].word, words[i].len) == 0) {
      v->type = words[i].type;
      return p + words[i].len;
    }
  if (*p == '[' && nums) {
    v->type = cJSON_Array;
    return peek_numbers (p, end, nums);
  }
  v->type = cJSON_Number;
  return peek_number (p, end, &v->num);
}

static int
field_index (const char *key, gsize n)
{
  for (int i = 0; i < SF_N; i++)
    if (record_fields[i][0] == key[0] && strncmp (record_fields[i], key, n) == 0
        && record_fields[i][n] == '\0')
      return i;
  return -1;
}

/* The members before "turns" (or all of a line without it), the first of
 * each name as cJSON would find it; FALSE when the line needs the full
 * parser. */
static gboolean
peek_members (const char *p, const char *end, PeekValue *v, GArray *nums,
              const char **turns_at)
{
  *turns_at = NULL;
  p = skip_ws (p, end);
  if (p >= end || *p != '{')
    return FALSE;
  p = skip_ws (p + 1, end);
  if (p < end && *p == '}')
    return skip_ws (p + 1, end) == end;
  for (;;) {
    const char *key;
    gsize klen;
    p = peek_string (p, end, &key, &klen);
    /* bytes that are not UTF-8 go to the full parser, which refuses them
     * as the whole reader does (head_fill checks the kept strings) */
    if (p == NULL || !g_utf8_validate_len (key, klen, NULL))
      return FALSE;
    p = skip_ws (p, end);
    if (p >= end || *p != ':')
      return FALSE;
    p = skip_ws (p + 1, end);
    int f = field_index (key, klen);
    if (f == SF_TURNS) {
      *turns_at = p;
      return TRUE;
    }
    PeekValue tmp = { 0 };
    PeekValue *slot = f >= 0 && !v[f].set ? &v[f] : &tmp;
    p = peek_value (p, end, slot,
                    f == SF_LATENCY && slot != &tmp ? nums : NULL);
    if (p == NULL
        || (slot == &tmp && tmp.type == cJSON_String
            && !g_utf8_validate_len (tmp.str, tmp.len, NULL)))
      return FALSE;
    slot->set = TRUE;
    p = skip_ws (p, end);
    if (p < end && *p == ',') {
      p = skip_ws (p + 1, end);
      continue;
    }
    return p < end && *p == '}' && skip_ws (p + 1, end) == end;
  }
}

typedef struct {
  ScoreRecord rec;
  GString *strings;     /* NUL-terminated copies of the head's strings */
  GArray *latency;      /* double */
  PeekValue values[SF_N];
} ScoreHead;

static const char *
head_str (const ScoreHead *h, const gsize *off, int f)
{
  return off[f] ? h->strings->str + off[f] : NULL;
}

static double
head_num (const PeekValue *v, double absent)
{
  return v->set && v->type == cJSON_Number && isfinite (v->num) ? v->num
                                                                : absent;
}

static gint64
head_count (const PeekValue *v, gint64 absent)
{
  double d = head_num (v, NAN);
  return !isnan (d) && d == floor (d) && fabs (d) <= 9007199254740992.0
             ? (gint64) d
             : absent;
}

static gboolean
head_true (const PeekValue *v)
{
  return v->set && v->type == cJSON_True;
}

/* Fills h->rec from the peeked values as score_record_decode does from a
 * tree: the same defaults, the same errors. */
static gboolean
head_fill (ScoreHead *h, const ScoreRecordLine *l, GError **error)
{
  const PeekValue *v = h->values;
  ScoreRecord *r = &h->rec;
  *r = (ScoreRecord) { 0 };
  g_string_truncate (h->strings, 0);
  gsize off[SF_N] = { 0 };
  for (int i = 0; i < SF_N; i++) {
    if (!v[i].set || v[i].type != cJSON_String)
      continue;
    if (!g_utf8_validate_len (v[i].str, v[i].len, NULL))
      return line_error (l, error, JSONL_ERROR_UTF8, "not valid UTF-8");
    g_string_append_c (h->strings, '\0');
    off[i] = h->strings->len; /* offsets: the buffer may still move */
    g_string_append_len (h->strings, v[i].str, (gssize) v[i].len);
  }
  g_string_append_c (h->strings, '\0');
  static const int needed[] = { SF_SUBMISSION, SF_ITEM };
  for (guint k = 0; k < G_N_ELEMENTS (needed); k++) {
    int f = needed[k];
    if (head_str (h, off, f) != NULL)
      continue;
    g_autofree char *what = g_strdup_printf (
        "field \"%s\": %s", record_fields[f],
        v[f].set ? "expected a string" : "missing");
    return line_error (l, error,
                       v[f].set ? JSONL_ERROR_TYPE : JSONL_ERROR_MISSING,
                       what);
  }
  r->submission = head_str (h, off, SF_SUBMISSION);
  r->item = head_str (h, off, SF_ITEM);
  r->testset = head_str (h, off, SF_TESTSET);
  r->category = head_str (h, off, SF_CATEGORY);
  (void) item_kind_parse (head_str (h, off, SF_KIND), &r->kind);
  r->hidden = head_true (&v[SF_HIDDEN]);
  r->variant = head_str (h, off, SF_VARIANT);
  r->variant_kind = head_str (h, off, SF_VARIANT_KIND);
  r->score = head_num (&v[SF_SCORE], 0);
  r->correct = head_true (&v[SF_CORRECT]);
  r->lenient_score = head_num (&v[SF_LENIENT_SCORE], 0);
  r->lenient_correct = head_true (&v[SF_LENIENT_CORRECT]);
  r->contradictions = head_count (&v[SF_CONTRADICTIONS], 0);
  r->off_topic = head_count (&v[SF_OFF_TOPIC], 0);
  r->unaccented = head_count (&v[SF_UNACCENTED], 0);
  r->canary = head_count (&v[SF_CANARY], 0);
  r->appeal = (guint64) MAX (head_count (&v[SF_APPEAL], 0), 0);
  r->judged_correct = r->appeal > 0 ? head_true (&v[SF_JUDGED_CORRECT])
                                    : r->correct;
  FailureClass fc;
  r->error_class = failure_parse (head_str (h, off, SF_ERROR_CLASS), &fc)
                       ? fc
                       : FAILURE_OTHER;
  r->requests = head_count (&v[SF_REQUESTS], 1);
  r->failed_requests = head_count (&v[SF_FAILED_REQUESTS], 0);
  r->latency_us = (const double *) (gconstpointer) h->latency->data;
  r->n_latency = h->latency->len;
  return TRUE;
}

/* ---- the turns' texts without their judgements ---- */

/* Past one JSON string (p at its opening quote); NULL when unterminated.
 * A quote ends it unless an odd number of backslashes precedes it. */
static const char *
skip_string (const char *p, const char *end)
{
  const char *from = ++p;
  for (;;) {
    const char *q = memchr (p, '"', (gsize) (end - p));
    if (q == NULL)
      return NULL;
    gsize slashes = 0;
    while (q - slashes > from && q[-1 - (gssize) slashes] == '\\')
      slashes++;
    if (slashes % 2 == 0)
      return q + 1;
    p = q + 1;
  }
}

/* Past one JSON value of any kind, without checking it. */
static const char *
skip_value (const char *p, const char *end)
{
  p = skip_ws (p, end);
  if (p >= end)
    return NULL;
  if (*p == '"')
    return skip_string (p, end);
  if (*p != '{' && *p != '[') {
    while (p < end && !strchr (",]} \t\r\n", *p))
      p++;
    return p;
  }
  guint depth = 0;
  while (p < end) {
    if (*p == '"') {
      p = skip_string (p, end);
      if (p == NULL)
        return NULL;
      continue;
    }
    if (*p == '{' || *p == '[')
      depth++;
    else if ((*p == '}' || *p == ']') && --depth == 0)
      return p + 1;
    p++;
  }
  return NULL;
}

static gboolean
hex4 (const char *p, const char *end, gunichar *out)
{
  if (end - p < 4)
    return FALSE;
  *out = 0;
  for (int i = 0; i < 4; i++) {
    int d = g_ascii_xdigit_value (p[i]);
    if (d < 0)
      return FALSE;
    *out = (*out << 4) | (gunichar) d;
  }
  return TRUE;
}

/* A JSON string unescaped into arena, NUL-terminated, valid UTF-8; *off
 * gets its offset. Returns the position after it, or NULL. */
static const char *
read_string (const char *p, const char *end, GString *arena, gsize *off)
{
  if (p >= end || *p != '"')
    return NULL;
  *off = arena->len;
  const char *run = ++p;
  while (p < end && *p != '"') {
    if ((guchar) *p < 0x20)
      return NULL;
    if (*p != '\\') {
      p++;
      continue;
    }
    g_string_append_len (arena, run, p - run);
    if (++p >= end)
      return NULL;
    gunichar u = 0;
    switch (*p) {
    case '"': case '\\': case '/': g_string_append_c (arena, *p); break;
    case 'b': g_string_append_c (arena, '\b'); break;
    case 'f': g_string_append_c (arena, '\f'); break;
    case 'n': g_string_append_c (arena, '\n'); break;
    case 'r': g_string_append_c (arena, '\r'); break;
    case 't': g_string_append_c (arena, '\t'); break;
    case 'u':
      if (!hex4 (p + 1, end, &u))
        return NULL;
      p += 4;
      if (u >= 0xD800 && u <= 0xDBFF) { /* a surrogate pair */
        gunichar lo;
        if (end - p < 7 || p[1] != '\\' || p[2] != 'u'
            || !hex4 (p + 3, end, &lo) || lo < 0xDC00 || lo > 0xDFFF)
          return NULL;
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        p += 6;
      } else if (u >= 0xDC00 && u <= 0xDFFF)
        return NULL;
      g_string_append_unichar (arena, u);
      break;
    default:
      return NULL;
    }
    run = ++p;
  }
  if (p >= end)
    return NULL;
  g_string_append_len (arena, run, p - run);
  if (!g_utf8_validate_len (arena->str + *off, arena->len - *off, NULL))
    return NULL;
  g_string_append_c (arena, '\0');
  return p + 1;
}

enum { TX_QUESTION, TX_ANSWER, TX_ERROR, TX_N };

/* One turn object: its number, question, answer and error class, the
 * judgement skipped. off[] get the strings' offsets (or G_MAXSIZE). */
static const char *
read_turn (const char *p, const char *end, GString *arena, double *turn,
           gsize *off)
{
  static const char *const names[TX_N] = { "question", "answer",
                                           "error_class" };
  for (int i = 0; i < TX_N; i++)
    off[i] = G_MAXSIZE;
  *turn = 0;
  p = skip_ws (p, end);
  if (p >= end || *p != '{')
    return NULL;
  p = skip_ws (p + 1, end);
  if (p < end && *p == '}')
    return p + 1;
  for (;;) {
    const char *key;
    gsize klen;
    p = peek_string (p, end, &key, &klen);
    if (p == NULL)
      return NULL;
    p = skip_ws (p, end);
    if (p >= end || *p != ':')
      return NULL;
    p = skip_ws (p + 1, end);
    int f = -1;
    for (int i = 0; i < TX_N; i++)
      if (strlen (names[i]) == klen && memcmp (names[i], key, klen) == 0)
        f = i;
    if (f >= 0 && *p == '"' && off[f] == G_MAXSIZE)
      p = read_string (p, end, arena, &off[f]);
    else if (klen == 4 && memcmp (key, "turn", 4) == 0)
      p = peek_number (p, end, turn);
    else
      p = skip_value (p, end);
    if (p == NULL)
      return NULL;
    p = skip_ws (p, end);
    if (p < end && *p == ',') {
      p = skip_ws (p + 1, end);
      continue;
    }
    return p < end && *p == '}' ? p + 1 : NULL;
  }
}

/* The turns array read into line->turns and line->arena. */
static gboolean
read_turns (ScoreRecordLine *l)
{
  const char *p = l->turns_at, *end = l->text + l->len;
  g_string_truncate (l->arena, 0);
  g_array_set_size (l->turns, 0);
  g_autoptr (GArray) offs = g_array_new (FALSE, FALSE, sizeof (gsize));
  if (p >= end || *p != '[')
    return FALSE;
  p = skip_ws (p + 1, end);
  if (p < end && *p == ']')
    return TRUE;
  for (;;) {
    double turn;
    gsize off[TX_N];
    p = read_turn (p, end, l->arena, &turn, off);
    if (p == NULL || !(turn >= 0 && turn <= G_MAXUINT))
      return FALSE;
    ScoreTurn t = { .turn = (guint) turn };
    g_array_append_val (l->turns, t);
    g_array_append_vals (offs, off, TX_N);
    p = skip_ws (p, end);
    if (p < end && *p == ',') {
      p = skip_ws (p + 1, end);
      continue;
    }
    if (p >= end || *p != ']')
      return FALSE;
    break;
  }
  /* Pointers only now: the arena moved while it grew. */
  for (guint i = 0; i < l->turns->len; i++) {
    ScoreTurn *t = &g_array_index (l->turns, ScoreTurn, i);
    const gsize *off = &g_array_index (offs, gsize, i * TX_N);
    t->question = off[TX_QUESTION] != G_MAXSIZE
                      ? l->arena->str + off[TX_QUESTION] : NULL;
    t->answer = off[TX_ANSWER] != G_MAXSIZE ? l->arena->str + off[TX_ANSWER]
                                            : NULL;
    t->answer_len = t->answer ? strlen (t->answer) : 0;
    FailureClass fc;
    t->error_class = failure_parse (off[TX_ERROR] != G_MAXSIZE
                                        ? l->arena->str + off[TX_ERROR]
                                        : NULL, &fc) ? fc : FAILURE_OTHER;
  }
  return TRUE;
}

const ScoreRecord *
score_record_line_texts (ScoreRecordLine *line, GError **error)
{
  if (line->have_full)
    return &line->full;
  if (line->have_texts)
    return &line->texts;
  if (line->head && line->turns_at && read_turns (line)) {
    line->texts = *line->head;
    line->texts.turns = (const ScoreTurn *) (gconstpointer) line->turns->data;
    line->texts.n_turns = line->turns->len;
    line->have_texts = TRUE;
    return &line->texts;
  }
  return score_record_line_full (line, error);
}

typedef struct {
  const char *path;
  ScoreRecordLazyFunc func;
  gpointer user;
  ScoreHead head;
  guint records;
  gboolean torn; /* a torn last line was seen (and skipped) */
  GString *arena;
  GArray *turns;
} LazyCtx;

/* The head of a line: peeked, or the full record when the line needs the
 * parser (NULL + error when it fails; NULL without error for a torn last
 * line — one that does not parse —, which is not a record). */
static const ScoreRecord *
lazy_head (LazyCtx *c, ScoreRecordLine *line, gboolean torn, GError **error)
{
  ScoreHead *h = &c->head;
  if (!torn) {
    memset (h->values, 0, sizeof h->values);
    g_array_set_size (h->latency, 0);
    if (peek_members (line->text, line->text + line->len, h->values,
                      h->latency, &line->turns_at)) {
      line->head = &h->rec;
      if (head_fill (h, line, NULL))
        return &h->rec;
      /* A head the record cannot have: the error is the whole line's, as
       * score_record_read gives it (its tail may be broken JSON, which
       * that reader names first; found by tests/fuzz/fuzz-score-record). */
      line->head = NULL;
    }
    line->turns_at = NULL;
  }
  GError *local = NULL;
  if (line_parse (line, &local))
    return &line->full;
  /* A torn last line is one that does not parse; one that parses but is
   * no record (an array, no "submission") is an error there too, as
   * util/jsonl.c reads a tail (found by tests/fuzz/fuzz-score-record). */
  if (torn && (g_error_matches (local, JSONL_ERROR, JSONL_ERROR_SYNTAX)
               || g_error_matches (local, JSONL_ERROR, JSONL_ERROR_UTF8)))
    g_clear_error (&local);
  if (local)
    g_propagate_error (error, local);
  return NULL;
}

static gboolean
lazy_line (LazyCtx *c, const char *text, gsize len, guint lineno,
           gboolean torn, GError **error)
{
  ScoreRecordLine line = { c->path, text, len, lineno, NULL, { 0 }, FALSE,
                           NULL, NULL, { 0 }, FALSE, c->arena, c->turns };
  GError *local = NULL;
  const ScoreRecord *head = lazy_head (c, &line, torn, &local);
  gboolean ok = head != NULL || (torn && local == NULL);
  if (head == NULL && ok)
    c->torn = TRUE;
  if (head != NULL) {
    c->records++;
    ok = c->func (head, &line, c->user, &local);
  }
  if (local)
    g_propagate_error (error, local);
  if (line.have_full)
    score_record_clear (&line.full);
  cJSON_Delete (line.tree);
  return ok;
}

/* A line util/jsonl.c skips as blank: g_ascii_isspace bytes only (a form
 * feed too, which JSON does not call white space; found by
 * tests/fuzz/fuzz-score-record). */
static gboolean
blank_line (const char *t, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (t[i]))
      return FALSE;
  return TRUE;
}

/* Visits the complete lines of buf (and a last one without '\n' at the
 * end of the file); *used gets the bytes consumed. */
static gboolean
lazy_lines (LazyCtx *c, const char *buf, gsize have, gboolean at_end,
            guint *lineno, gsize *used, GError **error)
{
  gsize pos = 0;
  *used = 0;
  while (pos < have) {
    const char *nl = memchr (buf + pos, '\n', have - pos);
    if (nl == NULL && !at_end)
      break;
    gsize len = nl ? (gsize) (nl - (buf + pos)) : have - pos;
    const char *t = buf + pos;
    (*lineno)++;
    if (!blank_line (t, len)
        && !lazy_line (c, t, len, *lineno, nl == NULL, error))
      return FALSE;
    pos += len + (nl ? 1 : 0);
    *used = pos;
  }
  return TRUE;
}

#define LAZY_CHUNK ((gsize) 1 << 20)

gboolean
score_record_read_lazy (const char *dir, ScoreRecordLazyFunc func,
                        gpointer user, GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_SCORES);
  FILE *f = fopen (path, "rb");
  if (f == NULL) {
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_IO, "%s: %s", path,
                 g_strerror (errno));
    return FALSE;
  }
  LazyCtx c = { path, func, user, { .strings = g_string_new (NULL),
                                    .latency = g_array_new (
                                        FALSE, FALSE, sizeof (double)) },
                0, FALSE, g_string_new (NULL),
                g_array_new (FALSE, TRUE, sizeof (ScoreTurn)) };
  gsize cap = LAZY_CHUNK, have = 0, used = 0;
  g_autofree char *buf = g_malloc (cap);
  guint lineno = 0;
  gboolean ok = TRUE, at_end = FALSE;
  while (ok && !at_end) {
    if (cap - have < LAZY_CHUNK / 2) /* a line longer than the buffer */
      buf = g_realloc (buf, cap *= 2);
    gsize got = fread (buf + have, 1, cap - have, f);
    have += got;
    if (got == 0 && ferror (f)) {
      g_set_error (error, JSONL_ERROR, JSONL_ERROR_IO, "%s: %s", path,
                   g_strerror (errno));
      ok = FALSE;
      break;
    }
    at_end = got == 0;
    ok = lazy_lines (&c, buf, have, at_end, &lineno, &used, error);
    memmove (buf, buf + used, have - used);
    have -= used;
  }
  fclose (f);
  g_string_free (c.head.strings, TRUE);
  g_array_unref (c.head.latency);
  g_string_free (c.arena, TRUE);
  g_array_unref (c.turns);
  /* A file of a torn line only holds no record but is no error, as
   * util/jsonl.c reads it (score_record_read). */
  if (ok && c.records == 0 && !c.torn) {
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_EMPTY,
                 "%s:1: the file holds no record", path);
    return FALSE;
  }
  return ok;
}

