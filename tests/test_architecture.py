"""Import direction: the import-linter contracts hold, and the light modules stay light at run time."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT


def test_import_linter_contracts():
    result = subprocess.run(
        [sys.executable, "-m", "importlinter.cli", "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    if "No module named" in result.stderr:
        result = subprocess.run(["lint-imports", "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("timeline.store", ("spacy", "textual")),
        ("timeline.query", ("spacy", "textual")),
        ("timeline.export", ("spacy", "textual")),
        ("timeline.tui", ("spacy",)),
        ("timeline.pipeline", ("textual", "dask", "distributed")),  # Dask stays the user's choice
        ("timeline.cli", ("spacy", "textual", "dask", "distributed")),
    ],
)
def test_heavy_packages_stay_unimported(module, forbidden):
    code = f"import sys, {module}; print(','.join(m for m in {forbidden!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_spacy_components_declare_what_they_assign():
    from timeline.config import DEFAULT_MODEL
    from timeline.nlp import load_pipeline

    analysis = load_pipeline(DEFAULT_MODEL).analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())


def test_no_module_shadows_the_standard_library():
    names = {path.stem for path in (ROOT / "timeline").rglob("*.py")}
    assert not names & set(sys.stdlib_module_names)
