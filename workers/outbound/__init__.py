"""The outbound HTTP policy: the one way factcheck reaches other servers (URL ingest, webhooks).

Pure: no Django; callers build the policy from settings with `FetchPolicy.from_config()`.

http(s) only; the host resolved once and refused when any of its addresses is not global
(`addresses.py`), unless `FACTCHECK_FETCH_ALLOW_HOSTS` names it; the connection made to the checked
address (`connection.py`); redirects re-checked and capped; a byte cap, a total time limit and a
content-type check (`client.py`). Every refusal is a `FetchRefused` with a `Refusal` code and a
message (`errors.py`).
"""

from __future__ import annotations

from .addresses import AllowList, address_refusal
from .client import FetchPolicy, FetchResult, fetch, precheck, system_resolve
from .errors import FetchRefused, Refusal

__all__ = [
    "AllowList",
    "FetchPolicy",
    "FetchRefused",
    "FetchResult",
    "Refusal",
    "address_refusal",
    "fetch",
    "precheck",
    "system_resolve",
]
