# Game solver tests: brink's equilibrium sets against Gambit's recorded
# outputs (tests/games/, see its README), one ctest per method.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  foreach(method enumpure enummixed)
    add_test(NAME game.gambit.${method}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                     $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games ${method})
  endforeach()
  add_test(NAME game.gambit.lcp_strategic
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                   $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games lcp --strategic)
endif()
