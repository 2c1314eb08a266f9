# Game solver tests: brink's equilibrium sets against Gambit's recorded
# outputs (tests/games/, see its README), one ctest per method.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  foreach(method enumpure enummixed)
    add_test(NAME game.gambit.${method}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                     $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games ${method})
  endforeach()
  # lp and lcp on strategic games (on trees they need the sequence form)
  foreach(method lp lcp)
    add_test(NAME game.gambit.${method}_nfg
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                     $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games ${method} --only nfg)
  endforeach()
  # logit end points: strategic games, trees (agent QRE) and reduced forms
  add_test(NAME game.gambit.logit_nfg
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                   $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games logit_-e --only nfg)
  add_test(NAME game.gambit.logit_efg
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                   $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games logit_-e --only efg)
  add_test(NAME game.gambit.logit_strategic
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                   $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games logit_-e --strategic)
  add_test(NAME game.gambit.lcp_efg
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                   $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games lcp --only efg)
  add_test(NAME game.gambit.lp_efg
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                   $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games lp --only efg)
  add_test(NAME game.gambit.lp_strategic
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                   $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games lp --strategic)
  # more games with Gambit's lp outputs (tests/games-lp/README.md)
  add_test(NAME game.gambit.lp_more
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                   $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games-lp lp)
  add_test(NAME game.gambit.lp_more_strategic
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                   $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games-lp lp --strategic)
  add_test(NAME game.gambit.lcp_strategic
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games/check_gambit.py
                   $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR}/games lcp --strategic)
endif()

# brink game regret: hand-computed regrets and located errors
add_test(NAME game.regret_cli
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/games/regret_cli.sh $<TARGET_FILE:brink>
                 ${CMAKE_CURRENT_SOURCE_DIR}/games)

# brink solve --fit: the analytic fit on a tree and bad count files
add_test(NAME game.fit_cli
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/games/fit_cli.sh $<TARGET_FILE:brink>)

# Fuzz targets of the game readers.  The corpora are replayed as ordinary
# tests with any compiler (a small main feeds each file to
# LLVMFuzzerTestOneInput); with -DBRINK_FUZZ=ON and clang as the C compiler,
# the libFuzzer binaries fuzz_nfg and fuzz_efg are built too:
#   CC=clang cmake -S . -B build-fuzz -DBRINK_FUZZ=ON -DBRINK_WERROR=OFF
#   cmake --build build-fuzz --target fuzz_nfg fuzz_efg
# (the gcc-only warning option is added for gcc alone)
#   build-fuzz/tests/fuzz_efg tests/fuzz/corpus_efg
if(BRINK_FUZZ)
  # coverage feedback from the library too
  target_compile_options(brinkobj PRIVATE -fsanitize=fuzzer-no-link,address,undefined)
endif()
foreach(target nfg efg)
  add_executable(replay_fuzz_${target} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_${target}.c
                 ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/replay_main.c)
  target_compile_options(replay_fuzz_${target} PRIVATE ${BRINK_WARNINGS} -Wno-missing-prototypes)
  target_link_libraries(replay_fuzz_${target} PRIVATE brinklib)
  add_test(NAME fuzz.replay_${target}
           COMMAND replay_fuzz_${target} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus_${target})
  if(BRINK_FUZZ)
    if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
      message(FATAL_ERROR "BRINK_FUZZ needs clang (CC=clang)")
    endif()
    add_executable(fuzz_${target} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_${target}.c)
    target_compile_options(fuzz_${target} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_${target} PRIVATE brinklib)
  endif()
endforeach()

# N-player methods (liap, gnm, enumpoly) on the shipped N-player games and the
# random games of tests/games-bench/: regret, and Gambit's enumpoly sets
# (tests/games-nplayer/README.md)
if(Python3_FOUND)
  foreach(method enumpoly gnm liap)
    add_test(NAME game.nplayer.${method}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/games-nplayer/check_nplayer.py
                     $<TARGET_FILE:brink> ${CMAKE_CURRENT_SOURCE_DIR} ${method})
  endforeach()
endif()
