# Two commands do everything (see README):
#   make serve   install what the site needs, build it and serve it at http://127.0.0.1:8000/
#   make test    install what the tests need and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build test check lint rules-doc clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Builds all three languages with the search index, then serves the finished site.
# LANG_ONLY=en builds only that language for a faster edit loop (see README).
serve: $(STAMP)
	$(BIN)/python -m hooks.serve

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/python -m hooks.check

lint: $(STAMP)
	$(BIN)/ruff check hooks tests

test: $(STAMP)
	$(BIN)/ruff check hooks tests
	$(BIN)/python -m pytest -q

clean:
	rm -rf site .cache
