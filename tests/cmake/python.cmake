# The Python package python/ (import name brink): its pytest suite against
# the build's libbrink.so and brink command, and `pip install ./python` into
# a venv.  Debian's python3 (with python3-cffi, -numpy, -pandas, -pytest
# from tools/deps.sh), not another python3 earlier on PATH.  Not in the
# sanitizer build: an uninstrumented interpreter cannot load the
# instrumented library.
find_program(BRINK_DEBIAN_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(BRINK_DEBIAN_PYTHON AND NOT BRINK_SANITIZE AND NOT BRINK_FUZZ)
  add_test(NAME python.pytest
           COMMAND env BRINK_LIBRARY=$<TARGET_FILE:brink_shared> BRINK_CLI=$<TARGET_FILE:brink>
                   BRINK_SOURCE_DIR=${PROJECT_SOURCE_DIR} PYTHONPATH=${PROJECT_SOURCE_DIR}/python
                   PYTHONDONTWRITEBYTECODE=1
                   ${BRINK_DEBIAN_PYTHON} -m pytest -q -p no:cacheprovider ${PROJECT_SOURCE_DIR}/python/tests)
  add_test(NAME python.pip_install
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/lib/pip_install.sh ${BRINK_DEBIAN_PYTHON}
                   ${PROJECT_SOURCE_DIR} $<TARGET_FILE:brink_shared> $<TARGET_FILE:brink>)
  add_test(NAME python.example
           COMMAND env BRINK_LIBRARY=$<TARGET_FILE:brink_shared> PYTHONPATH=${PROJECT_SOURCE_DIR}/python
                   PYTHONDONTWRITEBYTECODE=1
                   ${BRINK_DEBIAN_PYTHON} ${PROJECT_SOURCE_DIR}/examples/python/flagship.py
                   ${PROJECT_SOURCE_DIR} 200)
endif()
