#!/usr/bin/env python3
"""Fill in the deployment templates in deploy/ for one installation.

    python3 deploy/render.py --out /tmp/unknot-conf \\
        --set SERVER_NAME=unknot.example.org --app 127.0.0.1:8001 --app 127.0.0.1:8002

Writes nginx/unknot.conf, nginx/unknot-proxy.conf, nginx/unavailable.html and
the systemd units under --out, with every @NAME@ replaced; a line naming @APP@
is written once per --app. Nothing else is changed, so what is installed is
what is in the repository. scripts/cluster renders the same files for its
local cluster. Standard library only: it runs before any virtual environment.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = [
    "nginx/unknot.conf",
    "nginx/unknot-proxy.conf",
    "nginx/unavailable.html",
    "systemd/unknot@.service",
    "systemd/unknot-worker.service",
    "systemd/unknot-deploy.service",
]
# What a Debian host following docs/deploy.md uses.
DEFAULTS = {
    "LISTEN": "80",
    "SERVER_NAME": "unknot.example.org",
    "USER": "unknot",
    "APP_DIR": "/srv/unknot",
    "VENV": "/srv/unknot/.venv",
    "ENV_FILE": "/etc/unknot/unknot.env",
    "DATA_DIR": "/var/lib/unknot",
    "NGINX_DIR": "/etc/nginx/unknot",
    "LOG_DIR": "/var/log/nginx",
}
TOKEN = re.compile(r"@([A-Z_]+)@")


def render_text(text: str, values: dict[str, str], apps: list[str]) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        copies = [line.replace("@APP@", app) for app in apps] if "@APP@" in line else [line]
        lines.extend(copies)

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise SystemExit(f"render.py: no value for @{name}@ (give --set {name}=...)")
        return values[name]

    return TOKEN.sub(fill, "".join(lines))


def render(out: Path, values: dict[str, str], apps: list[str]) -> list[Path]:
    if not apps:
        raise SystemExit("render.py: give at least one app server with --app HOST:PORT")
    written = []
    for name in TEMPLATES:
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_text((HERE / name).read_text(), values, apps))
        written.append(target)
    return written


def parse_sets(pairs: list[str]) -> dict[str, str]:
    values = dict(DEFAULTS)
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or name not in DEFAULTS:
            raise SystemExit(f"render.py: --set takes NAME=VALUE with NAME one of "
                             f"{', '.join(DEFAULTS)}; got {pair!r}")
        values[name] = value
    return values


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    defaults = ", ".join(f"{k}={v}" for k, v in DEFAULTS.items())
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help=f"override a default ({defaults})")
    parser.add_argument("--app", action="append", default=[], metavar="HOST:PORT",
                        help="an app server for nginx's upstream (repeat for each)")
    options = parser.parse_args(argv)
    for path in render(options.out, parse_sets(options.set), options.app):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
