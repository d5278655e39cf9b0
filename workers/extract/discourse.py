"""Discourse state: coreference of claimants across the article.

What the article has named so far (gazetteer names, roles such as "the Mexican leader",
pronouns by gender where known, "the spokesperson" for the organisation it spoke for,
"the news outlet" for the last news organisation named), and the resolution of an
attribution's speaker phrase against it.

Which referent a pronoun means is decided in pronouns.py.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from workers.enrichment import NOT_NAME_WORDS, EntityMention
from workers.nlp import LEADER_TITLES, lookup_alias
from workers.nlp.world import nationality_words

from .according import OBJECT_PRONOUNS, according_source
from .attribution import Attribution
from .candidates import EntityRef
from .descriptions import (
    learned_titles,
    modified_description,
    party_adjective,
    plain_description,
    wanted_titles,
)
from .lexicon import PRONOUNS, ROLE_NOUNS
from .org_heads import org_heads, trade_heads
from .phrase_edges import first_description_end, trimmed_start
from .pronouns import (
    Referent,
    given_name_gender,
    joint_persons,
    many,
    referent_gender,
    resolve_pronoun,
)
from .roles import FORMER_RE, ROLE_AFTER_RE, ROLE_RE, ROLE_REF_RE, nationality
from .salience import (
    HONORIFIC_GENDER,
    is_salient,
    keeps_surname,
    possessive,
    said_pronoun_gender,
    titled_surname,
)
from .sources import (
    ORG_HEAD_NOUNS,
    UNNAMED,
    describe_source,
    described_person,
    framing_document,
    institution_title,
    news_title,
    owned_source,
)
from .subject_referents import described_subject, opening_group

_BARE_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "statement"})

_SPOKES_NOUNS = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "official", "officials",
     "representative", "statement", "source", "sources", "aide", "aides"}
)  # fmt: skip


# After a sentence's first word, the prepositions that mark it an adverb ("Back at …"); not
# "of", which follows a quantifier that speaks ("None of the candidates said").
_PREPOSITIONS = frozenset({"at", "in", "on", "to", "from", "with", "into", "for", "by"})
_ADVERB_RE = re.compile(r"\w{3,}(?:ally|ately|ously|ively|ently|antly|arly),?$")
_HEAD_REF_RE = re.compile(r"^(?:the|this|that)\s+(?P<head>[\w ]+)$", re.IGNORECASE)


class Discourse:
    """What the article has named so far, most recent last."""

    def __init__(self) -> None:
        self.referents: list[Referent] = []
        self.roles: dict[tuple[str | None, str], EntityRef] = {}
        self.spokes: EntityRef | None = None
        self.by_surname: dict[str, Referent] = {}
        # Genders the article itself gave a name it left open ("Ada Fisher … she said").
        self.learned: dict[str, str] = {}
        # What the article called each person where it named them ("senator", "florida").
        self.titles: dict[str, set[str]] = {}
        self._seen: set[int] = set()
        self._last: tuple[int, Referent, str] | None = None  # end, referent, text before

    def observe_until(
        self, mentions: list[EntityMention], char_limit: int, body: str, sentence_start: int
    ) -> None:
        """Observe (once) every mention that starts before ``char_limit``."""
        for mention in mentions:
            if mention.start < char_limit and mention.start not in self._seen:
                self._seen.add(mention.start)
                self.observe(mention, body, sentence_start)

    def note_speaker(self, ref: EntityRef, after: str = "") -> None:
        """A resolved speaker is the most recent referent ("… she said. She added …", "Acme
        said … It added …"); ``after``, the text after its phrase, may give its gender ("Roe
        said she …")."""
        if ref.kind not in {"person", "unnamed", "organization", "group"}:
            return
        if ref.kind in {"organization", "group"} and not ref.name[:1].isupper():
            return  # "the company said": the organisation named before stays the referent
        entry = lookup_alias(ref.name)
        gender = entry.gender if entry else given_name_gender(ref)
        if gender is None:
            same = (r.gender for r in reversed(self.referents) if r.ref.name == ref.name)
            gender = next((g for g in same if g), None)
        self.referents.append(Referent(ref, gender, (), False, salient=True))
        self._learn_gender(self.referents[-1], after)

    def observe_opening(self, word: str, next_word: str, after: str = "") -> None:
        """A sentence that opens with the bare surname of someone named in full earlier
        ("Roe continued …"): the name finder leaves a lone sentence-initial word alone,
        but it is that person, and the sentence's subject (``after``: the text after it)."""
        known = self.by_surname.get(word)
        # "Roe, a Jupiter Democrat who …, has made": an apposition, still the subject; but
        # not a list ("Roe, Doe and …") nor a possessive.
        apposition = re.match(r"\s*,\s+(?:(?:a|an|the|who|whose)\s|\d{1,3},)", after)  # ", 58,"
        if known is None or possessive(after) or (next_word == "," and not apposition):
            return
        self.referents.append(
            Referent(known.ref, known.gender, known.heads, known.news, salient=True)
        )
        self._learn_gender(known, after)

    def observe_subject(self, description: str) -> None:
        """A plural description a sentence opens with ("Six county newspapers endorsed …"):
        what a following "they" means, rather than a name the sentence only mentions."""
        words = description.split()
        if words and words[0].lower() in {"the", "a", "an"}:
            words = words[1:]
        plain = len(description.split()) == 1 or words[-1].islower()  # not "The Democrats"
        if words and plain and many(" ".join(words)):
            ref = EntityRef(" ".join(words), UNNAMED)
            self.referents.append(Referent(ref, None, (), False, salient=True))
        elif back := described_subject(description, self.referents, self.resolve):
            self.referents.append(back)  # "The Ohio senator dismissed …": Sen. Roe, named before

    def observe_opening_group(self, sentence: str) -> None:
        """ "Roe's campaign backtracked …", "Democratic leaders are wary …": an "it", a "they"."""
        self.referents.extend(filter(None, [opening_group(sentence)]))

    def _learn_gender(self, referent: Referent, after: str) -> None:
        """ "Roe said she …": the article gives the gender of a name it left open."""
        if referent.ref.kind != "person" or self._gender(referent) is not None:
            return
        gender = said_pronoun_gender(after)
        if gender is not None:
            self.learned[referent.ref.name] = gender

    @staticmethod
    def referent_for(mention: EntityMention) -> Referent:
        entry = lookup_alias(mention.canonical)
        if entry is not None:
            return Referent(
                EntityRef(entry.canonical, entry.kind, entry.aliases),
                entry.gender,
                entry.heads,
                entry.news,
            )
        ref = EntityRef(mention.canonical, mention.kind)
        heads = org_heads(ref.name) if ref.kind == "organization" else ()
        return Referent(ref, given_name_gender(ref), heads, False)

    def observe(self, mention: EntityMention, body: str, sentence_start: int) -> Referent:
        referent = self.referent_for(mention)
        known = lookup_alias(mention.canonical) is not None
        if not known and referent.ref.kind == "person":
            surname = referent.ref.name.split()[-1]
            bare = len(referent.ref.name.split()) == 1 or titled_surname(referent.ref.name)
            if surname in self.by_surname and bare:  # "Roe", "Gov. Roe": Gov. Jo Roe
                referent = self.by_surname[surname]
            elif surname not in self.by_surname or not keeps_surname(
                self.by_surname[surname].ref.name
            ):
                self.by_surname[surname] = referent
        before = body[sentence_start : mention.start]
        if referent.ref.kind == "person" and referent.gender is None:
            honorific = (mention.text.split()[:1] or [""])[0].lower()
            preceding = (before.split()[-1:] or [""])[0].lower()
            gender = HONORIFIC_GENDER.get(honorific) or HONORIFIC_GENDER.get(preceding)
            if gender:
                referent = Referent(referent.ref, gender, referent.heads, referent.news)
        # The name a sentence opens with is its subject: what a later "he" most likely means.
        after = body[mention.end : mention.end + 100]
        salient = is_salient(before, after, known or len(referent.ref.name.split()) > 1)
        heads = referent.heads + trade_heads(referent.ref.kind, before)  # "carmaker Volkhaus"
        referent = Referent(referent.ref, referent.gender, heads, referent.news, salient)
        self.referents.append(referent)
        if self._last is not None and self._last[0] <= mention.start:
            end, first, first_before = self._last  # "In a book, Jo Roe and Al Doe argue …"
            opens = first.salient or is_salient(first_before, after, True)
            joint = joint_persons(first, body[end : mention.start], referent, opens)
            self.referents.extend([joint] if joint else [])
        self._last = (mention.end, referent, before)
        self._learn_gender(referent, after)
        if referent.ref.kind == "person":
            self.titles.setdefault(referent.ref.name, set()).update(
                learned_titles(mention.text, before, after)
            )
            role = ROLE_RE.search(mention.text + " ") or ROLE_RE.search(before)
            if role is None:
                # "Mexican President Claudia Sheinbaum": the title is inside the mention.
                inner = re.match(
                    r"^(?P<nat>[A-Z][\w.]*\s+)?(?P<title>President|Prime Minister|Premier)\s",
                    mention.text,
                )
                role = inner
            role_after = ROLE_AFTER_RE.match(after)
            for match, preceding in ((role, before), (role_after, "")):
                if match is None:
                    continue
                title = match.group("title").lower().replace("pres.", "president")
                title_class = "leader" if title in LEADER_TITLES else title
                nat_word = (match.group("nat") or "").strip()
                if FORMER_RE.search(f"{preceding[: match.start()]} {nat_word}"):
                    # "former President Al Roe": "the former president", not "the president".
                    self.roles[(None, f"former {title_class}")] = referent.ref
                    continue
                nat = nationality(nat_word or None)
                self.roles[(nat, title_class)] = referent.ref
                self.roles[(None, title_class)] = referent.ref
        return referent

    def resolve(
        self, phrase: str, mentions: list[EntityMention], phrase_start: int = 0
    ) -> EntityRef | None:
        """Resolve a speaker phrase to an entity, using mentions inside it first."""
        lowered = re.sub(r"\s+", " ", phrase.strip().lower())
        words = lowered.split()
        if not mentions and phrase.strip() in self.by_surname and nationality(phrase.strip()):
            return self.by_surname[phrase.strip()].ref  # "Mark Cuban … Cuban said": no demonym
        wanted = wanted_titles(phrase)
        if wanted:  # "the Florida senator": the person the article gave those titles
            for referent in reversed(self.referents[-40:]):
                if wanted <= self.titles.get(referent.ref.name, set()):
                    return referent.ref
        described = describe_source(phrase, mentions, phrase_start)
        if isinstance(described, EntityRef) and not described.name.strip():
            return None
        if isinstance(described, EntityRef):
            if described.kind == UNNAMED and described.name.lower() in _BARE_SPOKES:
                # "the spokesperson said": for the organisation it last spoke for.
                return self.spokes or described
            return described
        if described is not None:
            mentions = [described]
        else:
            owned = owned_source(phrase)
            if owned is not None:
                return owned
        news = news_title(phrase) or institution_title(phrase, mentions)
        if news is not None:
            return news
        role = ROLE_REF_RE.match(lowered)
        if role:
            # "the U.S. president": a role, even though "U.S." is itself a mention.
            title = role.group("title").lower()
            title_class = "leader" if title in LEADER_TITLES else title
            nat = nationality(role.group("nat"))
            known_nat = nat is not None or not role.group("nat")
            if FORMER_RE.search(role.group("nat") or ""):
                title_class, known_nat = f"former {title_class}", True
            resolved = self.roles.get((nat, title_class)) if known_nat else None
            if resolved is not None:
                return resolved
            if not mentions:
                return plain_description(words, phrase)  # "the former president", unresolved
        modified = None if described else modified_description(phrase, mentions, phrase_start)
        if modified is not None:
            # "the New York businessman": the person the article gave that title, else the
            # description; never the place, party or institution it mentions.
            noun = modified[1]
            if lowered.startswith("the "):
                for referent in reversed(self.referents[-40:]):
                    if noun in referent.heads:
                        return referent.ref
            return modified[0]
        mentions = [m for m in mentions if not party_adjective(m, phrase, phrase_start)]
        if mentions:
            priority = {"person": 0, "organization": 1, "group": 2, "place": 3}
            # "A spokesperson for the U.S. National Security Council" -> the council; a
            # person named in the phrase wins over their country ("U.S. official X").
            best = min(mentions, key=lambda m: (priority.get(m.kind, 4), -m.start))
            referent = self.referent_for(best)
            if referent.ref.kind == "person" and referent.ref.name in self.by_surname:
                referent = self.by_surname[referent.ref.name]
            if set(words) & _SPOKES_NOUNS:
                self.spokes = referent.ref
            return referent.ref
        if len(words) == 1 and words[0] in PRONOUNS:
            return self._pronoun(words[0])
        tokens = phrase.split()
        if (
            tokens
            and all(t[:1].isupper() for t in tokens)
            # "Essentially, the lawyers found …": a sentence adverb, not a surname.
            and not (len(tokens) == 1 and _ADVERB_RE.search(tokens[0]))
            and not any(
                t.lower() in ROLE_NOUNS
                or t.lower().rstrip("s") in ROLE_NOUNS
                or t in NOT_NAME_WORDS
                or t.casefold() in nationality_words()  # "the U.S. and Japanese comments"
                for t in tokens
            )
        ):
            # An unknown capitalised name the fallback skipped (sentence-initial
            # "Smith said"): a surname seen earlier in full, else the name as given.
            known = self.by_surname.get(tokens[-1])
            return known.ref if known else EntityRef(" ".join(tokens), "person")
        head = _HEAD_REF_RE.match(lowered)
        if head:
            noun = head.group("head")
            if noun.split()[-1] in _SPOKES_NOUNS:
                return self.spokes
            for referent in reversed(self.referents[-20:]):
                if noun in referent.heads or noun.split()[-1] in referent.heads:
                    return referent.ref
        named_group = words[-1:] == ["group"] and any(t[:1].isupper() for t in tokens[1:-1])
        if (
            words
            and words[0] in {"the", "a", "an"}
            and (words[-1] in ORG_HEAD_NOUNS or named_group)
        ):
            # An organisation the article never names ("the health ministry"), or one it names
            # by a word the name finder left ("the Delta9 group"): keep the description as the
            # claimant rather than losing it.
            return EntityRef(" ".join(phrase.split()[1:]), "organization")
        return plain_description(words, phrase)

    def _pronoun(self, pronoun: str) -> EntityRef | None:
        return resolve_pronoun(self.referents, self.learned, pronoun)

    def _gender(self, referent: Referent) -> str | None:
        return referent_gender(referent, self.learned)


def resolve_speaker(
    doc: Doc,
    attr: Attribution,
    sentence_mentions: list[EntityMention],
    discourse: Discourse,
    body: str,
    sentence_start: int,
) -> EntityRef | None:
    """Resolve an attribution's speaker phrase against the article so far.

    Mentions before the speaker phrase are observed first, so a role or name introduced
    earlier in the same sentence can be referred to; the resolved person then becomes
    the most recent referent (so a following "she" finds her).
    """
    if attr.speaker is None:
        return None
    sp_start, sp_end = attr.speaker
    sp_start = trimmed_start(doc, sp_start, sp_end)  # "- Acme Labs argues", "’ he added"
    sp_end = first_description_end(doc, sp_start, sp_end)  # "the Ohio senator and …"
    char_start = doc[sp_start].idx
    char_end = doc[sp_end - 1].idx + len(doc[sp_end - 1].text)
    discourse.observe_until(sentence_mentions, char_start, body, sentence_start)
    in_phrase = [m for m in sentence_mentions if char_start <= m.start and m.end <= char_end]
    discourse.observe_until(sentence_mentions, char_end, body, sentence_start)
    phrase = doc[sp_start:sp_end].text
    if (
        sp_end - sp_start == 1
        and char_start == sentence_start
        and not in_phrase
        and phrase not in discourse.by_surname
        and not phrase.endswith("s")  # "Republicans on Capitol Hill": people, not an adverb
        and sp_end < len(doc)
        and doc[sp_end].lower_ in _PREPOSITIONS
    ):
        return None  # "Back at the bungalow, he …": a capitalised adverb, no name
    framing = framing_document(
        phrase, body[sentence_start:char_start], sentence_start, sentence_mentions
    )
    if isinstance(framing, EntityRef):
        return framing
    if framing is not None:
        return discourse.referent_for(framing).ref
    named = described_person(phrase, body, char_start, sentence_start, sentence_mentions)
    known = discourse.referent_for(named).ref if named is not None else None
    if known is not None and known.kind == "person" and known.name in discourse.by_surname:
        known = discourse.by_surname[known.name].ref  # "Mr. Roe, a …": Jo Roe, named before
    claimant = known or discourse.resolve(phrase, in_phrase, char_start)
    if claimant is None and attr.kind == "according_to":
        # "according to him", "according to the city charter": the phrase names the source.
        subject = OBJECT_PRONOUNS.get(phrase.strip().lower())
        claimant = discourse.resolve(subject, []) if subject else according_source(phrase)
    if claimant is not None:
        discourse.note_speaker(claimant, body[char_end : char_end + 60])
    return claimant
