# forecast: `cmake --build build --target bench-forecast` times the SMP on
# KTAB's dummyData-a040/a080/a160 and on generated inputs up to 500 actors.
add_custom_target(bench-forecast
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/forecast_bench.sh $<TARGET_FILE:brink>
          ${PROJECT_SOURCE_DIR}/tests/forecast ${CMAKE_BINARY_DIR}/bench-forecast
  DEPENDS brink
  USES_TERMINAL
  COMMENT "Forecast benchmark (SMP)")
