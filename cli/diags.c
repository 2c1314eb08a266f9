/* diags.c - the one printer of located diagnostics on standard error. */
#include <stdio.h>

#include "cli.h"

int cli_print_diags(const char *file, brink_status_t st, const brink_diags_t *d)
{
    char line[2048];
    for (size_t k = 0; k < d->count; k++) {
        brink_diag_format(&d->items[k], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    if (d->count == 0 && file)
        fprintf(stderr, "%s:0:0: error: %s\n", file, brink_strerror(st));
    return st == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE;
}
