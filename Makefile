# Entry points. `make demo` and `make test` work on a fresh Debian 12 machine:
# both install what is missing, build, and run.
BUILD      ?= build
BUILD_SAN  ?= build-san
BUILD_TSAN ?= build-tsan
BUILD_FUZZ ?= build-fuzz
FUZZ_SECONDS ?= 60
# Targets to run (names after fuzz_, e.g. "http decode"); empty: all.
FUZZ_TARGETS ?=
FUZZ_FLAGS ?= -timeout=30 -rss_limit_mb=2048
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
PYTHON     ?= /usr/bin/python3

.PHONY: all deps build build-san build-tsan test test-tsan install demo bench model samples clean fuzz fuzz-merge

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

build-san: deps
	cmake -S . -B $(BUILD_SAN) -DCMAKE_BUILD_TYPE=Debug -DDS_SANITIZE=ON -DDS_BENCH=OFF >/dev/null
	cmake --build $(BUILD_SAN) -j $(JOBS)

# The threaded tests (one scanner shared by several threads) under
# ThreadSanitizer; part of `make test`.
build-tsan: deps
	cmake -S . -B $(BUILD_TSAN) -DCMAKE_BUILD_TYPE=Debug -DDS_TSAN=ON -DDS_BENCH=OFF >/dev/null
	cmake --build $(BUILD_TSAN) -j $(JOBS) --target docscreen docscreend docscreen-pdf docscreen_shared docscreen_static

test-tsan: build-tsan
	cd $(BUILD_TSAN) && ctest --output-on-failure -L threads

# Every fuzz target (tests/fuzz/fuzz_*.c), or those FUZZ_TARGETS names, under
# libFuzzer with AddressSanitizer and UBSan, FUZZ_SECONDS (default 60) each,
# one after another. Each grows a working corpus in $(BUILD_FUZZ)/corpus/NAME
# from tests/fuzz/corpus/NAME (which it never writes); crashes are left as
# $(BUILD_FUZZ)/crash-* and stop the run. The last lines of each run give
# its executions and coverage (cov: edges, ft: features).
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=Debug -DDS_FUZZ=ON -DDS_BENCH=OFF >/dev/null
	cmake --build $(BUILD_FUZZ) -j $(JOBS) --target fuzz_targets
	@set -e; for t in $(if $(FUZZ_TARGETS),$(patsubst %,$(BUILD_FUZZ)/tests/fuzz_%_lf,$(FUZZ_TARGETS)),$(BUILD_FUZZ)/tests/fuzz_*_lf); do \
	  n=$$(basename $$t _lf); n=$${n#fuzz_}; \
	  mkdir -p $(BUILD_FUZZ)/corpus/$$n; \
	  echo "fuzz $$n: $(FUZZ_SECONDS) s"; \
	  $$t -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) -artifact_prefix=$(BUILD_FUZZ)/crash-$$n- \
	      -print_final_stats=1 $(BUILD_FUZZ)/corpus/$$n tests/fuzz/corpus/$$n; \
	done

# After a campaign: adds to tests/fuzz/corpus/NAME (FUZZ_TARGETS, or every
# target) only the inputs of $(BUILD_FUZZ)/corpus/NAME that reach code edges
# the committed corpus does not (hit counts aside), so it stays small.
fuzz-merge:
	@set -e; for t in $(if $(FUZZ_TARGETS),$(patsubst %,$(BUILD_FUZZ)/tests/fuzz_%_lf,$(FUZZ_TARGETS)),$(BUILD_FUZZ)/tests/fuzz_*_lf); do \
	  n=$$(basename $$t _lf); n=$${n#fuzz_}; \
	  [ -d $(BUILD_FUZZ)/corpus/$$n ] || continue; \
	  $$t -merge=1 -use_counters=0 $(FUZZ_FLAGS) tests/fuzz/corpus/$$n $(BUILD_FUZZ)/corpus/$$n 2>&1 | grep MERGE-OUTER: | tail -1; \
	done

# Installs the library, its header and pkg-config file, both commands and
# the systemd unit under PREFIX (default /usr/local).
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# Every test, under AddressSanitizer and UndefinedBehaviorSanitizer, then the
# command-line golden cases against the sanitizer build of docscreen.
test: build build-san build-tsan
	cd $(BUILD_SAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)
	@grep -h "SKIP:" $(BUILD_SAN)/Testing/Temporary/LastTest.log 2>/dev/null | sort -u || true
	ASAN_OPTIONS=detect_leaks=1 bash tests/golden/run.sh $(BUILD_SAN)/docscreen
	cd $(BUILD_TSAN) && ctest --output-on-failure -L threads

demo: build
	@bash scripts/demo.sh $(BUILD)/docscreen

bench: build
	bash bench/run.sh $(BUILD)

# Rebuilds the committed model from the font (needs python3-numpy, python3-pil).
model: deps
	$(PYTHON) models/train_ocrb.py --out models/ocrb-mrz.bin

# Regenerates the committed sample pages and their ground truth.
samples: deps
	$(PYTHON) samples/generate.py --out samples/pages --count 12 --seed 1 --degrade mild --clean

clean:
	rm -rf $(BUILD) $(BUILD_SAN) $(BUILD_TSAN)
