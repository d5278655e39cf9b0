"""Settings come from the environment and fail loudly, naming the variable."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import example_env

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
            "DJANGO_ENV_FILE": "",  # never the checkout's .env
            "FACTCHECK_VAR_DIR": "/tmp/fc-settings-test",
        }
    )
    env.update(env_overrides)
    command = args or ("-c", "import django; django.setup(); print('started')")
    return subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def production_env() -> dict[str, str]:
    """.env.example as an operator fills it in: their own secret key; and paths that exist here
    rather than only inside the container."""
    return example_env() | {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": "sqlite:////tmp/fc-settings-test/db.sqlite3",
        "FACTCHECK_VAR_DIR": "/tmp/fc-settings-test",
    }


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
        ("FACTCHECK_FETCH_TIMEOUT", "500", "FACTCHECK_FETCH_TIMEOUT must be shorter than"),
        ("FACTCHECK_WEBHOOK_BACKOFF", "0", "FACTCHECK_WEBHOOK_BACKOFF='0' must be at least 1"),
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


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        (None, "is the publicly known example value"),  # .env.example's, copied unchanged
        ("x9" * 24, "is shorter than 50 characters"),
        ("abcd" * 20, "has fewer than 5 different characters"),
    ],
    ids=["the example's", "49 characters", "4 characters repeated"],
)
def test_production_refuses_a_weak_or_published_secret_key_naming_the_variable(key, reason):
    env = production_env() | {"DJANGO_SECRET_KEY": key or example_env()["DJANGO_SECRET_KEY"]}
    result = start_django(env, "manage.py", "check", "--deploy")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"DJANGO_SECRET_KEY {reason}" in result.stderr


def test_development_accepts_any_secret_key():
    result = start_django({"DJANGO_DEBUG": "1", "DJANGO_SECRET_KEY": "short"})
    assert result.returncode == 0, result.stderr


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


def test_the_example_opts_out_of_hsts_preload():
    assert example_env()["DJANGO_SECURE_HSTS_PRELOAD"] == "0"


def test_every_variable_read_by_the_settings_is_documented_in_env_example_and_the_readme():
    source = (ROOT / "factcheck" / "settings.py").read_text()
    read = set(
        re.findall(
            r'env(?:_bool|_int|_float|_choice|_list|_db|_rate|\.str)\(\s*"([A-Z_]+)"', source
        )
    )
    documented = set(example_env())
    assert read, "the pattern found no variables"
    assert read <= documented, f"missing from .env.example: {sorted(read - documented)}"
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Configuration") : readme.index("## Architecture")]
    in_readme = set(
        re.findall(r"`((?:DJANGO|FACTCHECK|POSTGRES)_[A-Z_]+|DATABASE_URL|REDIS_URL)`", table)
    )
    # The README abbreviates a family as `FACTCHECK_API_THROTTLE_USER`, `_ANON`, `_AUTH`.
    in_readme |= {"FACTCHECK_API_THROTTLE_ANON", "FACTCHECK_API_THROTTLE_AUTH"} & documented
    # DJANGO_ENV_FILE names the env file itself, so it cannot be set in it.
    assert documented <= in_readme, f"missing from the README: {sorted(documented - in_readme)}"
    assert in_readme - documented == {"DJANGO_ENV_FILE"}


@pytest.mark.parametrize(
    ("value", "proxies"), [("0", 0), ("no", 0), ("1", 1), ("yes", 1), ("2", 2)]
)
def test_behind_proxy_is_a_number_of_proxies(value, proxies):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.REST_FRAMEWORK['NUM_PROXIES'], s.SECURE_PROXY_SSL_HEADER is not None)"
    )
    result = start_django({"DJANGO_DEBUG": "1", "DJANGO_BEHIND_PROXY": value}, "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(proxies), str(bool(proxies))]


def test_behind_proxy_refuses_what_is_not_a_count():
    result = start_django({"DJANGO_DEBUG": "1", "DJANGO_BEHIND_PROXY": "maybe"})
    assert "DJANGO_BEHIND_PROXY='maybe' is not a whole number" in result.stderr


def test_the_env_file_is_read_and_the_environment_wins_over_it(tmp_path):
    env_file = tmp_path / "factcheck.env"
    env_file.write_text("DJANGO_DEBUG=1\nDJANGO_TIME_ZONE=Europe/Paris\nDJANGO_LOG_LEVEL=DEBUG\n")
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.TIME_ZONE, s.LOGGING['root']['level'])"
    )
    result = start_django(
        {"DJANGO_ENV_FILE": str(env_file), "DJANGO_LOG_LEVEL": "WARNING"}, "-c", code
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "Europe/Paris", "WARNING"]


def test_a_shared_cache_is_redis_or_nothing():
    result = start_django({"DJANGO_DEBUG": "1", "DJANGO_CACHE_URL": "memcached://x"})
    assert "DJANGO_CACHE_URL='memcached://x' must start with redis://" in result.stderr
