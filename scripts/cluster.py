"""Start, stop or show a whole Unknot cluster on this machine (run by scripts/cluster).

    scripts/cluster start | stop | status

One nginx in front of UNKNOT_CLUSTER_APPS app servers (`unknot serve`, 2 by
default), one background worker (`unknot worker`), Redis (a redis-server of
its own) and PostgreSQL (a database of its own on the machine's server, or
UNKNOT_DATABASE_URL), after one deploy step (migrate, collectstatic).

It runs exactly what deploy/ tells an operator to install: the nginx site is
deploy/nginx/unknot.conf rendered by deploy/render.py, and each process is the
ExecStart= of its systemd unit in deploy/systemd/, with the unit's
EnvironmentFile= and WorkingDirectory=, rendered for this folder. The
environment file is deploy/unknot.env.example with local values put in; any
UNKNOT_ variable set when `start` runs is written into it too. Only User= is
not followed: everything runs as whoever runs this script.

Everything lives in UNKNOT_CLUSTER_DIR (var/cluster): the rendered files, the
environment file (with a secret key made once), logs/ and pids/. `stop` ends
only the processes whose ids it recorded.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
VENV = Path(os.environ.get("UNKNOT_VENV", ROOT / ".venv")).resolve()


@dataclass(frozen=True)
class Layout:
    """Where things are and which ports they use, from the environment."""

    run_dir: Path
    port: int
    apps: int
    redis_port: int
    database_url: str

    @property
    def app_ports(self) -> list[int]:
        return [self.port + 1 + n for n in range(self.apps)]

    @property
    def conf(self) -> Path:
        return self.run_dir / "conf"

    @property
    def env_file(self) -> Path:
        return self.run_dir / "unknot.env"

    @property
    def data_dir(self) -> Path:
        return self.run_dir / "data"

    @property
    def logs(self) -> Path:
        return self.run_dir / "logs"

    @property
    def pids(self) -> Path:
        return self.run_dir / "pids"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def layout_from_env() -> Layout:
    env = os.environ
    run_dir = Path(env.get("UNKNOT_CLUSTER_DIR", ROOT / "var" / "cluster")).resolve()
    database = env.get("UNKNOT_CLUSTER_DATABASE", "unknot_cluster")
    return Layout(
        run_dir=run_dir,
        port=int(env.get("UNKNOT_CLUSTER_PORT", "8400")),
        apps=max(1, int(env.get("UNKNOT_CLUSTER_APPS", "2"))),
        redis_port=int(env.get("UNKNOT_CLUSTER_REDIS_PORT", "6395")),
        database_url=env.get("UNKNOT_DATABASE_URL",
                             f"postgres://postgres@127.0.0.1:5432/{database}"),
    )


def _render_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("unknot_deploy_render", DEPLOY / "render.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the environment file ----------------------------------------------------------------

def parse_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines as systemd's EnvironmentFile= reads them (no quotes used here)."""
    values: dict[str, str] = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip()
    return values


def write_env_file(layout: Layout) -> None:
    """deploy/unknot.env.example with this machine's values; the secret key is kept."""
    kept = parse_env_file(layout.env_file) if layout.env_file.exists() else {}
    origin = f"127.0.0.1:{layout.port}"
    local: dict[str, str | None] = {
        "UNKNOT_DATABASE_URL": layout.database_url,
        "UNKNOT_REDIS_URL": f"redis://127.0.0.1:{layout.redis_port}/0",
        "UNKNOT_SECRET_KEY": kept.get("UNKNOT_SECRET_KEY") or secrets.token_urlsafe(50),
        "UNKNOT_METRICS_TOKEN": kept.get("UNKNOT_METRICS_TOKEN") or secrets.token_urlsafe(32),
        "UNKNOT_DATA_DIR": str(layout.data_dir),
        "UNKNOT_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "UNKNOT_SITE_DOMAIN": origin,
        "UNKNOT_CSRF_TRUSTED_ORIGINS": f"http://{origin},http://localhost:{layout.port}",
        "UNKNOT_TRUSTED_PROXIES": "127.0.0.1",
        # Plain http on this machine: no secure cookies, no redirect to https.
        "UNKNOT_SECURE": "0",
        # No SMTP server here: emails are printed in the worker's log.
        "UNKNOT_EMAIL_HOST": None, "UNKNOT_EMAIL_PORT": None, "UNKNOT_EMAIL_USER": None,
        "UNKNOT_EMAIL_PASSWORD": None,
        "UNKNOT_FROM_EMAIL": "Unknot <noreply@localhost>",
    }
    # Whatever the caller set wins (a bench raising rate limits, an SMTP server to try).
    for key, value in os.environ.items():
        if key.startswith("UNKNOT_") and not key.startswith("UNKNOT_CLUSTER_") \
                and key != "UNKNOT_VENV":
            local[key] = value
    lines: list[str] = []
    seen: set[str] = set()
    for line in (DEPLOY / "unknot.env.example").read_text().splitlines():
        key = line.partition("=")[0].strip()
        if line.startswith("#") or "=" not in line or key not in local:
            lines.append(line)
            continue
        seen.add(key)
        setting = local[key]
        lines.append(f"{key}={setting}" if setting is not None else f"# {key}= (not set here)")
    extra = [f"{k}={v}" for k, v in local.items() if k not in seen and v is not None]
    if extra:
        lines += ["", "# Set for this cluster only.", *extra]
    layout.env_file.write_text("\n".join(lines) + "\n")
    layout.env_file.chmod(0o600)


# --- rendering and the units ----------------------------------------------------------------

def render_conf(layout: Layout) -> None:
    render = _render_module()
    values = render.parse_sets([
        f"LISTEN=127.0.0.1:{layout.port}",
        "SERVER_NAME=127.0.0.1 localhost",
        f"USER={os.environ.get('USER', 'root')}",
        f"APP_DIR={ROOT}",
        f"VENV={VENV}",
        f"ENV_FILE={layout.env_file}",
        f"DATA_DIR={layout.data_dir}",
        f"NGINX_DIR={layout.conf / 'nginx'}",
        f"LOG_DIR={layout.logs}",
    ])
    render.render(layout.conf, values, [f"127.0.0.1:{port}" for port in layout.app_ports])
    nginx_dir = layout.run_dir / "nginx"
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (nginx_dir / sub).mkdir(parents=True, exist_ok=True)
    # The main file is what Debian's /etc/nginx/nginx.conf is to an operator:
    # only paths, so that nginx runs as this user, in this folder.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    (nginx_dir / "nginx.conf").write_text(f"""{user}daemon off;
worker_processes 1;
pid {nginx_dir / 'nginx.pid'};
error_log {layout.logs / 'nginx-error.log'} warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {layout.logs / 'nginx-access.log'};
    client_body_temp_path {nginx_dir / 'body'};
    proxy_temp_path {nginx_dir / 'proxy'};
    fastcgi_temp_path {nginx_dir / 'fastcgi'};
    uwsgi_temp_path {nginx_dir / 'uwsgi'};
    scgi_temp_path {nginx_dir / 'scgi'};
    include {layout.conf / 'nginx' / 'unknot.conf'};
}}
""")


@dataclass(frozen=True)
class Unit:
    commands: list[list[str]]
    workdir: Path
    env: dict[str, str]


def read_unit(layout: Layout, name: str, instance: str = "") -> Unit:
    """The ExecStart= lines, WorkingDirectory= and environment of a rendered unit."""
    commands: list[list[str]] = []
    workdir = ROOT
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TZ") if key in os.environ}
    runtime = layout.run_dir / "runtime"  # what systemd's %t (/run) is here
    for line in (layout.conf / "systemd" / name).read_text().splitlines():
        key, sep, value = line.partition("=")
        if not sep or line.startswith("#"):
            continue
        value = value.replace("%i", instance).replace("%t", str(runtime))
        if key == "ExecStart":
            commands.append(shlex.split(value))
        elif key == "WorkingDirectory":
            workdir = Path(value)
        elif key == "EnvironmentFile":
            env.update(parse_env_file(Path(value)))
        elif key == "Environment":
            variable, _, setting = value.partition("=")
            env[variable] = setting
        elif key == "RuntimeDirectory":  # made empty at each start, as systemd does
            shutil.rmtree(runtime / value, ignore_errors=True)
            (runtime / value).mkdir(parents=True)
    return Unit(commands, workdir, env)


# --- processes ----------------------------------------------------------------------------

def pid_of(layout: Layout, name: str) -> int | None:
    path = layout.pids / f"{name}.pid"
    if not path.exists():
        return None
    pid = int(path.read_text())
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    # A process that has ended but was started by the caller (the benchmark
    # restarts the worker itself) stays a zombie until reaped: it is not running.
    stat = Path(f"/proc/{pid}/stat")
    if stat.exists() and stat.read_text().rpartition(")")[2].split()[0] == "Z":
        return None
    return pid


def launch(layout: Layout, name: str, command: list[str], workdir: Path,
           env: dict[str, str]) -> int:
    log = (layout.logs / f"{name}.log").open("ab")
    process = subprocess.Popen(command, cwd=workdir, env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    (layout.pids / f"{name}.pid").write_text(str(process.pid))
    return process.pid


def wait_for(url: str, name: str, layout: Layout, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=3) as answer:  # noqa: S310 (loopback)
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if pid_of(layout, name) is None:
            break
        time.sleep(0.3)
    log = layout.logs / f"{name}.log"
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    raise SystemExit(f"cluster: {name} did not answer at {url}; end of {log}:\n{tail}")


def redis_command(layout: Layout) -> list[str]:
    # Only a cache lives in it (rate counts, lockouts): nothing to save to disk.
    return ["redis-server", "--bind", "127.0.0.1", "--port", str(layout.redis_port),
            "--dir", str(layout.run_dir / "redis"), "--save", "", "--appendonly", "no",
            "--protected-mode", "yes"]


def ensure_database(layout: Layout) -> bool:
    """Create the cluster's PostgreSQL database if it is missing; True if it was made."""
    url = urlsplit(layout.database_url)
    if url.scheme not in {"postgres", "postgresql"}:
        return False
    name = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    script = (
        "import sys, psycopg\n"
        "from psycopg import sql\n"
        "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
        "    found = c.execute('SELECT 1 FROM pg_database WHERE datname = %s', (sys.argv[2],))\n"
        "    if found.fetchone():\n"
        "        print('exists')\n"
        "    else:\n"
        "        c.execute(sql.SQL('CREATE DATABASE {}').format(sql.Identifier(sys.argv[2])))\n"
        "        print('created')\n"
    )
    answer = subprocess.run([str(VENV / "bin" / "python"), "-c", script, admin, name],
                            capture_output=True, text=True, check=False)
    if answer.returncode:
        raise SystemExit(f"cluster: cannot reach or create the database {name}:\n{answer.stderr}")
    return answer.stdout.strip() == "created"


def start(layout: Layout) -> None:
    if any(pid_of(layout, name) for name in process_names(layout)):
        raise SystemExit("cluster: already running (scripts/cluster status; scripts/cluster stop)")
    for folder in (layout.run_dir, layout.logs, layout.pids, layout.data_dir,
                   layout.run_dir / "redis"):
        folder.mkdir(parents=True, exist_ok=True)
    write_env_file(layout)
    render_conf(layout)

    print(f"redis-server on 127.0.0.1:{layout.redis_port}")
    launch(layout, "redis", redis_command(layout), layout.run_dir, dict(os.environ))

    made = ensure_database(layout)
    print("deploy step: " + ("new database, " if made else "") + "unknot deploy")
    deploy = read_unit(layout, "unknot-deploy.service")
    for command in deploy.commands:
        subprocess.run(command, cwd=deploy.workdir, env=deploy.env, check=True)
    demo_flag = layout.run_dir / "demo-loaded"
    if os.environ.get("UNKNOT_CLUSTER_DEMO", "1") == "1" and (made or not demo_flag.exists()):
        print("loading the demo content (guides, products, demo accounts)")
        subprocess.run([str(VENV / "bin" / "unknot"), "load_demo"], cwd=deploy.workdir,
                       env=deploy.env, check=True, stdout=subprocess.DEVNULL)
        demo_flag.write_text("yes\n")

    for port in layout.app_ports:
        unit = read_unit(layout, "unknot@.service", str(port))
        launch(layout, f"app-{port}", unit.commands[0], unit.workdir, unit.env)
        print(f"app server on 127.0.0.1:{port}")
    worker = read_unit(layout, "unknot-worker.service")
    launch(layout, "worker", worker.commands[0], worker.workdir, worker.env)
    print("background worker")
    for port in layout.app_ports:
        wait_for(f"http://127.0.0.1:{port}/health/live", f"app-{port}", layout)

    nginx_conf = layout.run_dir / "nginx" / "nginx.conf"
    subprocess.run(["/usr/sbin/nginx", "-t", "-q", "-c", str(nginx_conf)], check=True)
    launch(layout, "nginx", ["/usr/sbin/nginx", "-c", str(nginx_conf)], layout.run_dir,
           dict(os.environ))
    # Ready: database, cache, migrations and the worker's heartbeat, through nginx.
    wait_for(f"{layout.url}/health/ready", "nginx", layout, seconds=90)
    print(f"\nUnknot is served through nginx on {layout.url}/")
    print(f"logs in {layout.logs}; `scripts/cluster stop` stops it all")


def process_names(layout: Layout) -> list[str]:
    """Every process the cluster may have started, nginx first so it stops first."""
    return ["nginx", *(f"app-{port}" for port in layout.app_ports), "worker", "redis"]


def recorded_names(layout: Layout) -> list[str]:
    """Those above plus any app server recorded by an earlier start with more apps."""
    names = process_names(layout)
    if layout.pids.exists():
        names += sorted(p.stem for p in layout.pids.glob("app-*.pid") if p.stem not in names)
    return names


def stop(layout: Layout) -> None:
    for name in recorded_names(layout):
        pid = pid_of(layout, name)
        if pid is None:
            (layout.pids / f"{name}.pid").unlink(missing_ok=True)
            continue
        # Each was started as the leader of its own session: end its whole group
        # (gunicorn's workers, django-q's processes) and nothing else.
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and pid_of(layout, name):
            time.sleep(0.2)
        if pid_of(layout, name):
            os.killpg(pid, signal.SIGKILL)
        (layout.pids / f"{name}.pid").unlink(missing_ok=True)
        print(f"stopped {name} ({pid})")


def status(layout: Layout) -> int:
    down = 0
    for name in process_names(layout):
        pid = pid_of(layout, name)
        print(f"{name:12} {'running, pid ' + str(pid) if pid else 'not running'}")
        down += pid is None
    try:
        with urllib.request.urlopen(f"{layout.url}/health/ready", timeout=5) as answer:  # noqa: S310
            print(f"{layout.url}/health/ready answers {answer.status}: {answer.read().decode()}")
    except urllib.error.HTTPError as error:
        print(f"{layout.url}/health/ready answers {error.code}: {error.read().decode()}")
        down += 1
    except (urllib.error.URLError, OSError) as error:
        print(f"{layout.url}/health/ready does not answer ({error})")
        down += 1
    return 1 if down else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="scripts/cluster",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("action", choices=["start", "stop", "status"])
    options = parser.parse_args(argv)
    layout = layout_from_env()
    if options.action == "start":
        try:
            start(layout)
        except BaseException:
            print("cluster: start failed; stopping what was started", file=sys.stderr)
            stop(layout)
            raise
        return 0
    if options.action == "stop":
        stop(layout)
        return 0
    return status(layout)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
