"""Main text and metadata from web pages written for these tests (pure: no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.localhttp import LoopbackGuard
from workers.webpage import PageError, extract_page

PROSE = [
    "The transport minister said on Friday that the government had built 12 new bridges since "
    "2020, more than any previous government in the country's history.",
    "Opposition lawmakers disputed the figure, saying that only three bridges had been completed "
    "and that the rest were still under construction according to the ministry's own records.",
    "“We have delivered the largest infrastructure programme this country has ever seen,” the "
    "minister told reporters in the capital.",
    "The national audit office is expected to publish its review of the programme next month.",
]

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Minister claims 12 bridges built | The Daily Example</title>
<meta property="og:title" content="Minister claims 12 bridges built">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2025-03-14T09:30:00+00:00">
<link rel="canonical" href="https://daily.example/politics/bridges">
<script>var tracking = "do not extract me";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
<header><h1>Minister claims 12 bridges built</h1><p class="byline">By Jane Reporter</p></header>
<article>{"".join(f"<p>{p}</p>" for p in PROSE)}</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Celebrity wedding photos</a></li>
<li><a href="/b">Weather: storms ahead</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Reader42: this is all lies, the bridges are made of cardboard!!!</p>
</div></section>
<footer>© 2025 The Daily Example. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_the_article_text_without_the_page_around_it():
    page = extract_page(NEWS_PAGE, url="https://daily.example/politics/bridges?utm=x")
    assert page.text == "\n\n".join(PROSE)
    for furniture in ("Most read", "Celebrity", "cardboard", "Privacy", "tracking", "Home"):
        assert furniture not in page.text


def test_the_metadata_of_the_page():
    page = extract_page(NEWS_PAGE)
    assert page.title == "Minister claims 12 bridges built"  # without the site's suffix
    assert page.author == "Jane Reporter"
    assert page.published == dt.date(2025, 3, 14)
    assert page.outlet == "The Daily Example"
    assert page.canonical_url == "https://daily.example/politics/bridges"


def test_the_headline_printed_above_the_text_is_not_prose():
    headline = "<article><h1>Minister claims 12 bridges built</h1>"
    page = extract_page(NEWS_PAGE.replace("<article>", headline))
    assert page.text == "\n\n".join(PROSE)


def test_metadata_from_json_ld_alone():
    page = extract_page(
        """<html><head><script type="application/ld+json">{"@context": "https://schema.org",
        "@type": "NewsArticle", "headline": "Port strike enters second week",
        "datePublished": "2024-11-02", "author": {"@type": "Person", "name": "Ana Lima"},
        "publisher": {"@type": "Organization", "name": "Harbour Times"}}</script></head>
        <body><article><p>Dock workers at the city's main port have now been on strike for eight
        days, the union said on Saturday, and 40 ships are waiting offshore.</p>
        <p>The port authority said the strike had already cost 120 million euros in lost trade,
        a figure the union called exaggerated.</p></article></body></html>"""
    )
    assert (page.title, page.author, page.published, page.outlet) == (
        "Port strike enters second week",
        "Ana Lima",
        dt.date(2024, 11, 2),
        "Harbour Times",
    )
    assert page.text.startswith("Dock workers at the city's main port")


def test_bytes_in_the_charset_the_page_declares():
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Café prices</title></head><body>'
        "<article><p>The price of a café au lait in Besançon rose to 3,20 euros this year, the "
        "consumer association said, up from 2,80 euros in 2023.</p>"
        "<p>Café owners blamed the cost of milk, which the association said had risen by a "
        "fifth.</p></article></body></html>"
    ).encode("iso-8859-1")
    page = extract_page(html)
    assert "café au lait in Besançon" in page.text
    assert page.published is None and page.author == "" and page.outlet == ""


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><body><form><input name=user><input type=password></form></body></html>",
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><script>document.write('all of it in script')</script></body></html>",
    ],
    ids=["empty", "blank", "login form", "empty body", "script only"],
)
def test_a_page_without_article_text_is_refused(html):
    with pytest.raises(PageError):
        extract_page(html)


def test_extraction_opens_no_connection(monkeypatch):
    guard = LoopbackGuard().install(monkeypatch)
    extract_page(NEWS_PAGE, url="https://daily.example/politics/bridges")
    assert guard.connects == [] and guard.refused == []
