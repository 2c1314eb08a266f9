/* cmd_validate.c - `brink validate`: check scenario files strictly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "opts.h"

const char cmd_validate_usage[] =
    "usage: brink validate FILE... [--set PATH=VALUE]... [--normalize]\n"
    "       brink validate --reference\n"
    "\n"
    "Checks scenario files (YAML 1.2 or JSON) against the scenario format\n"
    "(docs/scenario-format.md).  Prints 'FILE: ok' for a valid file, or one\n"
    "line per problem:\n"
    "    FILE:LINE:COL: error: FIELD.PATH: what was found; what was expected\n"
    "\n"
    "options:\n"
    "  --set PATH=VALUE  override a key before validating (same rules as the\n"
    "                    file; e.g. --set actors[DPRK].leaders[0].risk=0.3)\n"
    "  --normalize       print each valid scenario as normalised JSON (every\n"
    "                    key, defaults filled in) instead of 'ok'\n"
    "  --reference       print the Markdown reference of every scenario key\n"
    "\n"
    "Exit status: 0 when every file is valid, 2 otherwise.\n";

int cmd_validate(int argc, char **argv)
{
    enum { O_SET, O_NORMALIZE, O_REFERENCE };
    static const cli_opt_t table[] = {{"--set", 0, 1, O_SET}, {"--normalize", 0, 0, O_NORMALIZE},
                                      {"--reference", 0, 0, O_REFERENCE}, {NULL, 0, 0, 0}};
    const char **files = calloc((size_t)argc, sizeof *files);
    const char **sets = calloc((size_t)argc, sizeof *sets);
    const char *v;
    size_t nfiles = 0, nsets = 0;
    int normalize = 0, rc = EXIT_OK, id;
    brink_ctx_t *ctx = NULL;
    cli_opts_t p;
    if (!files || !sets) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    cli_opts_init(&p, "validate", argc, argv, table);
    while ((id = cli_opts_next(&p, &v)) != CLI_OPTS_END) {
        if (id == CLI_OPTS_ERROR) {
            rc = EXIT_USAGE;
            goto cleanup;
        } else if (id == CLI_OPTS_POSITIONAL) {
            files[nfiles++] = v;
        } else if (id == O_SET) {
            sets[nsets++] = v;
        } else if (id == O_NORMALIZE) {
            normalize = 1;
        } else if (id == O_REFERENCE) {
            brink_scenario_write_reference(stdout);
            goto cleanup;
        }
    }
    if (nfiles == 0) {
        rc = cli_usage_error("validate: expected at least one FILE (see 'brink help validate')");
        goto cleanup;
    }
    ctx = brink_ctx_new(NULL);
    if (!ctx) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    for (size_t f = 0; f < nfiles; f++) {
        brink_diags_t diags;
        brink_diags_init(&diags);
        brink_scenario_t *sc = NULL;
        brink_status_t st = brink_scenario_load(ctx, files[f], sets, nsets, &sc, &diags);
        if (st == BRINK_OK) {
            if (normalize) {
                if (brink_scenario_write_json(sc, stdout) != BRINK_OK)
                    rc = cli_fail("cannot write the normalised scenario");
            } else {
                printf("%s: ok\n", files[f]);
            }
        } else {
            char line[2048];
            for (size_t i = 0; i < diags.count; i++) {
                brink_diag_format(&diags.items[i], line, sizeof line);
                printf("%s\n", line);
            }
            if (diags.count == 0)
                printf("%s:0:0: error: %s\n", files[f], brink_strerror(st));
            rc = st == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE;
        }
        brink_scenario_free(sc);
        brink_diags_clear(ctx, &diags);
    }
cleanup:
    brink_ctx_free(ctx);
    free(files);
    free(sets);
    return rc;
}
