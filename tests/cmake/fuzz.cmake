# Fuzz targets: every corpus folder tests/fuzz/corpus/<name>/ goes with
# tests/fuzz/fuzz_<name>.c.  Each is always built with replay_main.c and its
# corpus replayed as a ctest; with -DBRINK_FUZZ=ON and clang, fuzz_<name> is
# also built as a libFuzzer binary.  (Modules may define other targets in
# their own tests/cmake/<module>.cmake.)
file(GLOB BRINK_FUZZ_CORPORA CONFIGURE_DEPENDS LIST_DIRECTORIES true
     ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/*)
foreach(dir ${BRINK_FUZZ_CORPORA})
  get_filename_component(corpus ${dir} NAME)
  set(name fuzz_${corpus})
  set(src ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/${name}.c)
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
