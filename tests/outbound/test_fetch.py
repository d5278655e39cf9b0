"""The outbound HTTP policy against real servers on loopback, and each of its refusals.

Every test runs under the loopback guard (conftest.py): a connect or a name lookup beyond loopback
fails the test, so "refused before connecting" is checked, not assumed.
"""

from __future__ import annotations

import json
import ssl
import time

import pytest

from tests.localhttp import (
    LocalServer,
    drip,
    echo_headers,
    huge,
    make_certificates,
    page,
    redirect,
    status,
)
from workers.outbound import AllowList, FetchPolicy, FetchRefused, Refusal, fetch

ARTICLE = b"<html><head><title>Bridges</title></head><body><p>12 bridges.</p></body></html>"
LOOPBACK_ALLOWED = AllowList.parse(["127.0.0.1", "::1"])
HTML = frozenset({"text/html"})


def policy(**options) -> FetchPolicy:
    return FetchPolicy(**({"allow": LOOPBACK_ALLOWED, "total_timeout": 5.0} | options))


def refused(url: str, **options) -> FetchRefused:
    with pytest.raises(FetchRefused) as caught:
        fetch(url, policy=policy(**options))
    return caught.value


@pytest.fixture
def server():
    with LocalServer({"/article": page(ARTICLE), "/echo": echo_headers}) as running:
        yield running


def test_a_page_on_an_allowed_host(server, loopback):
    result = fetch(server.url("/article?x=1#part"), policy=policy(content_types=HTML))
    assert (result.status, result.body, result.content_type, result.charset) == (
        200,
        ARTICLE,
        "text/html",
        "utf-8",
    )
    assert result.address == "127.0.0.1"
    assert server.received[0].path == "/article?x=1"  # the fragment stays on this side
    assert set(loopback.connects) == {"127.0.0.1"}


def test_ipv6_loopback_when_allowed(loopback):
    with LocalServer({"/article": page(ARTICLE)}, host="::1") as server:
        result = fetch(server.url("/article"), policy=policy())
    assert (result.status, result.address) == (200, "::1")


# --- Refused before connecting --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:9/", "127.0.0.1 is a loopback address"),
        ("http://10.0.0.1/", "10.0.0.1 is a private address"),
        ("http://10.255.1.2:8080/x", "10.255.1.2 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://[::ffff:127.0.0.1]:9/", "a loopback address (IPv4-mapped form of 127.0.0.1)"),
        ("http://[::1]:9/", "::1 is a loopback address"),
        ("http://0.0.0.0:9/", "an unspecified address"),
        ("http://2130706433:9/", "a loopback address"),  # 127.0.0.1 as one number
        ("http://localhost:9/", "localhost (127.0.0.1) is a loopback address"),
    ],
)
def test_addresses_beyond_the_internet_are_refused_without_a_connection(url, message, loopback):
    error = refused(url, allow=AllowList())
    assert error.code == Refusal.ADDRESS
    assert message in error.message
    assert loopback.connects == []


def test_the_mapped_form_of_an_allowed_address_is_still_refused(loopback):
    error = refused("http://[::ffff:127.0.0.1]:9/")  # 127.0.0.1 allowed, its IPv6 form not
    assert error.code == Refusal.ADDRESS and loopback.connects == []


def test_one_private_address_among_several_refuses_the_host(loopback):
    resolver = lambda host, port: ["93.184.216.34", "10.0.0.7"]  # noqa: E731
    error = refused("http://mixed.test/", resolver=resolver, allow=AllowList())
    assert error.code == Refusal.ADDRESS and "10.0.0.7" in error.message
    assert loopback.connects == []  # not even the public address was tried


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("file:///etc/passwd", Refusal.SCHEME),
        ("ftp://127.0.0.1/x", Refusal.SCHEME),
        ("gopher://127.0.0.1:70/", Refusal.SCHEME),
        ("javascript:alert(1)", Refusal.SCHEME),
        ("http://user:secret@127.0.0.1/", Refusal.INVALID_URL),
        ("http:///nohost", Refusal.INVALID_URL),
        ("http://127.0.0.1:99999/", Refusal.INVALID_URL),
    ],
)
def test_urls_that_are_not_fetched(url, code, loopback):
    assert refused(url).code == code
    assert loopback.connects == []


def test_a_name_that_does_not_resolve(loopback):
    def resolver(host, port):
        raise OSError("Name or service not known")

    error = refused("http://nowhere.test/", resolver=resolver)
    assert error.code == Refusal.DNS and "nowhere.test" in error.message


@pytest.mark.serial  # measures time: nothing else of the run competes for the CPU
def test_a_lookup_slower_than_the_time_limit(loopback):
    def resolver(host, port):
        time.sleep(3)
        return ["127.0.0.1"]

    started = time.monotonic()
    assert refused("http://slow-dns.test/", resolver=resolver, total_timeout=0.5).code == (
        Refusal.TIMEOUT
    )
    assert time.monotonic() - started < 2


# --- DNS rebinding: one lookup, and the connection goes where it said -----------------------------
def test_the_connection_goes_to_the_address_that_was_checked(server, loopback):
    answers = iter([["127.0.0.1"], ["10.0.0.1"]])  # a rebinding name: safe first, private next
    lookups = []

    def resolver(host, port):
        lookups.append(host)
        return next(answers)

    result = fetch(server.url("/echo", host="news.test"), policy=policy(resolver=resolver))
    assert lookups == ["news.test"]  # resolved once
    assert result.address == "127.0.0.1" and set(loopback.connects) == {"127.0.0.1"}
    assert json.loads(result.body)["Host"] == f"news.test:{server.port}"  # the name, not the IP


# --- Redirects ------------------------------------------------------------------------------------
def test_redirects_are_followed_and_each_hop_checked(loopback):
    with LocalServer() as server:
        server.routes["/a"] = redirect(lambda: server.url("/b"), 301)
        server.routes["/b"] = redirect("/article", 307)  # relative
        server.routes["/article"] = page(ARTICLE)
        result = fetch(server.url("/a"), policy=policy())
    assert result.body == ARTICLE
    assert result.redirects == (server.url("/b"), server.url("/article"))


@pytest.mark.parametrize(
    "location", ["http://10.0.0.5/admin", "http://169.254.169.254/", "http://[::ffff:10.0.0.1]/"]
)
def test_a_redirect_to_a_private_address_is_refused(location, loopback):
    with LocalServer({"/go": redirect(location)}) as server:
        error = refused(server.url("/go"))
    assert error.code == Refusal.ADDRESS
    assert set(loopback.connects) == {"127.0.0.1"}  # only the first hop was connected


def test_a_redirect_to_a_name_that_resolves_privately_is_refused(loopback):
    resolver = lambda host, port: {"metadata.test": ["169.254.169.254"]}[host]  # noqa: E731
    with LocalServer({"/go": redirect("http://metadata.test/latest/")}) as server:
        error = refused(server.url("/go"), resolver=resolver)
    assert error.code == Refusal.ADDRESS and "metadata.test (169.254.169.254)" in error.message
    assert set(loopback.connects) == {"127.0.0.1"}


def test_redirects_are_capped(loopback):
    with LocalServer() as server:
        server.routes["/loop"] = redirect(lambda: server.url("/loop"))
        error = refused(server.url("/loop"), max_redirects=3)
        assert len(server.received) == 4  # the first request and three redirects
    assert error.code == Refusal.REDIRECTS


def test_a_redirect_is_refused_when_none_are_allowed(loopback):
    with LocalServer({"/go": redirect("/elsewhere")}) as server:
        error = refused(server.url("/go"), max_redirects=0)
    assert error.code == Refusal.REDIRECTS and "not followed" in error.message


# --- Size, time and type --------------------------------------------------------------------------
@pytest.mark.serial  # measures time: nothing else of the run competes for the CPU
@pytest.mark.parametrize("declare_length", [True, False], ids=["content-length", "streamed"])
def test_a_50_mb_body_is_refused(declare_length, loopback):
    with LocalServer({"/big": huge(50 * 1024 * 1024, declare_length=declare_length)}) as server:
        started = time.monotonic()
        error = refused(server.url("/big"), max_bytes=1024 * 1024)
    assert error.code == Refusal.TOO_LARGE and "1,048,576 bytes" in error.message
    assert time.monotonic() - started < 3


@pytest.mark.serial  # measures time: nothing else of the run competes for the CPU
@pytest.mark.parametrize("headers_too", [False, True], ids=["body", "headers"])
def test_a_slow_server_is_cut_off_at_the_total_time_limit(headers_too, loopback):
    # A byte every 50 ms never trips a socket timeout; only the total limit stops it.
    with LocalServer({"/slow": drip(interval=0.05, headers_too=headers_too, seconds=10)}) as srv:
        started = time.monotonic()
        error = refused(srv.url("/slow"), total_timeout=1.0)
        elapsed = time.monotonic() - started
    assert error.code == Refusal.TIMEOUT
    assert 0.9 < elapsed < 2.0


def test_a_content_type_not_asked_for_is_refused(loopback):
    with LocalServer({"/data": page(b"{}", "application/json")}) as server:
        error = refused(server.url("/data"), content_types=HTML)
    assert error.code == Refusal.CONTENT_TYPE and "application/json" in error.message


def test_an_error_status_is_an_answer_not_a_refusal(loopback):
    with LocalServer({"/fail": status(500, b"boom")}) as server:
        result = fetch(server.url("/fail"), policy=policy(content_types=HTML))
    assert (result.status, result.body) == (500, b"boom")


def test_a_closed_port_is_a_connection_failure(loopback):
    with LocalServer() as server:
        port = server.port
    error = refused(f"http://127.0.0.1:{port}/")
    assert error.code == Refusal.CONNECTION


def test_post_sends_the_body_and_headers(loopback):
    with LocalServer({"/hook": status(204)}) as server:
        result = fetch(
            server.url("/hook"),
            policy=policy(),
            method="POST",
            body=b'{"a": 1}',
            headers={"Content-Type": "application/json", "webhook-id": "msg_1"},
        )
        received = server.received[0]
    assert result.status == 204
    assert (received.method, received.body) == ("POST", b'{"a": 1}')
    assert received.headers["webhook-id"] == "msg_1"


# --- TLS: the certificate is checked for the name, while the connection goes to the IP -----------
@pytest.fixture(scope="module")
def tls_context(tmp_path_factory):
    try:
        ca, cert, key = make_certificates(tmp_path_factory.mktemp("tls"), "news.test")
    except (FileNotFoundError, OSError) as exc:
        pytest.skip(f"no openssl to make a test certificate: {exc}")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context, str(ca)


def test_https_checks_the_certificate_for_the_name(tls_context, loopback):
    context, ca = tls_context
    resolver = lambda host, port: ["127.0.0.1"]  # noqa: E731
    with LocalServer({"/article": page(ARTICLE)}, tls=context) as server:
        ok = fetch(
            server.url("/article", host="news.test"),
            policy=policy(resolver=resolver, ca_certs=ca),
        )
        wrong_name = refused(
            server.url("/article", host="other.test"), resolver=resolver, ca_certs=ca
        )
        untrusted = refused(server.url("/article", host="news.test"), resolver=resolver)
    assert (ok.status, ok.body, ok.address) == (200, ARTICLE, "127.0.0.1")
    assert wrong_name.code == Refusal.TLS and "other.test" in wrong_name.message
    assert untrusted.code == Refusal.TLS  # our CA is not in the default bundle
    assert set(loopback.connects) == {"127.0.0.1"}


def test_a_body_over_the_cap_can_be_cut_instead_of_refused(loopback):
    with LocalServer({"/big": huge(50 * 1024 * 1024, declare_length=True)}) as server:
        result = fetch(server.url("/big"), policy=policy(max_bytes=1000, truncate_body=True))
    assert result.status == 200 and len(result.body) == 1000
