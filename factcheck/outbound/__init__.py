"""The outbound HTTP policy: the one way factcheck reaches other servers (URL ingest, webhooks).

http(s) only; the host resolved once and refused when any of its addresses is not global
(`addresses.py`), unless `FACTCHECK_FETCH_ALLOW_HOSTS` names it; the connection made to the checked
address; redirects re-checked and capped; a byte cap, a total time limit and a content-type check
(`client.py`). Every refusal is a `FetchRefused` with a `Refusal` code and a message.
"""

from __future__ import annotations

from .addresses import AllowList, address_refusal
from .client import (
    FetchPolicy,
    FetchRefused,
    FetchResult,
    Refusal,
    fetch,
    precheck,
    system_resolve,
)

__all__ = [
    "AllowList",
    "FetchPolicy",
    "FetchRefused",
    "FetchResult",
    "Refusal",
    "address_refusal",
    "fetch",
    "policy_from_settings",
    "precheck",
    "system_resolve",
]


def policy_from_settings(**overrides) -> FetchPolicy:
    """The policy configured in settings (`FACTCHECK["FETCH_*"]`), with `overrides` applied."""
    from django.conf import settings

    config = settings.FACTCHECK
    options = {
        "allow": AllowList.parse(config["FETCH_ALLOW_HOSTS"]),
        "max_bytes": config["FETCH_MAX_BYTES"],
        "total_timeout": float(config["FETCH_TIMEOUT"]),
        "max_redirects": config["FETCH_MAX_REDIRECTS"],
        "user_agent": f"factcheck (+{config['ORGANIZATION_URL']})",
    }
    return FetchPolicy(**(options | overrides))
