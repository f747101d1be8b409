# ftpy — top-level commands. `make run` and `make test` work on a fresh Debian
# machine as root: they install what is missing, build, then run/test.
SHELL := /bin/bash
BUILD ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
JOBS ?= $(shell nproc)
LAUNCHER := $(shell command -v ccache >/dev/null 2>&1 && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Let clones in different directories share ccache entries (CI builds a fresh clone).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
ARGS ?=

.PHONY: all deps build run test test-asan test-tsan unit pytests nativetests bench bench-quick clean

all: build

deps:
	@bash tools/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(LAUNCHER)

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/ftpy examples/demo.py

unit: build
	$(BUILD)/ftpy_unit_tests --gtest_brief=1

pytests: build
	python3 tests/run_py_tests.py --ftpy $(BUILD)/ftpy $(ARGS)

# Native modules and embedding (docs/native_api.md).
nativetests: build
	python3 tests/native/run_native_tests.py --build $(BUILD)

$(ASAN_BUILD)/build.ninja:
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFTPY_SANITIZE=address $(LAUNCHER)

test-asan: deps $(ASAN_BUILD)/build.ninja
	ninja -C $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=0 $(ASAN_BUILD)/ftpy_unit_tests --gtest_brief=1
	# ASan gives eval_frame a ~46 KB stack frame (release: ~5 KB), so deep but
	# legal recursion (tests/py/misc/memo_fib.py) needs more than 8 MB of stack.
	ulimit -s 65536 2>/dev/null || true; ASAN_OPTIONS=detect_leaks=0 python3 tests/run_py_tests.py --ftpy $(ASAN_BUILD)/ftpy --label asan --no-python-check --timeout 120 --retries 1 --xfail-file tests/py/xfail-asan.txt
	ASAN_OPTIONS=detect_leaks=0 python3 tests/stress/run_stress.py --ftpy $(ASAN_BUILD)/ftpy --timeout 300 --retries 1
	ASAN_OPTIONS=detect_leaks=0 python3 tests/native/run_native_tests.py --build $(ASAN_BUILD) --quick --timeout 300

$(TSAN_BUILD)/build.ninja:
	cmake -S . -B $(TSAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFTPY_SANITIZE=thread $(LAUNCHER)

test-tsan: deps $(TSAN_BUILD)/build.ninja
	ninja -C $(TSAN_BUILD) -j $(JOBS)
	$(TSAN_BUILD)/ftpy_unit_tests --gtest_brief=1
	python3 tests/stress/run_stress.py --ftpy $(TSAN_BUILD)/ftpy --timeout 600 --retries 1
	python3 tests/native/run_native_tests.py --build $(TSAN_BUILD) --quick --timeout 600

test: build
	$(BUILD)/ftpy_unit_tests --gtest_brief=1
	python3 tests/run_py_tests.py --ftpy $(BUILD)/ftpy --retries 1
	python3 tests/stress/run_stress.py --ftpy $(BUILD)/ftpy --retries 1
	python3 tests/cli/run_cli_tests.py --ftpy $(BUILD)/ftpy
	python3 tools/fuzz/fuzz.py --ftpy $(BUILD)/ftpy --smoke
	python3 tests/compiler/lines.py --ftpy $(BUILD)/ftpy
	python3 tests/native/run_native_tests.py --build $(BUILD)
	$(MAKE) --no-print-directory bench-quick
	$(MAKE) --no-print-directory test-tsan
	$(MAKE) --no-print-directory test-asan

bench: build
	python3 bench/run.py --ftpy $(BUILD)/ftpy $(ARGS)

bench-quick: build
	python3 bench/run.py --quick --ftpy $(BUILD)/ftpy $(ARGS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD)
