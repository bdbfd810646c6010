# gilvm: one binary per locking strategy.
#   target/release/gilvm       GIL build (default features)
#   target/ft/release/gilvm    free-threaded build (--features free-threading)
# A fresh machine needs only a Rust toolchain, gcc, python3 and git.

CARGO ?= cargo
FT_DIR := target/ft
GIL_BIN := target/release/gilvm
FT_BIN := $(FT_DIR)/release/gilvm

.PHONY: all build build-ft test test-gil test-ft test-ft-nogil demo compare bench bench-compare fmt clippy clean

all: build build-ft

build:
	$(CARGO) build --release -p gilvm -p gilvm-compare

build-ft:
	$(CARGO) build --release --features free-threading --target-dir $(FT_DIR)

# All tests, both builds. The Python corpus runs on the optimised binaries (tests are
# built in release mode so that the corpus binary is the optimised one). The last two are
# the fast subsets of long suites: CPython's own test modules (16 of issue 19's 41, about
# 15 s once fetched) and a minute of the mutation fuzzer (issue 18).
test: test-gil test-ft stress-broken loom pyperformance-check cpython-tests-quick fuzz-short

test-gil:
	$(CARGO) test --release --workspace

# The free-threaded build: unit tests, the stress programs (tests/ft_stress.rs runs them
# without the GIL and with PYTHON_GIL=1), the GIL-switch tests, and the corpus twice: with
# PYTHON_GIL=1, then without the GIL (test-ft-nogil, which reuses the same build).
test-ft:
	GILVM_CHILD_ENV="PYTHON_GIL=1" $(CARGO) test --release --workspace --features free-threading --target-dir $(FT_DIR)
	$(MAKE) test-ft-nogil

# The whole corpus on the free-threaded build with the GIL off.
test-ft-nogil: build-ft
	GILVM_BIN=$(FT_BIN) GILVM_CHILD_ENV="PYTHON_GIL=0" $(CARGO) test --release --features free-threading --target-dir $(FT_DIR) --test corpus

# The stress suite must catch a lost update: a free-threaded build with the test-only
# feature `broken-list-extend` (list.extend / `lst += other` split into a read and a
# write-back) must fail tests/stress/list_atomic_ops.py (tests/stress_broken.sh).
# It shares the free-threaded build's target directory, so only the workspace's own crates
# are compiled again (the feature changes gilvm-object and what depends on it); the broken
# binary is copied out, and the next `cargo build` of the right features puts the real
# free-threaded binary back in place without compiling anything.
BROKEN_BIN := target/gilvm-broken-list-extend
.PHONY: stress-broken
stress-broken:
	$(CARGO) build --release --features free-threading,broken-list-extend --target-dir $(FT_DIR)
	cp $(FT_BIN) $(BROKEN_BIN)
	$(CARGO) build --release --features free-threading --target-dir $(FT_DIR)
	tests/stress_broken.sh $(BROKEN_BIN)

# The atomicity stress programs (docs/free-threading.md, "Per-operation guarantees") many times in a row: on the
# free-threaded build without the GIL, then on the GIL build. `make stress-soak` is the
# 200-run figure of docs/free-threading.md; SOAK_RUNS and SOAK_FILTER change it.
SOAK_RUNS ?= 200
SOAK_FILTER ?= list_atomic_ops,dict_setdefault,dict_ops,set_ops,deque_ops,defaultdict_ops,function_attrs,instance_attrs,shared_keys,shared_iter
.PHONY: stress-soak
stress-soak: build build-ft
	GILVM_BIN=$(CURDIR)/$(FT_BIN) GILVM_STRESS_MODES=nogil GILVM_STRESS_RUNS=$(SOAK_RUNS) GILVM_STRESS_FILTER=$(SOAK_FILTER) \
	  $(CARGO) test --release --features free-threading --target-dir $(FT_DIR) --test ft_stress -- --nocapture
	GILVM_BIN=$(CURDIR)/$(GIL_BIN) GILVM_STRESS_RUNS=$(SOAK_RUNS) GILVM_STRESS_FILTER=$(SOAK_FILTER) \
	  $(CARGO) test --release --test ft_stress -- --nocapture

# Model checking of the concurrency core with loom (docs/verification.md): the production
# code of gilvm-sync and the object header built with --cfg loom. `loom` bounds the
# preemptions per execution (CI); `loom-deep` explores without a bound. Both fail unless
# every model ran and every deliberately broken variant was caught.
.PHONY: loom loom-deep
loom:
	CARGO="$(CARGO)" tests/loom.sh 2

loom-deep:
	CARGO="$(CARGO)" tests/loom.sh deep


# The seed articles' CPU-bound example (cpu_work done twice in a row, then in two threads)
# on the GIL build, the free-threaded build and the free-threaded build with PYTHON_GIL=1
# (and python3 when on PATH, for reference). About a minute once built.
DEMO_N ?= 20000000
demo: build build-ft
	@echo
	@echo "cpu_work($(DEMO_N)) twice: one after the other, then in two threads at once"
	@echo
	@echo "| interpreter                  | sequential |   threaded | speedup |"
	@echo "|------------------------------|-----------:|-----------:|--------:|"
	@env -u PYTHON_GIL $(GIL_BIN) examples/demo.py "gilvm, GIL build" $(DEMO_N)
	@env -u PYTHON_GIL $(FT_BIN) examples/demo.py "gilvm, free-threaded" $(DEMO_N)
	@PYTHON_GIL=1 $(FT_BIN) examples/demo.py "gilvm, free-threaded, GIL=1" $(DEMO_N)
	@if command -v python3 >/dev/null 2>&1; then \
	  python3 examples/demo.py "python3 $$(python3 -c 'import platform; print(platform.python_version())')" $(DEMO_N); fi

# pyperformance's benchmark scripts (PyPI sdist, pinned and checksummed), unpacked into
# target/pyperformance/benchmarks: `make compare` times them (gilvm-compare --suite
# pyperformance) and `make test` runs a fast subset once on each build
# (tests/pyperformance_check.sh). They run unchanged, with benches/pyperformance/pyperf.py
# standing in for pyperf.
PYPERFORMANCE_VERSION := 1.14.0
PYPERFORMANCE_SHA256 := 91f74393997b604375ad5b79bf569a24076d70181c076a53abad5383a238a8aa
PYPERF_DIR := target/pyperformance
.PHONY: pyperformance-fetch pyperformance-check
pyperformance-fetch: $(PYPERF_DIR)/benchmarks/MANIFEST
$(PYPERF_DIR)/benchmarks/MANIFEST:
	python3 tests/pyperformance_fetch.py $(PYPERFORMANCE_VERSION) $(PYPERFORMANCE_SHA256) $(PYPERF_DIR)/benchmarks

# The GIL build, the free-threaded build without the GIL and with PYTHON_GIL=1.
pyperformance-check: build build-ft pyperformance-fetch
	tests/pyperformance_check.sh $(PYPERF_DIR)/benchmarks $(abspath $(GIL_BIN)) -- \
	  $(abspath $(FT_BIN)) PYTHON_GIL=0 -- $(abspath $(FT_BIN)) PYTHON_GIL=1

# CPython 3.14's own test suite as the oracle (tests/cpython_tests.py): Debian sid's
# libpython3.14-testsuite fetched into target/cpython-tests (never committed), each module
# run with `gilvm -m unittest -v` on both builds, failures compared with the checked-in
# lists tests/cpython/expected_failures/<module>.txt. CPYTHON_TESTS picks modules
# (comma-separated; default: the whole list of issue 19); the report goes to
# target/cpython-tests/report.md. `cpython-tests-quick` is the CI subset.
CPYTHON_TESTS ?=
# The CI subset (branch ctests): 16 modules whose runs are deterministic and short; both
# builds together took 78 s on the loaded 2-core VM (docs/cpython-tests.md).
CPYTHON_TESTS_QUICK ?= test_grammar,test_bool,test_complex,test_float,test_tuple,test_string,\
  test_format,test_scope,test_funcattrs,test_generators,test_coroutines,test_typing,\
  test_dataclasses,test_enum,test_contextlib,test_with
.PHONY: cpython-tests-fetch cpython-tests cpython-tests-quick
cpython-tests-fetch:
	python3 tests/cpython_tests.py fetch

cpython-tests: build build-ft cpython-tests-fetch
	python3 tests/cpython_tests.py run $(abspath $(GIL_BIN)) $(abspath $(FT_BIN)) \
	  --modules "$(CPYTHON_TESTS)" --report target/cpython-tests/report.md

cpython-tests-quick: build build-ft cpython-tests-fetch
	python3 tests/cpython_tests.py run $(abspath $(GIL_BIN)) $(abspath $(FT_BIN)) \
	  --modules "$(CPYTHON_TESTS_QUICK)" --timeout 300

# Benchmark suites (programs, scaling, memory) on every variant (GIL, FT, FT with
# PYTHON_GIL=1, python3 or GILVM_COMPARE_PYTHON): target/compare/report.md and
# scaling.svg. `make compare COMPARE_ARGS=--quick` is shorter; one suite:
# COMPARE_ARGS="--suite memory". See docs/benchmarking.md.
COMPARE_ARGS ?=
compare: build build-ft pyperformance-fetch
	$(CARGO) build --release -p gilvm-compare
	target/release/gilvm-compare $(COMPARE_ARGS)

# Criterion benches of the core mechanisms: a baseline from the GIL build, then the
# free-threaded build compared against it (one criterion directory for both).
CRITERION_HOME ?= $(CURDIR)/target/criterion
bench-compare:
	CRITERION_HOME=$(CRITERION_HOME) $(CARGO) bench --bench mechanisms -- --save-baseline gil
	CRITERION_HOME=$(CRITERION_HOME) $(CARGO) bench --bench mechanisms --features free-threading --target-dir $(FT_DIR) -- --baseline gil

bench:
	$(CARGO) bench --bench interpreter

fmt:
	$(CARGO) fmt --all

clippy:
	$(CARGO) clippy --workspace --all-targets
	$(CARGO) clippy --workspace --all-targets --features free-threading --target-dir $(FT_DIR)

clean:
	$(CARGO) clean

# Issue 19 (ast): ast.dump(ast.parse(f)) of every file of the embedded Lib, compared with
# CPython 3.14's (tests/ast_lib_digests.txt holds a sha256 per file; regenerate it with
# `python3.14 tests/ast_lib_digests.py --generate LIBDIR > tests/ast_lib_digests.txt`).
PYLIB_DIR ?= $(shell ls -d $${CARGO_HOME:-$$HOME/.cargo}/registry/src/*/rustpython-pylib-0.6.0/Lib | head -1)
.PHONY: ast-lib-check
ast-lib-check: build
	$(GIL_BIN) tests/ast_lib_digests.py --check $(PYLIB_DIR) tests/ast_lib_digests.txt

# The mutation fuzzer of the compiler and the VM (tests/fuzz/mutate.py, issue 18): mutants
# of the corpus programs run on the GIL build; any panic or crash fails. `make fuzz` runs
# FUZZ_SECONDS (an hour), `make fuzz-short` a minute on an already built binary (the
# bounded run for `make test`). Crashing mutants are kept in target/fuzz-crashes/.
FUZZ_SECONDS ?= 3600
.PHONY: fuzz fuzz-short
fuzz: build
	python3 tests/fuzz/mutate.py --bin $(GIL_BIN) --seconds $(FUZZ_SECONDS)

fuzz-short:
	python3 tests/fuzz/mutate.py --bin $(GIL_BIN) --seconds 60
