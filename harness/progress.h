/* The live progress of `vabench run`: one summary line, then the
 * submissions furthest from done — as many as the terminal's height
 * leaves room for, so a 34-province run redraws a few lines in place
 * instead of scrolling 34-line blocks. A finished submission's time stops
 * at its finish: its rate no longer falls while the others run. Pure: the
 * caller gives the time and the terminal's size, and prints the frame. */
#ifndef PROGRESS_H
#define PROGRESS_H

#include "harness/engine.h"

/* Submission lines shown at most, whatever the terminal's height. */
#define PROGRESS_MAX_SUBS 8

typedef struct _Progress Progress;

Progress *progress_new (void);
void progress_free (Progress *p); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Progress, progress_free)

/* Takes in one report of the engine (n submissions, elapsed_us since
 * firing began) and returns the frame: the summary line, then at most
 * rows − 2 (and PROGRESS_MAX_SUBS) submission lines — unfinished ones
 * least done first, then finished ones with the rate and time of their
 * finish — the last of them saying how many are not shown; every line cut
 * to cols − 1 characters (cols 0: not cut) so none wraps. summary_only
 * gives the summary line alone (plain logs). Each line ends with '\n'.
 * Newly allocated. */
char *progress_frame (Progress *p, const EngineSubProgress *subs, guint n,
                      gint64 elapsed_us, guint rows, guint cols,
                      gboolean summary_only);

/* Lines in the last frame (to move the cursor back over it). */
guint progress_lines (const Progress *p);

#endif
