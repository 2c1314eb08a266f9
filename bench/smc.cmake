# bench/smc.cmake - conditioning the flagship by the particle filter (bench/smc_bench.sh).
add_executable(bench_smc ${CMAKE_CURRENT_SOURCE_DIR}/smc_bench.c)
target_compile_options(bench_smc PRIVATE ${BRINK_WARNINGS})
target_link_libraries(bench_smc PRIVATE brinklib)
