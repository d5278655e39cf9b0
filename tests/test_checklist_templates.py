"""The batch checklist build keeps the templates per process while they are unchanged, and reads
them again as soon as an editor changes one (the admin runs in another process: the cache is
checked against the database, not told)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import ChecklistItem, ChecklistState, ChecklistTemplate, ClaimType
from claims.services import checklists_build
from claims.services.batch import templates_forget
from workers.checklists import CheckResult

from .factories import ClaimFactory

pytestmark = pytest.mark.django_db


def passes(_key):
    return CheckResult(ChecklistState.DONE, "checked")


def titles(claim) -> list[str]:
    return list(
        ChecklistItem.objects.filter(claim=claim)
        .order_by("order", "id")
        .values_list("title", flat=True)
    )


@pytest.fixture
def template():
    templates_forget()
    template, _ = ChecklistTemplate.objects.get_or_create(
        claim_type=ClaimType.STATISTIC, defaults={"name": "Statistic"}
    )
    return template


def test_a_step_edited_added_or_removed_reaches_the_next_build(template):
    checklists_build(claims=[(ClaimFactory(claim_type=ClaimType.STATISTIC), passes)])
    first, *rest = list(template.items.order_by("order", "id"))
    first.title, first.guidance = "Find the original table", "Ask the office for it."
    first.save()
    template.items.create(order=99, title="Ask a second statistician", check_key="")
    if rest:
        rest[-1].delete()
    claim = ClaimFactory(claim_type=ClaimType.STATISTIC)
    checklists_build(claims=[(claim, passes)], returning=False)
    expected = list(template.items.order_by("order", "id").values_list("title", flat=True))
    assert titles(claim) == expected
    item = ChecklistItem.objects.get(claim=claim, title="Find the original table")
    assert (item.guidance, item.template_item_id) == ("Ask the office for it.", first.pk)


def test_a_new_template_reaches_the_next_build():
    templates_forget()
    ChecklistTemplate.objects.filter(claim_type=ClaimType.CAUSAL).delete()
    checklists_build(claims=[(ClaimFactory(claim_type=ClaimType.CAUSAL), passes)])
    template = ChecklistTemplate.objects.create(claim_type=ClaimType.CAUSAL, name="Causal")
    template.items.create(order=1, title="Is it cause or correlation?", check_key="")
    claim = ClaimFactory(claim_type=ClaimType.CAUSAL)
    checklists_build(claims=[(claim, passes)], returning=False)
    assert titles(claim) == ["Is it cause or correlation?"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the cache is PostgreSQL's")
def test_unchanged_templates_are_not_read_again(template):
    checklists_build(claims=[(ClaimFactory(claim_type=ClaimType.STATISTIC), passes)])
    claim = ClaimFactory(claim_type=ClaimType.STATISTIC)
    with CaptureQueriesContext(connection) as queries:
        checklists_build(claims=[(claim, passes)], returning=False)
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert reads and not [sql for sql in reads if 'FROM "claims_checklisttemplate' in sql]
    assert titles(claim)


def test_items_built_without_instances_are_those_built_with_them(template):
    fields = (
        "template_item_id",
        "order",
        "title",
        "guidance",
        "required",
        "automated",
        "check_key",
        "state",
        "result",
    )
    one, other = (
        ClaimFactory(claim_type=ClaimType.STATISTIC),
        ClaimFactory(claim_type=ClaimType.STATISTIC),
    )
    returned = checklists_build(claims=[(one, passes)])[one.pk]
    assert checklists_build(claims=[(other, passes)], returning=False) == {}
    rows = {
        pk: list(
            ChecklistItem.objects.filter(claim_id=pk).order_by("order", "id").values_list(*fields)
        )
        for pk in (one.pk, other.pk)
    }
    assert rows[one.pk] == rows[other.pk] and rows[one.pk]
    assert [item.pk for item in returned] == list(
        ChecklistItem.objects.filter(claim=one).order_by("order", "id").values_list("pk", flat=True)
    )
    automated = [row for row in rows[other.pk] if row[5]]
    assert automated and {(row[7], row[8]) for row in automated} == {
        (ChecklistState.DONE, "checked")
    }
    assert ChecklistItem.history.filter(claim_id=other.pk).count() == len(rows[other.pk])
