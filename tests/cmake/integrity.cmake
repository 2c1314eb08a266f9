# Result integrity and fault handling (issue 16): the result store's
# integrity checks, commands killed at random moments, write failures,
# memory limits, non-regular output paths, bounded inputs.  Release build
# only (label slow): they kill processes and preload a shim, which the
# sanitizers do not support.
add_test(NAME integrity.store
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/integrity/store.sh $<TARGET_FILE:brink>
                 ${PROJECT_SOURCE_DIR})
add_test(NAME integrity.kill
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/integrity/kill.sh $<TARGET_FILE:brink>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(integrity.kill PROPERTIES LABELS slow TIMEOUT 1800)
# the write-failure shim (test code, never linked into brink)
if(NOT BRINK_SANITIZE AND NOT BRINK_FUZZ)
  add_library(brink_failwrite MODULE ${PROJECT_SOURCE_DIR}/tests/integrity/failwrite.c)
  target_link_libraries(brink_failwrite PRIVATE ${CMAKE_DL_LIBS})
  add_test(NAME integrity.faults
           COMMAND sh ${PROJECT_SOURCE_DIR}/tests/integrity/faults.sh $<TARGET_FILE:brink>
                   ${PROJECT_SOURCE_DIR} $<TARGET_FILE:brink_failwrite>)
  set_tests_properties(integrity.faults PROPERTIES LABELS slow TIMEOUT 900)
endif()
