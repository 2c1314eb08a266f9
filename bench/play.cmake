# bench/play.cmake - the play advisor benchmark (bench/play_bench.sh).
add_executable(bench_play ${CMAKE_CURRENT_SOURCE_DIR}/play_bench.c)
target_compile_options(bench_play PRIVATE ${BRINK_WARNINGS})
target_link_libraries(bench_play PRIVATE brinklib)
