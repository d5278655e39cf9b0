#!/usr/bin/env python3
"""The laptop service of `make run`: migrate, a Celery worker (with beat inside it) and the
development web server side by side, the demo accounts, and the seed article.

- A busy port fails at once, naming it, with a non-zero exit.
- On its first run in a checkout it writes a development `.env` (DJANGO_DEBUG=1 and a secret key
  of its own) so that `python manage.py …` works there afterwards; an existing one is never touched.
- It prints the address it really serves, the demo password (kept under var/), and when the worker
  has processed the seed article.
- It stops, leaving no worker or web server behind, whichever process is signalled: SIGINT,
  SIGTERM or SIGHUP to this script; SIGINT or SIGTERM to make alone (make then deletes the --mark
  file, its target: GNU make removes an interrupted recipe's target); the process group (Ctrl-C);
  make killed outright (this script's parent changes); this script killed outright (its children
  have a parent-death signal, on Linux). If the worker or the web server dies, the other is stopped.

Run by the Makefile with the virtualenv's Python; HOST and PORT come from the environment.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import envfile  # noqa: E402

BIN = Path(sys.executable).parent
STOP_GRACE = 20.0  # seconds for the worker to finish its tasks before it is killed
STARTUP_TIMEOUT = 120.0


def say(message: str, *, err: bool = False) -> None:
    print(f"factcheck: {message}", file=sys.stderr if err else sys.stdout, flush=True)


def port_in_use(host: str, port: int) -> str | None:
    """Why the web server could not listen on host:port, or None when it can."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as exc:
        return f"cannot resolve host {host!r} ({exc.strerror})"
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as runserver does
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is already in use"
            return f"cannot listen on {host}:{port} ({exc.strerror})"
    return None


_LIBC = ctypes.CDLL(None, use_errno=True)


def _session_of_its_own(parent: int):
    """Between fork and exec in each child: a session of its own (so only this script signals it,
    in order) and SIGTERM when this script dies, however it dies (Linux's parent-death signal)."""

    def prepare() -> None:
        os.setsid()
        try:
            _LIBC.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except AttributeError:  # not Linux: the checks of stop_reason() remain
            return
        if os.getppid() != parent:  # this script died before prctl took effect
            os.kill(os.getpid(), signal.SIGTERM)

    return prepare


class Service:
    def __init__(self, mark: Path | None):
        self.mark = mark
        self.parent = os.getppid()
        self.signalled: int | None = None
        self.children: dict[str, subprocess.Popen] = {}
        self.essential: tuple[str, ...] = ()
        self.failed = False
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, self._on_signal)

    def _on_signal(self, signum, frame) -> None:
        self.signalled = signum

    def start(self, name: str, argv: list[str], **popen) -> subprocess.Popen:
        child = subprocess.Popen(
            argv, cwd=ROOT, preexec_fn=_session_of_its_own(os.getpid()), **popen
        )
        self.children[name] = child
        return child

    def stop_reason(self) -> str | None:
        """Why to stop now: a signal, make gone or interrupted, or a child that had to keep
        running (`self.essential`) has exited; None to go on."""
        if self.signalled is not None:
            return f"{signal.Signals(self.signalled).name} received"
        if os.getppid() != self.parent:
            return "its parent process exited"
        if self.mark is not None and not self.mark.exists():
            return "make was interrupted"
        for name in self.essential:
            code = self.children[name].poll()
            if code is not None:
                self.failed = True
                return f"the {name} exited with status {code}"
        return None

    def step(self, name: str, argv: list[str]) -> int | None:
        """Run one start-up command to its end: its exit status, or None when stopping meanwhile."""
        child = self.start(name, argv)
        while child.poll() is None:
            if self.stop_reason():
                return None
            time.sleep(0.1)
        del self.children[name]
        return child.returncode

    def stop(self) -> None:
        running = {name: c for name, c in self.children.items() if c.poll() is None}
        for child in running.values():
            child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        for child in running.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
        for child in self.children.values():  # the groups too: a worker's pool processes
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(child.pid, signal.SIGKILL)
            child.wait()


def manage(*args: str) -> list[str]:
    return [sys.executable, "manage.py", *args]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def serve(service: Service, host: str, port: int) -> None:
    """Start everything, then wait for a reason to stop."""
    status = service.step("migration", manage("migrate", "--noinput"))
    if status != 0 or service.stop_reason():
        service.failed = status is not None
        return
    service.start("worker", [str(BIN / "celery"), "-A", "factcheck", "worker", "--beat",
                             "--loglevel", "INFO", "--concurrency", "2"])  # fmt: skip
    service.start("web server", manage("runserver", f"{host}:{port}", "--noreload"))
    service.essential = ("worker", "web server")
    accounts = service.start(
        "demo accounts", manage("demo_user"), stdout=subprocess.PIPE, text=True
    )
    base = f"http://{host}:{port}/"
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not answers(base + "healthz"):
        if service.stop_reason():
            return
        if time.monotonic() > deadline:
            say(f"the web server did not answer on {base} in {STARTUP_TIMEOUT:.0f}s", err=True)
            service.failed = True
            return
        time.sleep(0.2)

    printed, _ = accounts.communicate()  # a second or two: it started with the others
    print(printed, end="", flush=True)
    password = re.search(r"password: (\S+)", printed)
    if accounts.returncode != 0 or password is None:
        say("the demo accounts could not be made (see above)", err=True)
        service.failed = True
        return
    say(
        f"serving {base} — sign in to the desk at {base}admin/ as demo-editor or demo-checker, "
        f"password {password.group(1)}; Ctrl-C stops it"
    )
    seed: subprocess.Popen | None = service.start("seed", manage("load_seeds", "--wait"))
    while not service.stop_reason():
        if seed is not None and seed.poll() is not None:
            if seed.returncode == 0:
                say(f"ready: the worker has processed the seed article; its claims: {base}admin/")
            else:
                say("the seed article was not processed (see above)", err=True)
            seed = None
        time.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default=os.environ.get("HOST") or "127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8000))
    parser.add_argument("--mark", type=Path, help="the make target this run keeps while serving")
    args = parser.parse_args()

    problem = port_in_use(args.host, args.port)
    if problem:
        say(f"cannot serve http://{args.host}:{args.port}/: {problem}.", err=True)
        say("Stop what uses it, or choose another port: make run PORT=8001", err=True)
        return 1
    env_file = envfile.path()
    if env_file is not None and envfile.write_development(env_file):
        say(f"wrote {env_file}: development settings for `python manage.py …` in this checkout")

    service = Service(args.mark)
    if args.mark is not None:
        args.mark.parent.mkdir(parents=True, exist_ok=True)
        args.mark.write_text(f"{os.getpid()}\n")
    try:
        serve(service, args.host, args.port)
        reason = service.stop_reason()
        if reason:
            say(f"stopping: {reason}")
    finally:
        service.stop()
        if args.mark is not None:
            args.mark.unlink(missing_ok=True)
        say("worker and web server stopped")
    return 1 if service.failed else 0


if __name__ == "__main__":
    sys.exit(main())
