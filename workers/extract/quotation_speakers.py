"""Whose words an unattributed quotation is: the per-article state ``extract_claims`` asks when
a clause names no speaker of its own. Pure: no Django.

News conventions it follows, per paragraph:

- **A quotation a paragraph leaves open** (``quotations.unclosed_opening``): news style leaves
  the mark open at a paragraph's end when a quotation runs on, and opens the next paragraph
  with a mark again. The sentences after the open mark are that quotation's, and its speaker
  (one named before the mark, or the speaker of a bare quotation the mark opens) carries on
  into a next paragraph that opens with a mark.
- **A bare quotation** continues the speaker of the paragraph's previous attributed sentence
  ("“A,” she said. “B.”"), else is the speaker named later in the paragraph ("“A. B,” she
  said."), else continues the quotation the paragraph before left open, else the quotation of
  the paragraph before, else the speech it reported ("Roe said that A.¶“B.”").
- **An announced block**: a paragraph closing on "Fox News reports:" announces the next one as
  its words (a block quotation pasted without quotation marks).

A sentence after an open mark with no speaker found is the announced block's, else the
outlet's (``author``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .candidates import EntityRef
from .quotations import (
    is_quotation_only,
    opens_with_quotation,
    quotation_paragraph,
    unclosed_opening,
)
from .speakers import Attribution


class QuotationSpeakers:
    """The quotation state of one article, by paragraph index."""

    def __init__(
        self,
        doc: Doc,
        inside: dict[int, tuple[int, int]],
        sentence_tokens: list[tuple[int, int]],
        paragraphs: list[int],
        outlet: EntityRef | None,
    ) -> None:
        self._doc = doc
        self._inside = inside
        self._outlet = outlet
        # Each paragraph's first and end token, and the mark of a quotation it leaves open.
        self._bounds: dict[int, tuple[int, int]] = {}
        for (a, b), p in zip(sentence_tokens, paragraphs, strict=True):
            self._bounds[p] = (self._bounds.get(p, (a, b))[0], b)
        self._left_open = {
            p: unclosed_opening(doc, a, b, inside) for p, (a, b) in self._bounds.items()
        }
        # Paragraph -> the speaker of the quotation it leaves open (named before the mark, or
        # the quotation's speaker where the mark opens a bare quotation or a run-on one).
        self._open_speaker: dict[int, EntityRef | None] = {}
        # Paragraph -> the attribution and speaker of its last attributed clause.
        self._previous: dict[int, tuple[str, EntityRef | None]] = {}
        # Paragraph -> the speaker of its last direct quotation.
        self._last_quoted: dict[int, EntityRef] = {}
        # Paragraph -> the attribution and claimant of its closing clause.
        self._closing: dict[int, tuple[str, EntityRef | None]] = {}
        # Paragraph -> the speaker a "Fox News reports:" closing the paragraph before announced.
        self._announced: dict[int, EntityRef] = {}

    def quoted_throughout(self, paragraph: int) -> bool:
        """Does the paragraph open with a quotation it leaves open ("“Nobody asked the town
        what it thinks.¶“I will.”")? Then every sentence of it is the quotation's, and a
        frame inside ("what they think") is the quoted speaker's words, as inside a
        quotation that closes."""
        return self._left_open[paragraph] == self._bounds[paragraph][0]

    def _run_on_speaker(self, paragraph: int) -> EntityRef | None:
        """The paragraph's open-quotation speaker so far, else the speaker of a quotation the
        paragraph before left open when this one opens with a mark (a quotation run on)."""
        if paragraph in self._open_speaker:
            return self._open_speaker[paragraph]
        if paragraph - 1 in self._open_speaker and opens_with_quotation(
            self._doc, self._bounds[paragraph][0]
        ):
            return self._open_speaker[paragraph - 1]
        return None

    def _reported_before(self, paragraph: int) -> EntityRef | None:
        """The person whose speech the paragraph before closed on reporting ("Roe said that
        the town would cut its use by a fifth.¶“That adds up to nine billion gallons.”"): a
        quotation paragraph naming no one goes on with the words just reported. Only a
        paragraph that is quotation throughout: one with words outside it has a tag."""
        if not quotation_paragraph(self._doc, *self._bounds[paragraph]):
            return None  # a tag of its own ("“A,” she said “B.”"), only missed
        closing = self._closing.get(paragraph - 1)
        if closing is None or closing[0] != "reported_speech" or closing[1] is None:
            return None
        return closing[1] if closing[1].kind == "person" else None

    def speaker_for_quotation(
        self,
        paragraph: int,
        start: int,
        end: int,
        *,
        first_person: bool,
        later_speaker: Callable[[], EntityRef | None],
    ) -> tuple[str, EntityRef | None] | None:
        """(attribution, claimant) of a clause (tokens ``start``..``end``) that names no
        speaker of its own (``first_person``: the writer's own "I/we said"), or None when
        no quotation rule applies (the outlet's claim). ``later_speaker`` gives the speaker
        of the paragraph's next attributed sentence, asked only when needed."""
        quotation_only = is_quotation_only(self._doc, start, end, self._inside)
        opened = self._left_open[paragraph]
        if (
            quotation_only
            or opened == start
            or (
                opened is not None
                and opened < start
                and self._run_on_speaker(paragraph) is not None
            )
        ):
            attribution = "direct_quote"
            previous = self._previous.get(paragraph)
            if paragraph in self._open_speaker:
                previous = ("direct_quote", self._open_speaker[paragraph])
            claimant = previous[1] if previous else None
            if previous is None:
                # "The party released the following statement: ¶ “A. B.”": every quotation
                # of the announced paragraph is the announcer's, not only an unclosed one.
                claimant = (
                    later_speaker()
                    or self._run_on_speaker(paragraph)
                    or self._announced.get(paragraph)
                    or self._last_quoted.get(paragraph - 1)
                    or self._reported_before(paragraph)
                )
            if claimant is None and not quotation_only:
                # An open mark with no speaker: the block a colon announced, else the outlet's.
                claimant = self._announced.get(paragraph, self._outlet)
                attribution = "reported_speech" if paragraph in self._announced else "author"
            return attribution, claimant
        if paragraph in self._announced and not first_person:
            return "reported_speech", self._announced[paragraph]  # the block a colon announced
        return None

    def record(
        self,
        paragraph: int,
        start: int,
        end: int,
        attr: Attribution | None,
        attribution: str,
        claimant: EntityRef | None,
        *,
        ends_paragraph: bool,
    ) -> None:
        """Note a clause's attribution and claimant for the clauses after it."""
        if attr is not None and not attr.speaks:
            return  # "Roe conceded the point.": no speaker for the quotations after it
        if ends_paragraph:
            self._closing[paragraph] = (attribution, claimant)
        opened = self._left_open[paragraph]
        if opened is not None and start <= opened < end:
            # Its speaker: one named before the mark, or a bare quotation's.
            named_before = bool(attr and attr.speaker and attr.speaker[1] <= opened)
            bare = opened == start and attribution == "direct_quote"
            if bare or (named_before and attribution != "author"):
                self._open_speaker[paragraph] = claimant
        if attribution != "author":
            self._previous[paragraph] = (attribution, claimant)
        if attribution == "direct_quote" and claimant is not None:
            self._last_quoted[paragraph] = claimant
        if (
            attr is not None
            and claimant is not None
            and attribution != "author"
            and ends_paragraph
            and self._doc[end - 1].text == ":"
        ):
            self._announced[paragraph + 1] = claimant  # "Fox News reports:" ends it
