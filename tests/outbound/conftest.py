"""Every outbound test runs under the loopback guard: reaching beyond loopback fails the test."""

from __future__ import annotations

import pytest

from tests.localhttp import LoopbackGuard


@pytest.fixture(autouse=True)
def loopback(monkeypatch):
    guard = LoopbackGuard().install(monkeypatch)
    yield guard
    assert guard.outside == [], f"reached beyond loopback: {guard.outside}"
