# Tests of `brink play` (docs/play.md): a scripted game replays byte for
# byte, the played actor's events are its decisions, the menu's odds,
# located errors for bad logs and decisions.
add_test(NAME play.cli COMMAND sh ${PROJECT_SOURCE_DIR}/tests/play/play.sh $<TARGET_FILE:brink>
                                  ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml)
# a shipped log (no scenario hash: any version of the flagship) replays to
# the same events twice, and its score line counts its 12 decisions
add_test(NAME play.replay_log
         COMMAND sh -c "d=$(mktemp -d) && $<TARGET_FILE:brink> play ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml --replay ${PROJECT_SOURCE_DIR}/tests/play/usa12.log --out $d/a > $d/a.txt && $<TARGET_FILE:brink> play ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml --replay $d/a/play.log --out $d/b >/dev/null && cmp $d/a/events.csv $d/b/events.csv && grep -q '^decisions: 12;' $d/a.txt; r=$?; rm -rf $d; exit $r")
