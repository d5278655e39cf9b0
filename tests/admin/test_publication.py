"""The desk's rough edges, in the admin (issue 11): the short claim summary and the "published at
URL" on the claim page, automated checks shown as passed / failed / not applicable with their
reason, similar claims with their status and published verdict, titles cut at a word, Save under
the checklist, and claims in an article's text coloured by status with a legend."""

import re

import pytest

from claims.models import ChecklistState, ClaimStatus, Verdict

from .conftest import claim_in, ready_for_review
from .test_claim_page import change_url, checklist_rows, open_page

pytestmark = pytest.mark.django_db

FACT_CHECK_URL = "https://verifica.example/2025/05/us-arms-450000-deaths-mexico"


# --- Short claim summary and "published at URL" --------------------------------------------------
def test_summary_and_url_are_saved_through_the_service_and_versioned(desk, fact_checker, login):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)
    client = login(fact_checker)
    response, data = open_page(client, claim)
    html = response.content.decode()
    # Empty, the summary shows what ClaimReview uses instead: the claim's whole sentence.
    assert re.search(r'<textarea name="summary"[^>]*placeholder="At the same time', html)

    data.update({"summary": "U.S. arms killed 450,000 in Mexico", "review_url": FACT_CHECK_URL})
    version = claim.version
    response = client.post(change_url(claim), {**data, "_continue": "1"})

    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.summary, claim.review_url, claim.version) == (
        "U.S. arms killed 450,000 in Mexico",
        FACT_CHECK_URL,
        version + 1,
    )
    page = client.get(change_url(claim)).content.decode()
    assert "<code>review_url</code> — → " + FACT_CHECK_URL in page  # the field history


def test_a_url_that_is_not_a_web_address_is_refused_with_the_services_words_and_kept(
    desk, fact_checker, login
):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)
    version = claim.version
    client = login(fact_checker)
    _, data = open_page(client, claim)

    response = client.post(
        change_url(claim), {**data, "review_url": "verifica.example/x", "_continue": "1"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "“verifica.example/x” is not a web address: give an http:// or https:// URL" in html
    assert 'value="verifica.example/x"' in html
    claim.refresh_from_db()
    assert (claim.review_url, claim.version) == ("", version)


def test_a_published_claims_summary_and_url_are_read_only(desk, fact_checker, editor, login):
    claim = ready_for_review(desk.figure, assignee=fact_checker)
    claim_in(claim, ClaimStatus.PUBLISHED, review_url=FACT_CHECK_URL, summary="Short")

    html = login(editor).get(change_url(claim)).content.decode()

    assert 'name="summary"' not in html and 'name="review_url"' not in html
    assert FACT_CHECK_URL in html and "Short" in html


def test_publish_lists_the_missing_url_when_the_desk_requires_one(
    desk, fact_checker, editor, login, settings
):
    settings.FACTCHECK = {**settings.FACTCHECK, "REQUIRE_REVIEW_URL": True}
    ready_for_review(desk.figure, assignee=fact_checker)
    claim = claim_in(desk.figure, ClaimStatus.IN_REVIEW)
    client = login(editor)
    _, data = open_page(client, claim)

    response = client.post(
        change_url(claim), {**data, "_transition": ClaimStatus.PUBLISHED}, follow=True
    )

    assert "no “published at URL” is recorded" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW

    # The same save can record it: the URL is saved first, then the claim moves.
    _, data = open_page(client, claim)
    data.update({"review_url": FACT_CHECK_URL, "_transition": ClaimStatus.PUBLISHED})
    client.post(change_url(claim), data)
    claim.refresh_from_db()
    assert (claim.status, claim.review_url) == (ClaimStatus.PUBLISHED, FACT_CHECK_URL)


# --- Automated checks ----------------------------------------------------------------------------
def test_a_check_with_nothing_to_look_at_is_not_applicable_and_not_shown_as_failed(
    desk, fact_checker, login
):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)
    html = login(fact_checker).get(change_url(claim)).content.decode()

    row = _row(html, "Figure corroborated in another ingested article")
    assert "desk-row-not_applicable" in row and "desk-row-failed" not in row
    assert (
        '<span class="desk-badge check-not_applicable">Not applicable</span> '
        "No other ingested article reports this figure." in row
    )
    assert '<span class="desk-badge check-done">Passed</span> “more than 450,000”' in _row(
        html, "Quantities parsed"
    )


def test_not_applicable_is_offered_for_automated_steps_only(desk, fact_checker, login):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)
    client = login(fact_checker)
    response, data = open_page(client, claim)
    rows = checklist_rows(data, claim)
    html = response.content.decode()

    manual = rows["Check the figure against official data"]
    automated = rows["Figure corroborated in another ingested article"]
    assert f'name="{manual}-state" value="not_applicable"' not in html
    assert f'name="{automated}-state" value="not_applicable"' in html

    # Forced anyway, it is refused.
    data[f"{manual}-state"] = ChecklistState.NOT_APPLICABLE
    response = client.post(change_url(claim), {**data, "_continue": "1"})
    assert response.status_code == 200
    item = claim.checklist.get(title="Check the figure against official data")
    assert item.state == ChecklistState.OPEN


def _row(html: str, title: str) -> str:
    """The checklist row (<tr>) that holds the step `title`."""
    at = html.index(f'<strong class="desk-step-title">{title}</strong>')
    return html[html.rindex("<tr", 0, at) : html.index("</tr>", at)]


# --- Similar claims ------------------------------------------------------------------------------
def test_similar_claims_show_their_status_and_published_verdict(desk, fact_checker, login):
    other = desk.similar.other
    claim_in(other, ClaimStatus.PUBLISHED, verdict=Verdict.MOSTLY_TRUE, verdict_summary="Yes.")
    html = login(fact_checker).get(change_url(desk.figure)).content.decode()
    similar = html[html.index('id="desk-similar"') :]
    assert '<span class="desk-badge status-published">Published</span>' in similar
    assert '<span class="desk-badge verdict-mostly_true">Mostly true</span>' in similar

    claim_in(other, ClaimStatus.RESEARCHING)  # corrected: its verdict is no longer the desk's
    html = login(fact_checker).get(change_url(desk.figure)).content.decode()
    similar = html[html.index('id="desk-similar"') :]
    assert '<span class="desk-badge status-researching">Researching</span>' in similar
    assert "verdict-mostly_true" not in similar[: similar.index("</section>")]


# --- Titles, Save, the article's colours ---------------------------------------------------------
def test_claims_are_cut_at_a_word_with_an_ellipsis(desk, fact_checker, login):
    client = login(fact_checker)
    page = client.get(change_url(desk.figure)).content.decode()
    # The page's heading and breadcrumbs: "…urged Trump to stop the cro" no more.
    assert "At the same time, the Mexican president said she had urged Trump to stop the…" in page
    assert "stop the cro<" not in page and "stop the cro\n" not in page

    listing = client.get("/admin/claims/claim/", {"article": desk.article.pk}).content.decode()
    shown = re.findall(r'<span title="[^"]*">([^<]*)</span>', listing)
    long = [text for text in shown if text.endswith("…")]
    assert long, "no claim long enough to be cut"
    for text in long:
        full = next(c.text for c in desk.article.claims.all() if c.text.startswith(text[:-1]))
        assert full[len(text) - 1] == " ", f"cut inside a word: {text!r}"


def test_save_is_also_under_the_checklist_and_evidence(desk, fact_checker, login):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)
    html = login(fact_checker).get(change_url(claim)).content.decode()
    main = html[html.index('class="desk-main"') : html.index('class="desk-side"')]
    bottom = main[main.index('id="evidence-group"') :]
    assert 'class="desk-bottom-submit"' in bottom and 'name="_save"' in bottom


def test_claims_in_the_article_are_coloured_by_status_with_a_legend(desk, fact_checker, login):
    claim_in(desk.figure, ClaimStatus.PUBLISHED, verdict=Verdict.MOSTLY_TRUE)
    claim_in(desk.superlative, ClaimStatus.DISMISSED)

    response = login(fact_checker).get(f"/admin/claims/article/{desk.article.pk}/change/")

    html = response.content.decode()
    body = html[html.index('class="desk-article-body"') :]
    classes = re.findall(r'<a class="desk-claim-link desk-claim-(\w+)"', body)
    assert {"published", "dismissed", "new"} <= set(classes)
    assert len(classes) == desk.article.claims.count()
    legend = body[body.index("desk-status-legend") :][:1200]
    for value, label in ClaimStatus.choices:
        assert f'<span class="desk-claim-link desk-claim-{value}">{label}</span>' in legend
