/* Running out of memory ends vabench with a message and exit 3 ("the run
 * could not be carried out"), not with GLib's breakpoint trap (SIGTRAP,
 * exit 133, which reads as a crash). The limits on every input (question
 * sets, manifests, contest files: util/input_file.h) keep memory
 * proportional to what a contest holds; this is what is left when the
 * machine is smaller still. */
#ifndef VB_OOM_H
#define VB_OOM_H

#include <glib.h>

/* From now on a failed allocation (GLib's "failed to allocate" error)
 * prints "PROG: out of memory (…)" and exits 3. Other log messages go to
 * GLib's default handler as before. prog is borrowed for the process. */
void oom_install (const char *prog);

#define OOM_EXIT 3

#endif
