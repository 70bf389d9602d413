/* The mock assistant's knowledge base (testsets/kb/procedures.jsonl, format in
 * testsets/kb/README.md) and retrieval over it: a question is split into
 * syllables and scored against every record's title and aliases by weighted
 * syllable overlap (rare syllables and adjacent pairs count more). Pure after
 * loading: no clock, no network; read-only, so safe from any thread. */
#ifndef MOCK_KB_H
#define MOCK_KB_H

#include "util/vb_autocleanups.h"

#define MOCK_KB_ERROR (mock_kb_error_quark ())
GQuark mock_kb_error_quark (void);
typedef enum {
  MOCK_KB_ERROR_DUPLICATE, /* two records with the same id */
} MockKbError;

/* How a question is compared with the records. */
typedef enum {
  MOCK_KB_EXACT, /* NFC + case folding only: diacritics must match */
  MOCK_KB_FUZZY, /* also diacritics folded, Telex/VNI residue decoded, chat
                    and admin abbreviations expanded, one typo per syllable
                    of three letters or more tolerated */
} MockKbMatch;

typedef struct {
  char *channel; /* "trực tiếp", "trực tuyến", or NULL: any channel */
  char *time;    /* prose; NULL when no verified figure exists */
  char *fee;     /* prose; NULL when no verified figure exists */
} MockKbChannel;

typedef struct {
  char *id;
  char *kind; /* "procedure", "law" or "fact" */
  char *category;
  char *title;
  char **aliases;      /* names people use; may be empty, never NULL */
  char *agency;        /* NULL when unknown */
  GPtrArray *channels; /* MockKbChannel*, may be empty */
  char **dossier;      /* verified dossier items; may be empty, never NULL */
  char **legal_basis;  /* never NULL */
  char *text;          /* prose of a law or fact record, else NULL */
  char *notes;         /* a caveat to add to answers, or NULL */
  gboolean hedged;     /* confidence is not "src": answers add a caveat */
} MockKbRecord;

typedef struct _MockKb MockKb;

/* Loads path (JSON Lines). Returns NULL and sets error (JSONL_ERROR with
 * file:line and field, or MOCK_KB_ERROR) on failure. */
MockKb *mock_kb_load (const char *path, GError **error);
void mock_kb_free (MockKb *kb); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MockKb, mock_kb_free)

guint mock_kb_size (const MockKb *kb);
/* Borrowed record; i < mock_kb_size. */
const MockKbRecord *mock_kb_record (const MockKb *kb, guint i);
/* Borrowed record with that id, or NULL. */
const MockKbRecord *mock_kb_lookup (const MockKb *kb, const char *id);

/* Best record for question, or NULL when none reaches the threshold.
 * *score (if not NULL) receives the best coverage in [0, 1]. Borrowed. */
const MockKbRecord *mock_kb_search (const MockKb *kb, const char *question,
                                    MockKbMatch match, double *score);

/* The syllables retrieval compares for text under match (normalized as
 * described above, Telex/VNI not decoded). NULL-terminated, free with
 * g_strfreev. Exposed for the answer composer and the tests. */
char **mock_kb_syllables (const char *text, MockKbMatch match);

/* TRUE when syllables a and b count as the same under match (fuzzy: equal,
 * or one edit apart when both have at least three letters). */
gboolean mock_kb_syllable_eq (const char *a, const char *b, MockKbMatch match);

#endif
