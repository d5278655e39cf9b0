"""The address rules of the outbound policy (pure: no server, no database)."""

import ipaddress

import pytest

from workers.outbound import AllowList, address_refusal


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("::1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),  # unique local
        ("fec0::1", "site-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "private"),  # reserved (Python files 240/4 under private too)
        ("255.255.255.255", "private"),
        ("100.64.0.1", "not a global address"),  # carrier-grade NAT
        ("198.18.0.1", "private"),  # benchmarking
        ("192.0.2.1", "private"),  # documentation
        ("2001:db8::1", "private"),  # documentation
        # IPv6 forms of IPv4 addresses are judged by the IPv4 address inside
        ("::ffff:127.0.0.1", "loopback address (IPv4-mapped form of 127.0.0.1)"),
        ("::ffff:10.0.0.1", "private address (IPv4-mapped form of 10.0.0.1)"),
        ("::ffff:169.254.169.254", "link-local address (IPv4-mapped"),
        ("::127.0.0.1", "loopback address (IPv4-compatible form of 127.0.0.1)"),
        ("::8.8.8.8", "reserved"),  # IPv4-compatible addresses are deprecated, never routed
        ("2002:7f00:1::1", "loopback address (6to4 form of 127.0.0.1)"),
        ("2002:a9fe:a9fe::", "link-local address (6to4 form of 169.254.169.254)"),
        ("64:ff9b::7f00:1", "loopback address (NAT64 form of 127.0.0.1)"),
        ("64:ff9b::a00:1", "private address (NAT64 form of 10.0.0.1)"),
        ("64:ff9b:1::1", "reserved"),  # local-use NAT64
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "private"),  # Teredo
    ],
)
def test_addresses_that_are_refused(address, reason):
    refusal = address_refusal(ipaddress.ip_address(address))
    assert refusal is not None and reason in refusal, refusal


@pytest.mark.parametrize(
    "address",
    [
        "93.184.216.34",
        "8.8.8.8",
        "2606:4700:4700::1111",
        "::ffff:8.8.8.8",  # a mapped global IPv4 address is that address
        "64:ff9b::808:808",  # NAT64 of a global IPv4 address
        "2002:808:808::1",  # 6to4 of a global IPv4 address
    ],
)
def test_global_addresses_pass(address):
    assert address_refusal(ipaddress.ip_address(address)) is None


def test_the_allow_list_matches_names_and_networks():
    allow = AllowList.parse(["Intranet.Example.", "127.0.0.1", "10.20.0.0/16", "[::1]", " "])
    loopback = ipaddress.ip_address("127.0.0.1")
    assert allow.allows("intranet.example", ipaddress.ip_address("10.9.9.9"))  # by name
    assert allow.allows("anything.test", loopback)  # by address
    assert allow.allows("wiki.corp", ipaddress.ip_address("10.20.3.4"))  # by network
    assert allow.allows("x", ipaddress.ip_address("::1"))
    assert not allow.allows("other.example", ipaddress.ip_address("10.21.0.1"))
    # An allowed IPv4 address does not allow its IPv4-mapped IPv6 form.
    assert not allow.allows("x", ipaddress.ip_address("::ffff:127.0.0.1"))
