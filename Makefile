# RidgeLasso: the two commands a newcomer types are `make bench` and `make test`.
# Each installs what is missing (Debian's BLAS/LAPACK and OpenBLAS) by itself, quietly.

SWIFT ?= swift
BENCH_ARGS ?=

.PHONY: all deps build test test-reference test-spark bench bench-quick release install uninstall clean docs fuzz

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# A test process that dies inside LAPACK's XERBLA exits 0 with no summary; so the run only
# counts as green when Swift Testing printed its passing summary line and nothing failed.
test: deps
	@bash scripts/run-tests.sh

# `ridgelasso` on PATH: the release build copied to $(DESTDIR)$(PREFIX)/bin (PREFIX defaults to
# /usr/local; DESTDIR stages the tree for a package). It links Debian's shared BLAS/LAPACK, which
# the deps step installed; `uninstall` removes the file again.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
install: deps
	$(SWIFT) build -c release --product ridgelasso
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/ridgelasso" "$(DESTDIR)$(BINDIR)/ridgelasso"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/ridgelasso"

# The Spark example (examples/spark) in local[2] mode, checked against the single-machine fit.
# Installs Java 17 (Debian) and pyspark (PyPI) when missing; `make test` needs neither.
test-spark: deps
	@bash scripts/test-spark.sh

# The main job: the benchmark on the built-in problems (release build). It builds `ridgelasso`
# too, which the comparison scripts in Benchmarks/compare call.
bench: deps
	$(SWIFT) build -c release --product ridgelasso-benchmark
	$(SWIFT) build -c release --product ridgelasso
	.build/release/ridgelasso-benchmark $(BENCH_ARGS)

bench-quick:
	$(MAKE) bench BENCH_ARGS="--quick $(BENCH_ARGS)"

clean:
	rm -rf .build .build-fuzz

# libFuzzer targets for every reader of outside bytes (CSV in memory and from a file, the model
# JSON), FUZZ_SECONDS each (default 60), built apart from SwiftPM under .build-fuzz/. See
# scripts/fuzz.sh and Fuzz/README.md.
FUZZ_SECONDS ?= 60
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

# The DocC documentation of the library products (swift-docc-plugin), one archive per target in
# $(DOCS_DIR). docc ships with the Swift toolchain; without it the plugin cannot run.
DOCS_DIR ?= .build/docs
DOCS_TARGETS ?= RidgeLasso LinearAlgebra RidgeLassoCSV
docs: deps
	@command -v docc >/dev/null 2>&1 || { echo "make docs: docc was not found on PATH; it ships with the Swift toolchain (swift.org builds), install one that has it" >&2; exit 1; }
	@mkdir -p $(DOCS_DIR)
	@for t in $(DOCS_TARGETS); do \
	  $(SWIFT) package --allow-writing-to-directory $(DOCS_DIR) generate-documentation \
	    --target $$t --output-path $(DOCS_DIR)/$$t.doccarchive || exit 1; \
	done
	@echo "make docs: archives in $(DOCS_DIR) (preview: swift package --disable-sandbox preview-documentation --target RidgeLasso)"

# The same tests against Debian's reference BLAS/LAPACK instead of OpenBLAS (no switch of the
# system's alternatives: the loader is pointed at the reference libraries for this run only).
test-reference: deps
	@LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack bash scripts/run-tests.sh
