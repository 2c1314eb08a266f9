# Experiment engine: crash safety (SIGKILL + resume), thread independence,
# the command line end to end.  The shell tests need the sqlite3 program.
add_test(NAME exp.crash_resume
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/exp/crash_resume.sh $<TARGET_FILE:brink>
                 ${PROJECT_SOURCE_DIR})
add_test(NAME exp.threads_equal
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/exp/threads_equal.sh $<TARGET_FILE:brink>
                 ${PROJECT_SOURCE_DIR})
add_test(NAME exp.cli
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/exp/cli.sh $<TARGET_FILE:brink>
                 ${PROJECT_SOURCE_DIR})
# Sweeps carrying parameter uncertainty from a calibration posterior.
add_test(NAME exp.posterior
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/exp/posterior.sh $<TARGET_FILE:brink>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(exp.crash_resume exp.threads_equal PROPERTIES RUN_SERIAL TRUE)
set_tests_properties(exp.threads_equal PROPERTIES LABELS slow)
if(BRINK_MPI)
  find_program(BRINK_MPIRUN mpirun REQUIRED)
  add_test(NAME exp.mpi_equal
           COMMAND sh ${PROJECT_SOURCE_DIR}/tests/exp/mpi_equal.sh $<TARGET_FILE:brink>
                   ${PROJECT_SOURCE_DIR})
  set_tests_properties(exp.mpi_equal PROPERTIES RUN_SERIAL TRUE)
endif()
