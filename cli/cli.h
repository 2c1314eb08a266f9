/*
 * cli.h - shared pieces of the brink command: the subcommand table, option
 * helpers, exit codes, progress display.  Each subcommand lives in its own
 * cmd_<name>.c and sees only the public API in include/brink/.
 */
#ifndef BRINK_CLI_H
#define BRINK_CLI_H

#include <signal.h>
#include <stdint.h>
#include <stdio.h>

#include "brink/brink.h"

/* exit statuses */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct cli_command {
    const char *name;
    const char *summary;              /* one line for `brink --help` */
    const char *usage;                /* the full manual for `brink help NAME` */
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
} cli_command_t;

/* The table of subcommands (cli/main.c). */
extern const cli_command_t cli_commands[];
extern const size_t cli_command_count;

/* Prints "brink: " + message + newline on stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "brink: " + message + newline on stderr; returns EXIT_FAIL. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The closest candidate to word by edit distance, or NULL if none is close. */
const char *cli_suggest(const char *word, const char *const *candidates, size_t n);

/* Reports an unknown option of command cmd with a suggestion from the
 * NULL-terminated list of known options; returns EXIT_USAGE. */
int cli_unknown_option(const char *cmd, const char *opt, const char *const *known);

/* Nonzero if argument a is option name, alone or as "name=VALUE". */
int cli_opt_is(const char *a, const char *name);

/* Prints the located diagnostics d on stderr, one "FILE:LINE:COL: error:
 * MESSAGE" a line; with none (and file not NULL), "FILE:0:0: error: " and
 * the status's message.  Returns EXIT_FAIL for BRINK_ENOMEM, EXIT_USAGE
 * otherwise. */
int cli_print_diags(const char *file, brink_status_t st, const brink_diags_t *d);

/* Parses an unsigned integer / a double; returns 0 on success. */
int cli_parse_u64(const char *s, uint64_t *out);
int cli_parse_double(const char *s, double *out);

/* Progress display on stderr when it is a terminal (silent otherwise). */
typedef struct cli_progress {
    int enabled;
    const char *label;
    double start;
    double last;
} cli_progress_t;
void cli_progress_init(cli_progress_t *p, const char *label);
void cli_progress_update(cli_progress_t *p, uint64_t done, uint64_t total);
void cli_progress_done(cli_progress_t *p);
/* A brink_progress_fn that forwards to a cli_progress_t (ud). */
void cli_progress_cb(uint64_t done, uint64_t total, void *ud);

/* Monotonic seconds. */
double cli_now(void);

/* Atomic output (cli/output.c): write to a temporary file beside path
 * (PARENT/.BASE.brink-tmp.PID), then rename, so a reader never sees a
 * partial file.  A path that exists and is not a regular file (a device
 * such as /dev/null, a named pipe) and "-" (standard output) are written
 * directly, never replaced.  cli_atomic_open returns nonzero and prints an
 * error on failure; cli_atomic_commit returns 0 on success (flush, fsync,
 * rename) and on failure removes the temporary file.  The temporary file is
 * also removed on SIGINT, SIGTERM, SIGHUP and SIGPIPE (cli_signals_install). */
typedef struct cli_atomic {
    FILE *fp;
    char *path;
    char *tmp;   /* NULL when written directly */
    int direct;  /* 1: a device or pipe opened by path; 2: standard output */
    int slot;    /* in the signal cleanup table, or -1 */
} cli_atomic_t;
int cli_atomic_open(cli_atomic_t *a, const char *path);
int cli_atomic_commit(cli_atomic_t *a);
void cli_atomic_abort(cli_atomic_t *a);

/* Reads all of fp into a new NUL-terminated buffer (free with free()) of
 * *len bytes; NULL when out of memory or on a read error. */
char *cli_read_stream(FILE *fp, size_t *len);

/* Reads the non-negative numbers of the file at path (separated by commas
 * or white space) into a new array *out (free with free()) of *count
 * values.  Returns 0, -1 (cannot open), -2 (value number *bad is not a
 * non-negative number) or -3 (out of memory). */
int cli_read_counts(const char *path, double **out, size_t *count, size_t *bad);

/* Result directories (cli/output.c), through brink_outdir_*: the command
 * writes into cli_outdir_stage() and commits the whole set at once.
 * cli_outdir_begin prints "brink: CMD: ..." and returns nonzero on failure;
 * the stage is removed on SIGINT, SIGTERM, SIGHUP and SIGPIPE.
 * cli_outdir_commit blocks those signals while it renames, prints an error
 * and returns nonzero on failure; both it and cli_outdir_abort release the
 * handle (NULL is allowed). */
int cli_outdir_begin(const char *cmd, const char *dir, const char *const *owned,
                     brink_outdir_t **od);
int cli_outdir_commit(const char *cmd, brink_outdir_t **od);
void cli_outdir_abort(brink_outdir_t **od);

/* Writes the n files names[] of result directory dir at once: each is
 * opened in the stage and filled by fn(fp, i, ud) (0 on success); the set
 * is committed only if every one was written.  Prints "brink: CMD: ..." on
 * failure.  Returns EXIT_OK or EXIT_FAIL. */
typedef int (*cli_file_writer_t)(FILE *fp, size_t i, void *ud);
int cli_outdir_write(const char *cmd, const char *dir, const char *const *owned,
                     const char *const *names, size_t n, cli_file_writer_t fn, void *ud);

/* The staging paths the signal handlers remove (cli/signals.c): a file
 * (cli_staging_add returns its slot, or -1 when all are taken;
 * cli_staging_remove(slot) forgets it) and the result directory stage (NULL:
 * none).  cli_signals_block(saved, 1) enters a critical section (the
 * cleanup signals blocked in this thread, held in others) and
 * cli_signals_block(saved, 0) leaves it, raising a held signal. */
int cli_staging_add(char *path);
void cli_staging_remove(int slot);
void cli_staging_set_dir(brink_outdir_t *od);
void cli_signals_block(sigset_t *saved, int block);

/* Installs the handlers that remove staging files and directories on
 * SIGINT, SIGTERM, SIGHUP and SIGPIPE, then die of the same signal. */
void cli_signals_install(void);

/* Removes the process's staging files and result directory stage (what
 * the signal handlers remove); async-signal-safe. */
void cli_remove_staging_signal_safe(void);

/* Routes GMP's allocations through a function that, when memory runs out,
 * removes the staging files and exits with status 1 ("out of memory")
 * instead of GMP's abort. */
void cli_gmp_install(void);

/* Creates directory dir (and parents) if missing; 0 on success. */
int cli_mkdirs(const char *dir);

#endif
