"""The article at a URL: the page fetched under the outbound policy, and its main text and
metadata found by trafilatura.

Pure: plain values in and out, nothing from Django. Extraction opens no connection
(trafilatura reads only the markup it is given; its downloader is not used). The text is handed to
the same ingest service as pasted text, so the parser, the length limit and de-duplication apply
to it unchanged.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from dataclasses import dataclass

import trafilatura
from trafilatura.settings import Document, use_config

from .outbound import FetchPolicy, FetchRefused, Refusal, fetch

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# Pages with more elements than this yield no text rather than a long parse (hostile markup).
MAX_TREE_SIZE = 100_000
_CONFIG = use_config()  # the settings file bundled with trafilatura, then ours
_CONFIG.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
# The date only from the page's metadata and markup: the extensive search guesses from any year
# in the prose ("2023" becomes 1 January 2023), and a wrong date is worse than none.
_CONFIG.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")


class PageError(ValueError):
    """The page holds no article text to take; the message says so for people."""


@dataclass(frozen=True)
class WebPage:
    text: str  # the main text, paragraphs separated by blank lines
    title: str
    author: str
    published: dt.date | None
    outlet: str  # the site's name as the page gives it ("" when it does not)
    canonical_url: str


def extract_page(html: str | bytes, *, url: str | None = None) -> WebPage:
    """The page's main text (no navigation, comments, tables or boilerplate) and its title,
    author, publication date and site name. Raises PageError when there is no article text."""
    if not html or not html.strip():
        raise PageError("the page is empty")
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        config=_CONFIG,
    )
    if not isinstance(document, Document):
        raise PageError("no article text was found on the page")
    text = document.text or ""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    title = _clean(document.title)
    if paragraphs and title and _clean(paragraphs[0]).casefold() == title.casefold():
        paragraphs = paragraphs[1:]  # the headline printed above the text is not its prose
    if not paragraphs:
        raise PageError("no article text was found on the page")
    return WebPage(
        text="\n\n".join(paragraphs),
        title=title,
        author=_clean(document.author),
        published=_date(document.date),
        outlet=_clean(document.sitename),
        canonical_url=_clean(document.url),
    )


def _clean(value) -> str:
    return " ".join(str(value).split()) if value else ""


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def fetch_page(url: str, *, policy: FetchPolicy) -> WebPage:
    """Fetch `url` as an HTML page (redirects, size, time and address rules of `policy`) and take
    its article. Raises FetchRefused (with its code) or PageError."""
    result = fetch(url, policy=dataclasses.replace(policy, content_types=HTML_TYPES))
    if not 200 <= result.status < 300:
        raise FetchRefused(Refusal.HTTP_STATUS, f"{result.url} answered HTTP {result.status}")
    html: str | bytes = result.body
    if result.charset:  # the declared one; without it, or with an unknown name, it is detected
        with contextlib.suppress(LookupError):
            html = result.body.decode(result.charset, errors="replace")
    return extract_page(html, url=result.url)
