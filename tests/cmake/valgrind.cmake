# The CLI's main paths under valgrind memcheck (release build only; label slow).
if(NOT BRINK_SANITIZE)
  add_test(NAME valgrind.cli COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/valgrind/run.sh
           $<TARGET_FILE:brink> ${PROJECT_SOURCE_DIR})
  set_tests_properties(valgrind.cli PROPERTIES LABELS slow TIMEOUT 1200)
endif()
