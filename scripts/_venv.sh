# Sourced by scripts/run, scripts/test and scripts/cluster: make the virtual
# environment and install Unknot into it from the lock file, again only when
# the lock or pyproject.toml has changed since the last install.
#   $1: run (the site, with PostgreSQL and Redis support) or dev (and the test tools)
# UNKNOT_VENV picks the folder (.venv), PYTHON the interpreter (python3):
# .ci/run uses both to run the suite on a second Python.
PYTHON="${PYTHON:-python3}"
VENV="${UNKNOT_VENV:-.venv}"
lock="requirements/run.lock"
[ "$1" = "dev" ] && lock="requirements/dev.lock"
if [ ! -x "$VENV/bin/python" ]; then
  echo "Creating the virtual environment in $VENV ..."
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.unknot-installed-$1"
wanted="$(cat pyproject.toml "$lock" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "Installing Unknot and its dependencies ($1, from $lock) ..."
  # Some machines' pip configuration names local mirrors that may be absent;
  # pip says so once per package, which drowns real errors: hide that line.
  {
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    # Exactly the locked versions, each checked against its hash; then Unknot
    # itself without letting pip pick any dependency of its own.
    "$VENV/bin/python" -m pip install --quiet --require-hashes -r "$lock"
    "$VENV/bin/python" -m pip install --quiet --no-deps -e .
  } 2> >(grep -v "^WARNING: Location .* is ignored" >&2)
  echo "$wanted" > "$stamp"
fi
