/* Question sets: JSON Lines loader and validator (format: testsets/README.md).
 * Every error names file:line and the field. */
#ifndef TESTSET_H
#define TESTSET_H

#include "util/vb_autocleanups.h"

#define TESTSET_ERROR (testset_error_quark ())
GQuark testset_error_quark (void);
typedef enum {
  TESTSET_ERROR_INVALID,   /* any schema violation (message has file:line) */
  TESTSET_ERROR_DUPLICATE, /* an id seen twice */
  TESTSET_ERROR_HEADER,    /* a header line that is not the first record */
  TESTSET_ERROR_UNREVIEWED /* --require-reviewed and an unreviewed item */
} TestsetError;

typedef struct _JudgeKey JudgeKey;
typedef struct _JudgeTopics JudgeTopics;

typedef struct {
  char *question; /* the user message of this turn */
  JudgeKey *key;  /* owned: the turn's compiled answer key (scoring/judge.h),
                     built once when the set is validated; the item's JSON
                     is not kept (scoring reads only the key) */
} TsTurn;

typedef struct {
  char *type;   /* near-miss kind it illustrates, e.g. "no_diacritics" */
  char **turns; /* NULL-terminated: one text per turn of the item */
} TsVariant;

typedef struct {
  char *id, *category, *kind;
  guint line;           /* line in the file, for messages */
  gboolean reviewed;    /* review == "reviewed" */
  GPtrArray *turns;     /* TsTurn*, at least one; one for non-conversations */
  GPtrArray *variants;  /* TsVariant*, hand-written near-misses, may be empty */
  char *valid_from;     /* inclusive YYYY-MM-DD the key holds from, or NULL */
  char *valid_until;    /* inclusive YYYY-MM-DD it holds until, or NULL */
  char **canary;        /* a canary item's tell-tale phrases (what only a
                           model trained on the leaked set would answer),
                           NULL-terminated; NULL for other items */
  char digest[17];      /* the first 16 hex digits of the SHA-256 of its
                           line: which items changed between two files */
} TsItem;

typedef struct {
  char *path;       /* as given */
  char *name;       /* header name, or the file's basename without .jsonl */
  char *version;    /* header version or NULL */
  char *as_of;      /* header as_of or NULL */
  gboolean hidden;  /* header visibility == "hidden" */
  char *canary;     /* header canary: a string unique to the set, checked in
                       every answer (scoring/canary.h), or NULL */
  char *sha256;     /* hex SHA-256 of the file bytes (NULL when loaded
                       unhashed) */
  GHashTable *categories; /* category code → display name ("cu-tru" →
                             "Cư trú") from the header's "categories", or
                             NULL when it gives none; then every item's
                             category is one of them */
  JudgeTopics *topics; /* owned: the header's topics and the items' inline
                          ones (scoring/judge.h) */
  GPtrArray *items; /* TsItem*, in file order */
  GHashTable *by_id;/* id → TsItem* (borrowed from items) */
} Testset;

/* Loads and validates path. Returns NULL and sets error (TESTSET_ERROR or
 * JSONL_ERROR / JUDGE_ERROR codes) with "path:line: field "x": reason". */
Testset *testset_load (const char *path, GError **error);
void testset_free (Testset *set); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Testset, testset_free)

/* TRUE when id is a valid item id or set name: 1 to 128 ASCII letters,
 * digits, '-', '_' or '.' — no '/', so that keys joined from a set, an
 * item and a variant never collide. */
gboolean testset_id_valid (const char *id);

/* Borrowed item or NULL. */
const TsItem *testset_lookup (const Testset *set, const char *id);

/* TRUE when s is a calendar date written YYYY-MM-DD (years 1900–2200);
 * otherwise FALSE with TESTSET_ERROR_INVALID naming field. */
gboolean testset_date_check (const char *s, const char *field,
                             GError **error);

/* TRUE when the item's key holds on date (a valid YYYY-MM-DD): date lies
 * in [valid_from, valid_until], an absent end being open. */
gboolean testset_item_valid_on (const TsItem *it, const char *date);

/* The item's window for messages, "2025-01-01..2026-06-30", an open end
 * left empty ("..2026-06-30"). Newly allocated. */
char *testset_item_window (const TsItem *it);

/* FALSE with TESTSET_ERROR_UNREVIEWED naming file:line of every item
 * whose review is not "reviewed", one per line, then their count
 * (official contests, `testset check --require-reviewed`). */
gboolean testset_require_reviewed (const Testset *set, GError **error);

#endif
