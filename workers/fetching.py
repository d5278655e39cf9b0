"""The fetch stage's work: download an article page under the outbound policy and take the
article out of it (`workers/webpage.py`). Every refusal is an exception whose message says why;
the stage ends the job with it."""

from __future__ import annotations

import contextlib

from factcheck.outbound import FetchRefused, Refusal, fetch, policy_from_settings

from .webpage import WebPage, extract_page

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def fetch_article_page(url: str) -> WebPage:
    """The article at `url`. Raises FetchRefused (with its code) or PageError."""
    result = fetch(url, policy=policy_from_settings(content_types=HTML_TYPES))
    if not 200 <= result.status < 300:
        raise FetchRefused(Refusal.HTTP_STATUS, f"{result.url} answered HTTP {result.status}")
    html: str | bytes = result.body
    # The declared charset; an unknown name leaves the bytes for the extractor to detect.
    with contextlib.suppress(LookupError, TypeError):
        html = result.body.decode(result.charset, errors="replace")
    return extract_page(html, url=result.url)
