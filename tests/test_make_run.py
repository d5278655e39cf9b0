"""`make run` as a newcomer (and an IDE) runs it, with real processes on loopback, bounded in time:
a busy port fails at once naming it; the first run writes a development env file, after which
`python manage.py …` works from another shell; the demo password is printed with the real address
and stays the same from run to run; the seed's readiness is printed; and whichever process gets
the signal — make alone, the script, the process group, or make killed outright — the worker and
the web server stop with it.

Each run uses its own var/ and env file (FACTCHECK_VAR_DIR, DJANGO_ENV_FILE), so the checkout's
own .env and var/ are never touched.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
READY = "ready: the worker has processed the seed article"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("make") is None, reason="needs make"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(home: Path, port: int) -> dict[str, str]:
    """A shell of this machine's, without the test run's settings: the embedded default."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "FACTCHECK_", "MAKE", "MFLAGS"))
        and key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        FACTCHECK_VAR_DIR=str(home / "var"),
        DJANGO_ENV_FILE=str(home / ".env"),
        HOST="127.0.0.1",
        PORT=str(port),
    )
    return env


def processes_using(var_dir: Path) -> list[str]:
    """Live processes whose environment names this var/ (a zombie's environment reads empty)."""
    needle = f"FACTCHECK_VAR_DIR={var_dir}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or proc.name == str(os.getpid()):
            continue
        try:
            if needle in (proc / "environ").read_bytes().split(b"\0"):
                found.append(f"{proc.name}: {(proc / 'cmdline').read_bytes()[:120]!r}")
        except OSError:
            continue
    return found


class MakeRun:
    """`make run` in a process group of its own, its output collected as it comes."""

    def __init__(self, home: Path, port: int):
        self.home, self.port = home, port
        self.env = environment(home, port)
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "run"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        # The reader ends at the end of the output: when make, the script and everything they
        # started have closed it (exited). Only then is the output complete.
        self.reader = threading.Thread(
            target=lambda: self.lines.extend(self.process.stdout), daemon=True
        )
        self.reader.start()

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            if self.process.poll() is not None:
                self.reader.join(timeout=10)  # the last lines
                if text in self.output:
                    return
                raise AssertionError(f"make run exited ({self.process.returncode}):\n{self.output}")
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"no {text!r} within {timeout}s:\n{self.output}")
            time.sleep(0.2)

    def script_pid(self) -> int:
        """scripts/devserver.py writes its pid into make's target while it serves."""
        return int((self.home / "var" / "make-run.serving").read_text())

    def wait_stopped(self, timeout: float = 60) -> None:
        """make has exited and nothing of this run is left running."""
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(
                f"make run did not stop within {timeout}s:\n{self.output}"
            ) from None
        deadline = time.monotonic() + timeout
        while leftovers := processes_using(self.home / "var"):
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"left running: {leftovers}\n{self.output}")
            time.sleep(0.2)
        # make can exit before this process has read its last lines (a loaded machine): the
        # output is whole once the reader has seen its end.
        self.reader.join(timeout=max(1.0, deadline - time.monotonic()))
        if self.reader.is_alive():
            self.kill()
            raise AssertionError(f"the output of make run stayed open:\n{self.output}")

    def kill(self) -> None:
        for pid in processes_using(self.home / "var"):
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pid.split(":")[0]), signal.SIGKILL)
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)


def password_printed(output: str) -> str:
    return re.search(r"demo-editor\s+password: (\S+)", output).group(1)


def test_a_busy_port_fails_at_once_naming_it(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        run = MakeRun(tmp_path, port)
        run.wait_stopped(timeout=60)
    assert run.process.returncode != 0
    assert f"port {port} on 127.0.0.1 is already in use" in run.output
    assert not (tmp_path / ".env").exists()  # it stopped before doing anything


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """The first `make run` in a fresh home, up to the seed's readiness; Ctrl-C (SIGINT to the
    process group) stops it at the end."""
    home = tmp_path_factory.mktemp("make-run")
    run = MakeRun(home, free_port())
    try:
        run.wait_for(READY, timeout=300)
    except AssertionError:
        run.kill()
        raise
    yield run
    if run.process.poll() is None:
        os.killpg(run.process.pid, signal.SIGINT)
        run.wait_stopped()


def test_the_first_run_prints_the_real_address_and_the_password(first_run):
    base = f"http://127.0.0.1:{first_run.port}/"
    password = password_printed(first_run.output)
    assert f"serving {base}" in first_run.output
    assert f"{base}admin/ as demo-editor or demo-checker, password {password}" in first_run.output
    assert (first_run.home / "var" / "demo-password").read_text().strip() == password
    request = urllib.request.Request(
        f"{base}api/v1/auth/token/",
        data=json.dumps({"username": "demo-editor", "password": password}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


def test_the_seed_is_ready_when_it_says_so(first_run):
    assert "article 1: pipeline done" in first_run.output
    assert first_run.output.index("pipeline done") < first_run.output.index(READY)


def test_manage_py_works_from_another_shell_after_the_first_run(first_run):
    env_file = first_run.home / ".env"
    assert "DJANGO_DEBUG=1" in env_file.read_text()
    assert env_file.stat().st_mode & 0o777 == 0o600
    shell = first_run.env  # no DJANGO_DEBUG in it: only the env file make run wrote
    assert "DJANGO_DEBUG" not in shell
    result = subprocess.run(
        [sys.executable, "manage.py", "createsuperuser", "--noinput", "--username", "chief"],
        cwd=ROOT,
        env=shell
        | {
            "DJANGO_SUPERUSER_PASSWORD": "a long chief password",
            "DJANGO_SUPERUSER_EMAIL": "c@example.org",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Superuser created successfully." in result.stdout


def test_ctrl_c_stops_everything(first_run):
    os.killpg(first_run.process.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C
    first_run.wait_stopped()
    assert "worker and web server stopped" in first_run.output


@pytest.mark.parametrize(
    ("target", "signum"),
    [
        ("make", signal.SIGINT),  # an IDE's stop button
        ("make", signal.SIGTERM),
        ("make", signal.SIGKILL),
        ("script", signal.SIGKILL),
    ],
    ids=lambda v: v if isinstance(v, str) else signal.Signals(v).name,
)
def test_a_later_run_keeps_the_password_and_stops_whoever_gets_the_signal(
    first_run, target, signum
):
    """(SIGINT or SIGTERM to the script itself is what Ctrl-C above tests: the process group's
    signal reaches make and the script, and the script's handler is what stops the others.)"""
    if first_run.process.poll() is None:  # this test needs the home, not the first run
        os.killpg(first_run.process.pid, signal.SIGINT)
        first_run.wait_stopped()
    env_file = (first_run.home / ".env").read_text()
    run = MakeRun(first_run.home, free_port())
    run.wait_for("serving http://", timeout=180)
    assert password_printed(run.output) == password_printed(first_run.output)
    assert "wrote" not in run.output  # the env file is never rewritten
    assert (first_run.home / ".env").read_text() == env_file

    if target == "make":
        os.kill(run.process.pid, signum)
    else:
        os.kill(run.script_pid(), signum)
    run.wait_stopped()
