# The R package r/ (name brink): R CMD check (no ERROR, no WARNING) against
# libbrink installed into a temporary DESTDIR and found with pkg-config; its
# tests solve a game and run the flagship ensemble against the brink
# command.  Needs r-base-dev (tools/deps.sh).  Not in the sanitizer build
# (R is not instrumented).
if(NOT BRINK_SANITIZE AND NOT BRINK_FUZZ)
  add_test(NAME r.check
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/lib/r_check.sh ${CMAKE_BINARY_DIR}
                   ${PROJECT_SOURCE_DIR} $<TARGET_FILE:brink>)
  set_tests_properties(r.check PROPERTIES TIMEOUT 900)
endif()
