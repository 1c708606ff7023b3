# Exempelbanken: `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000
DATA_DIR ?= instance

# Debian packages: OCR for scanned pages, pdftotext for the benchmark, the Swedish hunspell
# dictionary for compound splitting, Chromium and fonts for browser tests and the corpus build.
RUN_PACKAGES := tesseract-ocr tesseract-ocr-swe poppler-utils hunspell-sv
TEST_PACKAGES := $(RUN_PACKAGES) chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0

.PHONY: run test install lint corpus bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[corpus,dev]'
	touch $@

install: $(INSTALLED)
	@scripts/install-system-packages.sh $(RUN_PACKAGES)

run: install
	$(BIN)/exempelbanken ingest corpus/pdf --data-dir $(DATA_DIR)
	$(BIN)/exempelbanken serve --host $(HOST) --port $(PORT) --data-dir $(DATA_DIR)

test: $(INSTALLED)
	@scripts/install-system-packages.sh $(TEST_PACKAGES)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .

corpus: $(INSTALLED)
	$(BIN)/python corpus/build_newsletters.py
	$(BIN)/python corpus/build_posters.py

bench: install
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/quality.py
	$(BIN)/python benchmarks/relevance.py
	$(BIN)/python benchmarks/search.py --sizes 1000,10000
	$(BIN)/python benchmarks/web.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
