"""docker-compose.yml is valid, and each of its services' commands works when run natively against
the local PostgreSQL and Redis (there is no Docker engine here): migrate, gunicorn answering
/healthz and /readyz, a worker answering its health check's ping, and beat starting."""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg
import pytest
import yaml

from .conftest import needs_postgres, needs_redis

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="needs Debian's docker-compose")
def test_the_compose_file_is_valid():
    env = {**os.environ, "DJANGO_SECRET_KEY": "x" * 50}
    result = subprocess.run(
        ["docker-compose", "config", "-q"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_stack_has_the_services_with_health_checks_and_named_volumes():
    assert set(SERVICES) >= {"postgres", "redis", "migrate", "web", "worker", "beat"}
    for name in ("postgres", "redis", "web", "worker"):
        assert "healthcheck" in SERVICES[name], name
    for name in ("web", "worker", "beat"):
        depends = SERVICES[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
        assert depends["redis"]["condition"] == "service_healthy"
    assert SERVICES["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    redis_command = " ".join(SERVICES["redis"]["command"])
    assert "--maxmemory-policy noeviction" in redis_command
    assert "--appendonly yes" in redis_command
    assert set(COMPOSE["volumes"]) >= {"postgres-data", "redis-data"}
    images = {SERVICES[name].get("build") for name in ("migrate", "web", "worker", "beat")}
    assert images == {"."}  # one image for all


def native(argv: list[str]) -> list[str]:
    """The container's command with this machine's interpreter and console scripts."""
    program, *rest = argv
    if program == "python":
        return [sys.executable, *rest]
    return [str(BIN / program), *rest]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def stack_env(tmp_path):
    """The services' environment, pointed at a fresh database on the local PostgreSQL."""
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    name = f"factcheck_compose_{os.getpid()}"
    admin = base.replace("postgres://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "FACTCHECK_"))
    }
    for key, value in SERVICES["web"]["environment"].items():
        if "${" not in str(value):
            env[key] = str(value)
    env.update(
        DATABASE_URL=f"{base}/{name}",
        REDIS_URL=os.environ["REDIS_URL"],
        DJANGO_CACHE_URL=os.environ["REDIS_URL"].rsplit("/", 1)[0] + "/1",
        DJANGO_SETTINGS_MODULE="factcheck.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="1",
        FACTCHECK_VAR_DIR=str(tmp_path),
        PORT=str(free_port()),
        HOSTNAME=socket.gethostname(),
    )
    yield env
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start(service: str, env: dict, tmp_path: Path) -> subprocess.Popen:
    command = [arg.replace("/app/var", str(tmp_path)) for arg in SERVICES[service]["command"]]
    return subprocess.Popen(
        native(command),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def healthcheck(service: str, env: dict) -> subprocess.CompletedProcess:
    kind, *argv = SERVICES[service]["healthcheck"]["test"]
    if kind == "CMD-SHELL":
        # Compose turns $$ into $; the shell then expands it from the environment.
        script = argv[0].replace("$$", "$").replace("celery ", f"{BIN / 'celery'} ", 1)
        return subprocess.run(
            ["sh", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
    return subprocess.run(
        native(argv), cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def stop(process: subprocess.Popen) -> str:
    os.killpg(process.pid, 15)
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        output, _ = process.communicate()
    return output


def wait_for(check, *, timeout: float, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except Exception:
            pass
        if process.poll() is not None:
            raise AssertionError(f"{what}: the process exited:\n{process.stdout.read()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout}s:\n{stop(process)}")
        time.sleep(0.3)


@pytest.mark.slow
@needs_postgres
@needs_redis
def test_each_service_command_runs_natively(stack_env, tmp_path):
    migrate = subprocess.run(
        native(SERVICES["migrate"]["command"]),
        cwd=ROOT,
        env=stack_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr

    web = start("web", stack_env, tmp_path)
    try:
        url = f"http://127.0.0.1:{stack_env['PORT']}"
        wait_for(
            lambda: urllib.request.urlopen(f"{url}/healthz", timeout=2).status == 200,
            timeout=60,
            process=web,
            what="gunicorn answering /healthz",
        )
        assert healthcheck("web", stack_env).returncode == 0
        with urllib.request.urlopen(f"{url}/readyz", timeout=5) as ready:
            assert ready.status == 200
    finally:
        stop(web)

    worker = start("worker", stack_env, tmp_path)
    try:
        wait_for(
            lambda: healthcheck("worker", stack_env).returncode == 0,
            timeout=90,
            process=worker,
            what="the worker answering its health check's ping",
        )
    finally:
        stop(worker)

    beat = start("beat", stack_env, tmp_path)
    output = ""
    try:
        deadline = time.monotonic() + 60
        while "beat: Starting..." not in output and time.monotonic() < deadline:
            line = beat.stdout.readline()
            if not line and beat.poll() is not None:
                break
            output += line
    finally:
        output += stop(beat)
    assert "beat: Starting..." in output, output
    assert (tmp_path / "celerybeat-schedule").exists() or any(tmp_path.glob("celerybeat-*"))
