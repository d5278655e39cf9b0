"""`make smoke` (scripts/smoke.py) leaves nothing behind: its fresh var/ goes with the run, when
the run fails too. (The passing run is CI's own `make smoke`.)"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def test_a_failed_smoke_run_removes_its_var_dir(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "FACTCHECK_", "MAKE", "MFLAGS"))
    }
    # A real failure of the service: its settings refuse the variable, so make run exits at once.
    env.update(TMPDIR=str(tmp_path), DJANGO_DEBUG="maybe")
    result = subprocess.run(
        [sys.executable, "scripts/smoke.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "SMOKE FAILED: make run exited" in result.stdout
    assert "DJANGO_DEBUG='maybe' is not a boolean" in result.stdout
    assert list(tmp_path.iterdir()) == []
