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
  target="."
  [ "$1" = "dev" ] && target=".[dev]"
  # Some machines' pip configuration names local mirrors that may be absent;
  # pip says so once per package, which drowns real errors: hide that line.
  {
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e "$target"
  } 2> >(grep -v "^WARNING: Location .* is ignored" >&2)
  echo "$wanted" > "$stamp"
fi
