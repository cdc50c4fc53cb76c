# rpy's front door. `make help` lists the targets.
CARGO ?= cargo
CPYTHON ?= python3.14
HOST_PYTHON ?= python3
JOBS ?= 2
RPY ?= target/release/rpy

.PHONY: help build release test fmt fmt-check lint ast-parity check conformance conformance-gen conformance-check dis-parity dis-goldens frontend-speed goldens
.PHONY: pyperformance pyperformance-fetch pyperformance-expected pyperformance-expected-check
.PHONY: pyperformance-imports pyperformance-test flamegraph

help:
	@echo "build        debug build of every crate and the rpy binary"
	@echo "release      optimized rpy binary (target/release/rpy)"
	@echo "test         the test suite (what CI runs)"
	@echo "fmt / lint   cargo fmt / cargo clippy -D warnings"
	@echo "ast-parity   CPYTHON=path: rpy ast vs CPython ast.dump over CPython's stdlib"
	@echo "frontend-speed CPYTHON=path: rpy vs CPython parse and parse+compile time over the stdlib"
	@echo "fuzz         FUZZ_SECONDS=300 FUZZ_TARGET=parse: cargo-fuzz the front end"
	@echo "conformance  run tests/conformance (rpy vs CPython 3.14 expected results)"
	@echo "conformance-gen / conformance-check  CPYTHON=path: regenerate / re-verify expected results"
	@echo "dis-parity   CPYTHON=path: rpy's code objects vs CPython's over the stdlib and the"
	@echo "             pyperformance compute workloads (identical co_code, exception tables, ...)"
	@echo "dis-goldens  CPYTHON=path: regenerate vm/tests/golden/dis from CPython"
	@echo "goldens      CPYTHON=path: regenerate the CPython-derived test data (ast, errors, repr)"
	@echo "pyperformance  CPYTHON=path WORKLOADS=nbody,go RUNS=3: rpy vs CPython on pyperformance"
	@echo "pyperformance-fetch / -expected / -expected-check / -imports / -test: see pyperformance/README.md"
	@echo "flamegraph   WORKLOAD=nbody (or RPY_ARGS='ast FILE' NAME=x): pprof flamegraph in flamegraphs/"

build:
	$(CARGO) build --workspace

release:
	$(CARGO) build --release --bin rpy

test:
	$(CARGO) test --workspace --release
	$(HOST_PYTHON) -m unittest discover -s pyperformance/tests -q

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

# Side-by-side front-end speed (benchmark, not a test): median CPython/rpy time ratios.
frontend-speed: release
	$(CPYTHON) tools/frontend_speed.py --rpy target/release/rpy --cpython $(CPYTHON) --rounds 3
	$(CPYTHON) tools/frontend_speed.py --rpy target/release/rpy --cpython $(CPYTHON) --rounds 3 --compile
# Builds the release binary first; ARGS passes extra options (e.g. ARGS="--json" or paths).
ast-parity: release
	$(CPYTHON) tools/ast_parity.py --rpy $(RPY) --cpython $(CPYTHON) --jobs $(JOBS) $(ARGS)

goldens:
	$(CPYTHON) tools/make_ast_goldens.py
	$(CPYTHON) tools/make_error_goldens.py --cpython $(CPYTHON)
	$(CPYTHON) tools/gen_repr_cases.py
	$(CPYTHON) tools/gen_unicode_printable.py
# pyperformance: the real workloads under rpy and CPython (pyperformance/README.md).
RPY ?= target/release/rpy
WORKLOADS ?= compute
RUNS ?= 3
VALUES ?= 3
WARMUPS ?= 1
BENCH_DIR = pyperformance/cache/pyperformance-1.14.0/benchmarks

pyperformance-fetch:
	$(HOST_PYTHON) pyperformance/fetch.py

pyperformance: pyperformance-fetch
	@if [ "$(RPY)" = "target/release/rpy" ]; then $(CARGO) build --release --bin rpy; fi
	$(HOST_PYTHON) pyperformance/run.py --cpython "$(CPYTHON)" --rpy "$(RPY)" \
		--workloads "$(WORKLOADS)" --runs $(RUNS) --values $(VALUES) --warmups $(WARMUPS)

pyperformance-expected: pyperformance-fetch
	$(HOST_PYTHON) pyperformance/record_expected.py --cpython "$(CPYTHON)" --workloads all

pyperformance-expected-check: pyperformance-fetch
	$(HOST_PYTHON) pyperformance/record_expected.py --cpython "$(CPYTHON)" --workloads all --verify

pyperformance-imports: pyperformance-fetch
	$(HOST_PYTHON) pyperformance/imports_report.py --cpython "$(CPYTHON)"

pyperformance-test:
	$(HOST_PYTHON) -m unittest discover -s pyperformance/tests -q

# Sampling profile of rpy with pprof (flamegraphs/README.md). WORKLOAD=name profiles a
# pyperformance workload; otherwise RPY_ARGS is the rpy command line and NAME the file name.
WORKLOAD ?=
RPY_ARGS ?=
PROFILE_HZ ?= 997
FLAMEGRAPH_ARGS ?= --processes 1 --values 5 --warmups 1
ifneq ($(WORKLOAD),)
NAME ?= $(WORKLOAD)
FLAMEGRAPH_CMD = pyperformance/launch.py $(BENCH_DIR)/bm_$(WORKLOAD)/run_benchmark.py $(FLAMEGRAPH_ARGS)
else
NAME ?= rpy
FLAMEGRAPH_CMD = $(RPY_ARGS)
endif

flamegraph: $(if $(WORKLOAD),pyperformance-fetch)
	@if [ -z "$(FLAMEGRAPH_CMD)" ]; then echo "usage: make flamegraph WORKLOAD=nbody | RPY_ARGS='ast FILE' NAME=x"; exit 2; fi
	$(CARGO) build --profile profiling --features pprof --bin rpy
	mkdir -p flamegraphs
	RPY_PPROF=flamegraphs/$(NAME).svg RPY_PPROF_HZ=$(PROFILE_HZ) target/profiling/rpy $(FLAMEGRAPH_CMD)
	@echo "wrote flamegraphs/$(NAME).svg"
