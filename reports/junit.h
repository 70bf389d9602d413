/* JUnit XML for CI dashboards that agrees with the gate: one <testsuite>
 * per submission, one <testcase> per gate threshold checked on it (name
 * "accuracy >= 80%", a <failure> giving the value when it does not hold);
 * without any threshold, one skipped case saying none was given. Per-item
 * cases — one per score record, a <failure> with the explanation for a
 * wrong answer, an <error> for a failed request — only when asked for
 * (--junit-items): they are a worklist, not the gate. Records of a hidden
 * set are then folded into one case per submission and set
 * ("hidden:SET") stating only counts. Records arrive in any order, so
 * suites are assembled in memory. */
#ifndef JUNIT_H
#define JUNIT_H

#include "reports/report.h"

typedef struct _JunitWriter JunitWriter;

/* results: the run's (borrowed; must outlive the writer) giving the suite
 * order and the testsuites' name. items: also a case per score record. */
JunitWriter *junit_writer_new (const Results *results, ReportLang lang,
                               gboolean items);
void junit_writer_free (JunitWriter *w); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JunitWriter, junit_writer_free)

/* Adds the gate's checks (GateCheck*, reports/gate.h; borrowed). */
void junit_writer_add_checks (JunitWriter *w, const GPtrArray *checks);

/* TRUE when the writer wants score records (items were asked for). */
gboolean junit_writer_wants_records (const JunitWriter *w);

/* Adds one score record (borrowed); ignored unless items were asked for. */
void junit_writer_add (JunitWriter *w, const ScoreRecord *rec,
                       gboolean hidden);

/* The whole document, newly allocated; the writer stays usable. */
char *junit_writer_finish (JunitWriter *w);

#endif
