# PeerLearn: `make run` serves the demo site, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Reinstall whenever the dependencies change.
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test lint typecheck pytest chromium messages bench clean

run: $(STAMP)
	DEBUG=1 $(BIN)/peerlearn migrate --noinput
	DEBUG=1 $(BIN)/peerlearn load_demo
	@echo "PeerLearn demo: http://127.0.0.1:8000  (sign in with an account listed above)"
	DEBUG=1 $(BIN)/peerlearn runserver --noreload 127.0.0.1:8000

test: $(STAMP) chromium lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check peerlearn tests benchmarks docs
	$(BIN)/ruff format --check peerlearn tests benchmarks docs

typecheck: $(STAMP)
	$(BIN)/mypy peerlearn tests benchmarks docs
	$(BIN)/mypy --strict --config-file /dev/null peerlearn/matching

pytest: $(STAMP)
	$(BIN)/python -m peerlearn check --fail-level WARNING
	$(BIN)/python -m peerlearn makemigrations --check --dry-run
	$(BIN)/pytest

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The browser tests drive Debian's Chromium; install it when it is missing.
chromium:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Extract new strings into the catalogues (then translate them) and compile.
messages: $(STAMP)
	cd peerlearn && ../$(BIN)/django-admin makemessages -l ar -l tr -l fr -l es --no-obsolete
	cd peerlearn && ../$(BIN)/django-admin compilemessages

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
