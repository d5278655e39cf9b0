"""PolNeAR's gold attributions and the rules the ``polnear`` section scores claims by.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution of 1,008 US political
news articles in brat standoff: an ``E`` line ties a Source, a Cue and a Content (sometimes a
second Content part) together, each a ``T`` span that may be discontinuous (``s e;s e``).

- A gold content is a **figure/comparison content** when it has at least 6 words and a digit,
  "%", a number word ("one" aside: mostly a pronoun) or a comparative/superlative word.
- A gold source is classified: a name or description ("named"), a third-person pronoun resolved
  to the nearest earlier source with a capitalised name (skipping one whose Mr./Mrs./Ms.
  contradicts he/she/it), an unresolvable pronoun, a first/second-person or a relative pronoun
  (the last three are not scored).
- An extracted claimant **matches** a gold source (its head: an appositive after the first comma
  is dropped; but where the first part names no one and a name follows it in apposition, "another
  friend, Jo Roe", "her lawyer, Al Doe,", the head is the name and the description is accepted
  too; a name after a description headed by a common noun, "Jo Roe's lawyer, Al Doe", is accepted
  as well; a restrictive relative clause, "officials who spoke on condition of anonymity", is set
  aside like an appositive) when, lower-cased, with possessives, punctuation, determiners and
  titles off, the two are equal, the claimant contains the gold phrase, the gold phrase contains a
  claimant that has a name word of its own, or they share a capitalised name word that is not
  generic; a source that is a title alone ("the candidate", "The spokesman") matches the same
  title ("candidate", "spokesman"), which the title-stripping would otherwise leave empty on both
  sides and never match. A title description ("the senator", "the Ohio governor") also matches the
  nearest earlier named source that carries the title and its other words ("Ohio Gov. Jo Roe"):
  the person the description stands for is the right claimant too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Spans = list[tuple[int, int]]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_NUMBER_WORDS = _wordset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion trillions "
    "dozen dozens percent percentage half quarter twice double doubled triple tripled"
)
_COMPARATIVE_WORDS = _wordset(
    "more most less least fewer fewest than record better best worse worst higher highest lower "
    "lowest larger largest bigger biggest greater greatest smaller smallest faster fastest "
    "slower slowest stronger strongest weaker weakest richer richest poorer poorest older oldest "
    "younger youngest longer longest shorter shortest cheaper cheapest safer safest easier "
    "easiest harder hardest wider widest deadlier deadliest tougher toughest"
)

_DETERMINERS = _wordset("the a an this that these those its his her their our my your")
_TITLES = _wordset(
    "mr mrs ms miss dr sen senator rep representative gov governor president pres vice "
    "secretary sec gen general lt col rev prof professor judge justice former then mayor "
    "chairman chairwoman chair speaker leader candidate nominee attorney ambassador director "
    "spokesman spokeswoman spokesperson"
)
_THIRD = _wordset(
    "he she they it him her them his hers its their theirs himself herself themselves"
)
_FIRST_SECOND = _wordset("i we you me us my our your myself ourselves yourself")
_RELATIVE = _wordset("who whom which that whose")
_GENERIC_CAPS = _wordset(
    "new york united states white house national american america americans democratic "
    "republican party committee department news times post campaign state city county "
    "university center council office senate congress court supreme federal washington "
    "daily journal press associated group foundation institute agency administration gop"
)
_COMMON = _wordset(
    "few many some most several all both other others another one no each every such any "
    "officials official experts expert critics analysts sources source aides aide people "
    "residents supporters voters delegates protesters polls poll reports report proponents "
    "developers advocates observers researchers economists scientists lawmakers members leaders "
    "witnesses police authorities investigators prosecutors lawyers attorneys organizers"
)
_NOT_NAMES = _DETERMINERS | _TITLES | _THIRD | _FIRST_SECOND | _RELATIVE | _COMMON
_GENDER_OF = {"he": "m", "him": "m", "his": "m", "himself": "m"}
_GENDER_OF |= {"she": "f", "her": "f", "hers": "f", "herself": "f"}


@dataclass
class GoldAttribution:
    content: Spans
    source: Spans | None
    cue: Spans = field(default_factory=list)
    source_text: str = ""
    content_text: str = ""
    source_kind: str = (
        "none"  # named | pronoun_resolved | pronoun_unresolved | first_second | relative
    )
    resolved: str = ""  # the source phrase scored against (a pronoun's antecedent)
    # A title description's antecedent ("the senator" -> "Sen. Jo Roe"), also accepted.
    antecedent: str = ""


def parse_brat(ann: str, raw: str) -> list[GoldAttribution]:
    """The attributions (E lines with a content) of one brat .ann file over its raw text."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in ann.split("\n"):
        fields = line.split("\t")
        if len(fields) >= 2 and fields[0].startswith("T"):
            _label, _, offsets = fields[1].partition(" ")
            try:
                spans[fields[0]] = [
                    (int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))
                ]
            except ValueError:
                continue
        elif len(fields) >= 2 and fields[0].startswith("E"):
            events.append(dict(item.partition(":")[::2] for item in fields[1].split()))
    found = []
    for roles in events:
        content = sorted(
            s for role in ("Content", "Content2") for s in spans.get(roles.get(role, ""), [])
        )
        if not content:
            continue
        source = spans.get(roles.get("Source", ""))
        found.append(
            GoldAttribution(
                content=content,
                source=source,
                cue=spans.get(roles.get("Cue", ""), []),
                source_text=" ".join(raw[a:b] for a, b in source or []),
                content_text=" ".join(raw[a:b] for a, b in content),
            )
        )
    return found


def is_figure_content(text: str) -> bool:
    """A content that carries a figure or a comparison (what a fact-checker checks first)."""
    if sum(1 for w in text.split() if any(ch.isalnum() for ch in w)) < 6:
        return False
    if re.search(r"\d|%|\bper cent\b", text, re.IGNORECASE):
        return True
    words = {w.strip(".,;:!?\"'“”‘’()[]—–-").lower() for w in text.split()}
    return bool(words & (_NUMBER_WORDS | _COMPARATIVE_WORDS))


def _words(name: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", re.sub(r"['’]s\b", "", name))


def head(source: str) -> str:
    """The naming part of a source: "Jane Roe, a lawyer at …" -> "Jane Roe"; "her lawyer,
    Al Doe," -> "Al Doe" (a description names no one; the name in apposition does)."""
    parts = [p.strip() for p in source.strip().strip(",;:").split(",")]
    first = parts[0]
    if not _words(first):
        return source.strip()
    if not has_name(first):
        named = next((p for p in parts[1:3] if has_name(p)), None)
        if named is not None:
            return named
    return first


_RELATIVE_CLAUSE_RE = re.compile(r"\s+(?:who|whom|whose|which|that)\s.*$", re.IGNORECASE)


def heads(source: str) -> list[str]:
    """The phrases a claimant may give for the source: its head, the description a name
    follows in apposition ("her lawyer" of "her lawyer, Al Doe"; "Al Doe" of "Jo Roe's
    lawyer, Al Doe"), and either without a restrictive relative clause ("officials who
    spoke …" -> "officials")."""
    found = [head(source)]
    parts = [p.strip() for p in source.strip().strip(",;:").split(",")]
    first = parts[0]
    if _words(first) and first not in found:
        found.append(first)
    if _words(first) and _words(first)[-1].islower():
        # "Ms. Merkel's spokesman, Jo Roe": a description headed by a common noun, then the
        # name of the person it describes.
        named = next((p for p in parts[1:3] if has_name(p)), None)
        if named is not None and named not in found:
            found.append(named)
    for phrase in list(found):
        cut = _RELATIVE_CLAUSE_RE.sub("", phrase)
        if cut != phrase and _normal(cut) and cut not in found:
            found.append(cut)
    return found


def _normal(name: str) -> str:
    return " ".join(w for w in (x.lower() for x in _words(name)) if w not in _DETERMINERS | _TITLES)


def _bare(name: str) -> str:
    return " ".join(w for w in (x.lower() for x in _words(name)) if w not in _DETERMINERS)


def _is_name_word(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word.lower() not in _NOT_NAMES


def _name_words(name: str) -> set[str]:
    return {w.lower() for w in _words(name) if _is_name_word(w) and w.lower() not in _GENERIC_CAPS}


def has_name(name: str) -> bool:
    return any(_is_name_word(w) for w in _words(name))


def claimant_matches(gold: str, names: list[str]) -> bool:
    """Whether one of the claimant's names (its name and aliases) is the gold source."""
    return any(_matches_head(phrase, names) for phrase in heads(gold))


def _matches_head(gold: str, names: list[str]) -> bool:
    want, want_names = _normal(gold), _name_words(gold)
    if not want:  # "the spokesman", "The candidate": a bare title is matched word for word
        return any(_bare(name) and _bare(name) == _bare(gold) for name in names)
    for name in names:
        have = _normal(name)
        if not want or not have:
            continue
        if have == want or f" {want} " in f" {have} ":
            return True
        if f" {have} " in f" {want} " and _name_words(name):
            return True
        if want_names & _name_words(name):
            return True
    return False


def classify_sources(attributions: list[GoldAttribution]) -> None:
    """Set each source's kind and the phrase it is scored against (pronouns resolved)."""
    named: list[str] = []
    for a in sorted((a for a in attributions if a.source), key=lambda a: a.source[0][0]):
        low = a.source_text.strip().lower()
        if low in _THIRD:
            a.source_kind = "pronoun_unresolved"
            wanted = _GENDER_OF.get(low)
            for previous in reversed(named):
                lead = {w.lower() for w in _words(previous)[:3]}
                gender = "f" if lead & {"mrs", "ms", "miss"} else ("m" if "mr" in lead else None)
                if gender and (gender != wanted if wanted else low in {"it", "its"}):
                    continue
                a.source_kind, a.resolved = "pronoun_resolved", head(previous)
                break
        elif low in _FIRST_SECOND:
            a.source_kind = "first_second"
        elif low in _RELATIVE:
            a.source_kind = "relative"
        else:
            a.source_kind, a.resolved = "named", a.source_text
            if has_name(head(a.source_text)):
                named.append(a.source_text)
            else:
                a.antecedent = _title_antecedent(a.source_text, named)


_TITLE_FORMS = {
    "senator": ("senator", "sen"), "governor": ("governor", "gov"),
    "congressman": ("congressman", "rep", "representative"),
    "congresswoman": ("congresswoman", "rep", "representative"),
    "representative": ("representative", "rep"), "mayor": ("mayor",),
    "chairman": ("chairman",), "chairwoman": ("chairwoman",), "secretary": ("secretary",),
    "president": ("president",), "candidate": ("candidate",), "judge": ("judge",),
}  # fmt: skip


def _title_antecedent(source: str, named: list[str]) -> str:
    """ "The senator", "the Florida governor": the nearest earlier named source whose own
    words carry that title (or its abbreviation) and every other word of the description."""
    words = [w.lower() for w in _words(source)]
    if len(words) < 2 or words[0] != "the" or words[-1] not in _TITLE_FORMS:
        return ""
    for previous in reversed(named):
        have = {w.lower() for w in _words(previous)}
        if have & set(_TITLE_FORMS[words[-1]]) and set(words[1:-1]) <= have:
            return head(previous)
    return ""
