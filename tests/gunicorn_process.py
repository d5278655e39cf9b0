"""gunicorn serving the project against the test database, on a free loopback port, for the tests
that need a real HTTP server (chunked request bodies, a worker killed mid-request)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import free_port
from .worker_process import database_url

ROOT = Path(__file__).resolve().parent.parent


class GunicornProcess:
    """`gunicorn factcheck.wsgi` with one sync worker (call from a transaction=True test: the
    server's connections see only committed rows)."""

    def __init__(self, *, timeout: int = 30, extra_env: dict[str, str] | None = None):
        self.port = free_port()
        self.timeout = timeout
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "factcheck.settings",
            "DJANGO_DEBUG": "1",
            "DATABASE_URL": database_url(),
            **(extra_env or {}),
        }
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait: float = 60) -> GunicornProcess:
        command = [sys.executable, "-m", "gunicorn", "factcheck.wsgi", "--workers", "1"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--timeout", str(self.timeout)]
        self.process = subprocess.Popen(
            [*command, "--graceful-timeout", "2"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        deadline = time.monotonic() + wait
        while True:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return self
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.process.stdout.read()}")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"gunicorn did not answer /healthz within {wait}s")
            time.sleep(0.2)

    def stop(self) -> str:
        if self.process is None:
            return ""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return self.process.stdout.read() if self.process.stdout else ""
