/* One writer per run directory: every command that writes into it (run,
 * resume, score, report, load, and appeal) holds an advisory
 * lock (flock(2), exclusive) on DIR/lock for as long as it writes, with
 * its pid and command written inside. A second writer is refused at once
 * with the holder's pid (RUNDIR_ERROR_LOCKED, exit 3): two resumes of one
 * run would fire every missing request twice and break the log's chain.
 * The kernel drops the lock when the holder dies, kill -9 included, so a
 * crash never leaves a directory locked. Readers (verify, gate, diff)
 * take no lock; rundir_lock_holder tells them when a writer is at work. */
#ifndef RUNDIR_LOCK_H
#define RUNDIR_LOCK_H

#include "rundir/rundir.h"

typedef struct _RundirLock RundirLock;

/* Takes DIR's lock for command ("run", "score", …), creating DIR/lock
 * (O_NOFOLLOW: a symlink planted there is refused). Returns the held
 * lock, or NULL with RUNDIR_ERROR_LOCKED naming the holder ("runs/x is
 * being written by another vabench (pid 4242, run)"), RUNDIR_ERROR_INPUT
 * when DIR is not a directory, or G_FILE_ERROR when the file cannot be
 * made. */
RundirLock *rundir_lock_take (const char *dir, const char *command,
                              GError **error);

/* Drops the lock (the file stays: removing it would let a third process
 * lock a new file while a second still waits on the old one). NULL is a
 * no-op. */
void rundir_lock_release (RundirLock *lock);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RundirLock, rundir_lock_release)

/* The pid of the process writing DIR now, −1 when one is but its pid is
 * not written yet, or 0 when none is (no lock file, or nobody holds it). *command (may be NULL) receives its
 * command, newly allocated, or NULL. */
gint64 rundir_lock_holder (const char *dir, char **command);

#endif
