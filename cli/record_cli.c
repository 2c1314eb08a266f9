/* record_cli.c - loading a record file for the forecasting modes, with its
 * located errors on stderr. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "forecasting.h"

int cli_has_option(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; i++)
        if (cli_opt_is(argv[i], name))
            return 1;
    return 0;
}

int cli_parse_month(const char *s, int *out)
{
    int y, m;
    char extra;
    if (strlen(s) != 7 || s[4] != '-' || sscanf(s, "%4d-%2d%c", &y, &m, &extra) != 2 ||
        y < 1800 || y > 2200 || m < 1 || m > 12)
        return -1;
    *out = y * 12 + m - 1;
    return 0;
}

int cli_record_load(brink_ctx_t *ctx, const char *cmd, const char *path, brink_record_t **out)
{
    brink_diags_t d;
    brink_diags_init(&d);
    if (!path)
        path = brink_record_shipped();
    brink_status_t st = brink_record_load(ctx, path, out, &d);
    int rc = EXIT_OK;
    if (st != BRINK_OK) {
        char line[2048];
        for (size_t k = 0; k < d.count; k++) {
            brink_diag_format(&d.items[k], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
        if (d.count == 0)
            fprintf(stderr, "%s:0:0: error: %s\n", path, brink_strerror(st));
        fprintf(stderr, "brink: %s: --record: %s is not a valid record (docs/record-format.md)\n",
                cmd, path);
        rc = st == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE;
    }
    brink_diags_clear(ctx, &d);
    return rc;
}
