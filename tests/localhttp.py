"""Local HTTP(S) servers for the outbound tests, and a guard that no test reaches beyond loopback.

`LocalServer` serves a routing table of handlers on 127.0.0.1 (or ::1) in a thread. `loopback_only`
replaces the socket connect calls and the resolver for the length of a test: a connection to any
address outside 127.0.0.0/8 and ::1, or a lookup of any name but localhost, fails the test
(it is recorded, and refused before a packet leaves).
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.monotonic)


@dataclass
class LocalServer:
    """A threaded HTTP server on a loopback address; `routes` maps a path to a handler."""

    routes: dict[str, Handler] = field(default_factory=dict)
    host: str = "127.0.0.1"
    tls: ssl.SSLContext | None = None
    received: list[Received] = field(default_factory=list)

    def __enter__(self) -> LocalServer:
        server = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                route = self.path.split("?", 1)[0]
                server.received.append(Received(self.command, self.path, dict(self.headers), body))
                handler = server.routes.get(route)
                if handler is None:
                    send(self, 404, b"no such page", "text/plain")
                    return
                # The client hanging up (a size or time limit) is the point of some tests.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    handler(self)

            do_GET = do_POST = do_HEAD = _handle

        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        server_class = type("Server", (ThreadingHTTPServer,), {"address_family": family})
        self._httpd = server_class((self.host, 0), RequestHandler)
        self._httpd.daemon_threads = True
        if self.tls is not None:
            self._httpd.socket = self.tls.wrap_socket(self._httpd.socket, server_side=True)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str = "/", *, host: str | None = None) -> str:
        host = host or (f"[{self.host}]" if ":" in self.host else self.host)
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://{host}:{self.port}{path}"


def send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes = b"",
    content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(body)


def page(body: bytes, content_type: str = "text/html; charset=utf-8") -> Handler:
    return lambda h: send(h, 200, body, content_type)


def redirect(location: Callable[[], str] | str, status: int = 302) -> Handler:
    def handle(h: BaseHTTPRequestHandler) -> None:
        target = location() if callable(location) else location
        send(h, status, b"", headers={"Location": target})

    return handle


def status(code: int, body: bytes = b"") -> Handler:
    return lambda h: send(h, code, body, "text/plain")


def huge(size: int, *, declare_length: bool) -> Handler:
    """`size` bytes of HTML, with a Content-Length or ended by closing the connection."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        if declare_length:
            h.send_header("Content-Length", str(size))
        else:
            h.send_header("Connection", "close")
        h.end_headers()
        block = b"<p>" + b"x" * 65530 + b"</p>"
        sent = 0
        while sent < size:
            h.wfile.write(block)
            sent += len(block)
        h.close_connection = True

    return handle


def drip(*, interval: float, headers_too: bool = False, seconds: float = 30) -> Handler:
    """A slow server: a byte every `interval` seconds, of the body (or of the headers as well),
    for at most `seconds`."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        stop = time.monotonic() + seconds
        if headers_too:
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 1000:
                if time.monotonic() > stop:
                    return
                h.wfile.write(bytes([byte]))
                h.wfile.flush()
                time.sleep(interval)
            return
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        h.wfile.flush()
        while time.monotonic() < stop:
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(interval)

    return handle


def echo_headers(h: BaseHTTPRequestHandler) -> None:
    send(h, 200, json.dumps(dict(h.headers)).encode(), "application/json")


# --- Loopback only --------------------------------------------------------------------------------
def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


class LoopbackGuard:
    """Records every connect and lookup; refuses those beyond loopback before they happen."""

    def __init__(self):
        self.connects: list[str] = []
        self.refused: list[str] = []

    def install(self, monkeypatch) -> LoopbackGuard:
        guard = self
        real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
        real_getaddrinfo = socket.getaddrinfo

        def check(address) -> None:
            if isinstance(address, tuple):
                host = str(address[0])
                guard.connects.append(host)
                if not _is_loopback(host):
                    guard.refused.append(host)
                    raise AssertionError(f"a test tried to connect to {host}")

        def connect(self, address):
            check(address)
            return real_connect(self, address)

        def connect_ex(self, address):
            check(address)
            return real_connect_ex(self, address)

        def getaddrinfo(host, *args, **kwargs):
            name = host.decode() if isinstance(host, bytes) else str(host)
            if name != "localhost" and not _is_literal(name):
                guard.refused.append(name)
                raise AssertionError(f"a test tried to resolve {name!r}")
            return real_getaddrinfo(host, *args, **kwargs)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        return self

    @property
    def outside(self) -> list[str]:
        return [host for host in self.connects if not _is_loopback(host)] + self.refused


def _is_literal(host: str) -> bool:
    """An address the resolver reads without asking DNS (inet_aton's forms too: "2130706433")."""
    try:
        ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        try:
            socket.inet_aton(host)
        except OSError:
            return False
    return True


# --- TLS ------------------------------------------------------------------------------------------
def make_certificates(folder: Path, name: str) -> tuple[Path, Path, Path]:
    """A throwaway CA and a certificate for `name` signed by it, with the openssl command.
    Returns (ca.pem, leaf.pem, leaf.key)."""
    if shutil.which("openssl") is None:
        raise FileNotFoundError("openssl")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    run("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=factcheck test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")  # fmt: skip
    run("req", *ec, "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", f"/CN={name}")
    (folder / "leaf.ext").write_text(
        f"subjectAltName=DNS:{name}\nbasicConstraints=CA:FALSE\n"
        "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n"
    )
    run("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "leaf.pem", "-days", "2", "-extfile", "leaf.ext")  # fmt: skip
    return folder / "ca.pem", folder / "leaf.pem", folder / "leaf.key"
