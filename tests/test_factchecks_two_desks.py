"""Issue 12's done-when for other desks' fact-checks, with two real desks: desk A (this test's
database) ingests the seed and publishes the casualty claim; its ClaimReview feed, exactly as
`/api/v1/claimreview/` serves it, is imported by desk B — a second database (DATABASE_URL's name
+ "2", e.g. fc_fc2), migrated and run by `manage.py` in processes of its own — which then ingests
the seed: B's casualty claim is "already checked" by desk A, with A's rating."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.test import Client
from django.utils import timezone

from claims.models import Claim, ClaimStatus, PipelineStatus, Verdict
from claims.services import article_ingest
from workers import pipeline

from .conftest import SEED_PATH, needs_postgres

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [needs_postgres, pytest.mark.django_db]


@pytest.fixture
def second_desk_url():
    url = os.environ["DATABASE_URL"] + "2"
    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield url
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(url: str, *args: str) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings_test",
        "FACTCHECK_ORGANIZATION_NAME": "Desk B",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_our_feed_imported_by_a_second_desk_marks_its_casualty_claim_already_checked(
    seed_text, settings, tmp_path, second_desk_url
):
    # Desk A publishes its verdict on the casualty figure.
    settings.FACTCHECK = {**settings.FACTCHECK, "ORGANIZATION_NAME": "Desk A"}
    article = article_ingest(
        text=seed_text, outlet="Radio Habana Cuba", published_at=dt.date(2025, 5, 4)
    ).article
    assert pipeline.article_run_sync(article.pk) == PipelineStatus.DONE
    casualty = Claim.objects.get(article=article, text__contains="more than 450,000")
    Claim.objects.filter(pk=casualty.pk).update(
        status=ClaimStatus.PUBLISHED,
        verdict=Verdict.MOSTLY_TRUE,
        verdict_summary="Official homicide figures put the toll at about 460,000.",
        published_at=timezone.now(),
    )
    feed = Client().get("/api/v1/claimreview/")
    assert feed.status_code == 200
    export = tmp_path / "desk-a-claimreview.json"
    export.write_bytes(feed.content)

    # Desk B: its own database, its own processes.
    manage(second_desk_url, "migrate", "--verbosity", "0")
    assert "1 new, 0 updated, 0 unchanged" in manage(
        second_desk_url, "import_claimreview", str(export)
    )
    assert "0 new, 0 updated, 1 unchanged" in manage(  # idempotent by url
        second_desk_url, "import_claimreview", str(export)
    )
    manage(
        second_desk_url,
        "ingest",
        str(SEED_PATH),
        "--sync",
        "--outlet",
        "Radio Habana Cuba",
        "--published",
        "2025-05-04",
    )

    with psycopg.connect(second_desk_url) as conn:
        matches = conn.execute(
            "SELECT e.author_name, e.rating, e.url, m.score FROM claims_externalmatch m "
            "JOIN claims_externalfactcheck e ON e.id = m.external_id "
            "JOIN claims_claim c ON c.id = m.claim_id WHERE c.text LIKE %s",
            ("%more than 450,000%",),
        ).fetchall()
        unmatched = conn.execute(
            "SELECT count(*) FROM claims_claim c WHERE c.text NOT LIKE %s AND EXISTS "
            "(SELECT 1 FROM claims_externalmatch m WHERE m.claim_id = c.id)",
            ("%more than 450,000%",),
        ).fetchone()[0]
        step = conn.execute(
            "SELECT i.state, i.result FROM claims_checklistitem i "
            "JOIN claims_claim c ON c.id = i.claim_id "
            "WHERE c.text LIKE %s AND i.check_key = 'already_checked'",
            ("%more than 450,000%",),
        ).fetchone()

    page = f"http://testserver/factchecks/{casualty.pk}-"
    [(desk, rating, url, score)] = matches
    assert (desk, rating, score) == ("Desk A", "Mostly true", 1.0)
    assert url.startswith(page)  # the first desk's public page
    assert unmatched == 0  # the seed's other claims were not published by desk A
    assert step[0] == "done"
    assert step[1].startswith(f"Already checked by Desk A: Mostly true ({page}")
