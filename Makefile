# Makefile - convenience wrapper around CMake.  The build lives in build/,
# the sanitizer build in build-asan/.
#   make        build build/brink
#   make demo   install dependencies, build, run the flagship scenario
#   make test   install dependencies, build, run every test (also under ASan+UBSan)
#   make install [DESTDIR=/tmp/x] [PREFIX=/usr/local]
#               headers, libbrink.so/.a, brink.pc and the brink command
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
PREFIX ?= /usr/local

.PHONY: all deps deps-test configure build demo test test-fast test-asan test-mpi bench clean install

all: build

# deps: what building and running needs; deps-test: also the test tools
deps:
	@tools/deps.sh

deps-test:
	@tools/deps.sh --test

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX="$(PREFIX)" $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@tools/demo.sh $(BUILD)

test-fast: deps-test build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: deps-test
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DBRINK_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS) -LE slow

# MPI sweeps with 2 ranks (installs OpenMPI; BRINK_NO_MPI=1 skips them)
MPI_BUILD ?= build-mpi
test-mpi: deps-test
	@[ -n "$$BRINK_NO_MPI" ] || BRINK_MPI=1 tools/deps.sh --test
	@if [ -z "$$BRINK_NO_MPI" ] && command -v mpicc >/dev/null 2>&1 && command -v mpirun >/dev/null 2>&1; then \
	    cmake -S . -B $(MPI_BUILD) -DBRINK_MPI=ON $(CMAKE_FLAGS) >/dev/null && \
	    cmake --build $(MPI_BUILD) -j $(JOBS) && \
	    cd $(MPI_BUILD) && ctest --output-on-failure -R '^exp\.mpi'; \
	else echo "brink: MPI tests skipped (BRINK_NO_MPI is set)"; fi

# every suite runs even when an earlier one fails; the failures are listed
# at the end and the exit status is nonzero if any failed
test: deps-test
	@failed=""; \
	for t in test-fast test-asan test-mpi; do \
	    $(MAKE) --no-print-directory $$t || failed="$$failed $$t"; \
	done; \
	if [ -n "$$failed" ]; then echo "brink: FAILED suites:$$failed"; exit 1; fi; \
	echo "brink: all test suites passed (release, ASan+UBSan and MPI builds)"

install: build
	@DESTDIR="$(DESTDIR)" cmake --install $(BUILD)

bench: build
	@bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
