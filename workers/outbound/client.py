"""One HTTP exchange under the outbound policy, on urllib3's connection classes.

For each hop (the URL, then each redirect): the URL must be http(s) without credentials; its host is
resolved once, in a thread bounded by the time left; every address must pass `address_refusal()`
(or the allow-list); the TCP connection goes to those checked addresses and nowhere else, while the
Host header, TLS SNI and the certificate check use the name (no second lookup, so no DNS
rebinding). Redirects are re-checked hop by hop and capped. The body is read in chunks against a
byte cap (a Content-Length over the cap is refused before reading), and a watchdog shuts the
socket down when the total time runs out, so a server dripping a byte at a time is cut off too.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import certifi
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.exceptions import TimeoutError as Urllib3Timeout
from urllib3.response import BaseHTTPResponse

from .addresses import AllowList, address_refusal
from .connection import Deadline, PinnedConnection, PinnedHTTPSConnection
from .errors import FetchRefused, Refusal

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


def system_resolve(host: str, port: int) -> list[str]:
    """The host's addresses from the system resolver, in its order, without duplicates."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class FetchPolicy:
    allow: AllowList = field(default_factory=AllowList)
    max_bytes: int = 5 * 1024 * 1024
    total_timeout: float = 20.0
    connect_timeout: float = 5.0
    max_redirects: int = 5
    # Media types accepted in a 2xx answer ("text/html" …); None accepts any.
    content_types: frozenset[str] | None = None
    # A body over max_bytes: refused (False), or cut at max_bytes and the rest not read (True).
    truncate_body: bool = False
    user_agent: str = "factcheck"
    ca_certs: str | None = None  # None: certifi's bundle
    resolver: Callable[[str, int], list[str]] = system_resolve

    @classmethod
    def from_config(cls, config: Mapping[str, Any], **overrides: Any) -> FetchPolicy:
        """The policy configured in settings (`FACTCHECK["FETCH_*"]`), with `overrides`."""
        options: dict[str, Any] = {
            "allow": AllowList.parse(config["FETCH_ALLOW_HOSTS"]),
            "max_bytes": config["FETCH_MAX_BYTES"],
            "total_timeout": float(config["FETCH_TIMEOUT"]),
            "max_redirects": config["FETCH_MAX_REDIRECTS"],
            "user_agent": f"factcheck (+{config['ORGANIZATION_URL']})",
        }
        return cls(**(options | overrides))


@dataclass(frozen=True)
class FetchResult:
    url: str  # the final URL, after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    content_type: str  # the media type alone, lower case ("text/html")
    charset: str | None
    body: bytes
    address: str  # the IP address the answer came from
    redirects: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str  # ASCII (IDNA), no brackets
    port: int
    path: str  # path and query, never empty

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


def fetch(
    url: str,
    *,
    policy: FetchPolicy,
    method: str = "GET",
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
) -> FetchResult:
    """Make the request under `policy`, following redirects it allows, and return the answer
    (any status). Raises FetchRefused, with its code, for every refusal and failure."""
    deadline = Deadline(policy.total_timeout)
    try:
        redirects: list[str] = []
        while True:
            target = _target(url)
            addresses = _checked_addresses(target, policy, deadline)
            conn, response = _exchange(target, addresses, method, body, headers, policy, deadline)
            try:
                location = response.headers.get("location")
                if response.status in REDIRECT_STATUSES and location:
                    if len(redirects) >= policy.max_redirects:
                        raise FetchRefused(
                            Refusal.REDIRECTS,
                            f"{url} redirects to {location[:200]}; "
                            + (
                                f"more than {policy.max_redirects} redirects"
                                if policy.max_redirects
                                else "redirects are not followed"
                            ),
                        )
                    url = urljoin(url, location.strip())
                    redirects.append(url)
                    if response.status == 303 or (
                        response.status in (301, 302) and method == "POST"
                    ):
                        method, body = "GET", None
                    continue
                return _result(url, response, conn, policy, deadline, tuple(redirects))
            finally:
                response.release_conn()
                conn.close()
    except FetchRefused:
        raise
    except Exception as exc:
        refusal = _as_refusal(exc, deadline)
        if refusal is None:
            raise
        raise refusal from exc
    finally:
        deadline.close()


def _target(url: str) -> _Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchRefused(Refusal.INVALID_URL, f"{url[:200]!r} is not a URL: {exc}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchRefused(
            Refusal.SCHEME, f"only http and https URLs are fetched, not {parts.scheme or 'none'!r}"
        )
    if parts.username is not None or parts.password is not None:
        raise FetchRefused(Refusal.INVALID_URL, "URLs with credentials are not fetched")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchRefused(Refusal.INVALID_URL, f"{url[:200]!r} has no host")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise FetchRefused(Refusal.INVALID_URL, f"{host!r} is not a valid host name") from None
    scheme = parts.scheme.lower()
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return _Target(scheme, host, port or (443 if scheme == "https" else 80), path)


def _checked_addresses(target: _Target, policy: FetchPolicy, deadline: Deadline) -> list:
    """Resolve the host once and check every address it has: one refused address refuses all."""
    try:
        addresses = [ipaddress.ip_address(target.host)]
    except ValueError:
        found = _resolve(target, policy, deadline)
        addresses = [ipaddress.ip_address(a.split("%")[0]) for a in found]
    if not addresses:
        raise FetchRefused(Refusal.DNS, f"{target.host} has no address")
    _check_addresses(target.host, addresses, policy)
    return addresses


def _check_addresses(host: str, addresses: list, policy: FetchPolicy) -> None:
    for address in addresses:
        reason = address_refusal(address)
        if reason is not None and not policy.allow.allows(host, address):
            shown = host if host == str(address) else f"{host} ({address})"
            raise FetchRefused(Refusal.ADDRESS, f"{shown} is {reason}: refused")


def precheck(url: str, *, policy: FetchPolicy) -> None:
    """What can be refused without the network: the scheme, credentials, the host, and the
    address when the host is one. For a URL registered now and fetched later (a webhook
    endpoint); `fetch()` checks all of it again, and the name's addresses, every time."""
    target = _target(url)
    try:
        address = ipaddress.ip_address(target.host)
    except ValueError:
        return
    _check_addresses(target.host, [address], policy)


def _resolve(target: _Target, policy: FetchPolicy, deadline: Deadline) -> list[str]:
    """The resolver, run in a thread so that a slow lookup cannot outlast the time limit."""
    outcome: dict = {}

    def lookup() -> None:
        try:
            outcome["addresses"] = policy.resolver(target.host, target.port)
        except Exception as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=lookup, daemon=True)
    thread.start()
    thread.join(deadline.remaining())
    if thread.is_alive():
        raise FetchRefused(Refusal.TIMEOUT, f"looking up {target.host} took too long")
    if "error" in outcome:
        raise FetchRefused(Refusal.DNS, f"{target.host} does not resolve: {outcome['error']}")
    return outcome["addresses"]


def _exchange(target, addresses, method, body, headers, policy, deadline):
    """Connect to the checked addresses and send the request; returns (connection, response)."""
    options = {
        "addresses": addresses,
        "deadline": deadline,
        "connect_timeout": policy.connect_timeout,
        "timeout": deadline.remaining(),
    }
    conn: PinnedConnection
    if target.scheme == "https":
        conn = PinnedHTTPSConnection(
            target.host,
            target.port,
            cert_reqs="CERT_REQUIRED",
            ca_certs=policy.ca_certs or certifi.where(),
            **options,
        )
    else:
        conn = PinnedConnection(target.host, target.port, **options)
    request_headers = {
        "Host": target.host_header,
        "User-Agent": policy.user_agent,
        "Accept-Encoding": "identity",
        "Connection": "close",
        **(headers or {}),
    }
    try:
        conn.request(method, target.path, body=body, headers=request_headers, preload_content=False)
        return conn, conn.getresponse()
    except BaseException:
        conn.close()
        raise


def _result(url, response: BaseHTTPResponse, conn, policy, deadline, redirects) -> FetchResult:
    media_type, charset = _content_type(response.headers.get("content-type", ""))
    ok = 200 <= response.status < 300
    if ok and policy.content_types is not None and media_type not in policy.content_types:
        raise FetchRefused(
            Refusal.CONTENT_TYPE,
            f"{url} is {media_type or 'of no stated type'}, not one of "
            + ", ".join(sorted(policy.content_types)),
        )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes and not policy.truncate_body:
        raise FetchRefused(Refusal.TOO_LARGE, _too_large(url, int(declared), policy))
    chunks, size = [], 0
    for chunk in response.stream(_CHUNK, decode_content=True):
        size += len(chunk)
        if size > policy.max_bytes:
            if not policy.truncate_body:
                raise FetchRefused(Refusal.TOO_LARGE, _too_large(url, size, policy))
            chunks.append(chunk[: len(chunk) - (size - policy.max_bytes)])
            break
        chunks.append(chunk)
        deadline.remaining()
    else:
        deadline.remaining()  # a connection cut by the watchdog ends the stream early: no body
    return FetchResult(
        url=url,
        status=response.status,
        headers={name.lower(): value for name, value in response.headers.items()},
        content_type=media_type,
        charset=charset,
        body=b"".join(chunks),
        address=conn.connected_to or "",
        redirects=redirects,
    )


def _too_large(url: str, size: int, policy: FetchPolicy) -> str:
    return f"{url} is larger than the limit of {policy.max_bytes:,} bytes ({size:,}+)"


def _content_type(value: str) -> tuple[str, str | None]:
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip('"').lower()
    return media_type.strip().lower(), charset


def _as_refusal(exc: Exception, deadline: Deadline) -> FetchRefused | None:
    """A failure of the exchange as the refusal that says what happened (None: a bug)."""
    if deadline.expired or isinstance(exc, TimeoutError | Urllib3Timeout):
        return FetchRefused(Refusal.TIMEOUT, "the total time limit ran out")
    if isinstance(exc, ssl.SSLError | ssl.CertificateError | Urllib3SSLError):
        return FetchRefused(Refusal.TLS, f"TLS failed: {exc}")
    if isinstance(exc, http.client.InvalidURL | ValueError):
        return FetchRefused(Refusal.INVALID_URL, f"invalid request: {exc}")
    if isinstance(exc, OSError | http.client.HTTPException | Urllib3Error):
        return FetchRefused(Refusal.CONNECTION, f"{type(exc).__name__}: {exc}")
    return None
