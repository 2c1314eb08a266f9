/* opts.c - the option parser shared by every command (see opts.h). */
#include <string.h>

#include "cli.h"
#include "opts.h"

void cli_opts_init(cli_opts_t *p, const char *cmd, int argc, char **argv,
                   const cli_opt_t *table)
{
    memset(p, 0, sizeof *p);
    p->cmd = cmd;
    p->argc = argc;
    p->argv = argv;
    p->table = table;
    p->i = 1;
}

static int unknown(const cli_opts_t *p, const char *opt)
{
    const char *names[128];
    size_t n = 0;
    for (const cli_opt_t *o = p->table; o->name && n < 127; o++)
        names[n++] = o->name;
    names[n] = NULL;
    cli_unknown_option(p->cmd, opt, names);
    return CLI_OPTS_ERROR;
}

/* A short option letter, from a group "-xyz" whose rest is p->group. */
static int next_short(cli_opts_t *p, const char **value)
{
    char c = *p->group++;
    const cli_opt_t *o = p->table;
    while (o->name && o->short_name != c)
        o++;
    if (!o->name) {
        char opt[3] = {'-', c, '\0'};
        p->group = NULL;
        return unknown(p, opt);
    }
    if (!o->has_value) {
        if (!*p->group)
            p->group = NULL;
        *value = NULL;
        return o->id;
    }
    if (*p->group) { /* -d6 */
        *value = p->group;
    } else if (p->i < p->argc) {
        *value = p->argv[p->i++];
    } else {
        p->group = NULL;
        cli_usage_error("%s: -%c (%s) needs a value (see 'brink help %s')", p->cmd, c, o->name,
                        p->cmd);
        return CLI_OPTS_ERROR;
    }
    p->group = NULL;
    return o->id;
}

int cli_opts_next(cli_opts_t *p, const char **value)
{
    *value = NULL;
    if (p->group)
        return next_short(p, value);
    if (p->i >= p->argc)
        return CLI_OPTS_END;
    const char *a = p->argv[p->i++];
    if (p->only_positional || a[0] != '-' || a[1] == '\0') {
        *value = a;
        return CLI_OPTS_POSITIONAL;
    }
    if (strcmp(a, "--") == 0) {
        p->only_positional = 1;
        return cli_opts_next(p, value);
    }
    if (a[1] != '-') {
        p->group = a + 1;
        return next_short(p, value);
    }
    const char *eq = strchr(a, '=');
    size_t len = eq ? (size_t)(eq - a) : strlen(a);
    for (const cli_opt_t *o = p->table; o->name; o++) {
        if (strlen(o->name) != len || strncmp(a, o->name, len) != 0)
            continue;
        if (!o->has_value) {
            if (eq) {
                cli_usage_error("%s: %s takes no value, got '%s' (see 'brink help %s')", p->cmd,
                                o->name, a, p->cmd);
                return CLI_OPTS_ERROR;
            }
            return o->id;
        }
        if (eq) {
            *value = eq + 1;
        } else if (p->i < p->argc) {
            *value = p->argv[p->i++];
        } else {
            cli_usage_error("%s: %s needs a value (see 'brink help %s')", p->cmd, o->name, p->cmd);
            return CLI_OPTS_ERROR;
        }
        return o->id;
    }
    return unknown(p, a);
}

int cli_opt_u64(const char *cmd, const char *opt, const char *value, uint64_t lo, uint64_t hi,
                uint64_t *out)
{
    uint64_t v;
    if (cli_parse_u64(value, &v) != 0 || v < lo || v > hi)
        return cli_usage_error("%s: %s: '%s' is not a whole number in [%llu, %llu]", cmd, opt,
                               value, (unsigned long long)lo, (unsigned long long)hi);
    *out = v;
    return EXIT_OK;
}

int cli_opt_threads(const char *cmd, const char *value, uint64_t *out)
{
    return cli_opt_u64(cmd, "--threads", value, 1, 1024, out);
}

int cli_opt_seed(const char *cmd, const char *value, uint64_t *out)
{
    if (cli_parse_u64(value, out) != 0)
        return cli_usage_error("%s: --seed: '%s' is not a whole number >= 0", cmd, value);
    /* results record the seed as a JSON number, which readers hold
     * exactly only below 2^53 (experiment files have the same rule) */
    if (*out >= (UINT64_C(1) << 53))
        return cli_usage_error("%s: --seed: %s is not below 2^53", cmd, value);
    return EXIT_OK;
}
