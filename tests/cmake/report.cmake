# brink report: bad result directories (exit 2, located messages, no output
# left behind) and the headless-Chromium check of every example report.
# The golden payload checks are the cmocka test unit.test_report_payload.
add_test(NAME report.invalid
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report/run_invalid.sh $<TARGET_FILE:brink>
                 ${CMAKE_CURRENT_SOURCE_DIR}/report)
add_test(NAME report.browser
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report/browser/run.sh $<TARGET_FILE:brink>
                 ${CMAKE_CURRENT_SOURCE_DIR}/report ${CMAKE_CURRENT_BINARY_DIR}/report-browser
                 ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml)
# Skipped (77) where chromium is missing; in CI (CI set, after tools/deps.sh
# installed chromium) a missing browser is a failure.
set(BRINK_REPORT_BROWSER_ENV "")
if(DEFINED ENV{CI})
  list(APPEND BRINK_REPORT_BROWSER_ENV "BRINK_REQUIRE_BROWSER=1")
endif()
if(BRINK_SANITIZE)
  # the size and speed of the flagship report do not depend on the run
  # count; the sanitizer build checks the same path with fewer runs
  list(APPEND BRINK_REPORT_BROWSER_ENV "BRINK_REPORT_RUNS=2000")
endif()
set_tests_properties(report.browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1800 LABELS browser
                     RUN_SERIAL TRUE ENVIRONMENT "${BRINK_REPORT_BROWSER_ENV}")

# the report reads what `brink backtest` really writes (milestone targets
# carry months, "never" past the horizon, and no baseline)
add_test(NAME report.backtest_output
         COMMAND sh -c "d=$(mktemp -d) && $<TARGET_FILE:brink> backtest ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml --runs 200 --seed 1 --out $d >/dev/null && $<TARGET_FILE:brink> report $d --out $d/report.html >/dev/null && grep -q first_icbm_test $d/report.html; r=$?; rm -rf $d; exit $r")

# The rolling-origin backtest in the report (rolling.json)
add_test(NAME report.rolling
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report/rolling.sh $<TARGET_FILE:brink>)
# a report on an ensemble over a posterior (run --params writes
# parameter_sets, which the strict summary reader must know), as make demo does
add_test(NAME report.params_ensemble
         COMMAND sh -c "d=$(mktemp -d) && $<TARGET_FILE:brink> run ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml --params ${PROJECT_SOURCE_DIR}/scenarios/korea.posterior --runs 200 --seed 1 --out $d/e >/dev/null && $<TARGET_FILE:brink> report $d/e --out $d/report.html >/dev/null && grep -q first_icbm_test $d/report.html; r=$?; rm -rf $d; exit $r")
