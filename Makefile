# rpy's front door. `make help` lists the targets.
CARGO ?= cargo
CPYTHON ?= python3.14
JOBS ?= 2
RPY ?= target/release/rpy

.PHONY: help build release test fmt fmt-check lint ast-parity goldens check

help:
	@echo "build        debug build of every crate and the rpy binary"
	@echo "release      optimized rpy binary (target/release/rpy)"
	@echo "test         the test suite (what CI runs)"
	@echo "fmt / lint   cargo fmt / cargo clippy -D warnings"
	@echo "ast-parity   CPYTHON=path: rpy ast vs CPython ast.dump over CPython's stdlib"
	@echo "goldens      CPYTHON=path: regenerate the CPython-derived test data (ast, errors, repr)"

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

check: fmt-check lint test

# Builds the release binary first; ARGS passes extra options (e.g. ARGS="--json" or paths).
ast-parity: release
	$(CPYTHON) tools/ast_parity.py --rpy $(RPY) --cpython $(CPYTHON) --jobs $(JOBS) $(ARGS)

goldens:
	$(CPYTHON) tools/make_ast_goldens.py
	$(CPYTHON) tools/make_error_goldens.py --cpython $(CPYTHON)
	$(CPYTHON) tools/gen_repr_cases.py
	$(CPYTHON) tools/gen_unicode_printable.py
