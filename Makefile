# gilvm: one binary per locking strategy.
#   target/release/gilvm       GIL build (default features)
#   target/ft/release/gilvm    free-threaded build (--features free-threading)
# A fresh machine needs only a Rust toolchain, gcc, python3 and git.

CARGO ?= cargo
FT_DIR := target/ft
GIL_BIN := target/release/gilvm
FT_BIN := $(FT_DIR)/release/gilvm

.PHONY: all build build-ft test test-gil test-ft test-ft-nogil demo bench fmt clippy clean

all: build build-ft

build:
	$(CARGO) build --release

build-ft:
	$(CARGO) build --release --features free-threading --target-dir $(FT_DIR)

# All tests, both builds. The Python corpus runs on the optimised binaries (tests are
# built in release mode so that the corpus binary is the optimised one).
test: test-gil test-ft

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

demo: build build-ft
	@echo "== GIL build:"; $(GIL_BIN) -V; $(GIL_BIN) examples/demo.py
	@echo "== free-threaded build:"; $(FT_BIN) -V; $(FT_BIN) examples/demo.py
	@echo "== free-threaded build, PYTHON_GIL=1:"; PYTHON_GIL=1 $(FT_BIN) examples/demo.py

bench:
	$(CARGO) bench --bench interpreter

fmt:
	$(CARGO) fmt --all

clippy:
	$(CARGO) clippy --workspace --all-targets
	$(CARGO) clippy --workspace --all-targets --features free-threading --target-dir $(FT_DIR)

clean:
	$(CARGO) clean
