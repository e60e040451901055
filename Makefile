# Palmyra: set-up, build, run and test.
#
#   make run    installs what is missing, builds, and codes the example articles
#   make test   installs what is missing, builds, and runs the whole test suite
#
# Both work as root on a fresh Debian 12 machine (or as a user with sudo).

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

# Debian packages Palmyra builds and tests with.
APT_PACKAGES := build-essential cmake pkg-config libicu-dev wordnet-base libsimdjson-dev \
	nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev iso-codes libxml2-dev \
	zlib1g-dev libsqlite3-dev clang libclang-rt-14-dev help2man python3 libcpp-httplib-dev \
	chromium libpq-dev postgresql-15 postgresql-15-postgis-3 libnats-dev nats-server \
	libcurl4-openssl-dev

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup apt-packages node-packages build run test bench fuzz install train-decider clean

setup: apt-packages node-packages

apt-packages:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# npm ci runs again only when the lock file changes.
node-packages: node_modules/.package-lock.json
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build: setup
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

# The example articles (text, JSON Lines, a web page, RSS and Atom feeds, a
# WARC crawl) coded into palmyra.db, then shown article by article.
run: build
	@echo "Coding the example articles in examples/ into palmyra.db ..."
	$(BUILD)/palmyra code --db palmyra.db examples/
	$(BUILD)/palmyra show --db palmyra.db
	@echo
	@echo "To explore the events on a map, a timeline and their evidence:"
	@echo "  $(BUILD)/palmyra serve --db palmyra.db   # then open http://127.0.0.1:8080/"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD)/bench/throughput

# Installs palmyra, its data and model, man page and bash completion under
# PREFIX (default /usr/local): PREFIX/bin/palmyra finds PREFIX/share/palmyra.
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# Runs every fuzz target (or those of FUZZ_TARGETS) for FUZZ_SECONDS each,
# one after another, growing its corpus in fuzz/corpus/TARGET; a crash, hang
# or memory blow-up stops the run, with the input that caused it in
# $(BUILD)/fuzz.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= html feed warc jsonl validate actors verbs lists engine finders
fuzz: build
	cmake --build $(BUILD) --target palmyra_fuzzers
	@for t in $(FUZZ_TARGETS); do \
	  echo "== fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  (cd $(BUILD)/fuzz && sh $(CURDIR)/fuzz/run.sh ./$${t}_fuzzer $(FUZZ_SECONDS) \
	    $(CURDIR)/fuzz/corpus/$$t) || exit 1; \
	done

# Retrains the decision model (data/decide/model.tsv) on the annotated news
# beside the project; run after changing the rules that propose events.
train-decider: build
	$(BUILD)/palmyra-train-decider ../shared/annotated data/decide/model.tsv

clean:
	rm -rf $(BUILD)
