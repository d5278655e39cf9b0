"""The import graph runs one way — interfaces → services and selectors → the workflow → the models
— and the pure NLP modules import nothing from Django (docs/architecture.md, "Habits"). Read
from the source with `ast`, every import counts, those inside functions included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Layers, lowest first: a module may import its own layer and the ones below, never above.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "model",
        ("claims.models", "claims.exceptions", "claims.roles", "claims.parsing", "claims.text"),
    ),
    ("workflow", ("claims.workflow", "claims.claimreview", "claims.reference_data")),
    ("domain", ("claims.selectors", "claims.services")),
    (
        "interface",
        (
            "claims.api",
            "claims.admin",
            "claims.public",
            "claims.templatetags",
            "claims.management",
            "workers.tasks",
            "workers.pipeline",
            "workers.gather",
            "workers.matching",
            "factcheck",
        ),
    ),
]
# Pure modules: plain Python in, plain values out.
# The article parser is one of them: the extractor shares its page-furniture recogniser; and so
# is the text shortener the models and the desk share.
PURE = (
    "workers.extraction",
    "workers.extract",
    "workers.enrichment",
    "workers.enrich",
    "workers.nlp",
    "workers.checklists",
    "workers.language",
    "claims.parsing",
    "claims.text",
    # What leaves the service: the outbound HTTP policy, a page and its article, webhook signing.
    "workers.outbound",
    "workers.webpage",
    "workers.webhooks",
)
PURE_MAY_IMPORT = PURE
FRAMEWORKS = (
    "django",
    "rest_framework",
    "celery",
    "kombu",
    "simple_history",
    "claims",
    "factcheck",
)

# Known exceptions to the layering (none: the job outbox lives in claims.services.jobs, and the
# workers app registers the Celery app it publishes through).
ALLOWED: set[tuple[str, str]] = set()


def modules() -> dict[str, Path]:
    found = {}
    for package in ("claims", "workers", "factcheck"):
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def imports(name: str, path: Path) -> set[str]:
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def layer_of(module: str) -> int | None:
    for index, (_, prefixes) in enumerate(LAYERS):
        if within(module, prefixes):
            return index
    return None


ALL = modules()


@pytest.mark.parametrize("name", sorted(n for n in ALL if layer_of(n) is not None))
def test_imports_point_down_the_layers(name):
    own = layer_of(name)
    upward = sorted(
        target
        for target in imports(name, ALL[name])
        if (layer := layer_of(target)) is not None
        and layer > own
        and not any(within(name, (a,)) and within(target, (b,)) for a, b in ALLOWED)
    )
    assert not upward, f"{name} imports a layer above its own: {upward}"


@pytest.mark.parametrize("name", sorted(n for n in ALL if within(n, PURE)))
def test_pure_modules_import_no_framework(name):
    framework = sorted(
        target
        for target in imports(name, ALL[name])
        if within(target, (*FRAMEWORKS, "workers")) and not within(target, PURE_MAY_IMPORT)
    )
    assert not framework, f"{name} is pure but imports {framework}"


def test_the_api_and_the_admin_do_not_import_each_other():
    for name, path in ALL.items():
        for other in ("claims.api", "claims.admin"):
            if within(name, ("claims.api", "claims.admin")) and not within(name, (other,)):
                crossing = [t for t in imports(name, path) if within(t, (other,))]
                assert not crossing, f"{name} imports {crossing}"


def test_tasks_do_not_import_the_api():
    assert not [
        t for t in imports("workers.tasks", ALL["workers.tasks"]) if within(t, ("claims.api",))
    ]


def test_every_layer_names_modules_that_exist():
    for _, prefixes in LAYERS:
        for prefix in prefixes:
            assert any(within(name, (prefix,)) for name in ALL), prefix


def test_every_data_file_of_the_workers_ships_with_the_package():
    """A JSON file the extractor reads at run time (the trained scorer, the learned cue verbs)
    left out of the package data would be missing from a non-editable install (the image)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = set(config["tool"]["setuptools"]["package-data"]["workers"])
    shipped = {str(p.relative_to(ROOT / "workers")) for p in (ROOT / "workers").rglob("*.json")}
    assert shipped and shipped <= declared
