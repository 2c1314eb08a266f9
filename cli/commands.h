/* commands.h - entry points of the subcommands, one per cmd_<name>.c: each
 * defines `int cmd_NAME(int argc, char **argv)` and its manual
 * `cmd_NAME_usage`, and has one row in the table of cli/main.c. */
#ifndef BRINK_COMMANDS_H
#define BRINK_COMMANDS_H

#define CLI_COMMAND(name)                     \
    int cmd_##name(int argc, char **argv); \
    extern const char cmd_##name##_usage[]

CLI_COMMAND(help);
CLI_COMMAND(validate);
CLI_COMMAND(run);
CLI_COMMAND(forecast);
CLI_COMMAND(report);
CLI_COMMAND(sweep);
CLI_COMMAND(analyze);
CLI_COMMAND(export);
CLI_COMMAND(backtest);
CLI_COMMAND(calibrate);
CLI_COMMAND(solve);
CLI_COMMAND(convert);
CLI_COMMAND(game);
CLI_COMMAND(play);
CLI_COMMAND(serve);

#endif
