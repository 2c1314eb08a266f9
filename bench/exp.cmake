# Experiment engine benchmark: `cmake --build build --target bench_exp`
# (or bench/exp_bench.sh BUILD_DIR [MPI_BUILD_DIR]).
add_custom_target(bench_exp
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/exp_bench.sh ${CMAKE_BINARY_DIR}
          ${PROJECT_SOURCE_DIR}/build-mpi
  DEPENDS brink USES_TERMINAL)
