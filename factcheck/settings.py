"""Settings for factcheck, read from the environment in this one place.

Every variable is listed in `.env.example`. A value that cannot be parsed stops the process at start
with an ImproperlyConfigured error naming the variable: a typo in production must never silently
become a default (django-environ on its own reads DJANGO_DEBUG=maybe as False).
"""

from __future__ import annotations

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from factcheck import envfile
from factcheck.environment import (
    DEV_SECRET_KEY,
    FALSE_WORDS,
    SECRET_KEY_MIN_LENGTH,
    TRUE_WORDS,
    env,
    env_bool,
    env_choice,
    env_db,
    env_float,
    env_int,
    env_list,
    env_rate,
    secret_key_problem,
)

BASE_DIR = Path(__file__).resolve().parent.parent

# A local env file (`.env` beside manage.py; `make run` writes a development one on first run) is
# read at start; variables already in the environment win. DJANGO_ENV_FILE names another file, or
# none when empty (the tests use that, so a developer's .env never leaks into them).
ENV_FILE = envfile.path()
if ENV_FILE is not None and ENV_FILE.is_file():
    environ.Env.read_env(ENV_FILE, overwrite=False)

DEBUG = env_bool("DJANGO_DEBUG", False)

# Runtime state (SQLite database, embedded broker, beat schedule, screenshots) lives under var/.
VAR_DIR = Path(env.str("FACTCHECK_VAR_DIR", default=str(BASE_DIR / "var"))).resolve()

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not DEBUG and (_problem := secret_key_problem(SECRET_KEY)):
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY {_problem}. When DJANGO_DEBUG is off it must be "
        f"{SECRET_KEY_MIN_LENGTH}+ random characters of your own: "
        'python3 -c "import secrets; print(secrets.token_urlsafe(64))" '
        "(set DJANGO_DEBUG=1 for local development)."
    )
SECRET_KEY = SECRET_KEY or DEV_SECRET_KEY

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # trigram lookups for similar claims (used only on PostgreSQL)
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "simple_history",
    "claims",
    "workers",
]

MIDDLEWARE = [
    # First: reads a chunked API body (or refuses it) before anything else reads the body.
    "claims.api.middleware.RequestBodyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"
ASGI_APPLICATION = "factcheck.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "factcheck" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)

DATABASES = {"default": env_db("DATABASE_URL", f"sqlite:///{VAR_DIR / 'factcheck.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DJANGO_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the worker share the file: wait for a lock instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # collectstatic fills it in the image; WhiteNoise wants it there

# --- Security: secure by default whenever DEBUG is off -------------------------------------------
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Health checks come from the orchestrator over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
# Preloading is an opt-in commitment, not a missing setting: no warning for leaving it off.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", not DEBUG)

# How many reverse proxies stand between the clients and gunicorn (0: none; 1, true/yes/on: one).
# Only then are X-Forwarded-Proto and X-Forwarded-For believed, and of X-Forwarded-For only the
# address the nearest proxy added: a client can write anything in these headers itself.
_proxies = env.str("DJANGO_BEHIND_PROXY", default="0").strip().lower()
if _proxies in TRUE_WORDS | FALSE_WORDS:
    BEHIND_PROXIES = int(_proxies in TRUE_WORDS)
else:
    BEHIND_PROXIES = env_int("DJANGO_BEHIND_PROXY", 0)
if BEHIND_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
}

# --- Cache: API throttle counters (and anything else cached) ------------------------------------
# Per process by default. With several gunicorn workers the API's rate limits only hold across
# processes with a shared cache: point DJANGO_CACHE_URL at a Redis database of its own (not the
# broker's: clearing a cache flushes its whole database).
CACHE_URL = env.str("DJANGO_CACHE_URL", default="")
if CACHE_URL and not CACHE_URL.startswith(("redis://", "rediss://")):
    raise ImproperlyConfigured(f"DJANGO_CACHE_URL={CACHE_URL!r} must start with redis://")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            # A stopped or hung Redis must cost a request a second at most (rate limits then fail
            # open: claims/api/throttles.py), never hang it.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- Celery (namespace CELERY_, read by factcheck/celery.py) ---------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
BROKER_DIR = VAR_DIR / "broker"
TASK_SOFT_TIME_LIMIT = env_int("FACTCHECK_TASK_SOFT_TIME_LIMIT", 120, minimum=1)
TASK_TIME_LIMIT = TASK_SOFT_TIME_LIMIT + 30
RETRY_BACKOFF_MAX = 600

# An unacked (acks_late) message is redelivered after this long: longer than any task and retry
# countdown, or a slow task would run twice at once (the whole-worker kill test shortens it).
BROKER_VISIBILITY_TIMEOUT = env_int(
    "FACTCHECK_BROKER_VISIBILITY_TIMEOUT", 2 * max(TASK_TIME_LIMIT, RETRY_BACKOFF_MAX), minimum=1
)

if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"REDIS_URL={REDIS_URL!r} must start with redis:// or rediss://")
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
        "visibility_timeout": BROKER_VISIBILITY_TIMEOUT,
        # Sweeps for a dead worker's messages: kombu's 100 s, or sooner for a short timeout.
        "unacked_restore_interval": min(10, max(1, BROKER_VISIBILITY_TIMEOUT // 2)),
        "unacked_restore_throttle": 10 if BROKER_VISIBILITY_TIMEOUT >= 100 else 1,
        "socket_connect_timeout": 1,  # a web write publishing after commit never waits long
        "socket_timeout": 5,
    }
else:
    # The embedded default: kombu's filesystem transport, shared by the web process and the worker.
    CELERY_BROKER_URL = "filesystem://"
    for _folder in ("queue", "processed", "control"):
        (BROKER_DIR / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "store_processed": False,
        "control_folder": str(BROKER_DIR / "control"),  # kombu's default is ./control
        # The folder is polled: once a second (kombu's default) makes a 20-claim article take
        # 40 s; a tenth of a second costs a few stat() calls.
        "polling_interval": 0.1,
    }

CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True  # state lives in Job rows, not in a result backend
CELERY_TASK_ACKS_LATE = False  # opted into per task, only where the task is safe to re-run
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = TASK_SOFT_TIME_LIMIT
CELERY_TASK_TIME_LIMIT = TASK_TIME_LIMIT
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 3
# Celery's Django fixup closes the database connection around every task unless this is set (a
# new PostgreSQL connection per task, CONN_MAX_AGE ignored): set, it closes them every this many
# tasks only, and factcheck/celery.py does what Django does around a request instead (a
# connection too old, or unusable after an error, is closed; CONN_HEALTH_CHECKS pings once per
# task before its first query, which is what finds a restarted PostgreSQL).
CELERY_DB_REUSE_MAX = 1000
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "republish-stale-jobs": {
        "task": "factcheck.jobs.republish_stale",
        "schedule": env_int("FACTCHECK_SWEEP_INTERVAL", 60, minimum=5),
    },
    "purge-idempotency-keys": {
        "task": "factcheck.maintenance.purge_idempotency_keys",
        "schedule": 3600,
    },
}

# --- factcheck ------------------------------------------------------------------------------------
FACTCHECK = {
    # Largest article body accepted, in characters (a long feature is ~60,000).
    "MAX_ARTICLE_CHARS": env_int("FACTCHECK_MAX_ARTICLE_CHARS", 200_000, minimum=1000),
    # An article keeps at most this many claims, its most check-worthy (README, Throughput).
    "MAX_CLAIMS_PER_ARTICLE": env_int("FACTCHECK_MAX_CLAIMS_PER_ARTICLE", 300, minimum=1),
    # The claim stages run per article in tasks of at most this many claims.
    "CLAIMS_PER_TASK": env_int("FACTCHECK_CLAIMS_PER_TASK", 25, minimum=1),
    # An article with at most this many claims has them enriched and checked by its extraction
    # task itself, without a trip through the broker (0: always publish `process_claims`).
    "INLINE_CLAIMS": env_int("FACTCHECK_INLINE_CLAIMS", 25, minimum=0),
    # The worker's PostgreSQL transactions wait for their commit to reach the disk ("on") or
    # not ("off": a crash of PostgreSQL or of its machine may lose the pipeline's last commits,
    # which the stages redo; docs/architecture.md, "Commits"). The web process always waits.
    "WORKER_SYNCHRONOUS_COMMIT": env_choice(
        "FACTCHECK_WORKER_SYNCHRONOUS_COMMIT", "off", ("on", "off")
    ),
    # A job is given up (state failed) after this many attempts.
    "JOB_MAX_ATTEMPTS": env_int("FACTCHECK_JOB_MAX_ATTEMPTS", 5, minimum=1),
    # A queued job not started after this many seconds is published again by the sweeper.
    "JOB_STALE_AFTER": env_int("FACTCHECK_JOB_STALE_AFTER", 120, minimum=5),
    # Which check-worthiness scorer reads articles: the trained model or the rule table.
    "CHECKWORTHINESS_SCORER": env_choice(
        "FACTCHECK_CHECKWORTHINESS_SCORER", "model", ("model", "rules")
    ),
    # Sentences scoring at least this are recorded as claims. Unset (None): the scorer's own
    # threshold (the model's, chosen on CT24 dev and shipped with it; 0.5 for the rules).
    "CHECKWORTHINESS_THRESHOLD": env_float("FACTCHECK_CHECKWORTHINESS_THRESHOLD", None),
    # Similar claims: suggested at or above the first, linked as duplicate at or above the second.
    "SIMILAR_SUGGEST": env_float("FACTCHECK_SIMILAR_SUGGEST", 0.6),
    "SIMILAR_DUPLICATE": env_float("FACTCHECK_SIMILAR_DUPLICATE", 0.95),
    # Other desks' fact-checks: a claim matching one at or above this is marked "already checked"
    # (workers/enrich/factchecks.py's DEFAULT_THRESHOLD; its precision in docs/factchecks.md).
    "EXTERNAL_MATCH": env_float("FACTCHECK_EXTERNAL_MATCH", 0.9),
    # The organisation named as author of published ClaimReviews.
    "ORGANIZATION_NAME": env.str("FACTCHECK_ORGANIZATION_NAME", default="factcheck"),
    "ORGANIZATION_URL": env.str("FACTCHECK_ORGANIZATION_URL", default="http://127.0.0.1:8000/"),
    # Publishing a verdict needs the published fact-check's URL (the claim's "published at URL").
    "REQUIRE_REVIEW_URL": env_bool("FACTCHECK_REQUIRE_REVIEW_URL", False),
    # Largest API request body accepted, in bytes; a larger one is answered 413.
    "API_MAX_BODY_BYTES": env_int("FACTCHECK_API_MAX_BODY_BYTES", 1048576, minimum=1024),
    # Failed sign-ins per username, from any address (API token endpoint and admin login): at the
    # limit the username is refused until this many seconds after its first failure.
    "SIGN_IN_FAILURE_LIMIT": env_int("FACTCHECK_SIGN_IN_FAILURE_LIMIT", 10, minimum=1),
    "SIGN_IN_LOCKOUT": env_int("FACTCHECK_SIGN_IN_LOCKOUT", 900, minimum=1),
    # An API token's user is cached this many seconds (0: read with the token on every
    # request). Signing out or saving the user drops it at once (claims/api/authentication.py).
    "API_TOKEN_CACHE_SECONDS": env_int("FACTCHECK_API_TOKEN_CACHE_SECONDS", 30, minimum=0),
}
if FACTCHECK["SIMILAR_DUPLICATE"] < FACTCHECK["SIMILAR_SUGGEST"]:
    raise ImproperlyConfigured(
        "FACTCHECK_SIMILAR_DUPLICATE must not be lower than FACTCHECK_SIMILAR_SUGGEST."
    )

# --- Outbound HTTP: URL ingest and webhooks (workers/outbound) --------------------- begin ---
FACTCHECK.update(
    {
        # Hosts fetched despite the address rules (loopback, private …): names, IPs or networks.
        "FETCH_ALLOW_HOSTS": env_list("FACTCHECK_FETCH_ALLOW_HOSTS", []),
        # An article page larger than this (bytes) is refused.
        "FETCH_MAX_BYTES": env_int("FACTCHECK_FETCH_MAX_BYTES", 5 * 1024 * 1024, minimum=1024),
        # Total seconds for one fetch, redirects included (a slow server is cut off).
        "FETCH_TIMEOUT": env_int("FACTCHECK_FETCH_TIMEOUT", 20, minimum=1),
        "FETCH_MAX_REDIRECTS": env_int("FACTCHECK_FETCH_MAX_REDIRECTS", 5),
        # Total seconds for one webhook delivery attempt.
        "WEBHOOK_TIMEOUT": env_int("FACTCHECK_WEBHOOK_TIMEOUT", 10, minimum=1),
        # A delivery is given up after this many attempts; retries wait BACKOFF seconds, doubling
        # each time, at most BACKOFF_MAX.
        "WEBHOOK_MAX_ATTEMPTS": env_int("FACTCHECK_WEBHOOK_MAX_ATTEMPTS", 10, minimum=1),
        "WEBHOOK_BACKOFF": env_int("FACTCHECK_WEBHOOK_BACKOFF", 30, minimum=1),
        "WEBHOOK_BACKOFF_MAX": env_int("FACTCHECK_WEBHOOK_BACKOFF_MAX", 6 * 3600, minimum=1),
        # An endpoint whose deliveries have all failed for this many days is disabled.
        "WEBHOOK_DISABLE_AFTER_DAYS": env_int("FACTCHECK_WEBHOOK_DISABLE_AFTER_DAYS", 5, minimum=1),
    }
)
CELERY_BEAT_SCHEDULE["sweep-webhook-deliveries"] = {
    "task": "factcheck.webhooks.sweep",
    "schedule": CELERY_BEAT_SCHEDULE["republish-stale-jobs"]["schedule"],
}
for _name in ("FETCH_TIMEOUT", "WEBHOOK_TIMEOUT"):
    if FACTCHECK[_name] >= TASK_SOFT_TIME_LIMIT:
        raise ImproperlyConfigured(
            f"FACTCHECK_{_name} must be shorter than FACTCHECK_TASK_SOFT_TIME_LIMIT."
        )
# --- Outbound HTTP ------------------------------------------------------------------- end ---


# --- REST API (claims/api) ---------------------------------------------------------- begin ---
# Everything the API needs from settings, in this one block. docs/architecture.md has the contract.
INSTALLED_APPS += ["drf_spectacular_sidecar"]  # Swagger UI served from our static files, no CDN

REST_FRAMEWORK = {
    # Token first: its WWW-Authenticate header is what turns "not authenticated" into a 401.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # DRF's, with the token's user cached for FACTCHECK["API_TOKEN_CACHE_SECONDS"].
        "claims.api.authentication.CachedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["claims.api.permissions.RolePermission"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["claims.api.parsers.StrictJSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["claims.api.filtersets.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "claims.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": [
        "claims.api.throttles.AnonThrottle",
        "claims.api.throttles.UserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_rate("FACTCHECK_API_THROTTLE_ANON", "60/minute"),
        "user": env_rate("FACTCHECK_API_THROTTLE_USER", "600/minute"),
        # POST /api/v1/auth/token/, per client address: slows down password guessing.
        "auth": env_rate("FACTCHECK_API_THROTTLE_AUTH", "10/minute"),
    },
    # Client addresses for the per-address rates: X-Forwarded-For only behind the proxies.
    "NUM_PROXIES": BEHIND_PROXIES,
    "EXCEPTION_HANDLER": "claims.api.errors.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "claims.api.schema.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "STRICT_JSON": True,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": (
        "Claims found in news articles, their verification and their published verdicts "
        "(docs/architecture.md). Authenticate with `Authorization: Token <key>` (from "
        "`POST /api/v1/auth/token/`) or a session. Every error is an RFC 9457 "
        "`application/problem+json` document."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "VerdictEnum": "claims.models.Verdict",
        "ClaimTypeEnum": "claims.models.ClaimType",
        # Jobs and articles share one set of pipeline states.
        "PipelineStateEnum": "claims.models.JobState",
        "ChecklistStateEnum": "claims.models.ChecklistState",
        "EntityKindEnum": "claims.models.EntityKind",
        "EventKindEnum": "claims.models.EventKind",
        "WebhookEventEnum": "claims.models.WebhookEvent",
        "DeliveryStateEnum": "claims.models.DeliveryState",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# --- REST API (claims/api) ------------------------------------------------------------ end ---
