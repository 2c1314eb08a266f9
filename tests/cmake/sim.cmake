# Tests of `brink run` (the simulation's command line).
set(BRINK_KOREA ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml)
set(BRINK_SIM_CLI ${CMAKE_CURRENT_SOURCE_DIR}/cmake/sim_cli.sh)
add_test(NAME sim.cli COMMAND sh ${BRINK_SIM_CLI} $<TARGET_FILE:brink> ${BRINK_KOREA})
add_test(NAME sim.scenario_valid COMMAND $<TARGET_FILE:brink> validate ${BRINK_KOREA})

# provenance: summary.json names the scenario by the SHA-256 of its bytes
# (checked against coreutils' sha256sum) and records the command line
add_test(NAME sim.cli.provenance
         COMMAND sh -c "d=$(mktemp -d) && $<TARGET_FILE:brink> run ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml --runs 20 --out $d >/dev/null && h=$(sha256sum ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml | cut -d' ' -f1) && grep -q \"\\\"scenario_hash\\\": \\\"sha256:$h\\\"\" $d/summary.json && grep -q '\"--runs\"' $d/summary.json; r=$?; rm -rf $d; exit $r")
# The cases of scenarios/cases/ over the flagship's posterior and the
# directional ensemble checks: minutes of simulation (release build only).
set_tests_properties(unit.test_sim_cases unit.test_sim_ensemble PROPERTIES LABELS slow TIMEOUT 900)
