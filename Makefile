# Two commands do everything (see README):
#   make serve   install what the site needs, build it and serve it at http://127.0.0.1:8000/
#   make test    install what the tests need and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build test check new report lint clean

$(STAMP): requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Builds all three languages with the search index and serves them, rebuilding on every save.
# LANGUAGE=en (or lv, rml) builds only that language and skips the search index; after the first
# build it re-renders only the stories whose files changed (--dirty, which MkDocs reports with a
# warning, hence --no-strict), the story lists whose content changed (hooks/preview.py) and every
# other page, so a saved story shows in about a second.
# Only a LANGUAGE written on the make command line counts: many desktops set LANGUAGE in the
# environment for their own menus (lv_LV:lv, en_US:en), which must not narrow the preview.
CHOSEN_LANGUAGE := $(if $(filter command line,$(origin LANGUAGE)),$(strip $(LANGUAGE)))
PREVIEW_OPTIONS := $(if $(CHOSEN_LANGUAGE),--dirty --no-strict)
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 LRP_PREVIEW_LANGUAGE=$(CHOSEN_LANGUAGE) $(BIN)/mkdocs serve -a 127.0.0.1:8000 $(PREVIEW_OPTIONS)

build: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# The editors' quick content check; PATHS="stories/anna" checks only those files or folders,
# LANGUAGE=lv explains each problem in Latvian.
check: $(STAMP)
	$(BIN)/python -m hooks.check $(if $(CHOSEN_LANGUAGE),--lang $(CHOSEN_LANGUAGE)) $(PATHS)

# New content in all three languages from templates/: make new KIND=story SLUG=anna-from-talsi
new: $(STAMP)
	@if [ -z "$(strip $(KIND))" ] || [ -z "$(strip $(SLUG))" ]; then \
	  echo 'Write both the kind and the name, e.g.: make new KIND=story SLUG=anna-from-talsi' >&2; \
	  echo '(KIND is story, event or heritage; SLUG is the name in the address: small letters, digits, hyphens)' >&2; \
	  exit 2; \
	fi
	$(BIN)/python -m hooks.scaffold "$(KIND)" "$(SLUG)"

# Which content exists in which language, and what still needs review.
report: $(STAMP)
	$(BIN)/python -m hooks.translation_report

lint: $(STAMP)
	$(BIN)/ruff check hooks tests bench scripts tools
	$(BIN)/ruff format --check hooks tests bench scripts tools

test: $(STAMP)
	$(BIN)/ruff check hooks tests bench scripts tools
	$(BIN)/ruff format --check hooks tests bench scripts tools
	$(BIN)/python -m pytest -q

clean:
	rm -rf site .cache
