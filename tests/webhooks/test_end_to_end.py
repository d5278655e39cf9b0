"""Webhooks end to end: a real Celery worker on the configured broker and database delivers to
receivers on 127.0.0.1 (allowed by FACTCHECK_FETCH_ALLOW_HOSTS in the worker's environment).

- `claim.published` reaches the receiver shipped in docs/examples/, which verifies its signature;
- a receiver that answers 500 gets retries with backoff, then the delivery fails;
- the delivery log shows both.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys

import pytest

from claims import services
from claims.models import ClaimStatus, DeliveryState, Verdict, WebhookDelivery
from claims.services import endpoint_create, endpoint_update
from factcheck.celery import app as celery_app
from tests.factories import ClaimFactory, EvidenceFactory, UserFactory
from tests.localhttp import LocalServer, status
from tests.worker_process import WorkerProcess, wait_until

from .test_signing import RECEIVER

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

WORKER_ENV = {
    "FACTCHECK_FETCH_ALLOW_HOSTS": "127.0.0.1",
    "FACTCHECK_WEBHOOK_BACKOFF": "1",
    "FACTCHECK_WEBHOOK_MAX_ATTEMPTS": "3",
}


@pytest.fixture
def worker(transactional_db, settings):
    settings.FACTCHECK = {**settings.FACTCHECK, "FETCH_ALLOW_HOSTS": ["127.0.0.1"]}
    celery_app.control.purge()  # messages other tests published must not reach this worker
    process = WorkerProcess(extra_env=WORKER_ENV).start()
    yield process
    process.stop()


def publish_a_claim():
    """A claim in review with everything publishing needs, published by a second editor."""
    checker = UserFactory(username="fatima", role="fact-checker")
    editor = UserFactory(username="eddie", role="editor")
    claim = ClaimFactory(
        status=ClaimStatus.IN_REVIEW,
        assignee=checker,
        verdict=Verdict.MOSTLY_TRUE,
        verdict_summary="INEGI records more than 450,000 homicides since 2006.",
    )
    EvidenceFactory(claim=claim)
    return services.claim_transition(claim=claim, to=ClaimStatus.PUBLISHED, actor=editor)


def test_claim_published_reaches_the_documented_receiver_signed(worker):
    endpoint = endpoint_create(url="https://placeholder.example/", events=["claim.published"])
    receiver = subprocess.Popen(
        [sys.executable, str(RECEIVER), "127.0.0.1", "0"],
        env={**os.environ, "FACTCHECK_WEBHOOK_SECRET": endpoint.secret},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        address = receiver.stdout.readline().split()[-1]
        endpoint_update(endpoint=endpoint, url=f"http://{address}/webhooks/factcheck")
        claim = publish_a_claim()
        wait_until(
            lambda: WebhookDelivery.objects.filter(state=DeliveryState.SUCCEEDED).exists(),
            timeout=60,
            message=f"no delivery succeeded:\n{worker.log}",
        )
        receiver.terminate()
        printed = receiver.communicate(timeout=10)[0].splitlines()
    finally:
        receiver.kill()
    event_type, data = printed[0].split(" ", 1)  # what the receiver accepted, once verified
    assert event_type == "claim.published"
    data = json.loads(data)
    assert data["claim"]["id"] == claim.pk and data["claim"]["verdict"] == "mostly_true"
    assert data["claimreview"]["@type"] == "ClaimReview"
    delivery = WebhookDelivery.objects.get(event_type="claim.published")
    assert (delivery.attempts, delivery.last_status_code, delivery.last_error) == (1, 204, "")


def test_a_receiver_answering_500_gets_retries_with_backoff(worker):
    with LocalServer({"/hook": status(500, b"we are down")}) as receiver:
        endpoint_create(url=receiver.url("/hook"), events=["claim.published"])
        publish_a_claim()
        wait_until(
            lambda: WebhookDelivery.objects.filter(state=DeliveryState.FAILED).exists(),
            timeout=90,
            message=f"the delivery did not fail after its attempts:\n{worker.log}",
        )
        times = [received.at for received in receiver.received]
    assert len(times) == 3
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    # FACTCHECK_WEBHOOK_BACKOFF=1: about 1 s, then about 2 s (plus jitter and the worker's pace)
    assert 0.9 < gaps[0] < 5 and 1.9 < gaps[1] < 8 and gaps[1] > gaps[0]
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == (
        DeliveryState.FAILED,
        3,
        500,
    )
    assert delivery.last_error == "the endpoint answered HTTP 500"
    assert delivery.last_response == "we are down"
    assert delivery.next_attempt_at is None
