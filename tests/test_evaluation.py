"""`make eval` (python -m evaluation): sections that exist run, absent data is a message."""

import io

from evaluation import __main__ as evaluation_main
from evaluation import ct24


def test_ct24_without_data_says_how_to_get_it_and_is_skipped(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_CT24_DIR", str(tmp_path))
    assert ct24.ct24_dir() is None
    out = io.StringIO()
    assert ct24.run(out) == {}
    assert "set FACTCHECK_CT24_DIR" in out.getvalue()


def test_every_section_that_exists_is_run_and_printed(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_CT24_DIR", str(tmp_path))
    monkeypatch.setattr(evaluation_main, "SECTIONS", ("ct24", "no_such_section"))
    out = io.StringIO()
    assert evaluation_main.main(out) == {"ct24": {}}
    assert out.getvalue().startswith("== ct24 ==")
    assert "no_such_section" not in out.getvalue()


def test_prf_counts_the_yes_class():
    assert ct24.prf([True, True, False, False], [True, False, True, False]) == (0.5, 0.5, 0.5)
    assert ct24.prf([False, False], [True, False]) == (0.0, 0.0, 0.0)


def test_the_paste_waiting_lists_are_rewritten_when_one_is_empty(monkeypatch, tmp_path):
    # The formatter writes an empty table as "{}" on one line; the writer must still find it.
    from evaluation import pastes

    tables = {"NOT_FOUND_YET": {"wire": ["a claim"]}, "CLAIMANT_NOT_YET": {}, "EXTRACTED_YET": {}}
    monkeypatch.setattr(pastes, "waiting", lambda: tables)
    path = tmp_path / "test_pastes.py"
    path.write_text(
        "NOT_FOUND_YET = {}\nCLAIMANT_NOT_YET = {\n    'x': ['y'],\n}\nEXTRACTED_YET = {}\n"
    )
    pastes.write_waiting(path)
    text = path.read_text()
    assert 'NOT_FOUND_YET = {\n    "wire": ["a claim"],\n}' in text
    assert "CLAIMANT_NOT_YET = {}" in text and "'x'" not in text
