# forecast: command-line checks of `brink forecast` (exit statuses, outputs).
set(FC_DATA ${CMAKE_CURRENT_SOURCE_DIR}/forecast)
add_test(NAME forecast.cli.reference_3dim
         COMMAND sh -c "$<TARGET_FILE:brink> forecast ${FC_DATA}/ktab_dummyData_3Dim.csv | sed -n '3,32p' | diff - ${FC_DATA}/ktab_dummyData_3Dim.reference_history.stripped")
add_test(NAME forecast.cli.bad_input_exit2
         COMMAND sh -c "for f in ${FC_DATA}/bad/*.csv ${FC_DATA}/bad/*.xml ${FC_DATA}/bad/*.yaml; do $<TARGET_FILE:brink> forecast $f 2>/dev/null; test $? -eq 2 || exit 1; done")
add_test(NAME forecast.cli.bad_option_exit2
         COMMAND sh -c "$<TARGET_FILE:brink> forecast ${FC_DATA}/ktab_dummyData_3Dim.csv --VotingRule Nope 2>/dev/null; test $? -eq 2")
add_test(NAME forecast.cli.sqlite_tables
         COMMAND sh -c "d=$(mktemp -d) && $<TARGET_FILE:brink> forecast ${FC_DATA}/ktab_SOE-Pol-Comp.csv --out $d >/dev/null && test -f $d/forecast.json && ! ls $d | grep -q tmp && test $(sqlite3 $d/forecast.db 'select count(*) from VectorPosition') -eq 728 && test $(sqlite3 $d/forecast.db 'select count(distinct Turn_t) from Bargn') -eq 27; r=$?; rm -rf $d; exit $r")
add_test(NAME forecast.cli.mc_threads_identical
         COMMAND sh -c "a=$($<TARGET_FILE:brink> forecast ${FC_DATA}/ktab_SOE-Pol-Comp.csv --runs 16 --pos-sd 5 --dropout 0.1 --seed 3 --threads 1 --format json) && b=$($<TARGET_FILE:brink> forecast ${FC_DATA}/ktab_SOE-Pol-Comp.csv --runs 16 --pos-sd 5 --dropout 0.1 --seed 3 --threads 2 --format json) && test \"$a\" = \"$b\"")

# The CSV fuzz target: a libFuzzer binary with -DBRINK_FUZZ=ON (clang), and
# always a replay of the corpus tests/forecast/fuzz/ through the same code.
add_executable(fuzz_forecast_csv_replay ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_forecast_csv.c)
target_compile_options(fuzz_forecast_csv_replay PRIVATE ${BRINK_WARNINGS} -Wno-missing-prototypes)
target_link_libraries(fuzz_forecast_csv_replay PRIVATE brinklib)
add_test(NAME forecast.fuzz.replay COMMAND fuzz_forecast_csv_replay ${FC_DATA}/fuzz)
add_executable(fuzz_forecast_xml_replay ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_forecast_csv.c)
target_compile_definitions(fuzz_forecast_xml_replay PRIVATE FUZZ_XML)
target_compile_options(fuzz_forecast_xml_replay PRIVATE ${BRINK_WARNINGS} -Wno-missing-prototypes)
target_link_libraries(fuzz_forecast_xml_replay PRIVATE brinklib)
add_test(NAME forecast.fuzz.replay_xml COMMAND fuzz_forecast_xml_replay ${FC_DATA}/fuzz-xml)
if(BRINK_FUZZ)
  add_executable(fuzz_forecast_csv ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_forecast_csv.c)
  target_compile_definitions(fuzz_forecast_csv PRIVATE BRINK_LIBFUZZER)
  target_compile_options(fuzz_forecast_csv PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(fuzz_forecast_csv PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_forecast_csv PRIVATE brinklib)
  add_executable(fuzz_forecast_xml ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_forecast_csv.c)
  target_compile_definitions(fuzz_forecast_xml PRIVATE BRINK_LIBFUZZER FUZZ_XML)
  target_compile_options(fuzz_forecast_xml PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(fuzz_forecast_xml PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_forecast_xml PRIVATE brinklib)
endif()
add_test(NAME forecast.cli.options_applied
         COMMAND sh -c "o=$($<TARGET_FILE:brink> forecast ${FC_DATA}/ktab_dummyData_3Dim.csv --VotingRule PropCbc --PCEModel=MarkovIncentive --MaxIter 3 --format json) && echo \"$o\" | grep -q '\"VotingRule\": \"PropCbc\"' && echo \"$o\" | grep -q '\"PCEModel\": \"MarkovIncentive\"' && echo \"$o\" | grep -q '\"MaxIter\": 3'")
add_test(NAME forecast.cli.xml_params_overridable
         COMMAND sh -c "$<TARGET_FILE:brink> forecast ${FC_DATA}/ktab_smpExample-fixed.xml --StateTransitions Deterministic --format json | grep -q '\"StateTransitions\": \"Deterministic\"'")
# every table and column of KTAB's schema (dumped from a KTAB run) exists in
# brink's database with the same declared types
add_test(NAME forecast.cli.sqlite_schema_matches_ktab
         COMMAND sh -c "d=$(mktemp -d) && $<TARGET_FILE:brink> forecast ${FC_DATA}/ktab_dummyData_3Dim.csv --out $d >/dev/null && sh ${FC_DATA}/check_schema.sh ${FC_DATA}/ktab_smp_sqlite_schema.sql $d/forecast.db; r=$?; rm -rf $d; exit $r")
# JSON of every model is written by Jansson: a name with a quote, a
# backslash and a tab comes back intact through a JSON parser
add_test(NAME forecast.cli.json_escapes
         COMMAND sh ${FC_DATA}/json_escapes.sh $<TARGET_FILE:brink> ${FC_DATA})
