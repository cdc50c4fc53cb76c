# rpy's front door. `make help` lists the targets.
CARGO ?= cargo
CPYTHON ?= python3.14
JOBS ?= 2

.PHONY: help build release test fmt fmt-check lint ast-parity dis-parity dis-goldens check conformance conformance-gen conformance-check

help:
	@echo "build        debug build of every crate and the rpy binary"
	@echo "release      optimized rpy binary (target/release/rpy)"
	@echo "test         the test suite (what CI runs)"
	@echo "fmt / lint   cargo fmt / cargo clippy -D warnings"
	@echo "ast-parity   CPYTHON=path: rpy ast vs CPython ast.dump over CPython's stdlib"
	@echo "fuzz         FUZZ_SECONDS=300 FUZZ_TARGET=parse: cargo-fuzz the front end"
	@echo "dis-parity   CPYTHON=path: rpy's code objects vs CPython's over the stdlib and the"
	@echo "             pyperformance compute workloads (identical co_code, exception tables, ...)"
	@echo "dis-goldens  CPYTHON=path: regenerate vm/tests/golden/dis from CPython"
	@echo "conformance  run tests/conformance (rpy vs CPython 3.14 expected results)"
	@echo "conformance-gen / conformance-check  CPYTHON=path: regenerate / re-verify expected results"

build:
	$(CARGO) build --workspace

release:
	$(CARGO) build --release --bin rpy

test:
	$(CARGO) test --workspace --release

fmt:
	$(CARGO) fmt --all

fmt-check:
	$(CARGO) fmt --all -- --check

lint:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

dis-parity: release
	$(CPYTHON) tools/dis_parity.py --rpy target/release/rpy --jobs $(JOBS)

dis-goldens:
	$(CPYTHON) tools/make_dis_goldens.py

check: fmt-check lint test

conformance:
	$(CARGO) test --release --test conformance

conformance-gen:
	$(CPYTHON) tools/gen_conformance.py

conformance-check:
	$(CPYTHON) tools/gen_conformance.py --check

# Fuzzing (cargo-fuzz; stable toolchain via RUSTC_BOOTSTRAP). FUZZ_SECONDS per run.
FUZZ_SECONDS ?= 300
FUZZ_TARGET ?= parse
.PHONY: fuzz
fuzz:
	@test -d fuzz/corpus/$(FUZZ_TARGET) || python3 tools/fuzz_seeds.py fuzz/corpus/$(FUZZ_TARGET)
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run $(FUZZ_TARGET) corpus/$(FUZZ_TARGET) -- \
		-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=65536
