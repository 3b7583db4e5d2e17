#!/usr/bin/env bash
# Serve the site at http://127.0.0.1:8000/ with live reload. Installs what it needs,
# regenerates the pages from the catalog, and regenerates again when src/ changes.
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
python scripts/generate.py
exec mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
