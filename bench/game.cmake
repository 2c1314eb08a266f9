# Game solver benchmark: brink beside lrsnash (external program) on the
# generated games of tests/games-bench.  Run: cmake --build build --target bench-game
add_custom_target(bench-game
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/game_bench.sh $<TARGET_FILE:brink>
          ${PROJECT_SOURCE_DIR}/tests/games-bench
  DEPENDS brink USES_TERMINAL)

# The large trees (brinkmanship up to 8000 rounds, depth-16 random tree,
# centipede 50 000) beside Gambit's recorded times, as ratios.
# Run: cmake --build build --target bench-game-scale
add_custom_target(bench-game-scale
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/game_scale_bench.sh $<TARGET_FILE:brink>
          ${PROJECT_SOURCE_DIR}/tests/games-bench
  DEPENDS brink USES_TERMINAL)
