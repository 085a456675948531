# Every target sets up what it needs: a .venv with the pinned dependencies, installed only
# if each file matches a hash in the lock: requirements-build.txt (what build, serve and the
# data commands need) or requirements.txt (that plus the development tools). `make lock`
# writes both from the pins in requirements-build.in and requirements.in.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BUILD_READY := $(VENV)/.ready-build
READY := $(VENV)/.ready
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes
LOCK := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
export PYTHONPATH := $(CURDIR)/scripts
export NO_MKDOCS_2_WARNING := 1
KB := $(BIN)/python -m defence_kb
# Debian's Chromium, which Playwright drives in the browser tests, screenshots and benchmarks:
# installed on first use like .venv (scripts/install-browser), never by .ci/run.
CHROMIUM := /usr/bin/chromium
LIGHTHOUSE := scripts/lighthouse/node_modules/.bin/lighthouse
DATA ?= data
# The engine that builds and serves the site: empty means the default, MkDocs 1.6.1. The
# known engines are listed once, in ENGINES in scripts/defence_kb/build.py.
ENGINE ?=
ENGINE_OPTION = $(if $(ENGINE),--engine $(ENGINE))

.PHONY: help lock build serve test validate fix new source schema coverage screenshots guide-screenshots geography bench bench-search bench-phone lint format clean

help:
	@echo "make serve     build the site and serve it at http://127.0.0.1:8000/defence-kb/ with live reload"
	@echo "make build     validate the data and build the site into site/"
	@echo "               ENGINE=properdocs (build or serve): build with ProperDocs instead of MkDocs 1.6.1"
	@echo "make test      run lint and the test suite"
	@echo "make validate  check every data file (DATA=folder to check another copy)"
	@echo "make fix       rewrite data files in canonical form (NFC, field order, quoting, wrapping)"
	@echo "               CHECK=1: change nothing, print the diff and fail if a file is not canonical"
	@echo "make new TYPE=agreement TITLE=\"Bản ghi nhớ ...\"   create a record to fill in"
	@echo "make coverage  which sentences of the sources no record carries (and no exclusion explains)"
	@echo "make screenshots  key pages and each picture at phone and desktop widths, light and dark, in screenshots/"
	@echo "make guide-screenshots  the proposal form's pictures CONTRIBUTING.md shows, in docs/images/"
	@echo "make bench     time each build stage on the real data grown to 1,000, 3,000 and 10,000 records,"
	@echo "               against the previous release (BASE=<git revision>) in the same run (bench-results/)"
	@echo "make bench-search  search index time and first-query download, real and 10,000 records"
	@echo "make bench-phone  Lighthouse on phone and desktop and first-search bytes, served gzipped like GitHub Pages"
	@echo "make source FILE=bai.txt  turn an article's text into a source file (paragraphs numbered, kinds proposed)"
	@echo "make schema    regenerate data/schema/*.json from the model"
	@echo "make lock      after changing a pin in requirements-build.in or requirements.in: regenerate the hashed requirements*.txt"
	@echo "make geography  regenerate the map outlines (scripts/defence_kb/geography/world.json) from npm world-atlas"

$(BUILD_READY): requirements-build.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements-build.txt
	touch $(BUILD_READY)

$(READY): requirements.txt $(BUILD_READY)
	$(PIP_INSTALL) -r requirements.txt
	touch $(READY)

# After adding or changing a pin in requirements-build.in or requirements.in: every other
# version stays as locked, and each gets the hashes of all the files PyPI has for it (every
# wheel and the sdist), so that --require-hashes accepts whichever one pip picks.
lock: $(READY)
	$(LOCK) --output-file requirements-build.txt requirements-build.in
	$(LOCK) --output-file requirements.txt requirements.in

$(CHROMIUM):
	CHROMIUM=$(CHROMIUM) bash scripts/install-browser

# Lighthouse for bench-phone, pinned by scripts/lighthouse/package-lock.json.
$(LIGHTHOUSE): scripts/lighthouse/package-lock.json
	cd scripts/lighthouse && npm ci --no-audit --no-fund --silent
	touch $(LIGHTHOUSE)

validate: $(BUILD_READY)
	$(KB) --data $(DATA) validate

build: $(BUILD_READY)
	$(KB) build $(ENGINE_OPTION)

serve: $(BUILD_READY)
	$(KB) serve $(ENGINE_OPTION)

new: $(BUILD_READY)
	@test -n "$(TYPE)" -a -n "$(TITLE)" || { echo 'usage: make new TYPE=event|agreement|mission|resolution|position TITLE="..."'; exit 2; }
	$(KB) new "$(TYPE)" "$(TITLE)"

source: $(BUILD_READY)
	@test -n "$(FILE)" || { echo 'usage: make source FILE=bai.txt [ID=ma-nguon] [TITLE="..."] [PUBLISHER="..."] [PUBLISHED=2022-12-27] [URL=https://...]'; exit 2; }
	$(KB) --data $(DATA) source "$(FILE)" $(if $(ID),--id "$(ID)") $(if $(TITLE),--title "$(TITLE)") $(if $(PUBLISHER),--publisher "$(PUBLISHER)") $(if $(PUBLISHED),--published "$(PUBLISHED)") $(if $(URL),--url "$(URL)")

schema: $(BUILD_READY)
	$(KB) schema

# The only target that needs the network: the build reads the vendored file.
geography: $(BUILD_READY)
	rm -rf build/geography && mkdir -p build/geography
	cd build/geography && npm pack --silent world-atlas@2.0.2
	$(KB) geography build/geography/world-atlas-2.0.2.tgz

coverage: $(BUILD_READY)
	$(KB) coverage

# BASE=<git revision>: the previous release to compare with (default: bench.DEFAULT_BASE).
bench: $(READY) $(CHROMIUM)
	$(KB) bench $(if $(BASE),--base $(BASE))

bench-search: $(READY) $(CHROMIUM)
	$(KB) bench-search

bench-phone: build $(READY) $(CHROMIUM) $(LIGHTHOUSE)
	$(KB) bench-phone

screenshots: build $(READY) $(CHROMIUM)
	$(KB) screenshots

guide-screenshots: build $(READY) $(CHROMIUM)
	$(KB) guide-screenshots

fix: $(BUILD_READY)
	$(KB) --data $(DATA) fix $(if $(CHECK),--check)

lint: $(READY)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

format: $(READY)
	$(BIN)/ruff format scripts tests
	$(BIN)/ruff check --fix scripts tests

test: lint $(CHROMIUM)
	$(BIN)/python -m pytest

clean:
	rm -rf build site .site-* .pytest_cache screenshots
