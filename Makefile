# Exempelbanken: `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000
DATA_DIR ?= instance

# Debian packages. Every system file or program the code or the tests use must come from one of
# these lists: tests/system_files.py checks that with dpkg on every `make test`.
# run: OCR for scanned pages, the Swedish hunspell dictionary for compound splitting, pdftotext
# for the benchmark, LibreOffice (no GUI) to turn Word, PowerPoint and OpenDocument files into
# PDF, Pango and a font for WeasyPrint (printable concept sheets); corpus: more fonts for
# rendering the bundled PDFs; test: those, Chromium for the browser tests, make (tests run
# `make run`) and redis-server (the job queue's Redis storage is tested against a real server).
RUN_PACKAGES := tesseract-ocr tesseract-ocr-swe poppler-utils hunspell-sv fonts-dejavu-core \
	libreoffice-common libreoffice-writer-nogui libreoffice-impress-nogui \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
CORPUS_PACKAGES := $(RUN_PACKAGES) fonts-liberation fonts-dejavu-extra
TEST_PACKAGES := $(CORPUS_PACKAGES) chromium make redis-server
# bench: wrk drives the web server in benchmarks/web.py (a load generator that is not the
# bottleneck)
BENCH_PACKAGES := $(RUN_PACKAGES) wrk

.PHONY: run test install lint corpus bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[corpus,dev]'
	touch $@

install: $(INSTALLED)
	@scripts/install-system-packages.sh $(RUN_PACKAGES)
	$(BIN)/python -m ingest.tagging.lemma_tables

run: install
	$(BIN)/exempelbanken ingest corpus/pdf --data-dir $(DATA_DIR)
	$(BIN)/exempelbanken serve --host $(HOST) --port $(PORT) --data-dir $(DATA_DIR)

test: $(INSTALLED)
	@scripts/install-system-packages.sh $(TEST_PACKAGES)
	$(BIN)/python -m ingest.tagging.lemma_tables
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .

corpus: $(INSTALLED)
	@scripts/install-system-packages.sh $(CORPUS_PACKAGES)
	$(BIN)/python corpus/build_newsletters.py
	$(BIN)/python corpus/build_posters.py
	$(BIN)/python corpus/build_office.py

bench: install
	@scripts/install-system-packages.sh $(BENCH_PACKAGES)
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/quality.py
	$(BIN)/python benchmarks/relevance.py
	$(BIN)/python benchmarks/search.py --sizes 1000,10000
	$(BIN)/python benchmarks/cold_start.py
	$(BIN)/python benchmarks/web.py
	$(BIN)/python benchmarks/ocr.py
	$(BIN)/python benchmarks/upload.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
