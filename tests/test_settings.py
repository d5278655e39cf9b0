"""Settings come from the environment and fail loudly, naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def start_django(env_overrides: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """Start a fresh process with the production settings module and these variables."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "FACTCHECK_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "factcheck.settings",
            "FACTCHECK_VAR_DIR": "/tmp/fc-settings-test",
        }
    )
    env.update(env_overrides)
    command = args or ("-c", "import django; django.setup(); print('started')")
    return subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def production_env() -> dict[str, str]:
    """The production variables exactly as documented in .env.example."""
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    # Paths that only exist inside the container.
    values["DATABASE_URL"] = "sqlite:////tmp/fc-settings-test/db.sqlite3"
    values["FACTCHECK_VAR_DIR"] = "/tmp/fc-settings-test"
    return values


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DJANGO_DEBUG", "maybe", "DJANGO_DEBUG='maybe' is not a boolean"),
        ("DJANGO_SECURE_SSL_REDIRECT", "sometimes", "DJANGO_SECURE_SSL_REDIRECT='sometimes'"),
        ("FACTCHECK_JOB_MAX_ATTEMPTS", "five", "FACTCHECK_JOB_MAX_ATTEMPTS='five' is not a whole"),
        ("FACTCHECK_JOB_MAX_ATTEMPTS", "0", "FACTCHECK_JOB_MAX_ATTEMPTS='0' must be at least 1"),
        ("FACTCHECK_CHECKWORTHINESS_THRESHOLD", "1.5", "must be between 0.0 and 1.0"),
        (
            "FACTCHECK_CHECKWORTHINESS_SCORER",
            "neural",
            "FACTCHECK_CHECKWORTHINESS_SCORER='neural' is not one of model, rules",
        ),
        ("DATABASE_URL", "nosuchdb://x", "DATABASE_URL is not a valid database URL"),
        ("REDIS_URL", "http://localhost:6379", "REDIS_URL='http://localhost:6379' must start"),
    ],
)
def test_a_bad_value_stops_the_start_and_names_the_variable(name, value, message):
    result = start_django({"DJANGO_DEBUG": "1", name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


@pytest.mark.parametrize("scorer", ["model", "rules", " Rules "])
def test_each_scorer_the_extractor_offers_can_be_chosen(scorer):
    from workers.extraction import SCORERS

    assert scorer.strip().lower() in SCORERS
    result = start_django(
        {"DJANGO_DEBUG": "1", "FACTCHECK_CHECKWORTHINESS_SCORER": scorer},
        "-c",
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.FACTCHECK['CHECKWORTHINESS_SCORER'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == scorer.strip().lower()


def test_production_refuses_to_start_without_a_secret_key():
    result = start_django({"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_development_starts_without_any_variable():
    result = start_django({"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_deploy_checks_pass_with_the_documented_production_variables():
    result = start_django(
        production_env(), "manage.py", "check", "--deploy", "--fail-level", "WARNING"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_checks_fail_with_a_weak_secret_key():
    env = production_env() | {"DJANGO_SECRET_KEY": "short"}
    result = start_django(env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_every_variable_read_by_the_settings_is_documented_in_env_example():
    import re

    source = (ROOT / "factcheck" / "settings.py").read_text()
    read = set(
        re.findall(r'env(?:_bool|_int|_float|_choice|_list|_db|\.str)\(\s*"([A-Z_]+)"', source)
    )
    documented = set(production_env())
    assert read, "the pattern found no variables"
    assert read <= documented, f"missing from .env.example: {sorted(read - documented)}"


def test_a_shared_cache_is_redis_or_nothing():
    result = start_django({"DJANGO_DEBUG": "1", "DJANGO_CACHE_URL": "memcached://x"})
    assert "DJANGO_CACHE_URL='memcached://x' must start with redis://" in result.stderr
