"""Shared fixtures: the seeds folder, an ingested seeds database (built once per session), settings."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from timeline.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEST_DATA = ROOT / "tests" / "data"
NOBODY = 65534


def make_settings(db_path: Path) -> Settings:
    return Settings(db_path=db_path, config_path=db_path.parent / "none.toml")


def lines_of(tmp_path, text: str, published) -> list[tuple[tuple[str, ...], str | None, str]]:
    """(companies, date value, sentence) of each mention one article gives, headline first."""
    from timeline.models import Article
    from timeline.pipeline import extract_batch

    article = Article(doc_id="a.txt", text=text, title=text.split("\n", 1)[0], published=published)
    [document] = extract_batch([article], make_settings(tmp_path / "db.json"))
    return [(m.companies, m.date.value if m.date else None, m.sentence) for m in document.mentions]


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, monkeypatch):
    """No test reads or writes the user's real database or config: the user's data and config folders are
    empty folders of the test's own, and no TIMELINE_ variable is set."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))
    for name in ("TIMELINE_DB", "TIMELINE_CONFIG", "TIMELINE_MODEL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """A database with the five seeds ingested through the real pipeline (spaCy model included)."""
    from timeline.pipeline import ingest
    from timeline.store import Store

    folder = tmp_path_factory.mktemp("seeds-db")
    db = folder / "db.json"
    copy = folder / "seeds"
    shutil.copytree(SEEDS, copy)
    with Store(db) as store:
        report = ingest([copy], store, make_settings(db))
    assert not report.errors
    return db


@pytest.fixture
def seeds_db_copy(seeds_db, tmp_path) -> Path:
    target = tmp_path / "db.json"
    shutil.copy(seeds_db, target)
    parts = Path(f"{seeds_db}.parts")
    if parts.is_dir():  # the parts the database file names (timeline.parts)
        shutil.copytree(parts, Path(f"{target}.parts"))
    return target


@contextlib.contextmanager
def as_ordinary_user():
    """File modes apply inside as they do to an ordinary user. Root reads every file whatever its mode, so
    a root test run switches its effective user and group to nobody here and back after; an ordinary
    user's run changes nothing."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_tmp_path(tmp_path):
    """A scratch folder an ordinary user can write in (pytest's own is private to root in a root run)."""
    if os.geteuid() != 0:
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="timeline-test-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)
