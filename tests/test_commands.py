"""The command line: ingest and load_seeds (idempotent, clear errors that write nothing), the demo
accounts, and the workflow diagram the README shows."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article, Claim, Job, PipelineStatus
from claims.workflow import mermaid_diagram

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_load_seeds_sync_processes_the_seed_and_is_idempotent():
    first = run("load_seeds", "--sync")
    assert "ingested as article" in first
    assert "pipeline done" in first
    article = Article.objects.get()
    assert article.outlet.name == "Radio Habana Cuba"
    assert (article.outlet.domain, article.outlet.country) == ("radiohc.cu", "CU")
    assert article.published_at.date().isoformat() == "2025-05-04"
    assert article.pipeline_status == PipelineStatus.DONE
    claims = Claim.objects.count()
    assert claims >= 12

    second = run("load_seeds", "--sync")
    assert "already ingested" in second
    assert (Article.objects.count(), Claim.objects.count()) == (1, claims)


def test_ingest_reports_each_file(tmp_path):
    path = tmp_path / "jobs.txt"
    path.write_text("Unemployment fell to 4.1% in March, the statistics office said.\n")
    out = run("ingest", str(path), "--title", "Jobs", "--published", "2025-04-02", "--sync")
    assert "jobs.txt: ingested as article" in out
    article = Article.objects.get()
    assert (article.title, article.published_at.date().isoformat()) == ("Jobs", "2025-04-02")
    assert Claim.objects.filter(article=article, claim_type="statistic").exists()


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        ({}, ["missing.txt"], "missing.txt: cannot read it"),
        ({"a.bin": b"\x00\x01\x02PK"}, ["a.bin"], "a.bin: the input looks binary"),
        ({"e.txt": b"   \n"}, ["e.txt"], "e.txt: The article text is empty"),
        ({"a.txt": b"Prices rose 3%."}, ["a.txt", "--published", "May 4"], "not YYYY-MM-DD"),
        ({"a.txt": b"x", "b.txt": b"y"}, ["a.txt", "b.txt", "--url", "https://x.org"], "one PATH"),
    ],
)
def test_ingest_refuses_bad_input_with_a_message_and_writes_nothing(
    tmp_path, monkeypatch, files, args, message
):
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommandError, match=message):
        run("ingest", *args)
    assert not Article.objects.exists()
    assert not Job.objects.exists()


def test_a_bad_file_among_good_ones_is_reported_by_name(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Exports fell 12% last year, the ministry said.")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa broken")
    with pytest.raises(CommandError, match=r"bad\.txt: the input is not UTF-8 text"):
        run("ingest", str(good), str(bad))


def test_wait_times_out_with_a_hint_when_no_worker_runs(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Inflation fell to 2.3% in April, the central bank said.")
    with pytest.raises(CommandError, match="is a worker running"):
        run("ingest", str(path), "--title", "Inflation", "--wait", "--timeout", "0.5")


def test_demo_user_creates_an_editor_and_a_fact_checker_and_prints_the_password(settings, tmp_path):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path
    out = run("demo_user", "--password", "s3cret-demo-pass")
    assert "demo-editor  password: s3cret-demo-pass" in out
    from django.contrib.auth import authenticate

    editor = authenticate(username="demo-editor", password="s3cret-demo-pass")
    checker = authenticate(username="demo-checker", password="s3cret-demo-pass")
    assert editor.is_staff and editor.has_perm("claims.publish_claim")
    assert checker.is_staff and not checker.has_perm("claims.publish_claim")
    run("demo_user", "--password", "s3cret-demo-pass")  # again: no error, same two accounts


def test_the_demo_password_is_kept_under_var_and_the_same_on_every_run(settings, tmp_path):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path
    first = run("demo_user")
    password = re.search(r"demo-editor  password: (\S+)", first).group(1)
    assert run("demo_user") == first
    kept = tmp_path / "demo-password"
    assert kept.read_text().strip() == password
    assert kept.stat().st_mode & 0o777 == 0o600
    # --password changes it for good.
    run("demo_user", "--password", "another-demo-pass")
    assert "password: another-demo-pass" in run("demo_user")


def test_demo_user_is_refused_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
        run("demo_user")


def test_the_readme_shows_the_workflow_generated_from_the_table():
    assert run("workflow_diagram") == mermaid_diagram()
    readme = (ROOT / "README.md").read_text()
    assert f"```mermaid\n{mermaid_diagram()}```" in readme


def test_a_failed_pipeline_exits_non_zero_naming_the_stage_and_the_error(tmp_path, monkeypatch):
    from workers import pipeline

    def broken(*args, **kwargs):
        raise ValueError("tokenizer choked")

    monkeypatch.setattr(pipeline.extraction, "extract_claims", broken)
    path = tmp_path / "a.txt"
    path.write_text("Inflation fell to 2.3% in April, the central bank said.")
    with pytest.raises(CommandError, match=r"extract of article \d+: ValueError: tokenizer choked"):
        run("ingest", str(path), "--title", "Inflation", "--sync")
    assert Article.objects.get().pipeline_status == PipelineStatus.FAILED
