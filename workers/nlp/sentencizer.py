"""``factcheck_sentencizer``: a quote- and abbreviation-aware sentence splitter, and the
quotation matcher it shares with the extractor."""

from __future__ import annotations

import re

import numpy
from spacy.language import Language
from spacy.tokens import Doc

_TERMINALS = frozenset({".", "!", "?", "...", "…", "?!", "!?", "!!", "??"})
_TRAILING_CLOSERS = frozenset({")", "]", "}", ".", "!", "?", "…"})
_OPEN_DOUBLE = frozenset({"“", "«", "„", "``"})
_CLOSE_DOUBLE = frozenset({"”", "»"})
# Straight double quotes toggle; some wires write them as two apostrophes (''…'').
_STRAIGHT = frozenset({'"', "''"})
# Ranks and titles spaCy's English tokenizer splits from their period ("Lt" "."): the pipeline
# keeps each one token, so "said Air Force 1st Lt. Jo Roe" is not cut into two sentences and
# the speaker is the person, not "Lt".
RANK_ABBREVIATIONS = frozenset(
    {
        "Lt.", "Col.", "Capt.", "Sgt.", "Maj.", "Cmdr.", "Cpl.", "Pvt.", "Brig.", "Supt.",
        "Det.", "Atty.", "Pres.",
    }
)  # fmt: skip
# Plural titles and "Ft." (Fort, as "Mt." is Mount) that the tokenizer splits from their period
# ("Sens" "."): before a capitalised word that period is no sentence end ("Sens. Jo Roe and Al
# Poe"). They stay two tokens so the speaker's name is the person's alone.
_SPLIT_TITLES = frozenset({"Sens", "Reps", "Govs", "Ft"})
# Abbreviations that precede a name and so never end a sentence.
_TITLE_ABBREVIATIONS = RANK_ABBREVIATIONS | frozenset(
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Gov.", "Sen.", "Rep.", "Rev.",
        "Adm.", "St.", "Mt.", "Messrs.", "No.", "Nos.", "vs.", "v.", "e.g.", "i.e.", "E.g.",
        "I.e.",
    }
)  # fmt: skip
# After an abbreviation that *can* end a sentence ("U.S.", "a.m.", "Inc."), a new
# sentence is only assumed when one of these typical sentence openers follows; a name
# ("U.S. Army") or any other capitalised word keeps the sentence going.
_SENTENCE_OPENERS = frozenset(
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her",
        "Its", "Their", "Our", "This", "That", "These", "Those", "There", "But", "And",
        "However", "Meanwhile", "In", "On", "At", "As", "After", "Before", "When",
        "While", "Since", "If", "So", "Yet", "Still", "Also", "Earlier", "Later",
        "Last", "Some", "Many", "Most", "No", "Officials", "According",
    }
)  # fmt: skip
# Words that show a quotation is followed by its attribution ("“Why?” she asked").  Wider
# than the extractor's speech verbs: here "asked" only has to glue the sentence together.
_SPEECH_WORDS = frozenset(
    {
        "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks",
        "wrote", "writes", "replied", "replies", "stated", "states", "noted", "notes",
        "explained", "explains", "claimed", "claims", "insisted", "insists", "warned",
        "warns", "declared", "declares", "continued", "argued", "argues", "recalled",
        "according",
    }
)  # fmt: skip


# An opening mark set straight after the closing word or punctuation and followed by a space
# or the end of the line ("“It's unusual,“ said Jo Roe") is a closing mark typed wrong.
_MISUSED_OPENING_RE = re.compile(r"(?<=[\w,.?!…—–-])“(?=[ \t]|$)", re.MULTILINE)


def repair_closing_marks(text: str) -> str:
    """``text`` with every misused opening mark that closes an open quotation made a closing
    one; same length, so offsets into either text are the same. A paragraph's marks are read in
    order: the repair happens only while a quotation is open (“ … “ said), never to a first
    mark."""
    if "“" not in text or not _MISUSED_OPENING_RE.search(text):
        return text
    chars = list(text)
    opened = False
    misused = {m.start() for m in _MISUSED_OPENING_RE.finditer(text)}
    for mark in re.finditer(r"[“”\n]", text):  # only the marks and line ends are read
        i = mark.start()
        if chars[i] != "“":
            opened = False
        elif opened and i in misused:
            chars[i] = "”"
            opened = False
        else:
            opened = True
    return "".join(chars)


def quotation_map(doc: Doc, start: int, end: int) -> dict[int, tuple[int, int]]:
    """Map the index of every token of a *matched* quotation (quote marks included) to
    the (open, close) token indices of the outermost quotation around it, for tokens
    ``start:end`` (one paragraph).

    Quotes that never close within the paragraph are ignored (a stray quote mark must
    not stop sentence splitting).  Straight double quotes toggle; curly single quotes
    count only when a standalone ``’`` token closes an open ``‘`` (otherwise ``’`` is an
    apostrophe, e.g. ``U.S.’s``).
    """
    stack: list[tuple[str, int]] = []
    open_kinds = {"d": 0, "D": 0, "s": 0}  # how many of each kind are on the stack
    pairs: list[tuple[int, int]] = []

    def push(kind: str, i: int) -> None:
        stack.append((kind, i))
        open_kinds[kind] += 1

    def close(wanted: set[str], i: int) -> None:
        # Only called when one of ``wanted`` is open, so the scan ends at it and everything
        # scanned is popped: linear over the paragraph.
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] in wanted:
                pairs.append((stack[depth][1], i))
                for kind, _ in stack[depth:]:
                    open_kinds[kind] -= 1
                del stack[depth:]
                return

    for i in range(start, end):
        text = doc[i].text
        if text in _OPEN_DOUBLE:
            push("d", i)
        elif (text in _CLOSE_DOUBLE and open_kinds["d"] + open_kinds["D"]) or (
            text in _STRAIGHT and open_kinds["D"]
        ):
            close({"d", "D"}, i)
        elif text in _CLOSE_DOUBLE:
            pass  # a closing mark with nothing open
        elif text in _STRAIGHT:
            push("D", i)
        elif text in {"‘"}:
            push("s", i)
        elif text in {"’", "'"} and open_kinds["s"]:
            close({"s"}, i)
        elif text == "'" and (i == start or doc[i - 1].is_space or doc[i - 1].whitespace_):
            # A straight single quote after a space opens a quotation ('No,' he said).
            push("s", i)
    inside: dict[int, tuple[int, int]] = {}
    # Outermost pairs win. Pairs nest or are disjoint (a stack made them), so marking only
    # the pairs no earlier pair contains marks each token once.
    reach = -1
    for open_i, close_i in sorted(pairs, key=lambda p: (p[0], -p[1])):
        if close_i <= reach:
            continue  # nested in the last outermost pair
        reach = close_i
        for k in range(open_i, close_i + 1):
            inside[k] = (open_i, close_i)
    return inside


def _attribution_follows(doc: Doc, close_i: int, end: int) -> bool:
    """True when the quotation closing at ``close_i`` is followed by its attribution
    (``..., ” Sheinbaum said``; ``...?” she asked``; ``...” said the minister``)."""
    before = close_i - 1
    while before > 0 and doc[before].text in {"’", "'", "”", '"', "''"}:
        before -= 1
    nxt = close_i + 1
    while nxt < end and doc[nxt].text in {"’", "'", "”", '"', "''"}:
        nxt += 1
    if nxt >= end or doc[nxt].is_space:
        return False
    following = doc[nxt].text
    if following in _OPEN_DOUBLE or following in {"‘", '"', "'", "''"}:
        # Another quotation starts: “… territory.” “I told him …” are two sentences.
        return False
    if following[:1].islower() or following in {",", "—", "–", "-"}:
        return True
    if doc[before].text in {",", "—", "–"}:
        return True
    # "“We will win.” Sheinbaum said." — a speech verb within the next few tokens.
    for k in range(nxt, min(nxt + 5, end)):
        if doc[k].text in _TERMINALS or doc[k].is_space:
            break
        if doc[k].lower_ in _SPEECH_WORDS:
            return True
    return False


def _is_terminal(doc: Doc, i: int, end: int) -> bool:
    text = doc[i].text
    if text == "." and 0 < i < end - 1 and doc[i - 1].text in {"No", "Nos"}:
        return not doc[i + 1].text[:1].isdigit()  # "No. 14-915", "Bill No. 5": a number sign
    if text == "." and 0 < i < end - 1 and doc[i - 1].text in _SPLIT_TITLES:
        nxt = i + 1
        while nxt < end - 1 and doc[nxt].is_space and "\n" not in doc[nxt].text:
            nxt += 1
        return not doc[nxt].text[:1].isupper()
    if text in _TERMINALS:
        return True
    if len(text) > 1 and text.endswith(".") and text not in _TITLE_ABBREVIATIONS:
        # A token that swallowed its final period ("U.S.", "a.m.", "Inc.").
        nxt = i + 1
        while nxt < end and doc[nxt].is_space and "\n" not in doc[nxt].text:
            nxt += 1
        return nxt < end and doc[nxt].text in _SENTENCE_OPENERS
    return False


@Language.component("factcheck_sentencizer")
def factcheck_sentencizer(doc: Doc) -> Doc:
    """Set sentence starts: newlines are hard breaks; terminal punctuation (plus any
    closing quotes/brackets after it) ends a sentence unless the next word is lower-case
    or we are inside a quotation that is part of a larger sentence.

    Inside a matched quotation a split is only allowed when the quotation opened the
    current sentence and is *not* followed by its attribution; that keeps
    ``“I told him, ‘No. Never,’” Sheinbaum said.`` and ``He said: “A. B.”`` whole.
    """
    n = len(doc)
    if n == 0:
        return doc
    starts = [False] * n
    # Paragraph = maximal run of tokens without a newline.
    paragraphs: list[tuple[int, int]] = []
    para_start = None
    for i, tok in enumerate(doc):
        if tok.is_space and "\n" in tok.text:
            if para_start is not None:
                paragraphs.append((para_start, i))
                para_start = None
        elif para_start is None and not tok.is_space:
            para_start = i
    if para_start is not None:
        paragraphs.append((para_start, n))

    for p_start, p_end in paragraphs:
        starts[p_start] = True
        inside = quotation_map(doc, p_start, p_end)
        sent_start = p_start
        i = p_start
        while i < p_end:
            if not _is_terminal(doc, i, p_end):
                i += 1
                continue
            j = i + 1
            while j < p_end and (
                doc[j].text in _TRAILING_CLOSERS
                or doc[j].text in _CLOSE_DOUBLE
                or (doc[j].text in {'"', "’", "'", "''"} and inside.get(j, (0, -1))[1] == j)
            ):
                j += 1
            # Skip spaces to the next real token.
            k = j
            while k < p_end and doc[k].is_space:
                k += 1
            if k >= p_end:
                break
            nxt = doc[k].text
            # Nor does a comma or semicolon open one: "Jo Roe, I-Vt., said", "Clay Sr., who".
            split = not nxt[:1].islower() and nxt not in {",", ";"}
            if split and inside.get(j - 1, (0, -1))[1] == j - 1:
                # The quotation just closed: "…?” she asked" style attribution, when the
                # quotation opened the sentence; one set inside a sentence ends with it
                # ('Roe called the plan “a fantasy.” He said …': two sentences).
                embedded = inside[j - 1][0] > sent_start + 1
                split = embedded or not _attribution_follows(doc, j - 1, p_end)
            if split and k in inside and inside[k][0] < k:
                # Still inside a quotation that opened earlier in this sentence.
                close_i = inside[k][1]
                opened_here = any(
                    doc[m].text in _OPEN_DOUBLE or doc[m].text in {'"', "‘", "'", "''"}
                    for m in range(sent_start, min(sent_start + 2, p_end))
                )
                split = opened_here and not _attribution_follows(doc, close_i, p_end)
            if split:
                starts[k] = True
                sent_start = k
            i = k if k > i else i + 1

    # Set all boundaries in one array write: the per-token ``is_sent_start`` setter
    # re-checks the whole doc's annotation each time, which is quadratic.
    # spaCy stores attributes as uint64; -1 ("not a start") wraps, as in Doc.to_array.
    values = numpy.fromiter((1 if flag else -1 for flag in starts), dtype="int64", count=n)
    # thinc types the array as Ints2d, which a 2-d numpy integer array is at run time.
    doc.from_array(["SENT_START"], values.astype("uint64").reshape(n, 1))  # type: ignore[arg-type]
    return doc
