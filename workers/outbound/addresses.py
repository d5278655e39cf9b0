"""Which addresses an outbound request may reach: global unicast only, unless allow-listed.

An address is refused when it is unspecified, loopback, link-local, multicast, private, reserved,
site-local or otherwise not global (IANA's special-purpose registries, as Python's `ipaddress`
knows them). IPv6 forms that carry an IPv4 address — IPv4-mapped (`::ffff:a.b.c.d`),
IPv4-compatible (`::a.b.c.d`), 6to4 (`2002::/16`), NAT64 (`64:ff9b::/96`) and Teredo — are judged
by the IPv4 address inside them as well, so `[::ffff:127.0.0.1]` is loopback however it is written.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")

# (flag on the address, how the refusal names it), in the order they are reported.
_RULES: tuple[tuple[str, str], ...] = (
    ("is_unspecified", "an unspecified address"),
    ("is_loopback", "a loopback address"),
    ("is_link_local", "a link-local address"),
    ("is_multicast", "a multicast address"),
    ("is_private", "a private address"),
    ("is_reserved", "a reserved address"),
)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, str] | None:
    """The IPv4 address an IPv6 address stands for, and the name of the form, if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped, "IPv4-mapped"
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF), "NAT64"
    if address.sixtofour is not None:
        return address.sixtofour, "6to4"
    if address.teredo is not None:
        return address.teredo[1], "Teredo"
    if address in _IPV4_COMPATIBLE and int(address) > 1:
        return ipaddress.IPv4Address(int(address)), "IPv4-compatible"
    return None


def address_refusal(address: IPAddress) -> str | None:
    """Why `address` may not be reached ("a loopback address" …), or None when it may."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            inner, form = embedded
            reason = address_refusal(inner)
            if reason is not None:
                return f"{reason} ({form} form of {inner})"
            if form in ("IPv4-mapped", "NAT64"):
                return None  # a translation of a global IPv4 address: the IPv4 address decides
        if address.is_site_local:
            return "a site-local address"
    for flag, reason in _RULES:
        if getattr(address, flag):
            return reason
    if not address.is_global:
        return "not a global address"
    return None


@dataclass(frozen=True)
class AllowList:
    """`FACTCHECK_FETCH_ALLOW_HOSTS`: host names (matched against the URL's host, any of its
    addresses then allowed) and IP addresses or networks (matched against the resolved address,
    whatever name led there)."""

    names: frozenset[str] = frozenset()
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str]) -> AllowList:
        names, networks = set(), []
        for entry in entries:
            entry = entry.strip().lower()
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                names.add(entry.rstrip("."))
        return cls(names=frozenset(names), networks=tuple(networks))

    def allows(self, host: str, address: IPAddress) -> bool:
        if host.lower().rstrip(".") in self.names:
            return True
        return any(address.version == net.version and address in net for net in self.networks)
