"""The home page (`/`, the admin's "View site"): the desk, the public fact-checks, the ClaimReview
feed, the API docs."""

from django.conf import settings
from django.shortcuts import render


def home(request):
    return render(request, "home.html", {"organization": settings.FACTCHECK["ORGANIZATION_NAME"]})
