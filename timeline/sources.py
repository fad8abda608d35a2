"""Read articles from files and folders: `.txt`/`.md` (optional YAML front matter), `.html`, `.json`, `.jsonl`.

`read_paths` yields an `Article` for each article it reads and a `SourceError` for each file (or record)
it cannot use, so one bad file never stops a batch. This is the only module on the extract side that
touches the file system.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from .models import Article

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson"}
TEXT_FIELDS = ("text", "maintext", "body", "content")
DATE_FIELDS = ("published", "date", "date_publish", "published_at", "pubdate")


@dataclass(frozen=True)
class SourceError:
    """A file or record that could not be read; `str()` is the one-line message for the user."""

    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


class _Unreadable(ValueError):
    """Raised inside this module; becomes a SourceError for the file at hand."""


def bundled_seeds() -> Path | None:
    """The five sample articles shipped with timeline (in the wheel, or beside the package in a checkout)."""
    here = Path(__file__).resolve().parent
    return next((folder for folder in (here / "seeds", here.parent / "seeds") if folder.is_dir()), None)


def count_articles(paths: Iterable[str | Path]) -> int:
    """A quick count for the progress bar: one per file, one per non-empty line of a JSON Lines file."""
    total = 0
    for given in paths:
        path = Path(given)
        files = _walk(path) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            if file.suffix.lower() in (".jsonl", ".ndjson"):
                try:
                    with open(file, "rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def read_paths(
    paths: Iterable[str | Path], *, published: date | None = None, max_bytes: int = 20 * 1024 * 1024
) -> Iterator[Article | SourceError]:
    """Every article under `paths`, in a stable order, with errors interleaved where they occur.

    `published` is the date given by the user for input that carries none of its own. A document's id is
    its file path as reached from the path given (`seeds/000_2d0dbaa153dea599.txt`), or its JSON `id`.
    """
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield SourceError(str(given), "no such file or directory")
        elif path.is_dir():
            yield from _read_folder(path, published, max_bytes)
        else:
            yield from read_file(path, published=published, max_bytes=max_bytes)


def _read_folder(folder: Path, published: date | None, max_bytes: int) -> Iterator[Article | SourceError]:
    found = False
    for file in _walk(folder):
        found = True
        yield from read_file(file, published=published, max_bytes=max_bytes)
    if not found:
        suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
        yield SourceError(str(folder), f"no articles found (looked for {suffixes})")


def _walk(folder: Path) -> Iterator[Path]:
    """Article files below `folder`, sorted, following no symlink twice (a loop cannot hang the walk)."""
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        try:
            stat = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (stat.st_dev, stat.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield Path(root) / name


def read_file(
    path: Path, *, published: date | None = None, max_bytes: int = 20 * 1024 * 1024
) -> Iterator[Article | SourceError]:
    """The articles in one file (several for `.json`/`.jsonl`)."""
    name = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _Unreadable(
                f"file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit "
                "(raise max_file_mb in timeline.toml to read it)"
            )
        data = path.read_bytes()
    except OSError as error:
        yield SourceError(name, f"cannot read file ({error.strerror or error})")
        return
    except _Unreadable as error:
        yield SourceError(name, str(error))
        return
    try:
        if not data.strip():
            raise _Unreadable("empty file")
        text = decode(data)
        if suffix in (".json", ".jsonl", ".ndjson"):
            yield from _json_articles(name, text, suffix != ".json", published)
        elif suffix in (".html", ".htm"):
            yield _html_article(name, text, published)
        else:
            yield _text_article(name, text, published)
    except _Unreadable as error:
        yield SourceError(name, str(error))


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else the detected encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            pass  # a UTF-16 byte-order mark on bytes that are not UTF-16: detect as for any other file
    if b"\x00" in data[:8192]:
        raise _Unreadable("binary file (contains NUL bytes), not an article")
    try:
        return _check_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _Unreadable("binary file or unknown text encoding")
    return _check_text(str(best))


def _check_text(text: str) -> str:
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(10, len(text[:20000]) // 100):
        raise _Unreadable("binary file (too many control characters), not an article")
    return text.replace("\x00", "")


def _text_article(name: str, text: str, published: date | None) -> Article:
    meta, body = split_front_matter(text)
    if not body.strip():
        raise _Unreadable("no article text after the front matter")
    # With no title in the front matter, the pipeline takes the first line of the cleaned text.
    title = str(meta.get("title") or "").strip()
    own_date = _meta_date(meta, "published", name)
    return Article(
        doc_id=name,
        text=body,
        title=title,
        published=own_date or published,
        url=str(meta.get("url") or ""),
        source=str(meta.get("source") or ""),
        path=name,
        published_from="metadata" if own_date else ("option" if published else ""),
    )


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter between `---` lines at the very top, and the text after it."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            try:
                meta = yaml.safe_load("\n".join(lines[1:index])) or {}
            except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
                # ValueError: YAML reads `published: 2024-99-99` as a date and the calendar refuses it
                raise _Unreadable(f"front matter is not valid YAML ({_first_line(str(error))})") from error
            if not isinstance(meta, dict):
                raise _Unreadable("front matter is not a mapping of keys to values")
            return meta, "\n".join(lines[index + 1 :])
    return {}, text


def _html_article(name: str, html: str, published: date | None) -> Article:
    import trafilatura
    from htmldate import find_date

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise _Unreadable("no article text found in the HTML page")
    metadata = trafilatura.extract_metadata(html)
    found = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    own_date = date.fromisoformat(found) if found else None
    return Article(
        doc_id=name,
        text=text,
        title=(metadata.title if metadata and metadata.title else _first_line(text)),
        published=own_date or published,
        url=(metadata.url if metadata and metadata.url else ""),
        source=(metadata.sitename if metadata and metadata.sitename else ""),
        path=name,
        published_from="metadata" if own_date else ("option" if published else ""),
    )


def _json_articles(name: str, text: str, lines: bool, published: date | None) -> Iterator[Article | SourceError]:
    if lines:
        records = _jsonl_records(name, text)
    else:
        try:
            loaded = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as error:
            raise _Unreadable(f"not valid JSON ({_first_line(str(error))})") from error
        if isinstance(loaded, dict) and isinstance(loaded.get("articles"), list):
            loaded = loaded["articles"]
        items = loaded if isinstance(loaded, list) else [loaded]
        records = ((f"{name}[{i}]", item) for i, item in enumerate(items))
    for where, record in records:
        if isinstance(record, SourceError):
            yield record
            continue
        try:
            yield _record_article(name, where, record, published)
        except _Unreadable as error:
            yield SourceError(where, str(error))


def _jsonl_records(name: str, text: str) -> Iterator[tuple[str, object]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield where, json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            yield where, SourceError(where, f"not valid JSON ({_first_line(str(error))})")


def _record_article(name: str, where: str, record: object, published: date | None) -> Article:
    if not isinstance(record, dict):
        raise _Unreadable(f"a JSON {type(record).__name__}, not an article object")
    text = next((record[key] for key in TEXT_FIELDS if isinstance(record.get(key), str)), None)
    if not text or not text.strip():
        raise _Unreadable(f"no article text (expected one of: {', '.join(TEXT_FIELDS)})")
    date_key = next((key for key in DATE_FIELDS if record.get(key)), None)
    own_date = _meta_date(record, date_key, where) if date_key else None
    title = str(record.get("title") or "").strip()
    return Article(
        doc_id=str(record["id"]) if record.get("id") not in (None, "") else where,
        text=text,
        title=title,
        published=own_date or published,
        url=str(record.get("url") or ""),
        source=str(record.get("source") or record.get("source_domain") or ""),
        path=name,
        published_from="metadata" if own_date else ("option" if published else ""),
    )


def _meta_date(meta: dict, key: str, where: str) -> date | None:
    value = meta.get(key)
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise _Unreadable(f"{key!r} is not a date: {text[:40]!r} (expected YYYY-MM-DD)") from None


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]
