# Sourced by serve.sh and test.sh: a project-local virtual environment with the
# pinned requirements, reinstalled only when requirements.txt changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.requirements.sha256
want=$(sha256sum requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
  echo "$want" > "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
export PYTHONHASHSEED=0
# mpmath truths computed by one run are kept for the next, under a key of everything they
# depend on (src/activations/reference/_store.py).
export ACTIVATIONS_TRUTH_CACHE="${ACTIVATIONS_TRUTH_CACHE:-$PWD/.cache/truths}"
