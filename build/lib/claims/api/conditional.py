"""ETag and If-Match for claims (RFC 9110 §8.8.3, §13.1.1).

A claim's ETag is its `version`, as a strong entity tag: `ETag: "7"`. A write to a claim that sends
`If-Match` is performed only if one of the listed tags is the claim's current version; otherwise
412. `If-Match: *` and a write without If-Match are accepted (last write wins), which keeps simple
clients simple; careful clients send If-Match. The view's check answers at once, and the version
is then handed to the service, whose compare-and-swap catches a write landing in between.
"""

from __future__ import annotations

from .errors import PreconditionFailed


def etag(version: int) -> str:
    return f'"{version}"'


def expected_version(request, current: int) -> int | None:
    """The version the write must apply to, or None when the request names none.

    Raises PreconditionFailed (412) when If-Match names only other versions. Weak tags never
    match (If-Match uses the strong comparison).
    """
    raw = request.headers.get("If-Match")
    if raw is None or raw.strip() == "*":
        return None
    listed = set()
    for tag in raw.split(","):
        tag = tag.strip()
        if len(tag) >= 2 and tag[0] == tag[-1] == '"':
            tag = tag[1:-1]
        elif tag.startswith("W/"):
            continue
        if tag.isascii() and tag.isdigit():
            listed.add(int(tag))
    if current not in listed:
        raise PreconditionFailed(
            f"If-Match {raw.strip()[:100]} does not match the claim's current ETag "
            f"{etag(current)}: reload the claim and try again."
        )
    return current
