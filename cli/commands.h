/* commands.h - entry points of the subcommands, one per cmd_<name>.c. */
#ifndef BRINK_COMMANDS_H
#define BRINK_COMMANDS_H

int cmd_help(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_export(int argc, char **argv);

extern const char cmd_help_usage[];
extern const char cmd_validate_usage[];
extern const char cmd_sweep_usage[];
extern const char cmd_analyze_usage[];
extern const char cmd_export_usage[];

#endif
