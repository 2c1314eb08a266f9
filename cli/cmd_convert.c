/* cmd_convert.c - `brink convert IN OUT`: between .nfg, .efg and JSON. */
#include <stdlib.h>
#include <string.h>

#include "brink/game.h"
#include "cli.h"
#include "commands.h"
#include "opts.h"

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
    static const cli_opt_t table[] = {{"--to", 0, 1, 0}, {NULL, 0, 0, 0}};
    const char *in = NULL, *outp = NULL, *to = NULL, *v;
    int id;
    cli_opts_t p;
    cli_opts_init(&p, "convert", argc, argv, table);
    while ((id = cli_opts_next(&p, &v)) != CLI_OPTS_END) {
        if (id == CLI_OPTS_ERROR)
            return EXIT_USAGE;
        if (id == 0)
            to = v;
        else if (!in)
            in = v;
        else if (!outp)
            outp = v;
        else
            return cli_usage_error("convert: expected GAME OUTPUT, got '%s' too", v);
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
