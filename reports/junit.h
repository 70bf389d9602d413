/* JUnit XML for CI dashboards: one <testsuite> per submission, one
 * <testcase classname=SUBMISSION name=ITEM/VARIANT> per score record, a
 * <failure> holding the explanation for a wrong answer, an <error> for a
 * request that failed. Records of a hidden set are folded into one
 * testcase per submission and set ("hidden:SET") that states only counts.
 * Records arrive in any order, so suites are assembled in memory. */
#ifndef JUNIT_H
#define JUNIT_H

#include "reports/report.h"

typedef struct _JunitWriter JunitWriter;

/* results: the run's (borrowed; must outlive the writer) giving the
 * suite order and the testsuites' name. */
JunitWriter *junit_writer_new (const Results *results, ReportLang lang);
void junit_writer_free (JunitWriter *w); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JunitWriter, junit_writer_free)

/* Adds one score record (borrowed). */
void junit_writer_add (JunitWriter *w, const ScoreRecord *rec,
                       gboolean hidden);

/* The whole document, newly allocated; the writer stays usable. */
char *junit_writer_finish (JunitWriter *w);

#endif
