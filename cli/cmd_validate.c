/* cmd_validate.c - `brink validate`: check scenario files strictly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

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
    static const char *const known[] = {"--set", "--normalize", "--reference", NULL};
    const char **files = calloc((size_t)argc, sizeof *files);
    const char **sets = calloc((size_t)argc, sizeof *sets);
    size_t nfiles = 0, nsets = 0;
    int normalize = 0, rc = EXIT_OK;
    brink_ctx_t *ctx = NULL;
    if (!files || !sets) {
        rc = cli_fail("out of memory");
        goto cleanup;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--set") == 0) {
            if (i + 1 >= argc) {
                rc = cli_usage_error("validate: --set needs PATH=VALUE");
                goto cleanup;
            }
            sets[nsets++] = argv[++i];
        } else if (strncmp(a, "--set=", 6) == 0) {
            sets[nsets++] = a + 6;
        } else if (strcmp(a, "--normalize") == 0) {
            normalize = 1;
        } else if (strcmp(a, "--reference") == 0) {
            brink_scenario_write_reference(stdout);
            goto cleanup;
        } else if (strcmp(a, "--") == 0) {
            while (++i < argc)
                files[nfiles++] = argv[i];
        } else if (a[0] == '-' && a[1] != '\0') {
            rc = cli_unknown_option("validate", a, known);
            goto cleanup;
        } else {
            files[nfiles++] = a;
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
