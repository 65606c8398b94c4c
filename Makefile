# Serviceportal: the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

CARGO_LEPTOS_VERSION := 0.3.10
WASM_BINDGEN_VERSION := 0.2.117
CARGO_AUDIT_VERSION  := 0.22.2

# Builds are shared by every clone on this machine (a fresh clone builds incrementally).
export CARGO_TARGET_DIR ?= $(HOME)/.cache/serviceportal/target
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# No browser downloads, ever: the tests use Debian's Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

BIN  := $(CARGO_TARGET_DIR)/release/serviceportal
SITE := target/site
SOURCES := $(shell find src style public/icons locales migrations -type f 2>/dev/null) Cargo.toml Cargo.lock public/robots.txt

.PHONY: run build setup setup-rust setup-node setup-test test lint unit-tests pg-tests s3-tests audit e2e clean bench bench-bundle

## make run: set up, build the release, migrate the SQLite database, serve on 127.0.0.1:3000
run: build
	@mkdir -p data
	$(BIN) migrate
	$(BIN) seed-demo
	$(BIN) serve

## make build: the release build (server binary and the site under target/site)
build: setup $(SITE)/.built

$(SITE)/.built: $(SOURCES) node_modules/.installed
	scripts/vendor-assets.sh
	cargo leptos build --release
	$(BIN) precompress
	@touch $@

setup: setup-rust setup-node

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@cargo leptos --version 2>/dev/null | grep -q " $(CARGO_LEPTOS_VERSION)$$" || \
		cargo install cargo-leptos@$(CARGO_LEPTOS_VERSION) --locked --debug
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$" || \
		cargo install wasm-bindgen-cli@$(WASM_BINDGEN_VERSION) --locked

setup-node: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

## make test: everything CI runs
test: setup setup-test lint unit-tests pg-tests s3-tests audit build e2e
	@echo "make test: all checks passed"

setup-test: end2end/node_modules/.installed
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver; }
	@test -x /usr/lib/postgresql/15/bin/initdb || { apt-get update -qq && apt-get install -y -qq postgresql-15; }
	@cargo audit --version 2>/dev/null | grep -q " $(CARGO_AUDIT_VERSION)$$" || \
		cargo install cargo-audit@$(CARGO_AUDIT_VERSION) --locked

end2end/node_modules/.installed: end2end/package.json end2end/package-lock.json
	cd end2end && npm ci --no-audit --no-fund --omit=optional
	@touch $@

lint:
	cargo fmt --all -- --check
	cargo clippy --features ssr,islands --all-targets -- -D warnings
	cargo clippy --features hydrate,islands --target wasm32-unknown-unknown -- -D warnings

## Unit tests and the integration tests on SQLite.
unit-tests:
	cargo test --features ssr,islands

## The integration tests again on a throwaway PostgreSQL 15 cluster.
pg-tests:
	scripts/with-postgres.sh cargo test --features ssr,islands --test '*'

## The tests that store files again, against a throwaway S3-compatible service (moto).
s3-tests:
	scripts/with-s3.sh cargo test --features ssr,islands --test applications --test backoffice --test delivery --test authorization

audit:
	scripts/audit.sh

## The browser journeys against the release build on a fresh database.
e2e: build
	scripts/e2e.sh $(BIN)

## make bench: the performance targets (P1, P6, P8) against references measured in the
## same run; writes docs/benchmarks.md. A few minutes; the first
## run also builds the two examples in release (about 15 minutes on 2 cores).
bench: build
	scripts/bench.sh $(BIN)

## Sizes of the two hydration strategies (islands vs. full hydration); see docs/architecture.md.
bench-bundle: setup
	scripts/bench-bundle.sh

clean:
	rm -rf target/site node_modules end2end/node_modules public/vendor
