# Tests of `brink serve` (docs/workbench.md): the JSON API's errors, play
# replay, a self-comparison, cancel, a bounded load (API test, python3), and
# the page in headless Chromium (browser test, playwright-core).
add_test(NAME serve.api COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/serve/api_test.py
                                $<TARGET_FILE:brink> ${PROJECT_SOURCE_DIR})
set_tests_properties(serve.api PROPERTIES TIMEOUT 900 RUN_SERIAL TRUE)
