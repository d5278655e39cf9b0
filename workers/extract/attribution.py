"""Attribution: who makes the claim in a clause, and how (quotation or paraphrase).

``find_attribution`` finds the first speech verb with a plausible speaker phrase in a token range
("X said", "…, said X", "according to X"); ``is_direct_quote`` (quotation or paraphrase) and
``is_quotation_only`` (a bare quotation continuing an earlier speaker) live in ``quotations`` and
are re-exported here. Resolving the speaker phrase to an entity is ``discourse``'s job."""

from __future__ import annotations

from spacy.tokens import Doc

from .according import according_to_end
from .closings import aside_according_to, closing_according_to, closing_report, closing_said
from .complements import IMPERSONAL_SUBJECTS, that_clause_verb, verbless_subject, view_holder
from .complex_subjects import complex_subject
from .cue_verbs import learned_cue, learned_frame, relative_subject
from .cues import (
    CUE_WORDS,
    HEADLINE_VERBS,
    PASSIVE_AUX,
    PROGRESSIVE,
    SPEAKER_SKIP,
    frames_quotation,
    inverted_speaker,
    measure_cue,
    names_document,
    noun_use,
    progressive_aux,
    speaker_follows,
)
from .in_documents import closing_in_document, in_document
from .lexicon import (
    COGNITION_VERBS,
    FINDING_VERBS,
    OBJECT_VERBS,
    SPEECH_VERBS,
    is_manner_adverb,
    is_time_phrase,
)
from .nouns import noun_frame
from .quotations import is_direct_quote, is_quotation_only
from .share_views import share_view
from .speakers import (
    BOUNDARY_WORDS,
    LEADING_CONJUNCTIONS,
    Attribution,
    appositive_start,
    before_bracket,
    colon_quote,
    dash_aside_start,
    document_head,
    is_speaker_phrase,
    name_after_description,
    one_source,
    passive_agent,
    past_conjunctions,
    quoted_in_aside,
    title_case,
)
from .stance import FEELING_ADJECTIVES, chain_start, stance_cue
from .subject_words import closes_aside
from .subjects import (
    aside_subject,
    colon_subject,
    coordinated_subject,
    fronted_subject,
    leading_subject,
    participle_attribution,
)
from .with_frames import with_frame

__all__ = ["Attribution", "find_attribution", "is_direct_quote", "is_quotation_only"]

_BOUNDARY_PUNCT = frozenset({",", ";", ":", "“", "”", '"', "(", ")", "—", "–", "--"})
_QUOTES = frozenset({"”", '"', "’", "''"})
# A determiner, possessive or preposition before a cue word makes it a noun ("his claims").
_NOUN_MARKERS = frozenset(
    {"the", "a", "an", "to", "his", "her", "their", "its", "our", "my", "your", "this",
     "these", "those", "of", "in", "for", "with", "by"}
)  # fmt: skip
# Words that open a subordinate clause: a stance verb after them is inside someone's content.
_SUBORDINATORS = BOUNDARY_WORDS - {"and", "but", "so", "which"}
# Words opening a clause inside a document's description ("Surveys taken as they left …").
_INNER_OPENERS = BOUNDARY_WORDS - {"that", "and", "but", "which", "so", "what", "how", "why"}
_FOCUS_WORDS = frozenset({"even", "also", "only", "now", "then", "yet", "still"})
_CLAUSE_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "there"})


# Subordinators whose clause, opening the sentence, frames what the main clause reports.
_FRAMING_SUBORDINATORS = frozenset(
    {"though", "although", "because", "since", "if", "when", "after", "before", "despite",
     "unless", "while", "whereas", "with", "without"}
)  # fmt: skip


_CONTRASTS = frozenset({"while", "whereas"})
_FINITE_AFTER = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would"})


def _main_clause_attribution(doc: Doc, start: int, end: int, inside: dict) -> Attribution | None:
    """ "Though Roe has called himself a moderate, the Ledger reported that …": the main
    clause's frame, not one inside the opening subordinate clause."""
    first = start
    while first < end and doc[first].lower_ in LEADING_CONJUNCTIONS:
        first += 1
    if first >= end or doc[first].lower_ not in _FRAMING_SUBORDINATORS:
        return None
    last = min(first + 30, end)
    commas = (k for k in range(first + 2, last) if doc[k].text == "," and k not in inside)
    comma = next(commas, None)
    if comma is None or comma + 2 >= end:
        return None
    if doc[first].lower_ in _CONTRASTS:
        # "While the Ledger says 2,400 firms closed, another paper says 1,800": two sources
        # contrasted, the first keeps the claim; a source inside the subordinate clause's
        # subject ("While not all Roe says is true, Doe said …": its verb follows) frames
        # nothing.
        own = find_attribution(doc, first + 1, comma, inside)
        after = doc[own.verb + 1] if own is not None and own.verb + 1 < comma else None
        if own is not None and own.speaker and after and after.lower_ not in _FINITE_AFTER:
            return None
    found = find_attribution(doc, comma + 1, end, inside)
    return found if found is not None and found.speaker is not None else None


def find_attribution(
    doc: Doc, start: int, end: int, inside: dict[int, tuple[int, int]]
) -> Attribution | None:
    """The attribution of tokens ``start:end``: the first that has a plausible speaker, unless
    a reporting clause closing the sentence ("…, Roe said.") frames it and what it says."""
    # "…, researchers found.": a closing frame whose verb the scan leaves to events
    found = _first_attribution(doc, start, end, inside) or closing_said(doc, start, end, inside)
    found = with_frame(doc, start, end, inside, found)  # "…, with Roe saying (they back) …"
    if found is None or found.trailing:
        return learned_frame(doc, found, end)
    closing = closing_said(doc, start, end, inside)
    if closing is not None and found.verb < closing.speaker[0] - 1:  # type: ignore[index]
        return closing
    if closing is not None and found.verb == closing.verb:
        return closing  # "A, whom Doe has alienated, said Roe.": the name after the verb speaks
    return learned_frame(doc, found, end)


def _first_attribution(
    doc: Doc, start: int, end: int, inside: dict[int, tuple[int, int]]
) -> Attribution | None:
    """First attribution in tokens ``start:end`` that has a plausible speaker."""
    closing = (
        closing_according_to(doc, start, end, inside)
        or closing_report(doc, start, end, inside)
        or aside_according_to(doc, start, end, inside)
    )
    if closing is not None:
        return closing
    main = _main_clause_attribution(doc, start, end, inside)
    if main is not None:
        return main
    for i in range(start, end):
        tok = doc[i]
        if i in inside:
            continue  # words inside quotation marks belong to the quoted speaker
        lower = tok.lower_
        if i > start and doc[i - 1].text == "-" and not closes_aside(doc, start, i - 1):
            continue  # "his oft-stated goal", "a self-described socialist"
        if lower == "according" and i + 1 < end and doc[i + 1].lower_ == "to":
            j = according_to_end(doc, i + 2, end)
            if j > i + 2:
                return Attribution("according_to", (i + 2, j), i, trailing=False)
            continue
        if not tok.text[:1].islower() and not (
            tok.text in HEADLINE_VERBS and i > start and title_case(doc, start, end)
        ):
            continue  # "United States" is not "states"
        if lower[:4] == "call" and (called := complex_subject(doc, start, i, end, inside)):
            return called  # "Roe's office calls the audit nothing short of an attack"
        # "the panel determined that …": any finite verb with a "that" clause.
        that_verb = lower not in CUE_WORDS and that_clause_verb(doc, i, end)
        # "Roe conceded the point": a verb PolNeAR's annotators mostly read as a cue.
        learned = lower not in CUE_WORDS and not that_verb and learned_cue(doc, i, end)
        if lower not in CUE_WORDS and not (that_verb or learned):
            continue  # most words: no frame opens here (checked first, for speed)
        if noun_use(doc, i, start, end):
            continue  # "new fundraising reports show", "officials in the two states said"
        finding = (lower in FINDING_VERBS and lower not in SPEECH_VERBS) or measure_cue(doc, i, end)
        # "Clinton is pointing to …", "the group is accusing Obama of …"
        aux = progressive_aux(doc, i, start)
        progressive = aux is not None
        # "''Is he running?'' asked Mr. Roe": a question quoted is a statement asked.
        asked = lower == "asked" and i > start and ((i - 1) in inside or doc[i - 1].text in _QUOTES)
        # "“…,” Roe continued.": a quotation carried on.
        # "“…?” Roe asked.": a quotation earlier, the verb closing the sentence.
        # "“…,” the letter read.", "The sign reads: “…”": a document's words.
        asked = asked or frames_quotation(doc, i, start, end, inside)
        # "Roe is continuing to insist", "aides have taken to saying": a chain of verbs.
        chain = chain_start(doc, i, start)
        chained = chain is not None and (lower in SPEECH_VERBS or lower in PROGRESSIVE)
        stance = that_verb or learned or stance_cue(doc, i, end, inside)
        stance_only = stance and lower not in SPEECH_VERBS | COGNITION_VERBS
        if lower in FEELING_ADJECTIVES and not stance:
            continue  # "she was not surprised that …, her aides said": the aides speak
        if lower not in SPEECH_VERBS | COGNITION_VERBS and not (
            finding or progressive or asked or stance or chained
        ):
            continue
        as_at = i - 2 if i - 1 > start and doc[i - 1].lower_ == "first" else i - 1
        if as_at >= start and doc[as_at].lower_ == "as":
            by = passive_agent(doc, i, end)  # "As (first) reported by The Washington Post, …"
            if by is not None:
                return Attribution("according_to", by, i, trailing=False)
        # "the poll showed that …", "records show he paid …": a clause follows.
        that_follows = (
            i + 1 < end
            and (
                doc[i + 1].lower_ == "that"
                or doc[i + 1].lower_ in _CLAUSE_SUBJECTS
                or (  # "found in 2014 that …", "said on Monday that …"
                    doc[i + 1].lower_ in {"in", "on", "last", "this", "earlier"}
                    and any(t.lower_ == "that" for t in doc[i + 2 : min(i + 5, end)])
                )
            )
        )
        if lower in COGNITION_VERBS and i + 1 < end and doc[i + 1].lower_ in {"tank", "tanks"}:
            continue  # "a think tank"
        # Walk back over auxiliaries/adverbs ("has also said", "said earlier").
        j = aux - 1 if aux is not None else i - 1
        if chain is not None:
            j = chain
        while j >= start:
            if chain is not None and doc[j].lower_ in PASSIVE_AUX:
                j -= 1  # "is (continuing to insist)" is no passive
            elif doc[j].lower_ in SPEAKER_SKIP or is_manner_adverb(doc[j].text):
                j -= 1
            elif j - 1 >= start and is_time_phrase(doc[j - 1].lower_, doc[j].lower_):
                j -= 2  # "Rep. Roe last month warned", "Roe on Monday said"
            else:
                break
        if j - 1 > start and doc[j - 1].text == "," and quoted_in_aside(doc, start, j, inside):
            j -= 1  # "Roe, citing “the winter,” said": the aside's comma is inside the quote
        if j > start and doc[j].text in {"'s", "’s"} and doc[j - 1].lower_ in {"he", "she"}:
            j -= 1  # "He's said": has said, no passive
        if j >= start and doc[j].lower_ in PASSIVE_AUX:
            by = passive_agent(doc, i, end)
            if by is not None:  # "… was first reported by The Washington Post."
                return Attribution("reported_speech", by, i, trailing=True)
            continue  # "it was reported", "is said to"
        if j >= start and doc[j].lower_ in {"and", "but"} and not progressive:
            # "Trump bemoaned the unrest and said …": the subject of the first verb.
            subject = leading_subject(doc, start, j)
            if subject is not None and (not learned or view_holder(doc, *subject)):
                return Attribution("reported_speech", subject, i, trailing=False)
        if j >= start and doc[j].lower_ in _NOUN_MARKERS:
            continue  # "the reported cases", "to say", "his support for", "in support of"
        if stance_only and j >= start and doc[j].lower_ in {"who", "which", "that"}:
            continue  # "Roe, who wants the tax cut, said …": the relative clause is no frame
        sp_end = j + 1
        named = name_after_description(doc, start, j, inside) if doc[j].text == "," else None
        if named is not None:  # "A Twitter spokesman, Chris Roe, said": Chris Roe speaks.
            return Attribution("reported_speech", named, i, trailing=False)
        # Appositive: "John Smith, a local official, said" -> skip back over it.
        comma = aside_end = j
        while comma >= start and doc[comma].text == ",":
            # "Sen. Jo Roe, R-S.C., a presidential candidate, said": one after another.
            k = appositive_start(doc, start, comma, inside)
            if k is None:
                break
            sp_end, j, comma = k, k - 1, k
        if sp_end < aside_end:
            # "On Saturday, Senator Jo Roe, a rival, said": the opening phrase is no speaker.
            fronted = fronted_subject(doc, start, sp_end, aside_end, inside)
            if fronted is not None:
                return Attribution("reported_speech", fronted, i, trailing=False)
        aside = dash_aside_start(doc, start, j)
        if aside is not None:  # "Jo Roe — a former aide, now a critic — recalled"
            run = aside + 1
            while run < j and doc[run].text[:1].isupper() and doc[run].is_alpha:
                run += 1
            if run > aside + 1 and doc[aside - 1].text.islower() and doc[run].lower_ != "and":
                # "A former candidate -- Jo Roe, who lost in 2008 -- said": the name speaks.
                return Attribution("reported_speech", (aside + 1, run), i, trailing=False)
            sp_end, j = aside, aside - 1
        named = name_after_description(doc, start, j, inside) if doc[j].text == "," else None
        if named is not None:  # "A Twitter spokesman, Chris Roe, said": Chris Roe speaks.
            return Attribution("reported_speech", named, i, trailing=False)
        if sp_end - 2 > start and doc[sp_end - 1].like_num and doc[sp_end - 2].text == ",":
            sp_end -= 2  # "Schiff, 56, who has served …, told"
        k = sp_end - 1
        if k > start and doc[k].text == ")":
            sp_end, k = before_bracket(doc, start, k, sp_end)  # "Rep. Jane Roe (D-Md.)"
        while (
            k >= start
            and k not in inside
            and not (doc[k].text in _BOUNDARY_PUNCT or doc[k].lower_ in BOUNDARY_WORDS)
        ):
            k -= 1
        sp_start = k + 1
        while sp_start < sp_end - 1 and doc[sp_start].lower_ in _FOCUS_WORDS:
            sp_start += 1  # "…, even a top strategist said"
        # "As Roe put it, …": the subordinator opens the frame itself.
        as_put = lower in {"put", "puts"} and k >= start and doc[k].lower_ == "as"
        if stance_only and k >= start and doc[k].lower_ in _SUBORDINATORS and not as_put:
            continue  # "… that he would not support …": inside someone's content
        if k >= start and doc[k].lower_ == "and":
            # "Exit polls conducted for the AP and the networks show …": one document.
            first = past_conjunctions(doc, start, k)
            if sp_end - first <= 18 and one_source(doc, first, sp_end):
                sp_start = first
            else:
                # "Roe and his colleagues found", "Since May, Roe and Smith called for":
                # coordinated subjects; the first named is recorded as the claimant.
                run = k
                while run > first and k - run < 4 and doc[run - 1].text[:1].isupper():
                    run -= 1
                shared = k - run == 1 and doc[k + 1].text[:1].isupper()  # "Ada and Jo Roe"
                if run < k and (run == first or doc[run - 1].text == ",") and not shared:
                    sp_start, sp_end = run, k
                else:  # "RNC members and officials insist", "both Mrs. Roe and her campaign"
                    both = coordinated_subject(doc, first, k, sp_end)
                    sp_start, sp_end = both if both is not None else (sp_start, sp_end)
        inner = k >= start and doc[k].lower_ in _INNER_OPENERS  # "… taken as they left …"
        if finding and (
            inner
            or not (
                names_document(doc, sp_start, sp_end) and is_speaker_phrase(doc, sp_start, sp_end)
            )
        ):
            # "Surveys of voters taken as they left showed that …": the clause's document.
            first = past_conjunctions(doc, start, sp_start)
            if first < sp_start and sp_end - first <= 18 and document_head(doc, first, sp_end):
                sp_start = first
        if finding and not that_follows and not names_document(doc, sp_start, sp_end):
            continue  # "they found the body" is an event, "the study found …" a finding
        if sp_end - sp_start > 1 and doc[sp_end - 1].lower_ in _CLAUSE_SUBJECTS - {"there"}:
            sp_start = sp_end - 1  # "In 2010 she said", "Recently he wrote": the pronoun
        if sp_end - sp_start > 12 and not is_speaker_phrase(doc, sp_start, sp_end):
            # "In a meeting with the board of the Post Trump said": the name before the verb (a
            # long share or document is its own speaker: "About 9 in 10 voters in the … say").
            run = sp_end
            while run > sp_start and doc[run - 1].text[:1].isupper() and sp_end - run < 5:
                run -= 1
            sp_start = run if run < sp_end else sp_start
        impersonal = (that_verb or learned) and (
            doc[sp_start:sp_end].text.lower() in IMPERSONAL_SUBJECTS
            or not verbless_subject(doc, sp_start, sp_end)
            or not view_holder(doc, sp_start, sp_end)
            or (learned and relative_subject(doc, sp_start, sp_end))  # "whom Roe fired"
        )
        if sp_start < sp_end and not impersonal and is_speaker_phrase(doc, sp_start, sp_end):
            boundary = doc[k] if k >= start else None
            after = [t for t in doc[i + 1 : end] if not (t.is_punct or t.is_space)]
            participle_follows = (
                i + 2 < end and doc[i + 1].text == "," and doc[i + 2].lower_.endswith("ing")
            )  # "…,” Trump said, adding that …"
            trailing = (
                boundary is not None
                and (boundary.text in {",", "”", '"', "’", "—", "–"} or k in inside)
                and (
                    participle_follows
                    or (
                        len(after) <= 8
                        and not any(t.lower_ == "that" for t in after)
                        and not any(t.i in inside for t in after)
                    )
                )
            )
            first_person = doc[sp_start:sp_end].text.lower() in {"i", "we"}
            return Attribution("reported_speech", (sp_start, sp_end), i, trailing, first_person)
        if aside_end > start and doc[aside_end].text == "," and not speaker_follows(doc, i, end):
            opener = aside_subject(doc, start, aside_end, inside)
            if opener is not None:  # "Jo Roe, the former governor, who …, called …"
                return Attribution("reported_speech", opener, i, trailing=False)
        # Inverted trailing attribution: "…,” said Sheinbaum."
        prev = doc[i - 1] if i > start else None
        inverted = (
            (lower in SPEECH_VERBS or asked) and lower not in OBJECT_VERBS and not that_follows
        )
        if inverted and prev is not None and (prev.text in _QUOTES | {","} or (i - 1) in inside):
            m = inverted_speaker(doc, i, end)
            if m is not None:
                return Attribution("reported_speech", (i + 1, m), i, trailing=True)
        if (complex_ := complex_subject(doc, start, i, end, inside)) is not None:
            return complex_  # "Some residents who have followed the debates said …"
    found = (
        participle_attribution(doc, start, end, inside)
        or share_view(doc, start, end, inside)  # "Just 30 percent of voters consider …"
        or in_document(doc, start, end)
        or closing_in_document(doc, start, end)
        or colon_quote(doc, start, end, inside)
        or colon_subject(doc, start, end, inside)
    )
    if found is None:
        frame = noun_frame(doc, start, end, inside)
        if frame is not None and is_speaker_phrase(doc, frame[0], frame[1]):
            found = Attribution("reported_speech", (frame[0], frame[1]), frame[2], trailing=False)
    return found
