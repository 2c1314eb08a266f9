#!/bin/sh
# Runs every command of commands.txt under valgrind memcheck.
# usage: run.sh BRINK SOURCE_DIR
BRINK=$1
cd "$2" || exit 1
if ! command -v valgrind >/dev/null; then
    echo "valgrind is not installed (tools/deps.sh installs it)"
    exit 1
fi
fail=0
n=0
while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    # shellcheck disable=SC2086
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        "$BRINK" $line > /dev/null 2> /tmp/brink-valgrind.$$
    if [ $? -eq 99 ]; then
        echo "FAIL brink $line"
        cat /tmp/brink-valgrind.$$
        fail=$((fail + 1))
    fi
done < tests/valgrind/commands.txt
rm -f /tmp/brink-valgrind.$$
echo "valgrind: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$n" -gt 0 ]
