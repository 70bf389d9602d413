/* Compiled answer keys: the fact schema of question sets (testsets/README.md
 * "Facts") validated and turned into the structures the matchers read.
 * Internal to scoring/: the public face is judge.h. */
#ifndef JUDGE_KEY_H
#define JUDGE_KEY_H

#include "scoring/judge.h"
#include "scoring/names.h"
#include "scoring/numbers.h"

typedef enum {
  FACT_MONEY, FACT_DURATION, FACT_AGENCY, FACT_PHRASE, FACT_CITATION,
  FACT_LIST, FACT_CHOICE, FACT_REFUSAL, FACT_POLARITY, FACT_DATE,
  FACT_N_TYPES
} FactType;

extern const char *const judge_fact_type_names[FACT_N_TYPES];

/* The national portal's channels ("cách thức thực hiện"). */
typedef enum { CH_TRUC_TIEP, CH_TRUC_TUYEN, CH_BUU_CHINH, CH_N } Channel;
extern const char *const judge_channel_names[CH_N];

/* What a money or duration fact asks about (its "about" field). */
typedef enum {
  ABOUT_FEE, ABOUT_FINE, ABOUT_TOTAL, ABOUT_POSTAGE,
  ABOUT_PROCESSING, ABOUT_DEADLINE, ABOUT_VALIDITY, ABOUT_EXTENSION,
  ABOUT_DELIVERY, ABOUT_STEP, ABOUT_N
} About;
extern const char *const judge_about_names[ABOUT_N];

typedef struct {
  double value;
  NumbersUnit unit;
} Quantity;

/* One phrase list in both forms: form[0] strict, form[1] lenient phrase
 * forms (" a b "), in the agency form for agencies. Read-only once built,
 * shared (refcounted) between keys that list the same strings. */
typedef struct {
  GPtrArray *raw;     /* char*, as written in the key */
  GPtrArray *form[2]; /* char*, same order */
  GArray *words[2];   /* NamesWordSet of each form, same order */
  GArray *keep_cap;   /* gboolean per alias: agency aliases that keep "cấp"
                         (NULL for other lists) */
  gint ref;
} Aliases;

/* Values per channel; has[c] tells which are given. */
typedef struct {
  gboolean has[CH_N];
  Quantity q[CH_N];
} ChannelValues;

typedef struct {
  char *name;
  Aliases *when;        /* cue phrases naming the case */
  gboolean has_value;
  Quantity value;
  ChannelValues channel;
} FactCase;

typedef struct Fact {
  FactType type;
  gboolean required;
  double weight;
  Quantity value;       /* money (VND), duration */
  GArray *others;       /* Quantity: other_values */
  ChannelValues channel;
  GPtrArray *cases;     /* FactCase* (money, duration) */
  About about;
  gboolean about_given; /* the key says what the value is about */
  Aliases *aliases;     /* agency, phrase, refusal, citation by name */
  char *doc;            /* citation: as written */
  char *doc_canonical;  /* citation: canonical number, NULL if none */
  GPtrArray *items;     /* list: Aliases* */
  double min_recall;    /* list */
  char *answer;         /* choice: the letter, upper case */
  gboolean yes;         /* polarity: the right stance is yes */
  guint year, month, day; /* date */
  GPtrArray *allowed;   /* refusal: struct Fact* (money, duration) */
  char *reason;         /* forbid rules */
  char *expected;       /* the key value as shown in explanations, or NULL */
} Fact;

typedef struct {
  char *letter;  /* upper case */
  Aliases *text; /* the option's text */
  char *norm;    /* normalize_text of the option (strict) */
} Choice;

/* Which parts of an answer the key looks at (answer_scan). */
enum { NEED_AMOUNTS = 1, NEED_CITES = 2, NEED_DATES = 4 };

struct _JudgeKey {
  char *kind;
  guint needs;        /* NEED_* */
  GPtrArray *facts;   /* Fact* */
  GPtrArray *forbid;  /* Fact* */
  GPtrArray *choices; /* Choice* */
  JudgeTopics *topics; /* the set's topics (a reference), or NULL */
  char *topic;         /* the key's topic id, or NULL */
  gboolean asks_history; /* the question asks about the past */
  gboolean asks_validity; /* it asks how long a paper lasts ("có giá trị
                            mấy năm", "có thời hạn bao lâu") */
  gboolean asks_branch; /* it asks about the branch where the dossier is
                           incomplete or refused ("bị yêu cầu sửa đổi, bổ
                           sung thì … thông báo trong mấy ngày?") */
  gint asked_channel;    /* the one channel the question names (CH_*), or -1 */
  guint asked_variants;  /* the variants it names (cues_variant_bit) */
  char *question;        /* the turn's question, or NULL */
  GArray *asked_topics;  /* guint: other topics the question names, or NULL */
  guint32 as_of;         /* YYYYMMDD the key speaks for, or 0 */
  guint asked_year;      /* a year the question names ("Trong năm 2025"), or 0 */
  gboolean asks_leave;   /* it asks to be let ("… được không?", "có cách
                            …"): a bare "Được," grants it */
  char **premise[2];     /* what it asks to do without ("… mà không cần giấy
                            ủy quyền"): the first two words after "không
                            cần", strict and folded; NULL when none */
  GArray *asked_amounts; /* NumbersMention: the figures of the question's own
                            story ("20 ngày sau mới đi đăng ký"), or NULL */
};

void judge_aliases_unref (Aliases *a);

/* TRUE when topic (an index of key->topics) is the key's own or one its
 * question names. */
gboolean judge_key_asks_topic (const JudgeKey *key, guint topic);

/* A phrase list from a JSON array of strings (path names it in errors).
 * New (unref with judge_aliases_unref), or NULL and error. */
Aliases *judge_aliases_from_json (const cJSON *arr, const char *path,
                                  GError **error);

/* Index of the first alias of a (in the mode) found in the phrase form
 * hay on word boundaries, or -1; *word and *words (optional) get where in
 * hay (names_find). hay's word set (names_word_set) is known: the aliases
 * whose words it lacks are not searched. */
int judge_aliases_find_in (const Aliases *a, gboolean lenient,
                           const char *hay, const NamesWordSet *hay_words,
                           guint *word, guint *words);
/* TRUE when agency alias i was kept with "cấp" (match it in hay_cap). */
gboolean judge_aliases_keep_cap (const Aliases *a, guint i);

/* Quantities equal for the unit (money to half a đồng). */
gboolean judge_same_amount (double a, double b, NumbersUnit unit);

#endif
