"""The review desk in a real browser: Debian's Chromium driven by Playwright against a live server,
in a 1280 px wide window (a newsroom laptop).

A fact-checker works the seed article's 450,000 figure from the changelist to "send to review";
a second editor records where the fact-check is published and publishes it, and its ClaimReview
carries the whole figure and that URL. The changelist fits the window; the claim page shows
automated checks as passed / failed / not applicable, similar claims with their status, and Save
under the checklist; the article page colours claims by status. Hostile markup in an article shows
as text and runs nothing. Screenshots of the pages go to var/screenshots/.

Needs /usr/bin/chromium (`apt-get install -y chromium`); skipped without it. Playwright never
downloads a browser here: it drives the system one.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from django.conf import settings

from claims.models import ChecklistState, ClaimStatus, Evidence, Stance, Verdict
from claims.services import claim_transition

from ..factories import ArticleFactory, ClaimFactory
from .conftest import claim_in

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory
WIDTH = 1280
FACT_CHECK_URL = "https://verifica.example/2025/05/us-arms-450000-deaths-mexico"
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium: apt-get install -y chromium"
    ),
    # The live server reads what the test writes, so each test commits (and the database is
    # flushed after it; tests/conftest.py puts the roles and checklist templates back).
    pytest.mark.django_db(transaction=True),
]

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium: apt-get install -y chromium")
    # Playwright's sync API runs an event loop in this thread while the browser is open; the ORM
    # calls made meanwhile (by the tests and by pytest-django's flush) are ordinary blocking ones.
    # Allowed for this module only, so that the rest of the suite keeps Django's check.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 900}, base_url=live_server.url
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def log_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username)


def log_out(page) -> None:
    page.locator("#logout-form button").click()
    expect(page.locator("h1")).to_contain_text("Logged out")


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_a_fact_checker_works_the_figure_and_a_second_editor_publishes_it(
    desk, fact_checker, editor, second_editor, page, settings
):
    settings.FACTCHECK = {**settings.FACTCHECK, "REQUIRE_REVIEW_URL": True}
    started = time.perf_counter()
    figure = claim_transition(claim=desk.figure, to=ClaimStatus.TRIAGED, actor=editor)

    # The fact-checker opens the seed article's claims and narrows them to statistics.
    log_in(page, "fatima")
    page.goto("/admin/claims/article/")
    page.get_by_role("link", name=desk.article.title).click()
    page.get_by_role("link", name="Open these claims in the review desk").click()
    page.locator("#changelist-filter").get_by_role("link", name="Statistic", exact=True).click()
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("span[title*='more than 450,000']")).to_be_visible()
    expect(rows.first.locator(".desk-badge.status-triaged")).to_be_visible()

    # …takes it…
    rows.first.locator("input.action-select").check()
    page.select_option("select[name=action]", "assign_to_me")
    page.locator("button[name=index]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("1 claim assigned to you.")
    expect(rows.first).to_contain_text("fatima")
    screenshot(page, "claims-changelist")

    # …opens it and starts research.
    rows.first.get_by_role("link", name="At the same time, the Mexican president").click()
    expect(page.locator(".desk-paragraph mark.desk-claim-span")).to_contain_text(
        "more than 450,000"
    )
    workflow = page.locator("#desk-workflow")
    expect(workflow.get_by_role("button")).to_have_text(["Start research", "Add comment"])
    workflow.get_by_role("button", name="Start research").click()
    expect(page.locator(".messagelist")).to_contain_text("The claim is now researching.")

    # Ticks every required step, adds a source, sets the verdict, and sends it to review.
    required = page.locator("#checklist-group tr.form-row").filter(
        has=page.locator(".desk-tag-required")
    )
    ticked = 0
    for index in range(required.count()):
        row = required.nth(index)
        if row.get_by_label("Open").is_checked():
            row.get_by_label("Done").check()
            ticked += 1
    assert ticked >= 3
    page.get_by_role("button", name="Add another Evidence").click()
    page.fill("#id_evidence-0-url", "https://www.inegi.org.mx/temas/mortalidad/")
    page.fill("#id_evidence-0-title", "Deaths by homicide, 2006-2024")
    page.fill("#id_evidence-0-publisher", "INEGI")
    page.select_option("#id_evidence-0-stance", Stance.SUPPORTS)
    page.select_option("#id_verdict", Verdict.MOSTLY_TRUE)
    page.fill(
        "#id_verdict_summary",
        "INEGI's homicide records since 2006 add up to more than 450,000; not all are "
        "attributable to the arms trade.",
    )
    page.fill("#id_transition_comment", "Figure checked against INEGI.")
    workflow.get_by_role("button", name="Send to review").click()
    expect(page.locator(".messagelist")).to_contain_text("The claim is now in review.")
    expect(page.locator(".desk-head .desk-badge.status-in_review")).to_be_visible()
    screenshot(page, "claim-change-in-review")
    log_out(page)

    # A second editor publishes it, once the fact-check's URL is recorded (this desk requires it).
    log_in(page, "erin")
    page.goto(f"/admin/claims/claim/{figure.pk}/change/")
    workflow = page.locator("#desk-workflow")
    expect(workflow).to_contain_text("no “published at URL” is recorded")
    page.fill("#id_review_url", FACT_CHECK_URL)
    workflow.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist")).to_contain_text("The claim is now published.")
    expect(page.locator(".desk-head")).to_contain_text("reviewed by erin")
    screenshot(page, "claim-change-published")
    review = page.request.get("/api/v1/claimreview/").json()["dataFeedElement"][0]
    assert review["claimReviewed"] == figure.text  # the whole figure, never cut
    assert review["url"] == FACT_CHECK_URL
    page.goto("/admin/")
    expect(page.locator(".desk-published")).to_contain_text("the Mexican president said")
    screenshot(page, "dashboard")

    figure.refresh_from_db()
    assert (figure.status, figure.assignee, figure.reviewer) == (
        ClaimStatus.PUBLISHED,
        fact_checker,
        second_editor,
    )
    assert figure.verdict == Verdict.MOSTLY_TRUE
    assert Evidence.objects.get(claim=figure).added_by == fact_checker
    assert not figure.checklist.filter(required=True, state=ChecklistState.OPEN).exists()
    assert page.dialogs == []
    print(f"\nbrowser flow: {time.perf_counter() - started:.1f}s")


def fits_the_window(page) -> None:
    """Nothing sticks out to the right: no horizontal scrolling at this width."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTH, f"the page is {width} px wide in a {WIDTH} px window"


def test_the_changelist_fits_the_window_and_cuts_claims_at_a_word(desk, fact_checker, page):
    # The widest badges there are, and an assignee.
    claim_in(desk.figure, ClaimStatus.RESEARCHING, verdict=Verdict.MOSTLY_FALSE)
    claim_in(desk.superlative, ClaimStatus.IN_REVIEW, verdict=Verdict.UNVERIFIABLE)
    desk.figure.assignee = fact_checker
    desk.figure.save(update_fields=["assignee"])
    log_in(page, "fatima")
    page.goto("/admin/claims/claim/")

    fits_the_window(page)
    # The table scrolls inside its own box when too wide: every column must show without that.
    expect(page.locator("#result_list thead th").last).to_contain_text("Date")
    box = page.locator(".results").evaluate(
        """e => ({
            client: e.clientWidth,
            scroll: e.scrollWidth,
            columns: [...e.querySelectorAll("thead th")].map(
                th => [th.innerText.trim(), Math.round(th.getBoundingClientRect().width)]),
        })"""
    )
    assert box["scroll"] <= box["client"], str(box)
    cut = page.locator(
        "#result_list td.field-claim_text span, #result_list th.field-claim_text span"
    )
    texts = [t for t in cut.all_inner_texts() if t.endswith("…")]
    assert texts, "no claim long enough to be cut"
    titles = cut.evaluate_all("spans => spans.map(s => [s.innerText, s.title])")
    for shown, full in titles:
        if shown.endswith("…"):
            assert full.startswith(shown[:-1]) and full[len(shown) - 1] == " ", shown
    screenshot(page, "claims-changelist-1280")


def test_the_claim_page_shows_checks_similar_claims_and_save_under_the_checklist(
    desk, fact_checker, page
):
    claim = claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)
    log_in(page, "fatima")
    page.goto(f"/admin/claims/claim/{claim.pk}/change/")
    fits_the_window(page)

    # An automated check with nothing to look at: neutral, with its reason — not a pink failure.
    checklist = page.locator("#checklist-group")
    na_row = checklist.locator("tr.form-row").filter(has_text="Figure corroborated")
    expect(na_row.locator(".check-not_applicable")).to_have_text("Not applicable")
    expect(na_row).to_contain_text("No other ingested article reports this figure.")
    background = na_row.locator("td").first.evaluate("td => getComputedStyle(td).backgroundColor")
    assert background == "rgba(0, 0, 0, 0)", background
    passed = checklist.locator("tr.form-row").filter(has_text="Quantities parsed")
    expect(passed.locator(".check-done")).to_have_text("Passed")

    # The similar claim says where it stands.
    similar = page.locator("#desk-similar li").first
    expect(similar.locator(".desk-badge.status-new")).to_be_visible()

    # Save is there when the checklist has been worked through, not 2,400 px above.
    checklist.locator("tr.form-row").last.scroll_into_view_if_needed()
    bottom_save = page.locator(".desk-bottom-submit input[name=_save]")
    gap = (
        bottom_save.bounding_box()["y"]
        - checklist.bounding_box()["y"]
        - checklist.bounding_box()["height"]
    )
    assert 0 < gap < 400, gap
    page.fill("#id_summary", "U.S. arms killed 450,000 in Mexico")
    page.fill("#id_review_url", FACT_CHECK_URL)
    screenshot(page, "claim-change-checks")
    checklist.screenshot(path=str(SCREENSHOTS / "claim-change-checklist.png"))
    bottom_save.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    claim.refresh_from_db()
    assert (claim.summary, claim.review_url) == (
        "U.S. arms killed 450,000 in Mexico",
        FACT_CHECK_URL,
    )


def test_the_article_colours_its_claims_by_status_with_a_legend(desk, fact_checker, page):
    claim_in(desk.figure, ClaimStatus.PUBLISHED, verdict=Verdict.MOSTLY_TRUE)
    claim_in(desk.superlative, ClaimStatus.RESEARCHING, assignee=fact_checker)
    log_in(page, "fatima")
    page.goto(f"/admin/claims/article/{desk.article.pk}/change/")
    fits_the_window(page)

    body = page.locator(".desk-article-body")

    def colour(locator):
        return locator.evaluate("e => getComputedStyle(e).backgroundColor")

    published = body.locator("a.desk-claim-published")
    researching = body.locator("a.desk-claim-researching")
    new = body.locator("a.desk-claim-new").first
    expect(published).to_contain_text("more than 450,000")
    assert len({colour(published), colour(researching), colour(new)}) == 3
    legend = page.locator(".desk-status-legend")
    for value, label in ClaimStatus.choices:
        entry = legend.locator(f".desk-claim-{value}")
        expect(entry).to_have_text(label)
        if value in ("published", "researching", "new"):
            assert colour(entry) == colour(body.locator(f"a.desk-claim-{value}").first)
    screenshot(page, "article-claims-by-status")
    page.locator(".field-body_with_claims").screenshot(
        path=str(SCREENSHOTS / "article-claims-by-status-text.png")
    )


HOSTILE_BODY = (
    "The minister said <script>window.__xss = 'body'</script> unemployment fell "
    "<img src=x onerror=\"window.__xss = 'img'; alert(1)\"> to 5% last year. "
    "Officials disagreed."
)


def test_markup_in_an_article_shows_as_text_and_runs_nothing(editor, page):
    article = ArticleFactory(
        title="<script>window.__xss = 'title'</script>Hostile <b>article</b>", body=HOSTILE_BODY
    )
    claim = ClaimFactory(article=article, start=0, end=HOSTILE_BODY.index(" Officials"))

    log_in(page, "eddie")
    for url in (
        f"/admin/claims/article/{article.pk}/change/",
        f"/admin/claims/claim/{claim.pk}/change/",
        "/admin/claims/claim/",
        "/admin/",
    ):
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__xss") == "undefined", url
        assert page.locator("img[src=x]").count() == 0, url
        assert page.locator("b", has_text="article").count() == 0, url

    page.goto(f"/admin/claims/article/{article.pk}/change/")
    expect(page.locator(".desk-article-body")).to_contain_text(
        "<script>window.__xss = 'body'</script>"
    )
    expect(page.locator(".desk-article-body")).to_contain_text('<img src=x onerror="window.__xss')
    screenshot(page, "article-hostile-markup")
    assert page.dialogs == []
