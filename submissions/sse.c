/* The WHATWG event-stream grammar, one byte at a time: lines end with
 * CRLF, LF or CR; "data:" lines (one leading space dropped) feed the
 * event's JSON reader as they come, other fields and ":" comments are
 * skipped, a blank line ends the event. An event whose data is not JSON
 * takes its text back out of the answer. */
#include "submissions/sse.h"

#include <string.h>

#include "util/jsonpick.h"

typedef enum {
  LINE_START,
  FIELD,       /* the field name */
  VALUE_SPACE, /* just after the colon: one space is dropped */
  VALUE,       /* a data value: bytes go to the JSON reader */
  SKIP,        /* another field's value, or a comment */
} LineState;

struct _SseReader {
  GString *text;
  JsonPick *pick;
  LineState st;
  gboolean after_cr;   /* a CR ended the last line: skip one LF */
  gboolean done;       /* "data: [DONE]" was read */
  gboolean saw_event;
  gint64 first_token;
  char field[5];       /* enough to tell "data" */
  gsize field_len;
  /* the event being read */
  guint data_lines;
  gboolean json_ok;
  gsize data_len;      /* bytes of data, up to 7 (for "[DONE]") */
  gboolean is_done;    /* the data so far reads "[DONE]" */
  gsize mark;          /* text's length when the event started */
  gint64 token_at;     /* when its first content byte came, or -1 */
};

static const char done_word[] = "[DONE]";

static void
event_reset (SseReader *r)
{
  r->data_lines = 0;
  r->json_ok = TRUE;
  r->data_len = 0;
  r->is_done = TRUE;
  r->mark = r->text->len;
  r->token_at = -1;
  jsonpick_reset (r->pick);
}

SseReader *
sse_reader_new (void)
{
  SseReader *r = g_new0 (SseReader, 1);
  r->text = g_string_new (NULL);
  r->pick = jsonpick_new ("/choices/0/delta/content", FALSE, r->text);
  r->first_token = -1;
  event_reset (r);
  return r;
}

void
sse_reader_free (SseReader *r)
{
  if (r == NULL)
    return;
  jsonpick_free (r->pick);
  g_string_free (r->text, TRUE);
  g_free (r);
}

static void
dispatch (SseReader *r)
{
  if (r->data_lines == 0)
    return;
  if (r->data_lines == 1 && r->is_done
      && r->data_len == sizeof done_word - 1) {
    r->done = TRUE;
    g_string_truncate (r->text, r->mark);
    return;
  }
  if (r->json_ok && jsonpick_end (r->pick)) {
    r->saw_event = TRUE;
    if (r->text->len > r->mark && r->first_token < 0)
      r->first_token = r->token_at;
  } else
    g_string_truncate (r->text, r->mark);
  event_reset (r);
}

/* The line's field name is over (a colon or the line's end). */
static gboolean
field_is_data (const SseReader *r)
{
  return r->field_len == 4 && memcmp (r->field, "data", 4) == 0;
}

static void
data_line_starts (SseReader *r)
{
  if (r->data_lines++ > 0) {
    r->is_done = FALSE;
    if (r->json_ok)
      r->json_ok = jsonpick_feed (r->pick, "\n", 1);
  }
}

static void
data_bytes (SseReader *r, const char *s, gsize n, gint64 now)
{
  /* Only the first bytes can make "[DONE]"; a seventh one unmakes it. */
  gsize i = 0;
  for (; i < n && r->data_len < sizeof done_word - 1; i++)
    r->is_done = r->is_done && s[i] == done_word[r->data_len++];
  if (i < n)
    r->is_done = FALSE;
  if (!r->json_ok)
    return;
  gsize before = r->text->len;
  r->json_ok = jsonpick_feed (r->pick, s, n);
  if (r->text->len > before && r->token_at < 0)
    r->token_at = now;
}

static void
line_ends (SseReader *r)
{
  if (r->st == LINE_START)
    dispatch (r); /* a blank line */
  else if (r->st == FIELD && field_is_data (r))
    data_line_starts (r); /* "data" without a colon: an empty value */
  r->st = LINE_START;
  r->field_len = 0;
}

/* The bytes of s[0, n) up to a line's end. */
static gsize
line_run (const char *s, gsize n)
{
  gsize i = 0;
  while (i < n && s[i] != '\n' && s[i] != '\r')
    i++;
  return i;
}

void
sse_reader_feed (SseReader *r, const char *data, gsize len, gint64 now_us)
{
  gsize i = 0;
  while (i < len && !r->done) {
    char c = data[i];
    if (r->after_cr) {
      r->after_cr = FALSE;
      if (c == '\n') {
        i++;
        continue;
      }
    }
    if (c == '\n' || c == '\r') {
      r->after_cr = c == '\r';
      line_ends (r);
      i++;
      continue;
    }
    switch (r->st) {
    case LINE_START:
      r->st = c == ':' ? SKIP : FIELD;
      if (r->st == SKIP)
        i++;
      continue;
    case FIELD:
      if (c == ':') {
        r->st = field_is_data (r) ? VALUE_SPACE : SKIP;
        if (r->st == VALUE_SPACE)
          data_line_starts (r);
      } else if (r->field_len < sizeof r->field)
        r->field[r->field_len++] = c;
      i++;
      continue;
    case VALUE_SPACE:
      r->st = VALUE;
      if (c == ' ') {
        i++;
        continue;
      }
      /* fall through */
    case VALUE: {
      gsize n = line_run (data + i, len - i);
      data_bytes (r, data + i, n, now_us);
      i += n;
      continue;
    }
    case SKIP:
      i += line_run (data + i, len - i);
      continue;
    }
  }
}

void
sse_reader_end (SseReader *r)
{
  if (!r->done && r->st != LINE_START)
    line_ends (r);
  if (!r->done)
    dispatch (r);
}

gboolean
sse_reader_saw_event (const SseReader *r)
{
  return r->saw_event;
}

const GString *
sse_reader_text (const SseReader *r)
{
  return r->text;
}

gint64
sse_reader_first_token (const SseReader *r)
{
  return r->first_token;
}
