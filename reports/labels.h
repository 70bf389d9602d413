/* Display names of the codes a run carries — failure classes, near-miss
 * kinds, fact types, item kinds, fact statuses, weight names — in
 * Vietnamese (the default) and English, so that no report shows a raw
 * code such as `timeout` or `no_diacritics` to a reader. Every returned
 * string is static (or borrowed from the argument), never NULL. Category
 * names come from the question sets instead (rundata_category_name). */
#ifndef LABELS_H
#define LABELS_H

#include "reports/report.h"
#include "rundir/failure.h"
#include "rundir/item_kind.h"

/* "quá thời gian chờ" for FAILURE_TIMEOUT; "" for FAILURE_NONE. */
const char *labels_failure (FailureClass c, ReportLang lang);
/* The same from a class name ("http_5xx"); an unknown name is returned. */
const char *labels_failure_name (const char *name, ReportLang lang);

/* A near-miss kind ("no_diacritics" → "viết không dấu"); "clean" or NULL
 * is the question as written; an unknown kind is returned as given. */
const char *labels_nearmiss (const char *kind, ReportLang lang);

/* A variant's label: "câu gốc" for the clean form, else the kind's name
 * with its number ("gõ sót phím Telex #1"; hand-written ones marked).
 * variant_kind may be NULL (taken from the name). Newly allocated. */
char *labels_variant (const char *variant, const char *variant_kind,
                      ReportLang lang);

/* A fact type of an answer key ("money" → "Số tiền"). */
const char *labels_fact (const char *type, ReportLang lang);

/* An item kind ("unanswerable" → "câu không có đáp án"). */
const char *labels_item_kind (ItemKind kind, ReportLang lang);

/* A fact or claim status ("contradiction" → "mâu thuẫn"). */
const char *labels_status (const char *status, ReportLang lang);

/* A weight of the composite ("latency" → "tỷ lệ trả lời trong ngưỡng
 * thời gian"). */
const char *labels_weight (const char *key, ReportLang lang);

/* For the tests: TRUE when every known code of each table has a name in
 * both languages that differs from the code. */
gboolean labels_complete (void);

#endif
