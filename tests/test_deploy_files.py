"""The files in deploy/ render completely, nginx accepts the site, and scripts/cluster
reads the units and the environment file as systemd would.

Starting the whole cluster is bench/cluster_load.py's work, not the suite's.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[1]


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


render = _load("unknot_deploy_render", ROOT / "deploy" / "render.py")
cluster = _load("unknot_cluster", ROOT / "scripts" / "cluster.py")


def _rendered(tmp_path: Path, apps: list[str]) -> Path:
    values = render.parse_sets([f"NGINX_DIR={tmp_path / 'nginx'}", f"DATA_DIR={tmp_path}",
                                f"LOG_DIR={tmp_path}", "LISTEN=127.0.0.1:8080"])
    render.render(tmp_path, values, apps)
    return tmp_path


def test_every_name_is_filled_in_and_each_app_server_gets_its_upstream_line(
        tmp_path: Path) -> None:
    out = _rendered(tmp_path, ["10.0.0.5:8001", "10.0.0.6:8001", "10.0.0.6:8002"])
    for name in render.TEMPLATES:
        text = (out / name).read_text()
        assert not re.search(r"@[A-Z_]+@", text), name
    site = (out / "nginx" / "unknot.conf").read_text()
    servers = re.findall(r"^\s*server (\S+) max_fails=3 fail_timeout=10s;$", site, re.M)
    assert servers == ["10.0.0.5:8001", "10.0.0.6:8001", "10.0.0.6:8002"]


def test_nginx_retries_reads_on_the_next_server_but_never_writes(tmp_path: Path) -> None:
    proxy = (_rendered(tmp_path, ["127.0.0.1:8001"]) / "nginx" / "unknot-proxy.conf").read_text()
    directives = [line for line in proxy.splitlines() if line.startswith("proxy_next_upstream ")]
    assert directives == ["proxy_next_upstream error timeout http_502 http_503 http_504;"]
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in proxy


def test_a_missing_value_or_app_server_is_named(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="at least one app server"):
        render.render(tmp_path, render.parse_sets([]), [])
    with pytest.raises(SystemExit, match="NAME=VALUE"):
        render.parse_sets(["PORT=80"])


@pytest.mark.skipif(shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
                    reason="nginx is not installed (Debian package nginx)")
def test_nginx_accepts_the_rendered_site(tmp_path: Path) -> None:
    out = _rendered(tmp_path, ["127.0.0.1:8001", "127.0.0.1:8002"])
    main = tmp_path / "nginx.conf"
    main.write_text(f"""pid {tmp_path / 'nginx.pid'};
error_log {tmp_path / 'error.log'};
events {{ }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp_path}; proxy_temp_path {tmp_path};
    fastcgi_temp_path {tmp_path}; uwsgi_temp_path {tmp_path}; scgi_temp_path {tmp_path};
    include {out / 'nginx' / 'unknot.conf'};
}}
""")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    answer = subprocess.run([nginx, "-t", "-c", str(main)], capture_output=True, text=True,
                            check=False)
    assert answer.returncode == 0, answer.stderr


def test_the_cluster_runs_each_unit_with_its_command_folder_and_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNKNOT_CLUSTER_DIR", str(tmp_path / "run"))
    monkeypatch.setenv("UNKNOT_CLUSTER_PORT", "9100")
    monkeypatch.setenv("UNKNOT_CLUSTER_APPS", "3")
    monkeypatch.setenv("UNKNOT_API_WRITE_RATE", "5/m")
    monkeypatch.delenv("UNKNOT_DATABASE_URL", raising=False)
    layout = cluster.layout_from_env()
    layout.run_dir.mkdir()
    cluster.write_env_file(layout)
    cluster.render_conf(layout)

    unit = cluster.read_unit(layout, "unknot@.service", "9102")
    assert unit.commands == [[str(cluster.VENV / "bin" / "unknot"), "serve", "--host",
                              "127.0.0.1", "--port", "9102"]]
    assert unit.workdir == ROOT
    counters = layout.run_dir / "runtime" / "unknot-9102"  # systemd's RuntimeDirectory=
    assert unit.env["PROMETHEUS_MULTIPROC_DIR"] == str(counters)
    assert counters.is_dir() and not any(counters.iterdir())
    assert unit.env["UNKNOT_TRUSTED_PROXIES"] == "127.0.0.1"
    assert unit.env["UNKNOT_API_WRITE_RATE"] == "5/m"  # the caller's setting is passed on
    assert "UNKNOT_EMAIL_HOST" not in unit.env  # no SMTP server here: the console
    site = (layout.conf / "nginx" / "unknot.conf").read_text()
    assert re.findall(r"server (127\.0\.0\.1:\d+) max_fails", site) == [
        "127.0.0.1:9101", "127.0.0.1:9102", "127.0.0.1:9103"]

    key = unit.env["UNKNOT_SECRET_KEY"]
    assert len(key) > 40
    cluster.write_env_file(layout)  # a second start keeps the key, so sessions survive it
    assert cluster.parse_env_file(layout.env_file)["UNKNOT_SECRET_KEY"] == key
