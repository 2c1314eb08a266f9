# The library as others use it: exported symbols, the compiled examples of
# examples/c/ (linked against libbrink.so, so they can use nothing but the
# exported API), and an install into a temporary DESTDIR that an outside
# program builds against with pkg-config.
file(GLOB BRINK_C_EXAMPLES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/c/*.c)
foreach(src ${BRINK_C_EXAMPLES})
  get_filename_component(name ${src} NAME_WE)
  add_executable(example_${name} ${src})
  target_compile_options(example_${name} PRIVATE ${BRINK_WARNINGS})
  target_link_libraries(example_${name} PRIVATE brink_shared)
  set_target_properties(example_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
endforeach()
add_test(NAME lib.examples
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/lib/examples.sh ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
add_test(NAME lib.check_exports
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/lib/check_exports.sh $<TARGET_FILE:brink_shared>
                 ${PROJECT_SOURCE_DIR})
if(NOT BRINK_SANITIZE AND NOT BRINK_FUZZ)
  # an outside program is built without the sanitizer runtime the
  # instrumented library would need, so this runs in the plain build only
  add_test(NAME lib.install_pkgconfig
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/lib/install.sh ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
endif()

# The one CSV reader (src/core/csv.c) reads designs written by R's write.csv.
add_test(NAME exp.csv_design_r
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/lib/csv_design_r.sh $<TARGET_FILE:brink>
                 ${PROJECT_SOURCE_DIR})

# The include graph follows the layers of docs/library.md; a module that
# includes another's private header, or a header of a higher layer, fails.
add_test(NAME lib.include_graph
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/lib/include_graph.sh ${PROJECT_SOURCE_DIR})
