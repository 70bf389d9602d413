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

/* An integer in [lo, hi], exactly: no silent cast of 1e20 or 2.5. */
static gboolean
int_of (const JsonlValue *v, double lo, double hi, double *out)
{
  if (v->type != cJSON_Number || !isfinite (v->num) || v->num < lo
      || v->num > hi || v->num != floor (v->num))
    return FALSE;
  *out = v->num;
  return TRUE;
}

/* 2^53: every integer below is exact in a double. */
#define EXACT_MAX 9007199254740992.0

static gint64
i64_or (const JsonlValue *v, gint64 absent)
{
  double d;
  return int_of (v, -EXACT_MAX, EXACT_MAX, &d) ? (gint64) d : absent;
}

static guint64
u64_or (const JsonlValue *v, guint64 absent)
{
  double d;
  return int_of (v, 0, EXACT_MAX, &d) ? (guint64) d : absent;
}

gboolean
attempt_decode (const JsonlValue *v, LogAttempt *a)
{
  *a = (LogAttempt) { 0 };
  a->seq = u64_or (&v[AF_SEQ], 0);
  a->submission = str_of (&v[AF_SUBMISSION]);
  a->testset = str_of (&v[AF_TESTSET]);
  a->item = str_of (&v[AF_ITEM]);
  a->variant = str_of (&v[AF_VARIANT]);
  double turn;
  if (!a->submission || !a->testset || !a->item || !a->variant
      || !int_of (&v[AF_TURN], 0, G_MAXUINT, &turn))
    return FALSE;
  a->turn = (guint) turn;
  a->variant_kind = str_of (&v[AF_VARIANT_KIND]);
  a->seed = u64_or (&v[AF_SEED], 0);
  a->attempt = (guint) MIN (u64_or (&v[AF_ATTEMPT], 0), G_MAXUINT);
  a->final = v[AF_FINAL].type == cJSON_True;
  a->session = str_of (&v[AF_SESSION]);
  a->sent = str_of (&v[AF_SENT]);
  a->answer = str_of (&v[AF_ANSWER]);
  a->answer_len = a->answer ? v[AF_ANSWER].len : 0;
  a->http_status = i64_or (&v[AF_HTTP_STATUS], 0);
  const char *cls = str_of (&v[AF_ERROR_CLASS]);
  if (!failure_parse (cls, &a->error_class))
    a->error_class = FAILURE_OTHER;
  a->error = str_of (&v[AF_ERROR]);
  a->t_dns_us = i64_or (&v[AF_T_DNS], 0);
  a->t_connect_us = i64_or (&v[AF_T_CONNECT], 0);
  a->t_tls_us = i64_or (&v[AF_T_TLS], 0);
  a->t_first_byte_us = i64_or (&v[AF_T_FIRST_BYTE], 0);
  a->t_total_us = i64_or (&v[AF_T_TOTAL], 0);
  a->t_first_token_us = i64_or (&v[AF_T_FIRST_TOKEN], -1);
  a->streamed = v[AF_T_FIRST_TOKEN].type == cJSON_Number
                || v[AF_T_FIRST_TOKEN].type == cJSON_NULL;
  a->t_queue_us = i64_or (&v[AF_T_QUEUE], -1);
  a->t_server_us = i64_or (&v[AF_T_SERVER], -1);
  a->redirected_to = str_of (&v[AF_REDIRECTED_TO]);
  a->started_at = str_of (&v[AF_STARTED_AT]);
  return TRUE;
}
