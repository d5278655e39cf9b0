"""Evaluation of factcheck's NLP against public data sets: ``python -m evaluation`` (``make eval``).

Not part of the installed package. Each section is a module exposing ``run(out) -> dict``
that prints its own figures to ``out``; a section whose data is absent says how to get it
and is skipped. External data is found through environment variables, never copied here.
"""
