"""`make backup` / `make restore` (scripts/db.sh, which the compose db-tools service runs too),
natively against the local PostgreSQL with a scratch database."""

import os
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest

from .conftest import needs_postgres

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    needs_postgres,
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs pg_dump and pg_restore"),
]


@pytest.fixture
def scratch_url():
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    name = f"factcheck_backup_{os.getpid()}"
    admin = base + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sql(url: str, statement: str) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cursor:
        cursor.execute(statement)
        return cursor.fetchall() if cursor.description else []


def make(target: str, url: str, **variables) -> subprocess.CompletedProcess:
    args = [f"{key}={value}" for key, value in variables.items()]
    return subprocess.run(
        ["make", "--no-print-directory", target, *args],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_backup_restores_the_database_exactly(scratch_url, tmp_path):
    # What the real schema has that a dump must carry: an extension and an index using it.
    sql(scratch_url, "CREATE EXTENSION pg_trgm")
    sql(scratch_url, "CREATE TABLE claim (id serial PRIMARY KEY, text text NOT NULL)")
    sql(scratch_url, "CREATE INDEX claim_trgm ON claim USING gin (text gin_trgm_ops)")
    sql(scratch_url, "INSERT INTO claim (text) VALUES ('450,000 dead'), ('most secure border')")
    dump = tmp_path / "nightly.dump"

    backup = make("backup", scratch_url, FILE=dump)
    assert backup.returncode == 0, backup.stderr
    assert f"backed up to {dump}" in backup.stdout
    assert not dump.with_name("nightly.dump.partial").exists()

    # Work after the backup: a changed row, a new row, a new table.
    sql(scratch_url, "UPDATE claim SET text = 'edited' WHERE id = 1")
    sql(scratch_url, "INSERT INTO claim (text) VALUES ('after the backup')")
    sql(scratch_url, "CREATE TABLE added_later (id int)")

    restore = make("restore", scratch_url, FILE=dump)
    assert restore.returncode == 0, restore.stderr
    assert sql(scratch_url, "SELECT id, text FROM claim ORDER BY id") == [
        (1, "450,000 dead"),
        (2, "most secure border"),
    ]
    tables = sql(scratch_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    assert tables == [("claim",)]
    # The trigram index came back and serves similarity queries.
    assert sql(scratch_url, "SELECT text FROM claim WHERE text % '450,000 deaths'") == [
        ("450,000 dead",)
    ]
    assert sql(scratch_url, "SELECT nextval('claim_id_seq')") == [(3,)]


def test_a_damaged_backup_changes_nothing(scratch_url, tmp_path):
    sql(scratch_url, "CREATE TABLE claim (id int)")
    sql(scratch_url, "INSERT INTO claim VALUES (1)")
    good = tmp_path / "good.dump"
    assert make("backup", scratch_url, FILE=good).returncode == 0
    damaged = tmp_path / "damaged.dump"
    damaged.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    sql(scratch_url, "INSERT INTO claim VALUES (2)")

    restore = make("restore", scratch_url, FILE=damaged)
    assert restore.returncode != 0
    assert sql(scratch_url, "SELECT id FROM claim ORDER BY id") == [(1,), (2,)]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "DATABASE_URL is not set"),
        ("sqlite:///var/factcheck.sqlite3", "copy var/factcheck.sqlite3"),
    ],
)
def test_without_postgresql_it_says_what_to_do(url, message, tmp_path):
    result = make("backup", url, FILE=tmp_path / "x.dump")
    assert result.returncode != 0
    assert message in result.stderr


def test_restore_needs_a_file_that_exists(scratch_url, tmp_path):
    result = make("restore", scratch_url, FILE=tmp_path / "missing.dump")
    assert result.returncode != 0
    assert "no such backup file" in result.stderr
