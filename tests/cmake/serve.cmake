# Tests of `brink serve` (docs/workbench.md): the JSON API's errors, play
# replay, a self-comparison, cancel, a bounded load (API test, python3), and
# the page in headless Chromium (browser test, playwright-core).
add_test(NAME serve.api COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/serve/api_test.py
                                $<TARGET_FILE:brink> ${PROJECT_SOURCE_DIR})
set_tests_properties(serve.api PROPERTIES TIMEOUT 900 RUN_SERIAL TRUE)
add_test(NAME serve.browser
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/serve/browser/run.sh $<TARGET_FILE:brink>
                 ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/serve-browser)
# Skipped (77) where chromium is missing; in CI a missing browser is a failure.
set(BRINK_SERVE_BROWSER_ENV "")
if(DEFINED ENV{CI})
  list(APPEND BRINK_SERVE_BROWSER_ENV "BRINK_REQUIRE_BROWSER=1")
endif()
set_tests_properties(serve.browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1800 LABELS browser
                     RUN_SERIAL TRUE ENVIRONMENT "${BRINK_SERVE_BROWSER_ENV}")
