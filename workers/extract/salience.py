"""Who a sentence is about: whether a name is its subject (what a later "he"/"she" most likely
means) and the gender an article gives a name it left open.

A name is *salient* when it opens its sentence (only capitalised words before it), follows a
short description of it ("Tennis great Jo Roe recalled"), or opens a clause after a break
("At the briefing, Roe …", "…, but Roe …") — not in an apposition, a list or a possessive.
"Roe said she …" gives Roe's gender; ``keeps_surname`` tells which of two people named in full
a bare surname stands for. Pure: no Django.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from workers.nlp.first_names import first_name_gender
from workers.nlp.world import nationality_words

from .lexicon import ROLE_NOUNS

HONORIFIC_GENDER = {
    "mr.": "male",
    "mr": "male",
    "mrs.": "female",
    "ms.": "female",
    "miss": "female",
}


# Where a clause may open inside a sentence: "At the briefing, Roe …", "…, but Roe …".
_CLAUSE_BREAK_RE = re.compile(r"[,;:—(]|\sbut\s")
# After the name, what marks it as no subject: an apposition or a list goes on (",", "and"),
# a possessive names something of theirs.
# "Roe's been saying …", "Roe's got …" is "has": no possessive, and the name is the subject.
_POSSESSIVE = r"['’]s\b(?!\s+(?:been|got)\b)"
_NOT_SUBJECT_AFTER_RE = re.compile(rf"^(?:\s*[,(]|\s+(?:and|or)\b|{_POSSESSIVE})")


# "Roe said she …", "Roe told reporters that he …": the pronoun of the name's own speech act
# gives the gender of a name the article left open.
_SAYS_PRONOUN_RE = re.compile(
    r"^\s+(?:\w+\s+)?(?:said|says|told(?:\s+[\w.'’-]+){1,3}?|added|explained|insisted|argued|noted|"
    r"acknowledged|admitted|conceded|claimed|stressed)\s+(?:that\s+)?(?P<pronoun>he|she)\b"
)
# A short description ahead of a name that opens a sentence ("Tennis great Jo Roe recalled",
# "Democratic presidential candidate Jo Roe said"): the name is still the sentence's subject.
_DESCRIPTOR_RE = re.compile(r"^(?:(?:the|a|an)\s+)?(?:[A-Za-z][\w.'’-]*\s+){1,4}$")
_NOT_DESCRIPTOR_WORDS = frozenset(
    {"of", "for", "in", "on", "at", "to", "by", "with", "from", "after", "before", "when",
     "while", "if", "as", "and", "or", "but", "said", "says", "told", "that", "than", "about"}
)  # fmt: skip


# "…, Jo Roe, the club's president, suggested …", "Speaking in Ohio, Roe, without naming
# him, accused …": an apposition or an aside, then the name's own verb.
_APPOSITION_VERB_RE = re.compile(r"^\s*,\s+[a-z][^,;().!?\n]{1,100},\s+(?!and\b|or\b)[a-z]+\b")
# "Her rival, Paul Roe, disagreed", "Al Doe's wife, Ana Doe, spoke next": the name that closes
# an apposition to the clause's opening description, then the clause's own verb.
_APPOSED_VERB_RE = re.compile(
    r"^\s*,\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|said|says|spoke|told|wrote|took|made|gave|met|sent|"
    r"won|lost|led|began|did|does|has|had|is|was|will|would|could|can)\b"
)
# "…, backed by Jo Roe, who said …": the name speaks in its own relative clause.
_WHO_SAID_RE = re.compile(
    r"^(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?(?:\s*,\s+(?:the|a|an)\s[^,;().!?\n]{1,70})?"
    r"\s*,\s+who\s+(?:\w+\s+)?(?:said|says|told|added|argued|wrote|noted|insisted)\b"
)
# "As for Roe, he said …": the name the sentence announces as its topic.
# "Across town, campaigning for Roe, is Jo Doe, …", "Among the speakers was Jo Doe": a name
# after a clause-opening "is"/"was" is the inverted subject of its sentence.
_INVERTED_RE = re.compile(
    r"(?:,\s*|^(?:Among|Across|Behind|Beside|Next|Also|Here|There|Joining|Leading)\b[^.;]*\s)"
    r"(?:is|was)\s+$"
)
# "…, a worker named Jo Roe has …", "A man called Jo Roe …": a description that names its
# person opens the clause, and the name is its subject.
_NAMED_RE = re.compile(r"(?:^|[,;:]\s*)(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){1,3}(?:named|called)\s+$")
# How far back before a name the subject tests read: beyond it a name is no sentence opener.
_LOOK_BACK = 300
_TOPIC_RE = re.compile(r"(?:^|[,;]\s*)[Aa]s (?:for|to)\s+$")
# "To Jo Roe, the speech …", "For pollster Jo Roe, …": whose view the sentence gives.
_VIEW_RE = re.compile(r"^(?:To|For)\s+(?P<description>.*)$")
# Words a sentence may open with before its subject ("And even Roe tried …").
_OPENING_WORDS = frozenset(
    {"and", "but", "so", "yet", "or", "still", "even", "then", "now", "also", "only", "too",
     "meanwhile", "however", "instead", "later", "earlier"}
)  # fmt: skip
# The role a description ahead of a name ends with ("Clinton campaign manager Jo Roe"): one
# person's job, so the name after it is the one the description is about.
PERSON_ROLES = frozenset(
    {"manager", "director", "candidate", "nominee", "governor", "senator", "spokesman",
     "spokeswoman", "spokesperson", "secretary", "chairman", "chairwoman", "adviser", "advisor",
     "strategist", "economist", "analyst", "lawyer", "attorney", "pollster", "president",
     "leader", "mayor", "chief", "official", "aide", "professor", "minister", "ambassador",
     "judge", "congressman", "congresswoman", "founder", "executive", "host", "anchor",
     "columnist", "author", "activist", "lawmaker", "prosecutor", "commissioner", "speaker",
     "chancellor", "premier", "envoy", "consultant", "operative", "historian", "researcher",
     "auditor", "clerk", "comptroller", "treasurer", "coroner", "examiner"}
)  # fmt: skip
# Stop words that are part of a description ("former", "top").
_TITLE_STOP_WORDS = frozenset({"former", "top"})


def _described_subject(before: str) -> bool:
    """Whether ``before`` (the sentence up to a name) is only a short description of it: no
    function word, pronoun or past-tense verb ("She addressed Muslim-Americans" is no
    description of "Muslim")."""
    if not _DESCRIPTOR_RE.match(before) or not before.strip():
        return False
    words = [w.lower() for w in before.split()]
    if words[0] in {"the", "a", "an"}:
        words = words[1:]
    return not any(
        w in _NOT_DESCRIPTOR_WORDS
        or (w in STOP_WORDS and w not in _TITLE_STOP_WORDS)
        or w.endswith("ed")
        for w in words
    )


def _opening_description(before: str) -> bool:
    """Whether ``before`` ends with a short description that opens its clause, then a comma
    ("Her rival, ", "Al Doe's wife, "): the name after it is in apposition to the subject;
    not the object of a preposition ("a study by a Russian sociologist, ")."""
    if not before.rstrip().endswith(","):
        return False
    segment = _CLAUSE_BREAK_RE.split(before.rstrip()[:-1])[-1]
    words = segment.lower().split()
    return 0 < len(words) <= 6 and not any(
        w in _NOT_DESCRIPTOR_WORDS or w in {"who", "which", "whose", "where"} for w in words
    )


def _opens_clause(before: str) -> bool:
    """Whether a name with ``before`` ahead of it in its sentence opens a clause (is most
    likely its subject): nothing but capitalised words (a title) since the last clause
    break ("At the press briefing, Roe pleaded", "…, but Roe was not done")."""
    breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    if not breaks:
        return False
    segment = before[breaks[-1].end() :]
    # Any lower-case word, even "a" ("Jo Roe, a Boca Raton lawyer"), makes it no subject.
    return re.search(r"\b[a-z]", segment) is None


def _described_after_break(before: str) -> bool:
    """Whether a name opens a clause behind a short description that ends with a person's
    role ("On Monday, Clinton campaign manager Jo Roe released …")."""
    breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    if not breaks:
        return False
    segment = before[breaks[-1].end() :].lstrip()
    words = segment.split()
    return bool(words) and words[-1].lower() in PERSON_ROLES and _described_subject(segment)


def is_salient(before: str, after: str, full_name: bool) -> bool:
    """Whether a name with ``before`` ahead of it in its sentence and ``after`` following it is
    the subject; after a clause break only a name given in full (``full_name``: a lone
    capitalised word there is too often an adjective, "…, Democratic leaders")."""
    not_subject = _NOT_SUBJECT_AFTER_RE.match(after) and not (
        _APPOSITION_VERB_RE.match(after)
        or (_APPOSED_VERB_RE.match(after) and _opening_description(before))
    )
    if len(before) > _LOOK_BACK:
        # Deep in a long sentence only a clause break makes a name its clause's subject; the
        # sentence-opening tests would read the whole prefix for every name (quadratic on a
        # run of thousands of capitalised words).
        tail = before[-_LOOK_BACK:]
        opens = _opens_clause(tail) or _described_after_break(tail)
        return full_name and opens and not not_subject
    if _TOPIC_RE.search(before) or (full_name and _WHO_SAID_RE.match(after)):
        return True
    inverted = _INVERTED_RE.search(before) or _NAMED_RE.search(before)
    if full_name and inverted and not re.match(r"\s+(?:and|or)\b", after):
        return True
    view = _VIEW_RE.match(before)
    if view and re.match(r"\s*,", after):
        # Only the description's last words need to be one: a long one names a place or
        # a school first ("To Fairview State University history professor Jo Roe, …").
        words = view.group("description").split()
        return not words or _described_subject(" ".join(words[-4:]) + " ")
    words = before.replace(",", " ").split()
    if words and all(w.lower() in _OPENING_WORDS for w in words):
        return True
    if re.search(r"\b[a-z]", before) is None:
        # "Jo Roe, Walter Dalloway's deputy, said": a possessive inside an apposition
        # names someone else's; the sentence's subject is the name before the comma.
        return not (re.match(r"['’]s\b", after) and re.search(r"[A-Za-z][\w.'’-]*\s*,\s*$", before))
    if _described_subject(before) and not re.match(r"\s+(?:and|or)\b|['’]s\b", after):
        return True
    opens = _opens_clause(before) or _described_after_break(before)
    return full_name and opens and not not_subject


def possessive(after: str) -> bool:
    """Whether the text after a name makes it a possessive ("Roe's aides"), not a "has"
    ("Roe's been saying …")."""
    return re.match(_POSSESSIVE, after.lstrip()) is not None


def said_pronoun_gender(after: str) -> str | None:
    """ "… said she …" right after a name: the gender the article gives it."""
    says = _SAYS_PRONOUN_RE.match(after)
    if says is None:
        return None
    return "female" if says.group("pronoun") == "she" else "male"


def keeps_surname(name: str) -> bool:
    """Whether the person named ``name`` in full keeps the bare surname against another
    named later: one given with a first name ("Jo Roe") does, for a relative named later
    ("his wife, Ana Roe") is not what "Roe" means; a bare word, or words ahead of it that
    are no given name ("Unbowed Roe", "Impeach Roe" in a headline), give way."""
    words = name.split()[:-1]
    given = next((w for w in words if not w.endswith(".") and w.lower() not in ROLE_NOUNS), "")
    low = given.lower()
    if not low or first_name_gender(name) is not None:
        return bool(low)
    # An unknown given name counts only in a plain "Given Surname".
    return len(words) == 1 and not (
        low.endswith(("ed", "ing"))
        or low in STOP_WORDS
        or low.rstrip("s") in ROLE_NOUNS
        or low.casefold() in nationality_words()
    )


# Titles before a bare surname ("Gov. Roe", "Senator Roe"); not Mr./Mrs./Ms., which mark a
# gender of their own ("Mrs. Roe" may be Jo Roe's wife).
_SURNAME_TITLES = frozenset(
    {"gov.", "sen.", "rep.", "dr.", "gen.", "adm.", "lt.", "col.", "sgt.", "gov", "sen",
     "senator", "governor", "mayor", "judge", "justice", "president", "secretary", "admiral",
     "general", "representative", "congressman", "congresswoman", "chairman", "sheriff"}
)  # fmt: skip


def titled_surname(name: str) -> bool:
    """Whether ``name`` is only titles and a surname ("Gov. Roe", "Senator Roe"): the person
    named in full before ("Governor Jo Roe") with that surname, not someone new."""
    words = name.lower().split()
    return len(words) > 1 and all(w in _SURNAME_TITLES for w in words[:-1])
