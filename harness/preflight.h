/* Pre-flight: one probe request per submission before anything is fired,
 * so that a submission that cannot answer at all — refused, unknown host,
 * TLS, 401/403/404, a body that is not its adapter's shape — is named with
 * the reason and the fix in seconds instead of a whole run of failures
 * (issue 15). The probe is a short greeting, never a question of a set;
 * it is not logged and not scored. */
#ifndef PREFLIGHT_H
#define PREFLIGHT_H

#include "harness/contest.h"
#include "rundir/failure.h"

#define PREFLIGHT_ERROR (preflight_error_quark ())
GQuark preflight_error_quark (void);
typedef enum { PREFLIGHT_ERROR_CURL } PreflightError;

typedef enum {
  PREFLIGHT_OK,          /* it answered */
  PREFLIGHT_WARNING,     /* it failed in a way the run copes with (a 5xx, a
                            timeout, a reset): fired anyway */
  PREFLIGHT_UNAVAILABLE, /* it cannot answer at all: not fired */
} PreflightState;

/* What the probe got, as the diagnosis reads it (borrowed). */
typedef struct {
  FailureClass cls;       /* FAILURE_NONE when it answered */
  long status;            /* HTTP status, 0 without a response */
  gboolean refused;       /* the connection could not be made at all
                             (refused, or the connect timed out) */
  const char *detail;     /* libcurl's or the adapter's words, or NULL */
  const char *body;       /* the start of the body, or NULL */
  const char *location;   /* a redirect's target, or NULL */
} PreflightSeen;

typedef struct {
  const Manifest *m;      /* borrowed */
  PreflightState state;
  FailureClass cls;
  long status;
  char *reason;           /* what happened, one line */
  char *fix;              /* what to change, or NULL */
} PreflightResult;

/* The diagnosis of one probe: state, reason and fix (pure; r's strings
 * newly allocated, free with preflight_result_clear). */
void preflight_diagnose (const Manifest *m, const PreflightSeen *seen,
                         PreflightResult *r);
void preflight_result_clear (PreflightResult *r);

/* Probes every submission of c at once, each under its own timeouts.
 * GArray of PreflightResult in contest order (its strings freed with the
 * array). NULL + error only when libcurl cannot be set up. */
GArray *preflight_run (const Contest *c, const char *run_id, GError **error);

/* "ok", "warning", "unavailable" (static). */
const char *preflight_state_name (PreflightState s);

/* {"state", "class", "http_status", "reason", "fix"} for manifest.json's
 * submission status. New object. */
cJSON *preflight_result_json (const PreflightResult *r);

#endif
