# Sourced by scripts/run and scripts/test: make .venv and install Unknot into it,
# again only when pyproject.toml has changed since the last install.
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment in .venv ..."
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.unknot-installed-$1"
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "Installing Unknot and its dependencies ($1) ..."
  .venv/bin/python -m pip install --quiet --upgrade pip
  if [ "$1" = "dev" ]; then
    .venv/bin/python -m pip install --quiet -e ".[dev]"
  else
    .venv/bin/python -m pip install --quiet -e .
  fi
  echo "$wanted" > "$stamp"
fi
