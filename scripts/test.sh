#!/usr/bin/env bash
# The full test suite: lint, generated files up to date, then pytest (unit, property,
# numerical, doctests over src/docs/README, strict site build, real-browser tests).
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k gelu`.
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
ruff check .
ruff format --check .
python scripts/generate.py --check
python -m pytest -n 2 --dist loadgroup "$@"
