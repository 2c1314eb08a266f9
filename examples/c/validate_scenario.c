/*
 * validate_scenario.c - load a scenario strictly and print each problem
 * with its file, line, column and field path.
 *
 *   validate_scenario SCENARIO [PATH=VALUE]...
 *
 * The PATH=VALUE arguments are overrides, as `brink run --set`.  Exit
 * status: 0 valid, 2 invalid, 1 out of memory.
 * Build:  cc validate_scenario.c $(pkg-config --cflags --libs brink)
 */
#include <stdio.h>

#include <brink/brink.h>

int main(int argc, char **argv)
{
    int rc = 1;
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    brink_scenario_t *sc = NULL;
    brink_diags_t diags;
    brink_diags_init(&diags);
    if (!ctx)
        goto cleanup;
    if (argc < 2) {
        fprintf(stderr, "usage: validate_scenario SCENARIO [PATH=VALUE]...\n");
        rc = 2;
        goto cleanup;
    }
    brink_status_t st = brink_scenario_load(ctx, argv[1], (const char *const *)argv + 2,
                                            (size_t)(argc - 2), &sc, &diags);
    if (st == BRINK_OK) {
        printf("%s: ok (%s)\n", argv[1], brink_scenario_name(sc));
        rc = 0;
    } else {
        char line[2048];
        for (size_t i = 0; i < diags.count; i++) {
            brink_diag_format(&diags.items[i], line, sizeof line);
            printf("%s\n", line);
        }
        rc = st == BRINK_ENOMEM ? 1 : 2;
    }
cleanup:
    brink_scenario_free(sc);
    brink_diags_clear(ctx, &diags);
    brink_ctx_free(ctx);
    return rc;
}
