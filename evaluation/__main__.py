"""``python -m evaluation``: run every evaluation section that exists and print its figures."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import TextIO

SECTIONS = ("ct24", "polnear", "pastes", "factcheck_matching", "throughput")


def main(out: TextIO = sys.stdout) -> dict[str, dict]:
    figures: dict[str, dict] = {}
    for name in SECTIONS:
        module_name = f"evaluation.{name}"
        if importlib.util.find_spec(module_name) is None:
            continue
        print(f"== {name} ==", file=out)
        figures[name] = importlib.import_module(module_name).run(out)
        print(file=out, flush=True)
    return figures


if __name__ == "__main__":
    main()
