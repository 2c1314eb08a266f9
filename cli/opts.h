/*
 * opts.h - the one option parser of every brink command.
 *
 * A command lists its options in a table (long name, optional short
 * letter, whether it takes a value) and calls cli_opts_next() until it
 * returns CLI_OPTS_END.  Accepted, for every command alike:
 *   --name VALUE   --name=VALUE   -x VALUE   -xVALUE   -xy (flags grouped)
 *   --             ends the options; what follows is positional
 *   -              alone is a positional argument (standard input)
 * A flag given a value (--flag=1), a missing value, or an unknown option
 * (with the closest known one suggested) is a usage error printed as
 * "brink: CMD: ..." (exit status 2).
 */
#ifndef BRINK_CLI_OPTS_H
#define BRINK_CLI_OPTS_H

#include <stdint.h>

typedef struct cli_opt {
    const char *name; /* "--threads" */
    char short_name;  /* 'd' for -d, or 0 */
    int has_value;    /* 1: takes a value */
    int id;           /* returned by cli_opts_next */
} cli_opt_t;

typedef struct cli_opts {
    const char *cmd;         /* command name for messages */
    int argc;
    char **argv;
    const cli_opt_t *table;  /* terminated by a row with name NULL */
    int i;                   /* next argv index */
    int only_positional;     /* after "--" */
    const char *group;       /* rest of a group of short flags ("-Sq") */
} cli_opts_t;

/* Return values of cli_opts_next besides an option id (>= 0). */
enum { CLI_OPTS_END = -1, CLI_OPTS_POSITIONAL = -2, CLI_OPTS_ERROR = -3 };

/* Starts parsing argv[1..argc) of command cmd with the option table. */
void cli_opts_init(cli_opts_t *p, const char *cmd, int argc, char **argv,
                   const cli_opt_t *table);

/* The next item: an option id with *value set (NULL for a flag),
 * CLI_OPTS_POSITIONAL with *value the argument, CLI_OPTS_END, or
 * CLI_OPTS_ERROR after printing the usage error. */
int cli_opts_next(cli_opts_t *p, const char **value);

/* Checks value of option opt of command cmd as a whole number in
 * [lo, hi]; prints "brink: CMD: OPT: 'V' is not a whole number in [LO, HI]"
 * and returns EXIT_USAGE if not, EXIT_OK otherwise. */
int cli_opt_u64(const char *cmd, const char *opt, const char *value, uint64_t lo, uint64_t hi,
                uint64_t *out);

/* --threads N, the same everywhere: a whole number in [1, 1024]. */
int cli_opt_threads(const char *cmd, const char *value, uint64_t *out);

/* --seed N, the same everywhere: a whole number in [0, 2^53 - 1] (results
 * record it as a JSON number, exact only below 2^53). */
int cli_opt_seed(const char *cmd, const char *value, uint64_t *out);

#endif
