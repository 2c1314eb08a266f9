# Game solver benchmark: brink beside lrsnash (external program) on the
# generated games of tests/games-bench.  Run: cmake --build build --target bench-game
add_custom_target(bench-game
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/game_bench.sh $<TARGET_FILE:brink>
          ${PROJECT_SOURCE_DIR}/tests/games-bench
  DEPENDS brink USES_TERMINAL)
