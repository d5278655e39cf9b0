"""The article page (body with its claims, pipeline, reprocess, ingest), the ops views (jobs and
their requeue, checklist templates), the dashboard, and escaping of everything that came in."""

import pytest
from django.contrib.admin import helpers
from django.utils import timezone

from claims.models import (
    Article,
    ChecklistTemplate,
    ClaimStatus,
    Job,
    JobStage,
    JobState,
    PipelineStatus,
    Verdict,
)

from ..conftest import SEED_PATH
from ..factories import ArticleFactory, ClaimFactory
from .conftest import claim_in

pytestmark = pytest.mark.django_db


def article_url(article) -> str:
    return f"/admin/claims/article/{article.pk}/change/"


# --- Articles ------------------------------------------------------------------------------------
def test_the_article_body_links_every_claim_and_lists_the_pipeline(desk, fact_checker, login):
    response = login(fact_checker).get(article_url(desk.article))

    html = response.content.decode()
    body = html[html.index('class="desk-article-body"') :]
    body = body[: body.index("</div>")]
    for claim in desk.article.claims.all():
        assert f'href="/admin/claims/claim/{claim.pk}/change/"' in body
    link = body.index(f'href="/admin/claims/claim/{desk.figure.pk}/change/"')
    assert body[link:].split(">", 1)[1].startswith(desk.figure.text)
    assert f"?article={desk.article.pk}" in html  # open these claims in the desk
    jobs = html[html.index("field-jobs_table") :]
    assert "Extract claims" in jobs and "state-done" in jobs
    assert f"Enrich claim: {desk.article.claims.count()} done" in jobs
    assert 'name="title"' not in html  # a fact-checker reads articles; editors edit them
    assert "Reprocess" not in html


def test_the_pipeline_lists_failed_jobs_with_their_error(desk, editor, login):
    response = login(editor).get(article_url(desk.other_article))

    jobs = response.content.decode()
    jobs = jobs[jobs.index("field-jobs_table") :]
    assert "state-failed" in jobs
    assert "TimeoutError: the entity index did not answer in 30s" in jobs


def test_reprocess_queues_the_pipeline_again(desk, editor, login):
    response = login(editor).post(f"/admin/claims/article/{desk.article.pk}/reprocess/")

    assert response.status_code == 302
    job = Job.objects.get(article=desk.article, stage=JobStage.EXTRACT)
    assert job.state == JobState.QUEUED
    desk.article.refresh_from_db()
    assert desk.article.pipeline_status == PipelineStatus.QUEUED


def test_reprocess_is_an_editors_action(desk, fact_checker, login):
    response = login(fact_checker).post(f"/admin/claims/article/{desk.article.pk}/reprocess/")

    assert response.status_code == 403
    assert Job.objects.get(article=desk.article, stage=JobStage.EXTRACT).state == JobState.DONE


def test_reprocess_as_a_bulk_action(desk, editor, login):
    login(editor).post(
        "/admin/claims/article/",
        {"action": "reprocess", helpers.ACTION_CHECKBOX_NAME: [desk.article.pk], "index": 0},
    )

    assert Job.objects.get(article=desk.article, stage=JobStage.EXTRACT).state == JobState.QUEUED


def test_pasting_an_article_ingests_it_and_a_second_paste_finds_the_first(editor, login):
    client = login(editor)
    text = SEED_PATH.read_text(encoding="utf-8")

    response = client.post(
        "/admin/claims/article/add/",
        {"text": text, "published_at": "2025-05-04", "language": "en"},
    )

    article = Article.objects.get()
    assert response["Location"].endswith(article_url(article))
    assert article.title.startswith("Sheinbaum says she totally rejects")
    assert (article.created_by, article.dateline_place) == (editor, "Mexico City")
    assert Job.objects.filter(article=article, stage=JobStage.EXTRACT).exists()

    again = client.post("/admin/claims/article/add/", {"text": text, "language": "en"}, follow=True)

    assert Article.objects.count() == 1
    assert "This article was already ingested" in again.content.decode()


# --- Jobs ----------------------------------------------------------------------------------------
def test_the_job_list_filters_by_state_and_stage(desk, fact_checker, login):
    response = login(fact_checker).get(
        "/admin/claims/job/", {"state__exact": "failed", "stage__exact": "enrich"}
    )

    assert [job.pk for job in response.context["cl"].result_list] == [desk.failed_job.pk]
    assert "TimeoutError" in response.content.decode()


def test_the_job_list_shows_one_articles_pipeline(desk, fact_checker, login):
    response = login(fact_checker).get("/admin/claims/job/", {"article": desk.article.pk})

    jobs = response.context["cl"].result_list
    assert len(jobs) == 1 + 2 * desk.article.claims.count()
    assert desk.failed_job not in jobs


def test_requeue_queues_failed_jobs_and_leaves_the_others(desk, editor, login, published_jobs):
    done = Job.objects.get(claim=desk.figure, stage=JobStage.ENRICH)

    login(editor).post(
        "/admin/claims/job/",
        {
            "action": "requeue",
            helpers.ACTION_CHECKBOX_NAME: [desk.failed_job.pk, done.pk],
            "index": 0,
        },
    )

    desk.failed_job.refresh_from_db()
    assert (desk.failed_job.state, desk.failed_job.attempts) == (JobState.QUEUED, 0)
    assert desk.failed_job.last_error == ""
    done.refresh_from_db()
    assert done.state == JobState.DONE


def test_a_fact_checker_cannot_requeue(desk, fact_checker, login):
    client = login(fact_checker)
    assert client.get("/admin/claims/job/").context["action_form"] is None  # no action offered

    client.post(
        "/admin/claims/job/",
        {"action": "requeue", helpers.ACTION_CHECKBOX_NAME: [desk.failed_job.pk], "index": 0},
    )

    desk.failed_job.refresh_from_db()
    assert desk.failed_job.state == JobState.FAILED


# --- Checklist templates -------------------------------------------------------------------------
def test_an_editor_edits_a_template_and_its_steps_stay_in_order(editor, login):
    template = ChecklistTemplate.objects.get(claim_type="statistic")
    client = login(editor)
    response = client.get(f"/admin/claims/checklisttemplate/{template.pk}/change/")
    formset = response.context["inline_admin_formsets"][0].formset
    orders = [form.instance.order for form in formset.forms if form.instance.pk]
    assert orders == sorted(orders) and len(orders) == template.items.count()

    data = {"claim_type": "statistic", "name": template.name, "description": ""}
    data.update({f"items-{k}": v for k, v in formset.management_form.initial.items()})
    for i, form in enumerate(f for f in formset.forms if f.instance.pk):
        item = form.instance
        data.update(
            {
                f"items-{i}-id": item.pk,
                f"items-{i}-template": template.pk,
                f"items-{i}-order": item.order,
                f"items-{i}-title": item.title,
                f"items-{i}-guidance": item.guidance,
                f"items-{i}-check_key": item.check_key,
            }
        )
        if item.required:
            data[f"items-{i}-required"] = "on"
    n = data["items-INITIAL_FORMS"]
    data.update(
        {
            "items-TOTAL_FORMS": n + 1,
            f"items-{n}-template": template.pk,
            f"items-{n}-order": 0,
            f"items-{n}-title": "Read the claim aloud to a colleague",
            f"items-{n}-guidance": "",
            f"items-{n}-check_key": "",
        }
    )

    response = client.post(f"/admin/claims/checklisttemplate/{template.pk}/change/", data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert template.items.order_by("order", "id").first().title == (
        "Read the claim aloud to a colleague"
    )


def test_a_fact_checker_reads_templates_but_cannot_change_them(fact_checker, login):
    template = ChecklistTemplate.objects.get(claim_type="statistic")
    client = login(fact_checker)

    page = client.get(f"/admin/claims/checklisttemplate/{template.pk}/change/")

    assert page.status_code == 200 and 'name="name"' not in page.content.decode()
    response = client.post(f"/admin/claims/checklisttemplate/{template.pk}/change/", {})
    assert response.status_code == 403


# --- Dashboard -----------------------------------------------------------------------------------
def test_the_dashboard_shows_the_desk_at_a_glance(desk, fact_checker, editor, login):
    claim_in(desk.figure, ClaimStatus.RESEARCHING, assignee=fact_checker)
    claim_in(
        desk.superlative,
        ClaimStatus.TRIAGED,
        assignee=editor,
        due_at=timezone.now() - timezone.timedelta(hours=3),
    )
    published = ClaimFactory(
        status=ClaimStatus.PUBLISHED,
        verdict=Verdict.MISLEADING,
        published_at=timezone.now(),
        reviewer=editor,
        text="Crime fell by half.",
    )

    response = login(fact_checker).get("/admin/")

    html = response.content.decode()
    dashboard = html[html.index('class="desk-dashboard"') :]
    total = desk.article.claims.count() + desk.other_article.claims.count() + 1
    assert f'?status=new"><span class="desk-badge status-new">New</span> <strong>{total - 3}<' in (
        dashboard
    )
    mine = dashboard[dashboard.index("My open claims") : dashboard.index("Overdue")]
    assert desk.figure.text[:60] in mine and desk.superlative.text[:60] not in mine
    overdue = dashboard[dashboard.index("Overdue") : dashboard.index("Failed jobs")]
    assert desk.superlative.text[:60] in overdue and "eddie" in overdue
    failed = dashboard[dashboard.index("Failed jobs") : dashboard.index("Recently published")]
    assert "TimeoutError" in failed
    recent = dashboard[dashboard.index("Recently published") :]
    assert published.text in recent and "verdict-misleading" in recent


# --- Escaping ------------------------------------------------------------------------------------
HOSTILE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


def test_markup_in_articles_and_claims_is_shown_as_text_everywhere(editor, login):
    body = f"The minister said {HOSTILE} unemployment fell to 5% last year. Officials disagreed."
    article = ArticleFactory(title=f"Hack {HOSTILE}", body=body)
    claim = ClaimFactory(article=article, start=0, end=body.index(" Officials"))
    client = login(editor)

    pages = [
        client.get(f"/admin/claims/claim/{claim.pk}/change/"),
        client.get("/admin/claims/claim/"),
        client.get(article_url(article)),
        client.get("/admin/"),
    ]

    for page in pages:
        html = page.content.decode()
        assert "<script>window" not in html
        assert "<img src=x" not in html and 'onerror="window' not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in pages[0].content.decode()
