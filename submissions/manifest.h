/* Submission manifests: one JSON file per province's endpoint
 * (format: submissions/README.md). Secrets are read from the environment
 * variable the manifest names and are never part of any snapshot. */
#ifndef MANIFEST_H
#define MANIFEST_H

#include "util/vb_autocleanups.h"

#define MANIFEST_ERROR (manifest_error_quark ())
GQuark manifest_error_quark (void);
typedef enum {
  MANIFEST_ERROR_INVALID, /* schema violation; message has file:line */
  MANIFEST_ERROR_SECRET,  /* the named environment variable is not set */
} ManifestError;

typedef struct {
  char *path;     /* file it was read from */
  char *id;       /* short identifier, [A-Za-z0-9._-]+ */
  char *name;     /* display name */
  char *province; /* may be NULL */
  char *endpoint; /* URL */
  char *adapter;  /* "openai-chat", "rasa-rest", "template" */
  char *model;    /* openai-chat: optional model name */
  gboolean stream;        /* openai-chat: ask for SSE streaming */
  char *auth_type;        /* NULL, "bearer" or "header" */
  char *auth_env;         /* name of the variable holding the secret */
  char *auth_header;      /* header name for auth_type "header" */
  char *secret;           /* the secret itself; never written anywhere */
  char **headers;         /* extra "Name: value" lines, NULL-terminated */
  guint concurrency;      /* 0 = contest default */
  double rate_per_sec;    /* 0 = contest default */
  guint timeout_ms;       /* 0 = contest default */
  char **redirect_hosts;  /* hosts a redirect may go to (default none) */
  /* template adapter */
  char *method;           /* default POST */
  cJSON *body_template;   /* owned; strings may hold {{question}} etc. */
  char *answer_pointer;   /* RFC 6901 JSON Pointer to the answer */
} Manifest;

/* Loads path. Errors name "path:line: field "x": reason"; an unknown
 * member (also inside "auth") is an error with a "did you mean" for a
 * near miss; a missing secret variable is MANIFEST_ERROR_SECRET naming
 * the variable. */
Manifest *manifest_load (const char *path, GError **error);
void manifest_free (Manifest *m); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Manifest, manifest_free)

/* The line of m's file where field is set (1 when it cannot tell): for
 * a message about a field found wrong after loading. */
guint manifest_field_line (const Manifest *m, const char *field);

/* The manifest as JSON without any secret (for manifest.json). New object. */
cJSON *manifest_snapshot (const Manifest *m);

#endif
