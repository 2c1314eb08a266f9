/* cmd_convert.c - `brink convert IN OUT`: between .nfg, .efg and JSON. */
#include <stdlib.h>
#include <string.h>

#include "brink/game.h"
#include "cli.h"
#include "commands.h"

const char cmd_convert_usage[] =
    "usage: brink convert GAME OUTPUT [--to nfg|nfg-outcome|efg|json]\n\n"
    "Reads a Gambit .nfg or .efg file (or brink's JSON) and writes it to OUTPUT ('-' for standard\n"
    "output).  The format comes from --to or from OUTPUT's extension (.nfg, .efg,\n"
    ".json).  An extensive game written as .nfg becomes its reduced strategic\n"
    "form.  Numbers are written exactly (p/q), so reading the output back gives\n"
    "the same game.  Exit 2 on a malformed input file.\n";

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

int cmd_convert(int argc, char **argv)
{
    static const char *const known[] = {"--to", NULL};
    const char *in = NULL, *outp = NULL, *to = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--to") == 0 && i + 1 < argc)
            to = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_unknown_option("convert", argv[i], known);
        else if (!in)
            in = argv[i];
        else if (!outp)
            outp = argv[i];
        else
            return cli_usage_error("convert: expected GAME OUTPUT, got '%s' too", argv[i]);
    }
    if (!in || !outp)
        return cli_usage_error("convert: expected GAME OUTPUT (see 'brink help convert')");
    brink_game_format_t fmt;
    const char *f = to ? to : ends_with(outp, ".nfg") ? "nfg"
                          : ends_with(outp, ".efg")   ? "efg"
                          : ends_with(outp, ".json")  ? "json"
                                                      : NULL;
    if (!f)
        return cli_usage_error("convert: cannot tell the format of '%s'; use --to", outp);
    if (strcmp(f, "nfg") == 0)
        fmt = BRINK_FMT_NFG;
    else if (strcmp(f, "nfg-outcome") == 0)
        fmt = BRINK_FMT_NFG_OUTCOME;
    else if (strcmp(f, "efg") == 0)
        fmt = BRINK_FMT_EFG;
    else if (strcmp(f, "json") == 0)
        fmt = BRINK_FMT_JSON;
    else
        return cli_usage_error("convert: unknown format '%s' (nfg, nfg-outcome, efg, json)", f);
    brink_ctx_t *ctx = brink_ctx_new(NULL);
    if (!ctx)
        return cli_fail("out of memory");
    brink_game_t *g = NULL;
    brink_status_t rst;
    char *text = NULL;
    size_t len = 0;
    int rc = EXIT_OK;
    if ((rst = brink_game_read_file(ctx, in, &g, NULL)) != BRINK_OK) {
        fprintf(stderr, "%s\n", brink_ctx_errmsg(ctx));
        rc = rst == BRINK_ENOMEM ? EXIT_FAIL : EXIT_USAGE; /* out of memory is a failure */
        goto done;
    }
    if (brink_game_write(ctx, g, fmt, &text, &len) != BRINK_OK) {
        rc = cli_fail("convert: %s", brink_ctx_errmsg(ctx));
        goto done;
    }
    if (strcmp(outp, "-") == 0) {
        fwrite(text, 1, len, stdout);
    } else {
        cli_atomic_t a;
        if (cli_atomic_open(&a, outp) != 0) {
            rc = EXIT_FAIL;
            goto done;
        }
        fwrite(text, 1, len, a.fp);
        if (cli_atomic_commit(&a) != 0)
            rc = EXIT_FAIL;
    }
done:
    brink_free(ctx, text);
    brink_game_free(ctx, g);
    brink_ctx_free(ctx);
    return rc;
}
