/*
 * brink/outdir.h - atomic result directories.
 *
 * A command that writes a result directory DIR (events.csv, summary.json,
 * ...) writes every file into a staging directory beside it,
 * PARENT/.BASE.brink-stage.PID, and commits the whole set at once, so that
 * a reader sees the old result or the new one, never a mix of the two or a
 * half-written file:
 *
 *   brink_outdir_t *od;
 *   static const char *const own[] = {"events.csv", "summary.json", NULL};
 *   brink_outdir_begin(ctx, "out/korea", own, &od); // stage beside out/korea
 *   write files into brink_outdir_stage(od) ...
 *   brink_outdir_commit(ctx, od);                  // all or nothing
 *   brink_outdir_free(od);                         // removes an uncommitted stage
 *
 * Commit: a new or empty DIR is replaced by the stage with one rename.  An
 * existing DIR is renamed aside (PARENT/.BASE.brink-old.PID), the stage is
 * renamed to DIR, the entries of the old directory that are not the
 * command's own (a report, figures, the user's notes) are moved into the
 * new one, and the rest of the old directory is removed.  The command's own
 * entries are those matching one of its patterns (fnmatch), whether or not
 * this run wrote them: a result file of another mode of the command never
 * survives beside the new result.
 *
 * Stale staging: brink_outdir_begin first looks beside DIR for staging and
 * old directories of the same BASE left by processes that no longer exist
 * (killed with SIGKILL, a power cut): a stale stage is removed; a stale old
 * directory is put back as DIR if DIR is missing (the commit was cut between
 * its two renames), otherwise its foreign entries are moved into DIR and the
 * rest removed.  Only names of that exact form, with a dead process id, are
 * touched.
 *
 * Signals: brink_outdir_abort_signal_safe removes the stage with
 * async-signal-safe calls only, for a SIGINT/SIGTERM/SIGPIPE handler (the
 * library installs no handler).  The stage must hold plain files only.
 */
#ifndef BRINK_OUTDIR_H
#define BRINK_OUTDIR_H

#include "brink/core.h"

typedef struct brink_outdir brink_outdir_t;

/** Prepares to write the result directory dir: creates its parent
 *  directories if missing, cleans stale staging beside it (see above) and
 *  creates an empty staging directory.  owned is the NULL-terminated list
 *  of name patterns (fnmatch) of every file the command may write there
 *  (copied; NULL for none).  dir must not name "/", "." or "..",
 *  nor an existing non-directory.  On success *out is a new handle (free
 *  with brink_outdir_free).  Returns BRINK_OK, BRINK_EIO (cannot create;
 *  the message names the path and the system's reason), BRINK_EINVAL
 *  (a path that cannot be a result directory) or BRINK_ENOMEM. */
BRINK_API brink_status_t brink_outdir_begin(brink_ctx_t *ctx, const char *dir, const char *const *owned,
                                  brink_outdir_t **out);

/** The staging directory to write the result files into.  Borrowed: valid
 *  until brink_outdir_free. */
BRINK_API const char *brink_outdir_stage(const brink_outdir_t *od);

/** The result directory given to brink_outdir_begin.  Borrowed. */
BRINK_API const char *brink_outdir_dir(const brink_outdir_t *od);

/** Commits the staged files as the result directory: syncs the files and
 *  directories to disk, then replaces dir (see above).  Returns BRINK_OK or
 *  BRINK_EIO (nothing committed: dir keeps its old content; the message
 *  says why).  Once committed, brink_outdir_free leaves dir alone. */
BRINK_API brink_status_t brink_outdir_commit(brink_ctx_t *ctx, brink_outdir_t *od);

/** Removes the staging directory (if not committed) and frees the handle.
 *  brink_outdir_free(NULL) does nothing. */
BRINK_API void brink_outdir_free(brink_outdir_t *od);

/** Removes the uncommitted staging directory and the files in it using
 *  only async-signal-safe system calls (no allocation), for a signal
 *  handler.  Does nothing after a commit or for NULL. */
BRINK_API void brink_outdir_abort_signal_safe(const brink_outdir_t *od);

/** Removes stale temporary files PARENT/.BASE.brink-tmp.PID of a single
 *  output file path left by processes that no longer exist.  Returns the
 *  number removed.  Used by writers of single files that commit with one
 *  rename. */
BRINK_API int brink_outdir_clean_stale_tmp(const char *path);

#endif
