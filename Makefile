# rpy's front door. `make help` lists the targets.
CARGO ?= cargo
CPYTHON ?= python3.14
HOST_PYTHON ?= python3
JOBS ?= 2
RPY ?= target/release/rpy

.PHONY: help build release test fmt fmt-check lint ast-parity check conformance conformance-gen conformance-check dis-parity dis-goldens frontend-speed goldens
.PHONY: pyperformance pyperformance-fetch pyperformance-expected pyperformance-expected-check
.PHONY: pyperformance-imports pyperformance-test flamegraph
.PHONY: codegen-parity codegen-goldens compile-speed
.PHONY: bench bench-baseline bench-run bench-tools bench-wall bench-wall-baseline bench-flamegraph
.PHONY: bench-list bench-check bench-verify bench-expected dhat kernels-compare

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
	@echo "codegen-parity  CPYTHON=path: rpy's codegen vs CPython's compiler_codegen, unit by"
	@echo "             unit, over the stdlib (identical units, most frequent first differences)"
	@echo "codegen-goldens CPYTHON=path: regenerate vm/tests/golden/codegen from CPython"
	@echo "compile-speed   CPYTHON=path: parse+compile of the stdlib, rpy vs CPython's compile()"
	@echo "bench        iai-callgrind instruction counts vs benches/baseline/instructions.json;"
	@echo "             fails when one grew by more than THRESHOLD percent (default 2)"
	@echo "bench-baseline  record the instruction counts of this build as the baseline"
	@echo "bench-wall   criterion wall-clock times vs the saved WALL_BASELINE (default main), with"
	@echo "             confidence intervals; bench-wall-baseline saves it"
	@echo "bench-flamegraph BENCH=parse/nbody: pprof flamegraph of one criterion benchmark"
	@echo "bench-list   the benchmark catalog and what runs on this checkout"
	@echo "bench-verify check each program benchmark's results against CPython's (natively)"
	@echo "bench-expected CPYTHON=path: record CPython's results for the pyperformance benchmarks"
	@echo "kernels-compare CPYTHON=path RUNS=5: rpy vs CPython on the micro kernels (medians, ratios)"
	@echo "bench-check  build check of the benchmark suites (no benchmark runs)"
	@echo "dhat         WORKLOAD=nbody: heap profile (dhat-heap.json and a summary)"

build:
	$(CARGO) build --workspace

release:
	$(CARGO) build --release --bin rpy

test:
	$(CARGO) test --workspace --release
	$(CARGO) build --release -p benches --benches --features wall,instructions
	$(HOST_PYTHON) -m unittest discover -s pyperformance/tests -q

fmt:
	$(CARGO) fmt --all

fmt-check:
	$(CARGO) fmt --all -- --check

lint:
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p benches --all-targets --features wall,instructions -- -D warnings

dis-parity: release
	$(CPYTHON) tools/dis_parity.py --rpy target/release/rpy --jobs $(JOBS)

dis-goldens:
	$(CPYTHON) tools/make_dis_goldens.py

codegen-parity:
	CPYTHON=$(CPYTHON) $(CPYTHON) tools/codegen_parity.py

codegen-goldens:
	$(CPYTHON) tools/make_codegen_goldens.py

compile-speed:
	$(CPYTHON) tools/compile_speed.py

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

# Benchmarks (README, "Benchmarks"): one catalog (benches/src/catalog.rs), measured as
# instruction counts by iai-callgrind (the gate) and as wall-clock time by criterion.
THRESHOLD ?= 2
IAI_RESULTS = target/iai/benches/instructions
IAI_BASELINE = benches/baseline/instructions.json
WALL_BASELINE ?= main
BENCH ?= parse/nbody
PROFILE_SECONDS ?= 5
# Benchmarks build with the release profile, so the suites, the gate and target/release/rpy
# share one build of the vm crate (a build takes many minutes on 2 shared cores).
BENCH_PROFILE ?= release
BENCH_GATE = $(CARGO) run --quiet --profile $(BENCH_PROFILE) -p benches --bin bench-gate --

bench-tools:
	tools/install_bench_tools.sh

# Old summaries are removed first: the gate must never read a count from an earlier run.
# Every program benchmark is checked against CPython's results first (natively, seconds):
# a benchmark that computes the wrong answer fails instead of being measured.
bench-run: bench-tools pyperformance-fetch bench-verify
	rm -rf $(IAI_RESULTS)
	$(CARGO) bench --profile $(BENCH_PROFILE) -p benches --features instructions --bench instructions -- --save-summary=json

bench: bench-run
	$(BENCH_GATE) compare --results $(IAI_RESULTS) --baseline $(IAI_BASELINE) --threshold $(THRESHOLD)

bench-baseline: bench-run
	$(BENCH_GATE) record --results $(IAI_RESULTS) --baseline $(IAI_BASELINE)

bench-verify:
	$(BENCH_GATE) verify

bench-expected: pyperformance-fetch
	$(BENCH_GATE) record-expected --cpython $(CPYTHON)

bench-wall-baseline: pyperformance-fetch
	$(CARGO) bench --profile $(BENCH_PROFILE) -p benches --features wall --bench wall -- --save-baseline $(WALL_BASELINE)

bench-wall: pyperformance-fetch
	@mkdir -p target && touch target/.bench-wall-start
	$(CARGO) bench --profile $(BENCH_PROFILE) -p benches --features wall --bench wall -- --baseline $(WALL_BASELINE)
	$(BENCH_GATE) wall-report --baseline $(WALL_BASELINE) --since target/.bench-wall-start

bench-flamegraph:
	$(CARGO) bench --profile $(BENCH_PROFILE) -p benches --features wall --bench wall -- --profile-time $(PROFILE_SECONDS) '^$(BENCH)$$'

bench-list:
	$(BENCH_GATE) list

bench-check:
	$(CARGO) build --release -p benches --benches --features wall,instructions

# Heap profile with dhat. WORKLOAD names a micro kernel, a pyperformance workload (when the
# cache is fetched) or an example; DHAT_CMD is the rpy command line that is profiled.
DHAT_SOURCE = $(firstword $(wildcard benches/kernels/$(WORKLOAD).py \
	$(BENCH_DIR)/bm_$(WORKLOAD)/run_benchmark.py examples/$(WORKLOAD).py))
# Running the workload as `python3.14 FILE` would (pyperformance ones through the launcher).
DHAT_RUN = $(if $(findstring run_benchmark.py,$(DHAT_SOURCE)),pyperformance/launch.py \
	$(DHAT_SOURCE) $(DHAT_WORKLOAD_ARGS),$(DHAT_SOURCE))
# One loop, no calibration or warm-up: a fixed amount of work.
DHAT_WORKLOAD_ARGS ?= --loops 1 --values 1 --warmups 0 --processes 1
# The profiled command line (after `rpy`): running the workload; `DHAT_CMD='dis FILE'`
# profiles the front end alone.
DHAT_CMD ?= $(DHAT_RUN)

dhat: $(if $(wildcard $(BENCH_DIR)),,pyperformance-fetch)
	@if [ -z "$(DHAT_SOURCE)" ]; then \
		echo "usage: make dhat WORKLOAD=name (benches/kernels/name.py, pyperformance bm_name, examples/name.py)"; \
		exit 2; fi
	$(CARGO) build --profile dhat --features dhat-heap --bin rpy
	@echo "dhat: profiling rpy $(DHAT_CMD)"
	target/dhat/rpy $(DHAT_CMD) > /dev/null

# rpy vs CPython on the micro kernels, side by side (tools/kernels_compare.py).
kernels-compare: release
	$(HOST_PYTHON) tools/kernels_compare.py --rpy $(RPY) --cpython $(CPYTHON) --runs $(or $(KERNEL_RUNS),5)
