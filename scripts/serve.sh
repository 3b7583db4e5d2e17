#!/usr/bin/env bash
# Serve the site at http://127.0.0.1:8000/activations/ with live reload. Installs what
# it needs and regenerates the pages from the catalog (again whenever src/ or scripts/
# change; see docs/hooks/generate.py).
#
# --dirty: a rebuild renders only the pages that changed (plus those the hooks mark:
# notebooks whose inputs changed, every page when the navigation changed); the search
# index is merged. Restart for a from-scratch build, or run `mkdocs build`.
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
python scripts/generate.py
exec python -m mkdocs serve --dirty --dev-addr 127.0.0.1:8000 "$@"
