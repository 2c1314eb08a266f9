# Tests of `brink run` (the simulation's command line).
set(BRINK_KOREA ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml)
set(BRINK_SIM_CLI ${CMAKE_CURRENT_SOURCE_DIR}/cmake/sim_cli.sh)
add_test(NAME sim.cli COMMAND sh ${BRINK_SIM_CLI} $<TARGET_FILE:brink> ${BRINK_KOREA})
add_test(NAME sim.scenario_valid COMMAND $<TARGET_FILE:brink> validate ${BRINK_KOREA})
# docs/scenario-format.md holds the current key reference
add_test(NAME sim.scenario_doc COMMAND sh -c
  "$<TARGET_FILE:brink> validate --reference > ref.md && grep -qxFf ref.md ${PROJECT_SOURCE_DIR}/docs/scenario-format.md && [ $(grep -cxFf ref.md ${PROJECT_SOURCE_DIR}/docs/scenario-format.md) -ge $(wc -l < ref.md) ]")
