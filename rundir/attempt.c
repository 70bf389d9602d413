#include "rundir/attempt.h"

#include <math.h>
#include <string.h>

#include "util/jsonw.h"

/* Members in the order the record is written. */
enum {
  AF_SUBMISSION, AF_TESTSET, AF_ITEM, AF_VARIANT, AF_VARIANT_KIND, AF_SEED,
  AF_TURN, AF_ATTEMPT, AF_FINAL, AF_SESSION, AF_SENT, AF_ANSWER,
  AF_HTTP_STATUS, AF_ERROR_CLASS, AF_ERROR, AF_T_DNS, AF_T_CONNECT, AF_T_TLS,
  AF_T_FIRST_BYTE, AF_T_TOTAL, AF_T_FIRST_TOKEN, AF_T_QUEUE, AF_T_SERVER,
  AF_REDIRECTED_TO, AF_STARTED_AT, AF_SEQ, AF_N
};

static const char *const field_names[AF_N] = {
  [AF_SUBMISSION] = "submission", [AF_TESTSET] = "testset",
  [AF_ITEM] = "item", [AF_VARIANT] = "variant",
  [AF_VARIANT_KIND] = "variant_kind", [AF_SEED] = "seed",
  [AF_TURN] = "turn", [AF_ATTEMPT] = "attempt", [AF_FINAL] = "final",
  [AF_SESSION] = "session", [AF_SENT] = "sent", [AF_ANSWER] = "answer",
  [AF_HTTP_STATUS] = "http_status", [AF_ERROR_CLASS] = "error_class",
  [AF_ERROR] = "error", [AF_T_DNS] = "t_dns_us",
  [AF_T_CONNECT] = "t_connect_us", [AF_T_TLS] = "t_tls_us",
  [AF_T_FIRST_BYTE] = "t_first_byte_us", [AF_T_TOTAL] = "t_total_us",
  [AF_T_FIRST_TOKEN] = "t_first_token_us", [AF_T_QUEUE] = "t_queue_us",
  [AF_T_SERVER] = "t_server_us", [AF_REDIRECTED_TO] = "redirected_to",
  [AF_STARTED_AT] = "started_at", [AF_SEQ] = "seq",
};

const char *const *
attempt_fields (guint *n)
{
  *n = AF_N;
  return field_names;
}

void
attempt_write (GString *out, const LogAttempt *a)
{
  JsonwObject r;
  jsonw_begin (&r, out);
  r.plain_keys = TRUE; /* field_names: plain literals */
  jsonw_string (&r, field_names[AF_SUBMISSION], a->submission);
  jsonw_string (&r, field_names[AF_TESTSET], a->testset);
  jsonw_string (&r, field_names[AF_ITEM], a->item);
  jsonw_string (&r, field_names[AF_VARIANT], a->variant);
  jsonw_string (&r, field_names[AF_VARIANT_KIND], a->variant_kind);
  jsonw_uint (&r, field_names[AF_SEED], a->seed);
  jsonw_uint (&r, field_names[AF_TURN], a->turn);
  jsonw_uint (&r, field_names[AF_ATTEMPT], a->attempt);
  jsonw_bool (&r, field_names[AF_FINAL], a->final);
  jsonw_string (&r, field_names[AF_SESSION], a->session);
  jsonw_string (&r, field_names[AF_SENT], a->sent);
  jsonw_string_len (&r, field_names[AF_ANSWER], a->answer,
                    a->answer && a->answer_len == 0 ? strlen (a->answer)
                                                    : a->answer_len);
  jsonw_int (&r, field_names[AF_HTTP_STATUS], a->http_status);
  jsonw_string (&r, field_names[AF_ERROR_CLASS],
                failure_name (a->error_class));
  /* A failure always says why, if only with "". */
  jsonw_string (&r, field_names[AF_ERROR],
                a->error_class != FAILURE_NONE ? (a->error ? a->error : "")
                                               : NULL);
  jsonw_int (&r, field_names[AF_T_DNS], a->t_dns_us);
  jsonw_int (&r, field_names[AF_T_CONNECT], a->t_connect_us);
  jsonw_int (&r, field_names[AF_T_TLS], a->t_tls_us);
  jsonw_int (&r, field_names[AF_T_FIRST_BYTE], a->t_first_byte_us);
  jsonw_int (&r, field_names[AF_T_TOTAL], a->t_total_us);
  /* A stream that never sent text says so with null: absent would read
   * as "not streamed", and 0 as an instant first token. */
  if (a->t_first_token_us >= 0)
    jsonw_int (&r, field_names[AF_T_FIRST_TOKEN], a->t_first_token_us);
  else if (a->streamed)
    jsonw_string (&r, field_names[AF_T_FIRST_TOKEN], NULL);
  if (a->t_queue_us >= 0)
    jsonw_int (&r, field_names[AF_T_QUEUE], a->t_queue_us);
  if (a->t_server_us >= 0)
    jsonw_int (&r, field_names[AF_T_SERVER], a->t_server_us);
  if (a->redirected_to)
    jsonw_string (&r, field_names[AF_REDIRECTED_TO], a->redirected_to);
  jsonw_string (&r, field_names[AF_STARTED_AT], a->started_at);
}

static const char *
str_of (const JsonlValue *v)
{
  return v->type == cJSON_String ? v->str : NULL;
}

/* 2^53: every integer below is exact in a double. */
#define EXACT_MAX 9007199254740992.0

/* A member that must be an integer in [lo, hi] when present: absent (or
 * null where allowed) gives absent; anything else — 1e20, 2.5, "3", −1
 * for a count — is a value vabench never writes, and is refused rather
 * than cast (casting a double out of range is undefined behaviour).
 * FALSE with *bad set to the member's name. */
typedef struct {
  const char *bad;
} Check;

static gint64
int_in (Check *c, const JsonlValue *v, int field, double lo, double hi,
        gint64 absent, gboolean null_ok)
{
  if (v->type == 0 || (null_ok && v->type == cJSON_NULL))
    return absent;
  if (v->type != cJSON_Number || !isfinite (v->num) || v->num < lo
      || v->num > hi || v->num != floor (v->num)) {
    if (c->bad == NULL)
      c->bad = field_names[field];
    return absent;
  }
  return (gint64) v->num;
}

static gboolean
bool_in (Check *c, const JsonlValue *v, int field)
{
  if (v->type != 0 && v->type != cJSON_True && v->type != cJSON_False
      && c->bad == NULL)
    c->bad = field_names[field];
  return v->type == cJSON_True;
}

AttemptStatus
attempt_read (const JsonlValue *v, LogAttempt *a, const char **bad)
{
  *a = (LogAttempt) { 0 };
  Check c = { NULL };
  if (bad)
    *bad = NULL;
  a->seq = (guint64) int_in (&c, &v[AF_SEQ], AF_SEQ, 1, EXACT_MAX, 0, FALSE);
  a->submission = str_of (&v[AF_SUBMISSION]);
  a->testset = str_of (&v[AF_TESTSET]);
  a->item = str_of (&v[AF_ITEM]);
  a->variant = str_of (&v[AF_VARIANT]);
  if (!a->submission || !a->testset || !a->item || !a->variant)
    return ATTEMPT_NONE;
  if (v[AF_TURN].type == 0 && c.bad == NULL)
    c.bad = field_names[AF_TURN]; /* an attempt always has its turn */
  a->turn = (guint) int_in (&c, &v[AF_TURN], AF_TURN, 0, G_MAXUINT, 0,
                            FALSE);
  a->variant_kind = str_of (&v[AF_VARIANT_KIND]);
  a->seed = (guint64) int_in (&c, &v[AF_SEED], AF_SEED, 0, EXACT_MAX, 0,
                              FALSE);
  a->attempt = (guint) int_in (&c, &v[AF_ATTEMPT], AF_ATTEMPT, 0, G_MAXUINT,
                               0, FALSE);
  a->final = bool_in (&c, &v[AF_FINAL], AF_FINAL);
  a->session = str_of (&v[AF_SESSION]);
  a->sent = str_of (&v[AF_SENT]);
  a->answer = str_of (&v[AF_ANSWER]);
  a->answer_len = a->answer ? v[AF_ANSWER].len : 0;
  a->http_status = int_in (&c, &v[AF_HTTP_STATUS], AF_HTTP_STATUS, 0, 999, 0,
                           FALSE);
  const char *cls = str_of (&v[AF_ERROR_CLASS]);
  if (!failure_parse (cls, &a->error_class))
    a->error_class = FAILURE_OTHER; /* a class of a later version */
  a->error = str_of (&v[AF_ERROR]);
  a->t_dns_us = int_in (&c, &v[AF_T_DNS], AF_T_DNS, 0, EXACT_MAX, 0, FALSE);
  a->t_connect_us = int_in (&c, &v[AF_T_CONNECT], AF_T_CONNECT, 0, EXACT_MAX,
                            0, FALSE);
  a->t_tls_us = int_in (&c, &v[AF_T_TLS], AF_T_TLS, 0, EXACT_MAX, 0, FALSE);
  a->t_first_byte_us = int_in (&c, &v[AF_T_FIRST_BYTE], AF_T_FIRST_BYTE, 0,
                               EXACT_MAX, 0, FALSE);
  a->t_total_us = int_in (&c, &v[AF_T_TOTAL], AF_T_TOTAL, 0, EXACT_MAX, 0,
                          FALSE);
  a->t_first_token_us = int_in (&c, &v[AF_T_FIRST_TOKEN], AF_T_FIRST_TOKEN,
                                0, EXACT_MAX, -1, TRUE);
  a->streamed = v[AF_T_FIRST_TOKEN].type == cJSON_Number
                || v[AF_T_FIRST_TOKEN].type == cJSON_NULL;
  a->t_queue_us = int_in (&c, &v[AF_T_QUEUE], AF_T_QUEUE, 0, EXACT_MAX, -1,
                          FALSE);
  a->t_server_us = int_in (&c, &v[AF_T_SERVER], AF_T_SERVER, 0, EXACT_MAX,
                           -1, FALSE);
  a->redirected_to = str_of (&v[AF_REDIRECTED_TO]);
  a->started_at = str_of (&v[AF_STARTED_AT]);
  if (c.bad != NULL) {
    if (bad)
      *bad = c.bad;
    return ATTEMPT_BAD;
  }
  return ATTEMPT_OK;
}

gboolean
attempt_decode (const JsonlValue *v, LogAttempt *a)
{
  return attempt_read (v, a, NULL) == ATTEMPT_OK;
}
