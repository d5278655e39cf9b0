"""The connections of the outbound policy: to addresses already checked, under a total time limit.

`PinnedConnection` (and its TLS twin) is urllib3's connection with one change: the TCP connect goes
to the addresses the policy checked, never to a fresh lookup of the name, while the Host header,
SNI and the certificate check use the name. `Deadline` is the total time limit: its watchdog
shuts the sockets down when time is up, so that a server dripping a byte at a time is cut off.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

from urllib3.connection import HTTPConnection, HTTPSConnection

from .addresses import IPAddress
from .errors import FetchRefused, Refusal


class Deadline:
    """The total time limit: `remaining()` for timeouts, and a watchdog thread that shuts down
    every socket it watches when the time is up (blocking reads then return at once)."""

    def __init__(self, seconds: float):
        self.expires = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        left = self.expires - time.monotonic()
        if left <= 0 or self.expired:
            raise FetchRefused(Refusal.TIMEOUT, "the total time limit ran out")
        return left

    def watch(self, sock: socket.socket) -> None:
        # A duplicate of the descriptor: TLS wrapping detaches the original socket object, and
        # shutting down the duplicate shuts down the one connection both refer to.
        with self._lock:
            if self.expired:
                raise FetchRefused(Refusal.TIMEOUT, "the total time limit ran out")
            self._sockets.append(sock.dup())

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        with self._lock:
            self._timer.cancel()
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()


class PinnedConnection(HTTPConnection):
    """An HTTP connection whose TCP connect goes to addresses already checked, never to a
    fresh lookup of the host name."""

    def __init__(
        self,
        *args,
        addresses: list[IPAddress],
        deadline: Deadline,
        connect_timeout: float,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self._addresses = addresses
        self._deadline = deadline
        self._connect_timeout = connect_timeout
        self.connected_to: str | None = None

    def _new_conn(self) -> socket.socket:
        errors = []
        for address in self._addresses:
            family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                sock.settimeout(min(self._connect_timeout, self._deadline.remaining()))
                self._deadline.watch(sock)
                sock.connect((str(address), self.port))
            except OSError as exc:
                sock.close()
                errors.append(f"{address}: {exc}")
                continue
            except BaseException:
                sock.close()
                raise
            sock.settimeout(self._deadline.remaining())
            self.connected_to = str(address)
            return sock
        self._deadline.remaining()  # a connect cut short by the time limit is a timeout
        raise FetchRefused(Refusal.CONNECTION, "could not connect: " + "; ".join(errors))


class PinnedHTTPSConnection(PinnedConnection, HTTPSConnection):
    pass
