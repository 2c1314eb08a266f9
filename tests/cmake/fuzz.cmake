# Fuzz targets: tests/fuzz/fuzz_<name>.c with a corpus in tests/fuzz/corpus/<name>/.
# Each is always built with replay_main.c and its corpus replayed as a ctest;
# with -DBRINK_FUZZ=ON and clang, fuzz_<name> is also built as a libFuzzer binary.
file(GLOB BRINK_FUZZ_TARGETS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_*.c)
foreach(src ${BRINK_FUZZ_TARGETS})
  get_filename_component(name ${src} NAME_WE)
  string(REPLACE "fuzz_" "" corpus ${name})
  add_executable(${name}_replay ${src} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/replay_main.c)
  target_include_directories(${name}_replay PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name}_replay PRIVATE brinklib)
  add_test(NAME fuzz.${corpus} COMMAND ${name}_replay
           ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${corpus})
  if(BRINK_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
    add_executable(${name} ${src})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(${name} PRIVATE brinklib)
  endif()
endforeach()

# Hostile inputs for the loader (release build only: label slow).
add_test(NAME stress.loader COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/stress/loader.sh
         $<TARGET_FILE:brink> ${PROJECT_SOURCE_DIR}/scenarios/korea.yaml)
set_tests_properties(stress.loader PROPERTIES LABELS slow TIMEOUT 600)
