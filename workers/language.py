"""Pure: the language an article is written in, and whether the pipeline can read it.

Detection is py3langid's naive Bayes model over byte n-grams (97 languages; the model ships in
the wheel, nothing is downloaded), with two rules of ours around it:

* **too short to tell** — fewer than ``MIN_LETTERS`` letters, or a best guess below
  ``MIN_CONFIDENCE``: the answer is ``None`` and the language the article was declared in stands;
* **English with foreign names stays English** — a text in which English function words are at
  least ``ENGLISH_SHARE`` of the words is English whatever its names ("Wojciech Nowak of Prawo i
  Sprawiedliwość said the vote in the Sejm was rigged"); no other language has that many of them.

The claim extractor's rules (speech verbs, titles, number words, the check-worthiness model) are
English, so only ``SUPPORTED`` languages go through it; any other ends the article's pipeline with
``unsupported_reason``, instead of claims read with English rules ("450.000 personas" as 450).
"""

from __future__ import annotations

import re
from functools import lru_cache

SUPPORTED = frozenset({"en"})
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5
ENGLISH_SHARE = 0.15
# Enough of a long article to be sure of it; the model's cost grows with the text.
SAMPLE_CHARS = 20_000

# Function words frequent in English prose and rare as words of other languages ("in", "was",
# "will", "is", "to", "by", "he", "on", "also" are words of German, Dutch, Czech, Polish,
# Spanish or French too, so they are left out).
_ENGLISH_WORDS = frozenset(
    {
        "the", "of", "and", "that", "for", "with", "said", "says", "from", "this", "which",
        "who", "would", "has", "have", "had", "were", "are", "been", "their", "they", "she",
        "his", "her", "its", "it", "not", "but", "after", "than", "about", "told", "there",
        "what", "when", "could", "should", "more", "at",
    }
)  # fmt: skip
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_share(text: str) -> float:
    """The share of the words of ``text`` that are English function words."""
    words = _WORD_RE.findall(text[:SAMPLE_CHARS].lower())
    if not words:
        return 0.0
    return sum(word in _ENGLISH_WORDS for word in words) / len(words)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or None when it is too short or
    too mixed to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    if english_share(sample) >= ENGLISH_SHARE:
        return "en"
    language, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return None
    return str(language)


def is_supported(language: str) -> bool:
    return language in SUPPORTED


def unsupported_reason(language: str) -> str:
    """What the article's extract job says when it stops on the language."""
    return f"language {language} is not supported yet"
