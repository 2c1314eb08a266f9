#!/bin/sh
# The key table in docs/scenario-format.md is the output of
# `brink validate --reference` (the schema tables are the single source).
# usage: run.sh BRINK SUITE_DIR
BRINK=$1
DOC=$2/../../../docs/scenario-format.md
"$BRINK" validate --reference > /tmp/brink-reference.$$ || exit 1
if tail -n "$(wc -l < /tmp/brink-reference.$$)" "$DOC" | cmp -s - /tmp/brink-reference.$$; then
    echo "docs-reference: 1 passed, 0 failed"
    rm -f /tmp/brink-reference.$$
    exit 0
fi
echo "docs/scenario-format.md is out of date: regenerate its key table with 'brink validate --reference'"
rm -f /tmp/brink-reference.$$
exit 1
