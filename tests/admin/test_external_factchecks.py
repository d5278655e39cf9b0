"""Importing other desks' ClaimReview in the admin: the upload form, its refusals."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from claims.models import ExternalFactCheck

pytestmark = pytest.mark.django_db

URL = "/admin/claims/externalfactcheck/import/"


def upload(client, document, name="feed.json"):
    data = document if isinstance(document, bytes) else json.dumps(document).encode()
    return client.post(URL, {"file": SimpleUploadedFile(name, data)})


REVIEW = {
    "@type": "ClaimReview",
    "url": "https://desk.example/checks/1",
    "claimReviewed": "More than 450,000 killed in Mexico",
    "reviewRating": {"alternateName": "Mostly true"},
    "author": {"name": "Desk Example"},
}


def test_an_editor_uploads_a_claimreview_file(editor, login):
    client = login(editor)
    assert "Import ClaimReview" in client.get("/admin/claims/externalfactcheck/").content.decode()
    response = upload(client, {"@type": "DataFeed", "dataFeedElement": [REVIEW]})
    assert response.status_code == 302
    assert ExternalFactCheck.objects.get().author_name == "Desk Example"
    page = client.get(response["Location"]).content.decode()
    assert "ClaimReview imported: 1 new, 0 updated, 0 unchanged." in page


def test_a_bad_file_is_refused_with_its_problems_and_nothing_stored(editor, login):
    client = login(editor)
    html = upload(client, [{**REVIEW, "url": "nope"}]).content.decode()
    assert "[0].url: an http(s) URL is required" in html and "Nothing was imported." in html
    assert "Not UTF-8 JSON" in upload(client, b"{").content.decode()
    assert not ExternalFactCheck.objects.exists()


def test_a_fact_checker_may_not_import(fact_checker, login):
    assert upload(login(fact_checker), REVIEW).status_code == 403
