# Tests of `brink run` (the simulation's command line).
set(BRINK_KOREA ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml)
set(BRINK_SIM_CLI ${CMAKE_CURRENT_SOURCE_DIR}/cmake/sim_cli.sh)
add_test(NAME sim.cli COMMAND sh ${BRINK_SIM_CLI} $<TARGET_FILE:brink> ${BRINK_KOREA})
add_test(NAME sim.scenario_valid COMMAND $<TARGET_FILE:brink> validate ${BRINK_KOREA})
