# bench/sim.cmake - the flagship ensemble benchmark (bench/sim_bench.sh).
add_executable(bench_sim ${CMAKE_CURRENT_SOURCE_DIR}/sim_bench.c)
target_compile_options(bench_sim PRIVATE ${BRINK_WARNINGS})
target_link_libraries(bench_sim PRIVATE brinklib)
