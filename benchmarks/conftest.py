"""Benchmarks: `make bench`. Ratios measured side by side in one run are what to report; absolute
times on shared machines are noisy."""

import pytest


@pytest.fixture
def seed_text():
    from django.conf import settings

    return (settings.BASE_DIR / "seeds" / "000_575df2c8442f52cd.txt").read_text(encoding="utf-8")
