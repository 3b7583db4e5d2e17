#!/usr/bin/env bash
# The full test suite: lint, generated files up to date, then pytest (unit, property,
# numerical, doctests over src/docs/README, strict site build, real-browser tests).
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k gelu`.
#
# `generate.py --check --fresh` renders every plot and page once and compares them byte
# for byte with the committed files: that is the suite's determinism check, and it fills
# the caches (.cache/) that the site build and the generator tests then read.
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
ruff check .
ruff format --check .
python scripts/generate.py --check --fresh
python -m pytest -n 2 --dist loadgroup "$@"
