/* Units an answer gives elsewhere than beside its numbers: a table
 * header ("Lệ phí (đồng)"), an "(đơn vị tính: đồng)" line under a list. A
 * step of answer_new (scoring/answer.c), apart because it rewrites the
 * parts' text after they are built. */
#ifndef VABENCH_SCORING_ANSWER_UNITS_H
#define VABENCH_SCORING_ANSWER_UNITS_H

#include "scoring/answer.h"

/* Puts the declared unit after every bare amount of the parts it
 * governs (their norm is replaced). */
void answer_units_complete (Answer *a);

#endif
