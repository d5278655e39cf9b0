#!/usr/bin/env python3
"""The embedded default, end to end, as a newcomer would run it: `make run` in a fresh var/
(SQLite, the filesystem broker, a real worker with beat, the web server), then the seed article
must come out processed through the API, and Ctrl-C must stop everything.

Run by CI after the tests (`make smoke`). Exits non-zero, printing the service's output, on any
failure. Uses only the standard library so that it runs before anything is installed.
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
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 300


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(url: str, *, token: str | None = None, data: dict | None = None) -> dict:
    headers = {"Accept": "application/json"}
    body = None
    if data is not None:
        body = json.dumps(data).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Token {token}"
    req = urllib.request.Request(url, data=body, headers=headers)
    with urllib.request.urlopen(req, timeout=10) as response:
        return json.loads(response.read())


def processes_using(var_dir: str) -> list[str]:
    """Command lines of processes whose environment names this run's var/ (worker, web)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes().split(b"\0")
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if f"FACTCHECK_VAR_DIR={var_dir}".encode() in environ:
            found.append(f"{proc.name}: {cmdline[:100]}")
    return found


def main() -> int:
    var_dir = tempfile.mkdtemp(prefix="factcheck-smoke-")
    try:
        return smoke(var_dir)
    finally:
        # Nothing of the run may outlive it: what still runs is killed, then its var/ goes.
        for leftover in processes_using(var_dir):
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(leftover.split(":")[0]), signal.SIGKILL)
        shutil.rmtree(var_dir, ignore_errors=True)


def smoke(var_dir: str) -> int:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    # Its own env file too: the checkout's .env is neither read nor written.
    env.update(
        FACTCHECK_VAR_DIR=var_dir,
        DJANGO_ENV_FILE=os.path.join(var_dir, ".env"),
        PORT=str(port),
        HOST="127.0.0.1",
    )
    service = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"PORT={port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(service.stdout), daemon=True).start()
    base = f"http://127.0.0.1:{port}"

    def fail(message: str) -> int:
        print(f"SMOKE FAILED: {message}\n--- make run output ---\n{''.join(lines)}", flush=True)
        stop()
        return 1

    def stop() -> None:
        if service.poll() is None:
            os.killpg(service.pid, signal.SIGINT)  # what Ctrl-C sends
            try:
                service.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(service.pid, signal.SIGKILL)

    deadline = time.monotonic() + TIMEOUT
    password = None
    while time.monotonic() < deadline:
        if service.poll() is not None:
            return fail(f"make run exited with {service.returncode}")
        match = re.search(r"demo-editor\s+password: (\S+)", "".join(lines))
        password = match.group(1) if match else None
        try:
            ready = request(f"{base}/readyz")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            ready = None
        if password and ready and ready.get("status") == "ok":
            break
        time.sleep(1)
    else:
        return fail("the web server did not become ready")

    token = request(
        f"{base}/api/v1/auth/token/", data={"username": "demo-editor", "password": password}
    )["token"]
    while time.monotonic() < deadline:
        articles = request(f"{base}/api/v1/articles/", token=token)["results"]
        if articles and articles[0]["pipeline_status"] in ("done", "failed"):
            break
        time.sleep(1)
    else:
        return fail("the seed article was not processed by the worker in time")
    if articles[0]["pipeline_status"] != "done":
        return fail(f"the seed article's pipeline ended {articles[0]['pipeline_status']}")

    statistics = request(
        f"{base}/api/v1/claims/?claim_type=statistic&min_checkworthiness=0.5", token=token
    )
    figure = [c for c in statistics["results"] if "more than 450,000" in c["text"]]
    if not figure:
        return fail(f"no statistic claim with the casualty figure: {statistics}")
    # The list is compact (API 1.1): the claim's detail carries its checklist and quantities.
    claim = request(f"{base}/api/v1/claims/{figure[0]['id']}/", token=token)
    if not claim["checklist"] or not claim["quantities"]:
        return fail(f"the casualty claim was not enriched and checklisted: {claim}")

    stop()
    if service.returncode is None or service.poll() is None:
        return fail("Ctrl-C did not stop make run")
    leftovers = processes_using(var_dir)
    if leftovers:
        return fail(f"processes still running after Ctrl-C: {leftovers}")
    total = time.monotonic() - (deadline - TIMEOUT)
    print(
        f"smoke: make run served the seed: {len(statistics['results'])} statistic claim(s), "
        f"the casualty figure with {len(claim['checklist'])} checklist items, in {total:.0f}s; "
        "Ctrl-C stopped it"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
