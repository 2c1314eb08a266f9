/* main.c - the brink command: global options and dispatch to subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

const cli_command_t cli_commands[] = {
    {"run", "simulate the crisis: one narrated run or an ensemble", cmd_run_usage, cmd_run},
    {"sweep", "run an experiment into a result store", cmd_sweep_usage, cmd_sweep},
    {"analyze", "summaries and Sobol/Morris sensitivity of a sweep", cmd_analyze_usage, cmd_analyze},
    {"export", "write a sweep's results as CSV or JSON", cmd_export_usage, cmd_export},
    {"calibrate", "fit the scenario's free parameters to a record (ABC-SMC)",
     cmd_calibrate_usage, cmd_calibrate},
    {"backtest", "score the ensemble against the scenario's record, its patterns and baselines",
     cmd_backtest_usage, cmd_backtest},
    {"forecast", "multi-actor bargaining forecasts (KTAB SMP, BDM, compromise, median)",
     cmd_forecast_usage, cmd_forecast},
    {"solve", "Nash equilibria of a Gambit .nfg/.efg game", cmd_solve_usage, cmd_solve},
    {"convert", "convert a game between .nfg, .efg and JSON", cmd_convert_usage, cmd_convert},
    {"game", "describe a game file (game info GAME)", cmd_game_usage, cmd_game},
    {"report", "write an HTML report (and SVG figures) of a result directory", cmd_report_usage,
     cmd_report},
    {"play", "play one actor month by month against the model, with an advisor", cmd_play_usage,
     cmd_play},
    {"serve", "the browser workbench: levers, ensembles, comparisons, runs, play", cmd_serve_usage,
     cmd_serve},
    {"validate", "check scenario files strictly", cmd_validate_usage, cmd_validate},
    {"help", "show the manual of a command", cmd_help_usage, cmd_help},
};
const size_t cli_command_count = sizeof cli_commands / sizeof cli_commands[0];

static void print_help(FILE *out)
{
    fprintf(out,
            "brink %s - simulate and forecast nuclear crisis bargaining\n\n"
            "usage: brink COMMAND [ARGS...]\n"
            "       brink --help | --version | help COMMAND\n\ncommands:\n",
            brink_version());
    for (size_t i = 0; i < cli_command_count; i++)
        fprintf(out, "  %-10s %s\n", cli_commands[i].name, cli_commands[i].summary);
    fprintf(out, "\nExit status: 0 success, 1 failure, 2 usage or input error.\n"
                 "Run 'brink help COMMAND' for the options of a command.\n");
}

const cli_command_t *cli_find_command(const char *name);
const cli_command_t *cli_find_command(const char *name)
{
    for (size_t i = 0; i < cli_command_count; i++)
        if (strcmp(cli_commands[i].name, name) == 0)
            return &cli_commands[i];
    return NULL;
}

static int unknown_command(const char *name)
{
    const char *names[64];
    size_t n = 0;
    for (size_t i = 0; i < cli_command_count && n < 64; i++)
        names[n++] = cli_commands[i].name;
    const char *s = cli_suggest(name, names, n);
    if (s)
        return cli_usage_error("unknown command '%s'; did you mean '%s'? (see 'brink --help')",
                               name, s);
    return cli_usage_error("unknown command '%s' (see 'brink --help')", name);
}

const char cmd_help_usage[] = "usage: brink help [COMMAND]\n\n"
                              "Prints the manual of COMMAND, or the list of commands.\n";

int cmd_help(int argc, char **argv)
{
    if (argc < 2) {
        print_help(stdout);
        return EXIT_OK;
    }
    if (argc > 2)
        return cli_usage_error("help: expected one command name, got %d", argc - 1);
    const cli_command_t *c = cli_find_command(argv[1]);
    if (!c)
        return unknown_command(argv[1]);
    fputs(c->usage, stdout);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_help(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        print_help(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("brink %s\n", brink_version());
        return EXIT_OK;
    }
    if (cmd[0] == '-') {
        static const char *const opts[] = {"--help", "--version", NULL};
        const char *s = cli_suggest(cmd, opts, 2);
        if (s)
            return cli_usage_error("unknown option '%s'; did you mean '%s'?", cmd, s);
        return cli_usage_error("unknown option '%s' (see 'brink --help')", cmd);
    }
    const cli_command_t *c = cli_find_command(cmd);
    if (!c)
        return unknown_command(cmd);
    /* `brink CMD --help` prints the command's manual */
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(c->usage, stdout);
            return EXIT_OK;
        }
    }
    cli_signals_install();
    cli_gmp_install();
    return c->run(argc - 1, argv + 1);
}
