"""Settings of the HTTP load run (`benchmarks.load`): the service's own, plus one bare view."""

from factcheck.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.load_urls"
