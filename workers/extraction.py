"""Pure claim extraction: article body text -> ``ClaimCandidate`` list.

Pipeline, per article body (each step is a module of ``workers/extract/``; ``extract_claims``
below runs them in order):

1. **Sentences** (``sentences``) — ``split_sentences`` runs the quote/abbreviation-aware
   sentencizer of the shared blank spaCy pipeline (``workers.nlp``).
2. **Furniture** (``claims.parsing.furniture``, the recogniser the article parser uses too)
   — menus, banners, share widgets, related links, captions and credits, bylines, source
   lines, URLs, rules, an outlet's name on its own line and "did not immediately respond to
   a request for comment" are never claims; a dateline ("Mexico City, May 4 (RHC)--") is
   trimmed off a sentence.
3. **Clauses** (``clauses``) — a sentence carrying two independent claims joined by ", and"
   / ", but" / ";" ("X rose 5% last year, and Y announced a ban") is split in two; a
   sentence with one main claim and subordinate detail stays whole.
4. **Attribution** (``attribution``, ``stance``, ``speakers``, ``sources``, ``discourse``,
   ``salience``) — who makes the claim and how
   (``direct_quote``, ``reported_speech``, ``according_to`` or ``author``), with the
   claimant resolved to an entity named earlier in the article where the chain is clear:
   gazetteer names, roles ("the Mexican leader"), pronouns (by gender where known), "the
   spokesperson" (for the organisation it spoke for), "the news outlet" (the last news
   organisation named); a poll's standings listed after the clause naming it stay the poll's
   (``figures``).
5. **Scoring** (``model``, ``scoring``, ``features``) — a ``Scorer`` returns check-worthiness
   in 0..1 with reasons: by default the trained ``ModelScorer`` (a calibrated linear model
   shipped as ``checkworthiness.json``), or the ``RuleBasedScorer``, a small documented table
   of feature weights.  Only candidates scoring >= the threshold are returned.
6. **Typing** (``claim_types``) — ``classify_claim`` assigns one claim type by a fixed
   precedence.

Everything is deterministic and in-process; the spaCy pipeline is built once per
process.  No Django, no network, no model downloads.
"""

from __future__ import annotations

import bisect
from functools import cache, partial

from spacy.tokens import Doc

from claims.parsing import furniture
from workers.enrichment import find_entities
from workers.extract.announcements import announcing_attribution
from workers.extract.attribution import Attribution, find_attribution, is_direct_quote
from workers.extract.candidates import CLAIM_TYPES, ClaimCandidate, EntityRef
from workers.extract.claim_types import classify_claim
from workers.extract.clauses import names_own_subject, split_clauses
from workers.extract.closings import carries_on
from workers.extract.discourse import Discourse, resolve_speaker
from workers.extract.features import news_form
from workers.extract.figures import measured_by, states_figures
from workers.extract.lexicon import CLAUSE_PRONOUNS
from workers.extract.model import ModelScorer
from workers.extract.pronouns import plural_opener
from workers.extract.quotation_speakers import QuotationSpeakers
from workers.extract.scoring import FEATURE_WEIGHTS, RuleBasedScorer, Score, Scorer, rule_signals
from workers.extract.sentences import (
    iter_sentence_tokens,
    paragraph_index,
    paragraph_quotations,
    split_sentences,
)
from workers.extract.sources import outlet_claimant
from workers.extract.subjects import leading_subject
from workers.extract.turns import Turn, paragraph_turn
from workers.nlp import get_nlp, repair_closing_marks

__all__ = [
    "CLAIM_TYPES",
    "FEATURE_WEIGHTS",
    "NEWS_FORM_REASON",
    "QUOTED_SOURCE_REASON",
    "SCORERS",
    "ClaimCandidate",
    "EntityRef",
    "ModelScorer",
    "RuleBasedScorer",
    "Score",
    "Scorer",
    "classify_claim",
    "extract_claims",
    "get_scorer",
    "split_sentences",
]

# The scorers FACTCHECK_CHECKWORTHINESS_SCORER can name.
SCORERS = {"model": ModelScorer, "rules": RuleBasedScorer}
DEFAULT_SCORER = "model"


# Words a named source is quoted as saying are checkable as a quotation — the desk's "quote"
# checklist confirms the wording, its context and the record — whatever their content scores:
# a debate-trained scorer reads "“I told him no,” she said" as the speaker's own anecdote. Kept
# unless it asks something, is a courtesy or is too short to check.
QUOTED_SOURCE_REASON = "direct quotation of a named source"
_NOT_CHECKABLE_QUOTE = frozenset({"courtesy or imperative", "too short"})


# Words a "that" is a conjunction before, never a determiner ("that a few", "that he").
_CLAUSE_OPENERS = frozenset(
    {"a", "an", "the", "he", "she", "it", "they", "we", "i", "there", "its", "his", "her",
     "their", "some", "many", "most", "about", "nearly", "more", "no", "this", "these"}
)  # fmt: skip


def is_quoted_source(attribution: str, claimant: EntityRef | None, text: str) -> bool:
    return (
        attribution == "direct_quote"
        and claimant is not None
        and "?" not in text
        and not _NOT_CHECKABLE_QUOTE.intersection(rule_signals(text))
    )


# News forms the debate-trained scorer undervalues, CT24 having few of them: a forecast made by
# a third party ("Economists expect rent growth to slow later in the year") and an official act
# ("The Met Office has issued a rare red warning for wind"): ``features.news_form``. Kept below
# the threshold under the same conditions as a quotation; the reason names the form. On CT24
# (debates) the forecast form never fires (its speakers say "I expect"), the official act fires
# on 38 train sentences, 82% of them labelled check-worthy (docs/checkworthiness-model.md).
NEWS_FORM_REASON = "news form: {}"


def kept_news_form(text: str) -> str | None:
    """The reason a clause in a news form is kept below the threshold, or None."""
    form = news_form(text)
    if form is None or "?" in text or _NOT_CHECKABLE_QUOTE.intersection(rule_signals(text)):
        return None
    return NEWS_FORM_REASON.format(form)


@cache
def get_scorer(name: str) -> Scorer:
    """The named scorer, built once per process (a ``KeyError`` for an unknown name)."""
    return SCORERS[name]()


def _pronoun_speaks(doc: Doc, attr: Attribution | None) -> bool:
    """Is the attribution's speaker a lone pronoun ("what they think")?"""
    if attr is None or attr.speaker is None:
        return False
    return doc[attr.speaker[0] : attr.speaker[1]].text.lower() in CLAUSE_PRONOUNS


def extract_claims(
    body: str,
    *,
    outlet: str | None = None,
    threshold: float | None = None,
    scorer: Scorer | None = None,
) -> list[ClaimCandidate]:
    """Check-worthy claim candidates in ``body`` (offsets index into ``body``).

    ``outlet`` names the publisher: unattributed statements are the outlet's own
    (attribution ``author``, claimant the outlet).  ``scorer`` defaults to the trained
    model; candidates scoring below ``threshold`` are dropped (``None``: the scorer's own
    ``threshold``, else 0.5).
    """
    if not body or not body.strip():
        return []
    scorer = scorer or get_scorer(DEFAULT_SCORER)
    if threshold is None:
        threshold = getattr(scorer, "threshold", 0.5)
    nlp = get_nlp()
    # Read with misused opening marks repaired (“A,“ she said); claims quote the article as is.
    article, body = body, repair_closing_marks(body)
    doc = nlp(body)
    mentions = find_entities(doc)  # sorted by start
    mention_starts = [m.start for m in mentions]
    outlet_ref = outlet_claimant(outlet)
    discourse = Discourse()
    sentence_tokens = list(iter_sentence_tokens(doc))
    # Quotations are matched per paragraph, so a quotation the sentencizer split
    # ("“Wages rose 2%. Rents rose 7%.”") is still known as one in both halves.
    inside = paragraph_quotations(doc)
    quoted_chars = {doc[i].idx for i in inside}
    paragraphs = paragraph_index(body, [doc[s].idx for s, _ in sentence_tokens])
    candidates: list[ClaimCandidate] = []
    # Whose words a clause naming no speaker is (quotations run on, bare, announced).
    quotes = QuotationSpeakers(doc, inside, sentence_tokens, paragraphs, outlet_ref)
    # A measurement's attribution and claimant while its figures run on ("According to a poll,
    # the mayor has 41 percent. Her rival is at 33 percent."): ``figures``.
    measure_run: tuple[str, EntityRef | None] | None = None

    def mentions_between(s_char: int, e_char: int) -> list:
        lo = bisect.bisect_left(mention_starts, s_char)
        hi = bisect.bisect_left(mention_starts, e_char)
        return [m for m in mentions[lo:hi] if m.end <= e_char and m.start not in quoted_chars]

    def _later_speaker(index: int) -> EntityRef | None:
        """The speaker of the next attributed sentence of the paragraph, if it quotes."""
        for k in range(index + 1, min(index + 6, len(sentence_tokens))):
            if paragraphs[k] != paragraphs[index]:
                return None
            a, b = sentence_tokens[k]
            attr = find_attribution(doc, a, b, inside)
            if attr is not None:
                if attr.first_person or not attr.trailing:
                    return None
                s_k = doc[a].idx
                e_k = doc[b - 1].idx + len(doc[b - 1].text)
                return resolve_speaker(doc, attr, mentions_between(s_k, e_k), discourse, body, s_k)
        return None

    turn: Turn | None = None  # the paragraph's speaker, in a transcript or an interview
    for index, (tok_start, tok_end) in enumerate(sentence_tokens):
        s_char = doc[tok_start].idx
        e_char = doc[tok_end - 1].idx + len(doc[tok_end - 1].text)
        if index == 0 or paragraphs[index - 1] != paragraphs[index]:
            turn = paragraph_turn(body, s_char, discourse.by_surname)
        sentence_text = body[s_char:e_char]
        lo = bisect.bisect_left(mention_starts, s_char)
        hi = bisect.bisect_left(mention_starts, e_char)
        sentence_mentions = [m for m in mentions[lo:hi] if m.end <= e_char]
        if tok_start + 1 < tok_end and not (
            sentence_mentions and sentence_mentions[0].start == s_char
        ):
            discourse.observe_opening(
                doc[tok_start].text,
                doc[tok_start + 1].text,
                body[doc[tok_start].idx + len(doc[tok_start].text) : e_char],
            )
        subject = None if s_char in quoted_chars else leading_subject(doc, tok_start, tok_end)
        if subject is not None and subject[1] - subject[0] > 1:  # "The Ohio senator dismissed"
            discourse.observe_subject(doc[subject[0] : subject[1]].text)
        elif (
            subject is not None
            and subject[1] - subject[0] == 1
            and subject[1] < tok_end
            and not any(m.start == doc[subject[0]].idx for m in sentence_mentions)
            and plural_opener(doc[subject[0]].text, doc[subject[1]].text, discourse.by_surname)
        ):
            discourse.observe_subject(doc[subject[0]].text)  # "Investors fled …"
        elif subject is not None:
            discourse.observe_opening_group(sentence_text)  # "Roe's campaign backtracked …"
        # Names inside a quotation are the speaker's words, not the article's referents.
        spoken_of = [m for m in sentence_mentions if m.start not in quoted_chars]
        line = furniture.enclosing_line(body, s_char, e_char)
        if furniture.sentence_kind(sentence_text, line=line, outlet=outlet) is not None:
            continue
        # Trim a dateline ("Mexico City, May 4 (RHC)-- ") off the sentence.
        dateline = furniture.parse_dateline(sentence_text)
        if dateline:
            cut = e_char - len(dateline[1])
            while tok_start < tok_end and doc[tok_start].idx < cut:
                tok_start += 1
            if tok_start >= tok_end:
                continue
            s_char = doc[tok_start].idx
        clause_ranges = split_clauses(doc, tok_start, tok_end, inside)
        clause_attrs = [
            find_attribution(doc, a, b, inside) or announcing_attribution(doc, a, b)
            for a, b in clause_ranges
        ]
        for c_index, (c_start, c_end) in enumerate(clause_ranges):
            attr = clause_attrs[c_index]
            if attr is None and not names_own_subject(doc, c_start, sentence_mentions):
                # Inherit a leading attribution from an earlier clause ("X said A, and
                # B") or a trailing one from a later clause ("A, and B, she said"),
                # unless the clause names its own subject ("…; Sheinbaum rejected it").
                earlier = [
                    a
                    for a in clause_attrs[:c_index]
                    if a and (not a.trailing or carries_on(doc, a, c_start))
                ]
                later = [a for a in clause_attrs[c_index + 1 :] if a and a.trailing]
                attr = earlier[-1] if earlier else (later[0] if later else None)
            # Trim trailing punctuation of a clause cut at ", and"/";" (keep it on the
            # last clause, where it is the sentence's own full stop).
            last = c_end
            if c_index < len(clause_ranges) - 1:
                while last > c_start and doc[last - 1].text in {",", ";"}:
                    last -= 1
            # "…, and that a few ballots remained": the clause, not its "that" ("that report
            # concerned …" keeps its determiner)
            opener = (
                c_index > 0
                and doc[c_start].lower_ == "that"
                and c_start + 1 < last
                and (doc[c_start + 1].lower_ in _CLAUSE_OPENERS or doc[c_start + 1].like_num)
            )
            start_char = doc[c_start + opener].idx
            end_char = doc[last - 1].idx + len(doc[last - 1].text)
            # Markdown emphasis around a pasted paragraph ("**…**") is not part of it.
            while start_char < end_char and body[start_char] in "*_":
                start_char += 1
            while end_char > start_char and body[end_char - 1] in "*_":
                end_char -= 1
            text = article[start_char:end_char]

            if _pronoun_speaks(doc, attr) and quotes.quoted_throughout(paragraphs[index]):
                # "“Nobody has asked what they think.": a pronoun's frame inside a quotation
                # that runs on is the quoted speaker's words; a named source inside ("“… Roe
                # said the hearing was closed") still reports who said it.
                attr = None
            if turn is not None and start_char < turn.words_start:
                start_char = turn.words_start  # "ROE: …": the label is no part of the claim
                text = article[start_char:end_char]
                if attr is not None and doc[attr.verb].idx < turn.words_start:
                    attr = None  # nor a reported speech
            claimant: EntityRef | None
            runs_on = (
                attr is None
                and measure_run is not None
                and states_figures(doc, c_start, c_end, inside)
            )
            if runs_on and measure_run is not None:
                attribution, claimant = measure_run
            elif attr is not None and not attr.first_person:
                claimant = resolve_speaker(doc, attr, spoken_of, discourse, body, s_char)
                if attr.kind == "according_to":
                    attribution = "according_to"
                elif is_direct_quote(doc, tok_start, tok_end, attr, inside):
                    attribution = "direct_quote"
                else:
                    attribution = "reported_speech"
            elif turn is not None:
                attribution, claimant = "direct_quote", turn.ref  # a speaker's own words
            elif (
                quoted := quotes.speaker_for_quotation(
                    paragraphs[index],
                    c_start,
                    c_end,
                    first_person=attr is not None and attr.first_person,
                    later_speaker=partial(_later_speaker, index),
                )
            ) is not None:
                attribution, claimant = quoted
            else:
                # No attribution (or the writer's own "I/we said"): the outlet's claim.
                attribution = "author"
                claimant = outlet_ref
            if measured_by(doc, attr) and attribution != "author":
                measure_run = (attribution, claimant)
            elif not runs_on:
                measure_run = None
            quotes.record(
                paragraphs[index],
                c_start,
                c_end,
                attr,
                attribution,
                claimant,
                ends_paragraph=c_index == len(clause_ranges) - 1
                and (
                    index + 1 == len(sentence_tokens) or paragraphs[index + 1] != paragraphs[index]
                ),
            )

            score = scorer.score(text)
            reasons = score.reasons
            if score.value < threshold:
                if is_quoted_source(attribution, claimant, text):
                    reasons = (*reasons, QUOTED_SOURCE_REASON)
                elif kept := kept_news_form(text):
                    reasons = (*reasons, kept)
                else:
                    continue
            candidates.append(
                ClaimCandidate(
                    text=text,
                    start=start_char,
                    end=end_char,
                    sentence_index=index,
                    claim_type=classify_claim(text, attribution),
                    checkworthiness=score.value,
                    reasons=reasons,
                    claimant=claimant,
                    attribution=attribution,
                )
            )
        discourse.observe_until(spoken_of, e_char + 1, body, s_char)
    return candidates
