# Two commands for a fresh machine with Python 3.11: `make serve` and `make test`.
# Every target first makes sure .venv holds exactly the versions pinned in requirements.lock.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
, := ,
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000

# Material prints a notice about MkDocs 2.0 at every build; this project pins MkDocs below 2.
export NO_MKDOCS_2_WARNING := 1

#: npm tools the tests run, pinned, installed into .venv/node: the editor client the schema tests run (1.x: 2.0
#: wants Node 22) and the accessibility checker of the browser tests.
YAML_LS := yaml-language-server@1.25.0
AXE     := axe-core@4.14.1
NODE_TOOLS := $(YAML_LS) $(AXE)
NODE    := $(VENV)/node

.PHONY: serve build build-zensical serve-zensical generate-zensical check review new test bench lighthouse screenshots browser-deps node-deps lock clean

$(STAMP): requirements.lock pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)  ## Preview with live reload on http://127.0.0.1:8000; an edit rebuilds only the pages it changed (YAML too)
	$(BIN)/mkdocs serve --livereload --dirty --dev-addr $(HOST)

build: $(STAMP)  ## Build the static site into site/ (mkdocs build --strict into .site.building, swapped in only on success)
	$(BIN)/ree-site build

ZENSICAL_DOCS := $(VENV)/zensical-docs
ZENSICAL_YML  := zensical.yml

generate-zensical: $(STAMP)
	$(BIN)/ree-site generate $(ZENSICAL_DOCS) --config $(ZENSICAL_YML) --site-dir site-zensical

build-zensical: generate-zensical  ## The same site built by Zensical (pinned 0.0.73) from the generated docs tree, into site-zensical/, with the same search index
	$(BIN)/zensical build -f $(ZENSICAL_YML)
	$(BIN)/ree-site index site-zensical

serve-zensical: generate-zensical  ## Preview the Zensical build; ree-site generate --watch rewrites what an edit changes, Zensical serves it, ree-site index --watch indexes its pages again
	$(BIN)/ree-site generate $(ZENSICAL_DOCS) --config $(ZENSICAL_YML) --site-dir site-zensical --watch & \
	  generating=$$!; \
	  $(BIN)/ree-site index site-zensical --watch & \
	  indexing=$$!; \
	  trap 'kill $$generating $$indexing 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/zensical serve -f $(ZENSICAL_YML) --dev-addr $(HOST)

check: $(STAMP)  ## Validate and link the data without building (ree-site check)
	$(BIN)/ree-site check

review: $(STAMP)  ## List the records due for review: not reviewed for a year, or citing a source with a newer edition
	$(BIN)/ree-site review

new: $(STAMP)  ## Write a new record from its template: make new KIND=producer ID=lynas-kalgoorlie
	@test -n "$(KIND)" && test -n "$(ID)" || { echo "usage: make new KIND=element|producer|issue|source ID=new-id" >&2; exit 2; }
	$(BIN)/ree-site new $(KIND) $(ID)

browser-deps:  ## Debian's Chromium for the browser tests and screenshots (installed with apt-get when missing; needs root)
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; }

node-deps: $(NODE)/.installed-$(YAML_LS)-$(AXE)  ## yaml-language-server and axe-core, pinned, for the editor and accessibility tests (npm; Node and npm via apt-get when missing)

$(NODE)/.installed-$(YAML_LS)-$(AXE): $(STAMP)
	@command -v npm >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm; }
	rm -rf $(NODE) && mkdir -p $(NODE)
	npm install --silent --no-audit --no-fund --prefix $(NODE) $(NODE_TOOLS)
	touch $@

test: $(STAMP) browser-deps node-deps  ## Lint and type checks, the whole test suite, then a strict build of the real site
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest
	$(BIN)/mkdocs build --strict --site-dir $(VENV)/strict-site

bench: $(STAMP) browser-deps  ## Build benchmark at N = 100, 1,000, 5,000 records against plain MkDocs (BENCH_ARGS=--large adds 10,000), the real site's build, edit-to-served under make serve, plain mkdocs serve and Zensical, then the bytes of a first page and a first query with the theme's search and the site's at 1,000 and 5,000 records (10,000 with --large)
	$(BIN)/python bench/run.py --markdown $(BENCH_ARGS)
	$(BIN)/python bench/real_site.py
	$(BIN)/python bench/serve.py --markdown
	$(BIN)/python bench/search.py --sizes $(if $(findstring --large,$(BENCH_ARGS)),1000$(,)5000$(,)10000,1000$(,)5000)

lighthouse: $(STAMP) browser-deps  ## Lighthouse 12.2.3 (pinned, npm) on / and an element page, served gzip-compressed: a benchmark, recorded in BENCHMARKS.md
	@test -x $(VENV)/node-lighthouse/node_modules/.bin/lighthouse || npm install --silent --no-audit --no-fund --prefix $(VENV)/node-lighthouse lighthouse@12.2.3
	$(BIN)/python bench/lighthouse.py

screenshots: $(STAMP) browser-deps  ## Screenshots of key pages at desktop and phone width into site-shots/
	$(BIN)/python tests/screenshots.py site-shots

lock:  ## Re-resolve the pins from pyproject.toml's ranges into requirements.lock
	rm -rf $(VENV)-lock && $(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
	{ echo '# Pinned versions of everything the project installs; `make` recreates .venv when this file changes.'; \
	  echo '# Regenerate: make lock'; \
	  $(VENV)-lock/bin/pip freeze --exclude-editable; } > requirements.lock
	rm -rf $(VENV)-lock

clean:
	rm -rf $(VENV) site site-shots site-zensical .cache
