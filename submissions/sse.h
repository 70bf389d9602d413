/* A server-sent event stream of an OpenAI-compatible chat completion
 * ("stream": true), read as its bytes arrive: state is carried from one
 * piece to the next and each byte is looked at once, so a stream sent one
 * byte at a time costs what it costs sent whole. The answer is the
 * concatenated choices[0].delta.content of the events whose data is JSON,
 * up to "data: [DONE]"; bytes with a length (util/jsonpick.h). Pure: the
 * caller says what time it is. */
#ifndef SSE_H
#define SSE_H

#include <glib.h>

typedef struct _SseReader SseReader;

SseReader *sse_reader_new (void);
void sse_reader_free (SseReader *r); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SseReader, sse_reader_free)

/* Reads the next piece of the body, which arrived at now_us (any clock:
 * it is only handed back by sse_reader_first_token). */
void sse_reader_feed (SseReader *r, const char *data, gsize len,
                      gint64 now_us);

/* The body is over (an event not ended by a blank line still counts, as
 * browsers dispatch it). */
void sse_reader_end (SseReader *r);

/* TRUE once an event's data was JSON: the body is an SSE stream. */
gboolean sse_reader_saw_event (const SseReader *r);

/* The answer so far (borrowed; may hold NUL bytes). */
const GString *sse_reader_text (const SseReader *r);

/* When the first byte of the first non-empty content arrived (a delta
 * with "content": "" is no token), or -1. */
gint64 sse_reader_first_token (const SseReader *r);

#endif
