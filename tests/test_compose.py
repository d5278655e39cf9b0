"""docker-compose.yml and the Dockerfile, without a Docker engine (there is none here).

The stack is rendered with `docker-compose config` and the example env, as `cp .env.example .env`
leaves it: every documented variable must reach migrate, web, worker and beat, and no secret is
written in the file. Then each service's command runs natively against the local PostgreSQL and
Redis with the environment compose would give it (the hosts `postgres` and `redis` being this
machine's): migrate, gunicorn answering /healthz and /readyz, a worker answering its health
check's ping, beat starting; the local trial override signs in over plain http; and with Redis
stopped under the compose settings the API keeps answering (issue 13, item 3).
"""

import functools
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import psycopg
import pytest
import yaml

from .conftest import example_env, needs_postgres, needs_redis

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
APP_SERVICES = ("migrate", "web", "worker", "beat")
LOCAL = "docker-compose.local.yml"

needs_compose = pytest.mark.skipif(
    shutil.which("docker-compose") is None, reason="needs Debian's docker-compose"
)


def operator_shell() -> dict[str, str]:
    """This machine's environment without the test run's configuration (which compose's
    interpolation would prefer over the .env file, and the settings over everything)."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "FACTCHECK_", "POSTGRES_"))
        and key not in ("DATABASE_URL", "REDIS_URL")
    }


def compose(*files: str, args: tuple[str, ...] = ("config",)) -> subprocess.CompletedProcess:
    """`docker-compose … config` of these files, with .env.example copied to .env."""
    with tempfile.TemporaryDirectory() as project:
        shutil.copy(ROOT / ".env.example", Path(project) / ".env")
        argv = ["docker-compose", "--project-directory", project]
        for name in ("docker-compose.yml", *files):
            argv += ["-f", str(ROOT / name)]
        return subprocess.run(
            [*argv, *args], capture_output=True, text=True, timeout=60, env=operator_shell()
        )


@functools.cache
def rendered(*files: str) -> dict:
    result = compose(*files)
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    return [
        tuple(line.split(None, 1))
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


# --- The rendered configuration -------------------------------------------------------------------
@needs_compose
@pytest.mark.parametrize("files", [(), (LOCAL,)], ids=["stack", "local trial"])
def test_the_compose_files_are_valid_with_the_example_env(files):
    result = compose(*files, args=("config", "-q"))
    assert result.returncode == 0, result.stderr


@needs_compose
@pytest.mark.parametrize("service", APP_SERVICES)
def test_every_documented_variable_reaches_the_service(service):
    environment = rendered()["services"][service]["environment"]
    documented = example_env()
    assert len(documented) > 30
    missing = {key: value for key, value in documented.items() if environment.get(key) != value}
    assert not missing, f"not in {service}'s environment as .env says: {sorted(missing)}"


@needs_compose
def test_postgres_takes_its_credentials_from_the_env_file():
    environment = rendered()["services"]["postgres"]["environment"]
    documented = example_env()
    for key in ("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"):
        assert environment[key] == documented[key]
    assert documented["POSTGRES_PASSWORD"] in documented["DATABASE_URL"]


def test_the_compose_files_hold_no_secret():
    documented = example_env()
    for name in ("docker-compose.yml", LOCAL):
        text = (ROOT / name).read_text()
        for key in ("DJANGO_SECRET_KEY", "POSTGRES_PASSWORD", "DATABASE_URL"):
            assert documented[key] not in text, (name, key)
        assert "factcheck:factcheck@" not in text
    for name, service in SERVICES.items():
        for key, value in (service.get("environment") or {}).items():
            if re.search(r"PASSWORD|SECRET|DATABASE_URL", key):
                assert str(value).startswith("${"), f"{name}: {key} is written in the file"


@needs_compose
def test_web_is_published_on_the_hosts_loopback_only():
    for name, service in rendered()["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), (name, port)
    assert rendered()["services"]["web"]["ports"]


@needs_compose
def test_the_local_trial_changes_only_what_plain_http_needs():
    stack, trial = rendered(), rendered(LOCAL)
    plain_http = {
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "DJANGO_SESSION_COOKIE_SECURE": "0",
        "DJANGO_CSRF_COOKIE_SECURE": "0",
        "DJANGO_BEHIND_PROXY": "0",
        "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "http://localhost:8000,http://127.0.0.1:8000",
    }
    for service in APP_SERVICES:
        expected = stack["services"][service]["environment"] | plain_http
        assert trial["services"][service]["environment"] == expected, service
    assert trial["services"]["web"]["environment"]["DJANGO_DEBUG"] == "0"


def test_the_stack_has_the_services_with_health_checks_and_named_volumes():
    assert set(SERVICES) >= {"postgres", "redis", "migrate", "web", "worker", "beat", "db-tools"}
    for name in ("postgres", "redis", "web", "worker"):
        assert "healthcheck" in SERVICES[name], name
    for name in ("web", "worker", "beat"):
        depends = SERVICES[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
        assert depends["redis"]["condition"] == "service_healthy"
        assert SERVICES[name]["env_file"] == ".env"
    assert SERVICES["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    redis_command = " ".join(SERVICES["redis"]["command"])
    assert "--maxmemory-policy noeviction" in redis_command
    assert "--appendonly yes" in redis_command
    assert set(COMPOSE["volumes"]) >= {"postgres-data", "redis-data"}
    images = {SERVICES[name].get("build") for name in APP_SERVICES}
    assert images == {"."}  # one image for all


def seconds(duration: str) -> int:
    units = {"h": 3600, "m": 60, "s": 1}
    return sum(int(n) * units[u] for n, u in re.findall(r"(\d+)([hms])", duration))


def test_the_worker_gets_longer_than_a_tasks_hard_limit_to_stop():
    hard_limit = int(example_env()["FACTCHECK_TASK_SOFT_TIME_LIMIT"]) + 30  # settings.py
    assert seconds(SERVICES["worker"]["stop_grace_period"]) > hard_limit


def test_the_db_tools_service_runs_the_backup_script_of_make_backup():
    tools = SERVICES["db-tools"]
    assert tools["profiles"] == ["tools"]  # never started by `docker compose up`
    assert tools["entrypoint"] == ["sh", "/scripts/db.sh"]
    assert "./scripts/db.sh:/scripts/db.sh:ro" in tools["volumes"]
    assert tools["image"] == SERVICES["postgres"]["image"]  # pg_dump of the server's version
    assert "scripts/db.sh backup" in (ROOT / "Makefile").read_text()


# --- The Dockerfile -------------------------------------------------------------------------------
def test_gunicorn_is_bound_explicitly_in_the_image_and_in_compose():
    [cmd] = [json.loads(args) for op, args in dockerfile() if op == "CMD"]
    assert cmd == SERVICES["web"]["command"]
    assert cmd[cmd.index("--bind") + 1] == "0.0.0.0:8000"


def test_dependencies_are_installed_in_a_layer_of_their_own_before_the_code():
    steps = dockerfile()
    install = next(i for i, (op, args) in enumerate(steps) if "pip install" in args)
    copied_before = [args for op, args in steps[:install] if op == "COPY"]
    assert copied_before == ["pyproject.toml ./"]
    copied_after = [args.split()[0] for op, args in steps[install:] if op == "COPY"]
    assert {"factcheck", "claims", "workers", "manage.py"} <= set(copied_after)
    assert not any("pip install ." in args for op, args in steps)  # no second install


@pytest.mark.slow
def test_the_images_build_steps_work(tmp_path):
    """The RUN lines that involve the project, run natively: the requirements come out of
    pyproject.toml exactly, and collectstatic's throwaway key passes the secret key check."""
    runs = [args for op, args in dockerfile() if op == "RUN"]
    [requirements] = [r for r in runs if "tomllib" in r]
    extract = requirements.split(" > ")[0].replace("python ", f"{sys.executable} ", 1)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    listed = subprocess.run(
        ["sh", "-c", extract], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.split()
    pyproject = (ROOT / "pyproject.toml").read_text()
    pinned = re.findall(r'^  "([^"]+==[^"]+)",$', pyproject.split("[project.optional")[0], re.M)
    assert listed == pinned

    [collectstatic] = [r for r in runs if "collectstatic" in r]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FACTCHECK_"))}
    env.pop("DATABASE_URL", None)
    env.update(FACTCHECK_VAR_DIR=str(tmp_path / "var"), DJANGO_ENV_FILE="")
    script = collectstatic.replace("python ", f"{sys.executable} ")
    result = subprocess.run(
        ["sh", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var" / "static" / "admin").is_dir()


# --- Each service's command, natively -------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def native(argv: list[str], port: int | None = None) -> list[str]:
    """The container's command with this machine's interpreter and console scripts, listening on
    127.0.0.1:`port` where the container listens on 8000."""
    program, *rest = argv
    if port is not None:
        rest = [arg.replace("0.0.0.0:8000", f"127.0.0.1:{port}") for arg in rest]
        rest = [arg.replace(":8000/", f":{port}/") for arg in rest]
    if program == "python":
        return [sys.executable, *rest]
    return [str(BIN / program), *rest]


@pytest.fixture(scope="module")
def stack_database():
    """A fresh database on the local PostgreSQL, migrated by the migrate service's command."""
    if shutil.which("docker-compose") is None:
        pytest.skip("needs Debian's docker-compose to render the services' environment")
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    name = f"factcheck_compose_{os.getpid()}"
    admin = base.replace("postgres://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{base}/{name}"
    with tempfile.TemporaryDirectory() as var_dir:
        env = service_env(
            "migrate", database_url=url, redis_url=os.environ["REDIS_URL"], var=var_dir
        )
        migrate = subprocess.run(
            native(SERVICES["migrate"]["command"]),
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr
    yield url
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def service_env(
    service: str,
    *,
    database_url: str,
    redis_url: str,
    var: str,
    files: tuple[str, ...] = (),
    cache_url: str | None = None,
) -> dict[str, str]:
    """The environment compose gives the service (the example env, as rendered), with this
    machine's PostgreSQL and Redis in place of the containers' (the cache in the broker's Redis
    database unless `cache_url` says otherwise), a secret key of the operator's, and paths that
    exist here."""
    env = operator_shell() | rendered(*files)["services"][service]["environment"]
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        DJANGO_CACHE_URL=cache_url or redis_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_SETTINGS_MODULE="factcheck.settings",
        DJANGO_ENV_FILE="",
        FACTCHECK_VAR_DIR=var,
        HOSTNAME=socket.gethostname(),
    )
    return env


def start(argv: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        argv,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> str:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
    return output


def healthcheck(service: str, env: dict, port: int | None = None) -> subprocess.CompletedProcess:
    kind, *argv = SERVICES[service]["healthcheck"]["test"]
    if kind == "CMD-SHELL":
        # Compose turns $$ into $; the shell then expands it from the environment.
        script = argv[0].replace("$$", "$").replace("celery ", f"{BIN / 'celery'} ", 1)
        return subprocess.run(
            ["sh", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
    return subprocess.run(
        native(argv, port), cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


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


def gunicorn(env: dict, port: int) -> subprocess.Popen:
    web = start(native(SERVICES["web"]["command"], port), env)
    wait_for(
        lambda: urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).status == 200,
        timeout=60,
        process=web,
        what="gunicorn answering /healthz",
    )
    return web


@pytest.mark.slow
@needs_postgres
@needs_redis
def test_each_service_command_runs_natively(stack_database, tmp_path):
    env = service_env(
        "web", database_url=stack_database, redis_url=os.environ["REDIS_URL"], var=str(tmp_path)
    )
    port = free_port()
    web = gunicorn(env, port)
    try:
        assert healthcheck("web", env, port).returncode == 0
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as ready:
            assert ready.status == 200
    finally:
        stop(web)

    env = service_env(
        "worker", database_url=stack_database, redis_url=os.environ["REDIS_URL"], var=str(tmp_path)
    )
    worker = start(native(SERVICES["worker"]["command"]), env)
    try:
        wait_for(
            lambda: healthcheck("worker", env).returncode == 0,
            timeout=90,
            process=worker,
            what="the worker answering its health check's ping",
        )
    finally:
        stop(worker)

    env = service_env(
        "beat", database_url=stack_database, redis_url=os.environ["REDIS_URL"], var=str(tmp_path)
    )
    command = [arg.replace("/app/var", str(tmp_path)) for arg in SERVICES["beat"]["command"]]
    beat = start(native(command), env)
    output = ""
    try:
        deadline = time.monotonic() + 60
        while "beat: Starting..." not in output and time.monotonic() < deadline:
            line = beat.stdout.readline()
            if not line and beat.poll() is not None:
                break
            output += line
        # Beat logs "Starting..." before it opens its schedule file: on a loaded machine, stopping
        # it at once could come first (a flake seen under load), so give the file time to appear.
        while not schedule_written(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        output += stop(beat)
    assert "beat: Starting..." in output, output
    assert schedule_written(tmp_path)


def schedule_written(folder) -> bool:
    return (folder / "celerybeat-schedule").exists() or any(folder.glob("celerybeat-*"))


def create_superuser(env: dict, username: str, password: str) -> None:
    """The README's `docker compose run --rm web python manage.py createsuperuser`, natively."""
    result = subprocess.run(
        native(["python", "manage.py", "createsuperuser", "--noinput", "--username", username]),
        cwd=ROOT,
        env=env | {"DJANGO_SUPERUSER_PASSWORD": password, "DJANGO_SUPERUSER_EMAIL": "a@b.org"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 or "already taken" in result.stderr, result.stderr


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.slow
@needs_postgres
@needs_redis
def test_the_local_trial_signs_in_over_plain_http(stack_database, tmp_path):
    redis_url = os.environ["REDIS_URL"]
    plain = service_env("web", database_url=stack_database, redis_url=redis_url, var=str(tmp_path))
    trial = service_env(
        "web", database_url=stack_database, redis_url=redis_url, var=str(tmp_path), files=(LOCAL,)
    )
    create_superuser(trial, "trial-admin", "a long trial password")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    browser = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect
    )

    # Without the override, plain http is sent to https: no way to sign in.
    web = gunicorn(plain, port)
    try:
        with pytest.raises(urllib.error.HTTPError) as redirected:
            browser.open(f"{base}/admin/login/", timeout=5)
        assert redirected.value.code == 301
        assert redirected.value.headers["Location"].startswith("https://")
    finally:
        stop(web)

    web = gunicorn(trial, port)
    try:
        page = browser.open(f"{base}/admin/login/?next=/admin/", timeout=5).read().decode()
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": csrf,
                "username": "trial-admin",
                "password": "a long trial password",
                "next": "/admin/",
            }
        ).encode()
        with pytest.raises(urllib.error.HTTPError) as signed_in:
            browser.open(f"{base}/admin/login/", data=form, timeout=5)
        assert signed_in.value.code == 302, signed_in.value.read()[:500]
        assert signed_in.value.headers["Location"] == "/admin/"
        desk = browser.open(f"{base}/admin/", timeout=5).read().decode()
        assert "trial-admin" in desk and "Log out" in desk
        assert browser.open(f"{base}/", timeout=5).status == 200
    finally:
        stop(web)


@pytest.fixture
def private_redis(tmp_path):
    """A Redis server of this test's own on a free port (never the shared one)."""
    if shutil.which("redis-server") is None:
        pytest.skip("needs redis-server")
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
    yield server, f"redis://127.0.0.1:{port}"
    if server.poll() is None:
        server.kill()
        server.wait()


@pytest.mark.slow
@needs_postgres
def test_with_redis_stopped_the_api_keeps_answering_under_the_compose_settings(
    stack_database, private_redis, tmp_path
):
    """Compose's web talks to one Redis for the broker (db 0) and the rate limits' cache (db 1).
    With it stopped, reads and sign-ins still answer (throttles fail open, with a log line) and
    /readyz says the broker is unreachable, without its error text."""
    server, redis = private_redis
    env = service_env(
        "web",
        database_url=stack_database,
        redis_url=f"{redis}/0",
        cache_url=f"{redis}/1",
        var=str(tmp_path),
    )
    assert env["DJANGO_BEHIND_PROXY"] == "1"
    create_superuser(env, "compose-editor", "a long editor password")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # This test is the TLS proxy in front of gunicorn.
    proxy = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}

    def call(path, data=None, token=None):
        headers = dict(proxy)
        if data is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(data).encode()
        if token:
            headers["Authorization"] = f"Token {token}"
        request = urllib.request.Request(base + path, data=data, headers=headers)
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read().decode(), time.monotonic() - started
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), time.monotonic() - started

    credentials = {"username": "compose-editor", "password": "a long editor password"}
    web = gunicorn(env, port)
    output = ""
    try:
        status, body, _ = call("/api/v1/auth/token/", credentials)
        assert status == 200, body
        token = json.loads(body)["token"]
        assert call("/api/v1/claims/", token=token)[0] == 200

        server.terminate()
        server.wait(timeout=10)

        for path, data, auth in [
            ("/api/v1/claims/", None, token),
            ("/api/v1/claimreview/", None, None),
            ("/api/schema/", None, None),
            ("/api/v1/auth/token/", credentials, None),
        ]:
            status, body, took = call(path, data, auth)
            assert status == 200, (path, status, body[:300])
            assert took < 10, (path, took)
        status, body, _ = call("/readyz")
        assert status == 503
        assert json.loads(body)["checks"] == {"database": "ok", "broker": "unreachable"}
        assert "Error" not in body and "127.0.0.1" not in body
    finally:
        output = stop(web)
    assert "not enforced: the cache is unreachable" in output, output[-3000:]
    assert "readyz: broker unreachable" in output
