"""A bounded, deterministic schemathesis run against the WSGI app: for every operation of the
OpenAPI schema, generated requests (valid and invalid) must never get a 5xx nor an answer the
schema does not describe (status code, content type, body, headers).

Both valid requests and invalid ones (schemathesis' negative mode: wrong types, missing fields,
out-of-range values). Bounded: EXAMPLES per operation and mode, derandomized (the same cases every
run), no example database; about 15 s.
"""

import itertools
import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis.generation.modes import GenerationMode

from claims.models import ClaimStatus, Verdict
from factcheck.wsgi import application
from tests.factories import ChecklistItemFactory, ClaimFactory, EvidenceFactory, UserFactory

from .factories import ClaimEventFactory, JobFactory, enriched_claim

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

EXAMPLES = 20

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
]


@pytest.fixture
def wsgi_requests_in_the_test_transaction():
    """Django's test client keeps requests from closing the test's connection; a raw WSGI call
    must do the same, or the first request would end the test transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def data(editor):
    """Rows for the generated ids to find now and then (ids 1, 2, 3 … exist)."""
    for status in (ClaimStatus.NEW, ClaimStatus.TRIAGED, ClaimStatus.PUBLISHED):
        claim = enriched_claim(
            status=status, verdict=Verdict.FALSE if status == ClaimStatus.PUBLISHED else ""
        )
        ChecklistItemFactory(claim=claim)
        EvidenceFactory(claim=claim)
        ClaimEventFactory(claim=claim)
        JobFactory(article=claim.article)
    ClaimFactory(assignee=UserFactory(username="assignable", role="fact-checker"))


def test_no_operation_answers_5xx_or_outside_the_schema(
    editor, data, settings, wsgi_requests_in_the_test_transaction
):
    # Throttling is exercised elsewhere; here it would only stop the exploration early.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None, "auth": None},
    }
    token = Token.objects.create(user=editor).key
    headers = {"Authorization": f"Token {token}"}
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    assert json.dumps(schema.raw_schema)  # loaded, and plain JSON

    ran = 0
    failures = []
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation, mode in itertools.product(operations, GenerationMode):

        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(
            max_examples=EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            nonlocal ran
            ran += 1
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            run()
        except Unsatisfiable:
            assert mode == GenerationMode.NEGATIVE  # nothing in this operation can be made invalid
        except Exception as exc:  # collect every operation's failure, then report them all
            failures.append(f"{operation.label} ({mode}): {exc}")

    print(f"schemathesis: {ran} examples over {len(operations)} operations")
    assert not failures, "\n\n".join(failures)
    assert len(operations) == 36  # 25, the 8 of webhooks/, the 3 of external-factchecks/
    assert ran >= EXAMPLES * len(operations)
