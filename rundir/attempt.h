/* One record of log.jsonl: one HTTP attempt and its outcome (format:
 * rundir/README.md). The engine fills one per finished attempt and writes
 * it with attempt_write; every reader of the log (the scorer, resume,
 * capacity steps) gets the same decoded record from attempt_decode. */
#ifndef ATTEMPT_H
#define ATTEMPT_H

#include "rundir/failure.h"
#include "util/jsonl.h"

/* Strings are borrowed: from the engine when writing, from the reader's
 * line (valid during the callback) when reading. */
typedef struct {
  const char *submission, *testset, *item;
  const char *variant;      /* "clean", "telex#1", "hand:telex#0" */
  const char *variant_kind; /* "clean", "telex", …; NULL when absent */
  guint64 seed;             /* the variant's generator seed, 0 if none */
  guint turn;               /* from 0 */
  guint attempt;            /* from 1 */
  gboolean final;           /* FALSE for an attempt that was retried */
  const char *session;
  const char *sent;         /* the text sent */
  /* NULL when there is none. Bytes: an endpoint's escaped NUL is kept
   * inside (written as \u0000), so answer_len is its length; 0 when
   * writing means strlen (answer). Read back, answer_len is always set:
   * answer[answer_len] is a NUL, and a NUL before it belongs to the text
   * (util/jsonl.h, JsonlValue). */
  const char *answer;
  gsize answer_len;
  gint64 http_status;       /* 0 without a response */
  FailureClass error_class; /* FAILURE_NONE: the answer is usable */
  const char *error;        /* why, when error_class is set */
  /* libcurl's times, µs from the attempt's start */
  gint64 t_dns_us, t_connect_us, t_tls_us, t_first_byte_us, t_total_us;
  /* −1 when absent: a streamed answer's first text, the open loop's wait
   * behind the schedule, the endpoint's own handling time */
  gint64 t_first_token_us, t_queue_us, t_server_us;
  /* The answer was asked for as a stream: t_first_token_us is written,
   * as null when no text came (−1). Read: TRUE when the member is there,
   * a number or null. */
  gboolean streamed;
  const char *redirected_to; /* NULL unless a redirect was followed */
  const char *started_at;    /* wall clock, ISO 8601 (a label only) */
  guint64 seq;               /* read: the chain's number (runlog.h) */
} LogAttempt;

/* Appends the record to out as a JSON object without its closing brace:
 * the run log adds "seq", "prev" and the '}' (runlog_append_open).
 * Optional members are written only when set; t_first_token_us whenever
 * streamed (null without a token) or set. */
void attempt_write (GString *out, const LogAttempt *a);

/* The member names attempt_decode reads, for a flat reader
 * (util/jsonl.h): *n receives their number. Static. */
const char *const *attempt_fields (guint *n);

/* What a line of the log is. */
typedef enum {
  ATTEMPT_NONE, /* not an attempt: submission, testset, item or variant
                   is not a string (a test's line, a later kind of
                   record): skipped by every reader */
  ATTEMPT_OK,
  ATTEMPT_BAD,  /* an attempt with a value vabench never writes: turn
                   absent, or a number that is not an integer in its
                   range (turn 1e20, attempt 2.5, t_total_us 1e300, a
                   negative time, http_status 1000), or final not a
                   boolean. Readers refuse it (exit 2) instead of
                   casting or guessing */
} AttemptStatus;

/* Fills a from the values of attempt_fields, its strings borrowed from
 * them, and says what the line is; for ATTEMPT_BAD, *bad (may be NULL)
 * names the first member at fault. Absent numbers read as 0 (−1 for the
 * optional times, t_first_token_us also when null); an unknown
 * error_class as FAILURE_OTHER. seq is filled in every case (0 when
 * absent or not a positive integer). */
AttemptStatus attempt_read (const JsonlValue *values, LogAttempt *a,
                            const char **bad);

/* attempt_read == ATTEMPT_OK. */
gboolean attempt_decode (const JsonlValue *values, LogAttempt *a);

#endif
