"""HTTP load run (issue 13): the claims list under 8 concurrent clients, next to a flat list.

    python -m benchmarks.load        (what `make bench` runs after the scale benchmark)

Serves the 100,000-claim database of `benchmarks.scale` (`<DATABASE_URL's name>_100k`, or
BENCH_LOAD_DATABASE_URL) with
gunicorn on 127.0.0.1 only, and for each of `GET /api/v1/claims/` (token-authenticated, compact
claims, a cursor page of 50) and `GET /bench/flat-claims/` (the same 50 rows as `.values()` in a
bare Django view, `benchmarks.load_urls`) runs 8 client threads in rounds of 4 s that alternate
the two, five each (a round also stops at 5,000 requests). Prints req/s, p50 and p99 of each and
the ratio list ÷ flat (done when ≥ 0.5).
"""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from benchmarks.scale import bench_env, database_url

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 8
# Short rounds of equal length, alternating: a load that other processes put on a shared machine
# and that drifts during the run weighs on both endpoints alike (rounds bounded by a request
# count ended the flat view's in 3 s and the list's in 8, measuring them under different loads).
ROUNDS = 5
ROUND_SECONDS = 4.0
ROUND_REQUESTS = 5000
WORKERS = 4


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def token_for(env: dict[str, str]) -> str:
    script = (
        "import django; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from rest_framework.authtoken.models import Token\n"
        "u, _ = get_user_model().objects.get_or_create(username='bench', "
        "defaults={'is_staff': True, 'is_superuser': True})\n"
        "print(Token.objects.get_or_create(user=u)[0].key)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip().splitlines()[-1]


def wait_until_up(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def hammer(
    port: int,
    path: str,
    headers: dict[str, str],
    requests: int = ROUND_REQUESTS,
    seconds: float = ROUND_SECONDS,
) -> tuple[list[float], float, int]:
    """One bounded round: CLIENTS threads share `requests` requests within `seconds`.
    Returns the latencies (s), the elapsed time and the number of failed requests."""
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    remaining = [requests]
    stop_at = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < stop_at:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            began = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
            finally:
                conn.close()
            with lock:
                if ok:
                    latencies.append(time.perf_counter() - began)
                else:
                    failures[0] += 1

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, time.perf_counter() - began, failures[0]


def main() -> int:
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        print("load run: skipped (DATABASE_URL is not PostgreSQL)")
        return 0
    env = bench_env(os.environ.get("BENCH_LOAD_DATABASE_URL") or database_url(base, "100k"))
    env["DJANGO_SETTINGS_MODULE"] = "benchmarks.load_settings"
    token = token_for(env)
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "factcheck.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        wait_until_up(port, time.monotonic() + 60)
        targets = {
            "API claims list": ("/api/v1/claims/", {"Authorization": f"Token {token}"}),
            "flat .values() view": ("/bench/flat-claims/", {}),
        }
        for path, headers in targets.values():  # warm every worker
            hammer(port, path, headers, requests=4 * WORKERS, seconds=30)
        totals: dict[str, list] = {name: [[], 0.0, 0] for name in targets}
        for _ in range(ROUNDS):
            for name, (path, headers) in targets.items():
                latencies, elapsed, failed = hammer(port, path, headers)
                totals[name][0] += latencies
                totals[name][1] += elapsed
                totals[name][2] += failed
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"\nHTTP load, gunicorn ({WORKERS} workers) on 127.0.0.1, {CLIENTS} clients:")
    rates = {}
    for name, (latencies, elapsed, failed) in totals.items():
        rates[name] = len(latencies) / elapsed
        p50 = statistics.median(latencies) * 1000
        p99 = statistics.quantiles(latencies, n=100)[-1] * 1000
        print(
            f"  {name:<22} {rates[name]:7.1f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  "
            f"({len(latencies)} requests, {failed} failed)"
        )
    ratio = rates["API claims list"] / rates["flat .values() view"]
    print(f"  ratio list / flat: {ratio:.2f} (done when at least 0.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
