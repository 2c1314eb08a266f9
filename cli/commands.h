/* commands.h - entry points of the subcommands, one per cmd_<name>.c. */
#ifndef BRINK_COMMANDS_H
#define BRINK_COMMANDS_H

int cmd_help(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_solve(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_game(int argc, char **argv);

extern const char cmd_help_usage[];
extern const char cmd_validate_usage[];
extern const char cmd_solve_usage[];
extern const char cmd_convert_usage[];
extern const char cmd_game_usage[];

#endif
