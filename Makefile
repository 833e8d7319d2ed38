# Every target installs what it needs first (make setup is idempotent and quick when done).
SHELL := /bin/bash
export PATH := $(CURDIR)/tests/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 120

.PHONY: setup serve dist test lint test-native test-browser test-e2e bench bench-compare fuzz clean

setup:
	@./scripts/setup.sh

serve: setup
	trunk serve

dist: setup
	trunk build --release

test: setup lint test-native test-browser test-e2e

# Each target the README names works as the first command on a fresh clone: it sets up first.
lint: setup
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --bins --target wasm32-unknown-unknown --features split -- -D warnings
	cargo clippy --lib --bins --target wasm32-unknown-unknown --no-default-features --features worker -- -D warnings
	cargo clippy -p jwt-bench-core --all-targets -- -D warnings
	cargo clippy -p jwt-bench-floor --target wasm32-unknown-unknown -- -D warnings

test-native: setup
	cargo test
	python3 -m unittest discover -s scripts -p 'test_*.py'

test-browser: setup
	cargo test --target wasm32-unknown-unknown

test-e2e: dist
	node --test --test-concurrency=1 tests/e2e/

# The report says how long each stage took (BENCH_TIMES: started, set up, built), and from where
# it started: whether wasm-bindgen-cli had to be compiled (BENCH_TOOLS) and the crate built from
# nothing (BENCH_BUILT), as on a fresh machine.
bench:
	@started=$$(date +%s); \
	tools=$$(command -v wasm-bindgen >/dev/null && echo installed || echo missing); \
	built=$$(test -e target/wasm32-unknown-unknown/release/jwt-debugger.wasm && echo yes || echo no); \
	$(MAKE) --no-print-directory setup && set_up=$$(date +%s) && \
	trunk build --release && \
	BENCH_TIMES="$$started $$set_up $$(date +%s)" BENCH_TOOLS=$$tools BENCH_BUILT=$$built node bench/run.mjs

# This build against an earlier one (BASE, any revision), both measured in one browser with the
# rounds alternating: `make bench-compare BASE=90cc5ea` is issue #13's "no slower than the build
# before it". BASE is built by its own `make dist` in a worktree under target/compare/, named
# after the commit (a branch that moved gets a new one), with its crates fetched first.
bench-compare:
	@test -n "$(BASE)" || { echo "usage: make bench-compare BASE=<revision>"; exit 2; }
	@commit=$$(git rev-parse --short "$(BASE)^{commit}") && dir=target/compare/$$commit && \
	git worktree prune && \
	{ test -d $$dir || git worktree add --detach $$dir $$commit; } && \
	cargo fetch --locked --manifest-path $$dir/Cargo.toml --quiet && \
	$(MAKE) --no-print-directory dist && \
	$(MAKE) --no-print-directory -C $$dir dist && \
	node bench/compare.mjs $$dir/dist dist $${ROUNDS:-3}

# Not part of `make test` (it takes minutes); `make test` replays the saved corpus instead.
FUZZ_RUNS ?= 1000000
FUZZ_TARGETS := decode_token parse_key verify_token json_display decrypt_token sd_jwt x5c
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo +nightly install --locked cargo-fuzz
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  cargo +nightly fuzz run $$t corpus/$$t -- -runs=$(FUZZ_RUNS) -max_len=8192 || exit 1; \
	done

clean:
	cargo clean
	rm -rf dist
