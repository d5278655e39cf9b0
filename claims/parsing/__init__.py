"""Turn pasted article text into a clean, structured article.

Fact-checkers paste articles straight from web pages, so the text arrives wrapped in page
furniture: menus, banners, a headline, photo captions with credits, a standfirst, bylines, a
wire-style dateline, share widgets, related links, "[ SOURCE: … ]" notes, the page URL, the
outlet's name, cookie notices and copyright footers. Claim extraction and de-duplication must
only ever see the article's prose, so this package separates the two:

- ``text``: normalising pasted text, hashing it, rejecting what is not text;
- ``markdown``: structural markdown lines and inline markup;
- ``furniture``: THE page-furniture recogniser, also used by the claim extractor (its data
  tables in ``furniture_patterns``, the shapes of lines in ``furniture_shapes``, captions and
  credits in ``furniture_credits``: callers import ``furniture`` only);
- ``datelines``: wire datelines ("WASHINGTON (AP) —");
- ``paragraphs``: lines to paragraphs and furniture units;
- ``article``: the page's layout (title, standfirst, body) and :func:`parse_article`.

It is deliberately pure (standard library only, no Django) so that it can be tested without a
database and reused by workers. Everything is deterministic and linear in the input size: every
regular expression is anchored or bounded so that hostile pastes cannot make it backtrack.
"""

from .article import ParsedArticle, parse_article
from .datelines import Dateline
from .text import ArticleTextError, content_hash, normalise_text

__all__ = [
    "ArticleTextError",
    "Dateline",
    "ParsedArticle",
    "content_hash",
    "normalise_text",
    "parse_article",
]
