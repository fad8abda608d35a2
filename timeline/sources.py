"""Read articles from files and folders: `.txt`/`.md` (optional YAML front matter), `.html`, `.json`, `.jsonl`,
and any of them gzipped (`.jsonl.gz`), read as it decompresses; and shards of extracted documents (JSON
records marked `"timeline_document"`, see `shards`).

`read_paths` yields an `Article` for each article it reads, a `Document` for each extracted document
(stored as it is, never parsed again), a `SourceError` for each file (or record) it
cannot use, so one bad file never stops a batch, and a `SourceWarning` for an article read with a problem
the user should know about. Only regular files are read (a named pipe or a device could block or never
end); JSON Lines files are streamed, one record in memory at a time. The size limits apply to what a
`.gz` decompresses to, so a small file that inflates to gigabytes costs one line, not the memory. This is
the only module on the extract side that touches the file system.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import BinaryIO

from .front_matter import FrontMatterError, split_front_matter
from .html_bounds import bound_tags
from .metadata_dates import read_metadata_date
from .models import Article, Document
from .shards import ShardRecordError, is_document_record, read_document

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson"}
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
TEXT_FIELDS = ("text", "maintext", "body", "content")
DATE_FIELDS = ("published", "date", "date_publish", "published_at", "pubdate")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
GZIP_SUFFIX = ".gz"
GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)
"""What reading a damaged `.gz` raises: a bad header or checksum, a truncated stream, a corrupt block."""


@dataclass(frozen=True)
class _FileNote:
    """A one-line message about a file: `str()` names the file, then the problem."""

    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


class SourceError(_FileNote):
    """A file or record that could not be read."""


class SourceWarning(_FileNote):
    """An article that was read, with something the user should know."""


Item = Article | Document | SourceError | SourceWarning
Located = tuple[str, Item]
"""An item with where it was read: a file, `file:LINE` or `file[INDEX]`."""


class _Unreadable(ValueError):
    """Raised inside this module; becomes a SourceError for the file at hand."""


def bundled_seeds() -> Path | None:
    """The five sample articles shipped with timeline (in the wheel, or beside the package in a checkout)."""
    here = Path(__file__).resolve().parent
    return next((folder for folder in (here / "seeds", here.parent / "seeds") if folder.is_dir()), None)


def article_suffix(path: Path) -> str:
    """The suffix that says how a file is read: `.jsonl` for `feed.jsonl` and for `feed.jsonl.gz`."""
    name = path.name.lower()
    return Path(name.removesuffix(GZIP_SUFFIX)).suffix if name.endswith(GZIP_SUFFIX) else Path(name).suffix


def count_articles(paths: Iterable[str | Path]) -> int:
    """A quick count for the progress bar: one per file, one per non-empty line of a JSON Lines file
    (read in pieces, so a line of any length costs no memory)."""
    total = 0
    for given in paths:
        path = Path(given)
        try:
            mode = os.stat(path).st_mode
        except OSError:
            continue
        files = _walk(path) if stat.S_ISDIR(mode) else [path] if stat.S_ISREG(mode) else []
        for file in files:
            if not isinstance(file, Path):
                continue
            if article_suffix(file) not in JSON_LINES_SUFFIXES:
                total += 1
                continue
            try:
                with _open_article_file(file) as handle:
                    total += _count_lines(handle)
            except (OSError, _Unreadable, *GZIP_ERRORS):
                total += 1
    return total


def _count_lines(handle: BinaryIO) -> int:
    lines, blank = 0, True
    while piece := handle.readline(1 << 20):
        blank = blank and not piece.strip()
        if piece.endswith(b"\n"):
            lines += not blank
            blank = True
    return lines + (not blank)


def read_paths(
    paths: Iterable[str | Path], *, published: date | None = None, max_bytes: int = 20 * 1024 * 1024
) -> Iterator[Item]:
    """Every article under `paths`, in a stable order, with errors and warnings interleaved where they occur.

    `published` is the date given by the user for input that carries none of its own. A document's id is
    its file path as reached from the path given (`seeds/000_2d0dbaa153dea599.txt`), or its JSON `id`.
    An article read twice is given once; another article under an id already given keeps a distinct id.
    """
    ids = _DocumentIds()
    for given in paths:
        for where, item in _read_given(Path(given), str(given), published, max_bytes):
            if isinstance(item, Article | Document):
                item, warning = ids.settle(where, item)
                if warning is not None:
                    yield warning
                if item is None:
                    continue
            yield item


def read_file(path: Path, *, published: date | None = None, max_bytes: int = 20 * 1024 * 1024) -> Iterator[Item]:
    """The articles in one file (several for `.json`/`.jsonl`), with its errors and warnings."""
    for _, item in _file_items(path, published, max_bytes):
        yield item


class _DocumentIds:
    """Keeps ids unique within one read: the first article under an id keeps it, a repeat of the same
    article is dropped, a different article under a taken id gets `ID#2`, `ID#3`... in reading order,
    so re-reading the same input gives every article the same id again. An extracted document is told
    apart by its hash, and renamed with its mentions. About a hundred bytes per id."""

    def __init__(self) -> None:
        self._first: dict[str, tuple[bytes, str]] = {}  # id -> (fingerprint, where it was first read)
        self._renamed: dict[tuple[str, bytes], str] = {}  # (id, fingerprint) -> the distinct id it was given

    def settle(self, where: str, article: Article | Document) -> tuple[Article | Document | None, SourceWarning | None]:
        if isinstance(article, Document):
            text = f"document\x00{article.doc_hash}"
        else:
            text = f"{article.title}\x00{article.published}\x00{article.text}"
        fingerprint = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        first = self._first.get(article.doc_id)
        if first is None:
            self._first[article.doc_id] = (fingerprint, where)
            return article, None
        if first[0] == fingerprint or (article.doc_id, fingerprint) in self._renamed:
            return None, None
        number = 2
        while f"{article.doc_id}#{number}" in self._first:
            number += 1
        distinct = f"{article.doc_id}#{number}"
        self._first[distinct] = (fingerprint, where)
        self._renamed[article.doc_id, fingerprint] = distinct
        warning = SourceWarning(
            where,
            f"id {article.doc_id!r} is already the id of a different article ({first[1]}); "
            f"this one is stored as {distinct!r}",
        )
        if isinstance(article, Document):
            mentions = tuple(replace(mention, doc_id=distinct) for mention in article.mentions)
            return replace(article, doc_id=distinct, mentions=mentions), warning
        return replace(article, doc_id=distinct), warning


def _read_given(path: Path, name: str, published: date | None, max_bytes: int) -> Iterator[Located]:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        yield name, SourceError(name, "no such file or directory")
        return
    except OSError as error:
        yield name, SourceError(name, f"cannot read ({error.strerror or error})")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_folder(path, published, max_bytes)
    else:
        yield from _file_items(path, published, max_bytes)


def _read_folder(folder: Path, published: date | None, max_bytes: int) -> Iterator[Located]:
    found = False
    for entry in _walk(folder):
        found = True
        if isinstance(entry, SourceError):
            yield entry.path, entry
        else:
            yield from _file_items(entry, published, max_bytes)
    if not found:
        suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
        yield str(folder), SourceError(str(folder), f"no articles found (looked for {suffixes}, each also .gz)")


def _walk(folder: Path) -> Iterator[Path | SourceError]:
    """Article files below `folder`, sorted, following no symlink twice (a loop cannot hang the walk);
    a folder that cannot be listed is an error in its place, and the walk goes on."""
    seen: set[tuple[int, int]] = set()
    failures: list[OSError] = []
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=failures.append):
        yield from _folder_errors(failures)
        try:
            info = os.stat(root)
        except OSError as error:
            dirs[:] = []
            yield SourceError(root, f"cannot read folder ({error.strerror or error})")
            continue
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and article_suffix(Path(name)) in ARTICLE_SUFFIXES:
                yield Path(root) / name
    yield from _folder_errors(failures)


def _folder_errors(failures: list[OSError]) -> Iterator[SourceError]:
    for error in failures:
        yield SourceError(str(error.filename), f"cannot read folder ({error.strerror or error})")
    failures.clear()


def _file_items(path: Path, published: date | None, max_bytes: int) -> Iterator[Located]:
    name = str(path)
    suffix = article_suffix(path)
    try:
        handle = _open_article_file(path)
    except OSError as error:
        yield name, SourceError(name, f"cannot read file ({error.strerror or error})")
        return
    except _Unreadable as error:
        yield name, SourceError(name, str(error))
        return
    with handle:
        try:
            if suffix in JSON_LINES_SUFFIXES:
                yield from _json_lines_items(name, handle, published, max_bytes)
                return
            data = _read_limited(handle, max_bytes)
            if not data.strip():
                raise _Unreadable("empty file")
            text = decode(data)
            if suffix == ".json":
                yield from _json_items(name, text, published)
            elif suffix in (".html", ".htm"):
                yield name, _html_article(name, text, published)
            else:
                yield from _text_items(name, text, published)
        except GZIP_ERRORS as error:  # before OSError, which BadGzipFile is
            yield name, SourceError(name, _gzip_problem(error))
        except OSError as error:
            yield name, SourceError(name, f"cannot read file ({error.strerror or error})")
        except _Unreadable as error:
            yield name, SourceError(name, str(error))


def read_input(path: Path, max_bytes: int) -> bytes:
    """The bytes of one article file, decompressed if it is a `.gz`, at most `max_bytes` of them.
    Raises OSError, or ValueError with the one-line problem (not a regular file, too large, corrupt gzip)."""
    with _open_article_file(path) as handle:
        try:
            return _read_limited(handle, max_bytes)
        except GZIP_ERRORS as error:
            raise _Unreadable(_gzip_problem(error)) from error


def _open_article_file(path: Path) -> BinaryIO:
    """The regular file at `path` opened for reading; a `.gz` is read as the data it decompresses to."""
    handle = _open_regular(path)
    if not path.name.lower().endswith(GZIP_SUFFIX):
        return handle
    return _GzipReader(handle)


class _GzipReader(gzip.GzipFile):
    """A gzip stream that closes the file under it (GzipFile leaves a file object it was given open)."""

    def __init__(self, handle: BinaryIO):
        super().__init__(fileobj=handle, mode="rb")
        self._compressed = handle

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._compressed.close()


def _gzip_problem(error: BaseException) -> str:
    if isinstance(error, gzip.BadGzipFile) and str(error).startswith("Not a gzipped file"):
        return "not a gzip file (it is named .gz but its first bytes are not gzip's)"
    if isinstance(error, EOFError):
        return "the gzip file is truncated (it ends before its compressed data does)"
    return f"the gzip file is corrupt ({_first_line(str(error))})"


def _open_regular(path: Path) -> BinaryIO:
    """The file opened for reading, if it is a regular file. Checked before opening (opening a named pipe
    waits for a writer) and again on the open file, which cannot block, in case the path changed between."""
    _check_regular(os.stat(path).st_mode)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        _check_regular(os.fstat(descriptor).st_mode)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _check_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kinds = (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    )
    kind = next((label for test, label in kinds if test(mode)), "a special file")
    raise _Unreadable(f"not a regular file ({kind}); only regular files are read")


def _read_limited(handle: BinaryIO, max_bytes: int) -> bytes:
    if isinstance(handle, gzip.GzipFile):  # its size on disk says nothing of what it inflates to
        data = handle.read(max_bytes + 1)
        if len(data) <= max_bytes:
            return data
        raise _Unreadable(
            f"decompressed file is over the {max_bytes / 1048576:.0f} MB limit "
            "(raise max_file_mb in timeline.toml to read it)"
        )
    size = os.fstat(handle.fileno()).st_size
    if size <= max_bytes:
        data = handle.read(max_bytes + 1)
        if len(data) <= max_bytes:
            return data
        size = len(data)  # the file grew while it was read
    raise _Unreadable(
        f"file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit "
        "(raise max_file_mb in timeline.toml to read it)"
    )


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else the detected encoding."""
    return _decoded(data)[0]


def _decoded(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    if data.startswith(UTF16_BOMS):
        try:
            return _check_text(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError:
            pass  # a UTF-16 byte-order mark on bytes that are not UTF-16: detect as for any other file
    if b"\x00" in data[:8192]:
        raise _Unreadable("binary file (contains NUL bytes), not an article")
    try:
        return _check_text(data.decode("utf-8-sig")), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _Unreadable("binary file or unknown text encoding")
    return _check_text(str(best)), best.encoding


def _check_text(text: str) -> str:
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(10, len(text[:20000]) // 100):
        raise _Unreadable("binary file (too many control characters), not an article")
    return text.replace("\x00", "")


def _text_items(name: str, text: str, published: date | None) -> Iterator[Located]:
    try:
        meta, body = split_front_matter(text)
    except FrontMatterError as error:
        raise _Unreadable(str(error)) from error
    if not body.strip():
        raise _Unreadable("no article text after the front matter")
    # With no title in the front matter, the pipeline takes the first line of the cleaned text.
    title = str(meta.get("title") or "").strip()
    own_date = yield from _own_date(name, meta, "published")
    article = Article(
        doc_id=name,
        text=body,
        title=title,
        published=own_date or published,
        url=str(meta.get("url") or ""),
        source=str(meta.get("source") or ""),
        path=name,
        published_from="metadata" if own_date else ("option" if published else ""),
    )
    yield name, article


def _html_article(name: str, html: str, published: date | None) -> Article:
    import trafilatura
    from htmldate import find_date

    html = bound_tags(html)
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


def _json_items(name: str, text: str, published: date | None) -> Iterator[Located]:
    loaded = _load_json(text)
    if isinstance(loaded, dict) and isinstance(loaded.get("articles"), list):
        loaded = loaded["articles"]
    items = loaded if isinstance(loaded, list) else [loaded]
    for index, item in enumerate(items):
        yield from _record_items(name, f"{name}[{index}]", item, published)


def _json_lines_items(name: str, handle: BinaryIO, published: date | None, max_bytes: int) -> Iterator[Located]:
    """The records of a JSON Lines file, read one line at a time. Lines end at `\\n` only: U+2028, U+2029
    and U+0085 are valid inside a JSON string and do not end a record."""
    head = handle.peek(8192)[:8192]
    if head.startswith(UTF16_BOMS):  # a rare encoding whose line ends are two bytes: read it whole
        lines = enumerate(decode(_read_limited(handle, max_bytes)).split("\n"), start=1)
    elif b"\x00" in head:
        raise _Unreadable("binary file (contains NUL bytes), not an article")
    else:
        lines = _decoded_lines(name, handle, max_bytes)
    records = 0
    for number, line in lines:
        where = f"{name}:{number}"
        if isinstance(line, SourceError):
            records += 1
            yield where, line
            continue
        if not line.strip():
            continue
        records += 1
        try:
            record = _load_json(line)
        except _Unreadable as error:
            yield where, SourceError(where, str(error))
            continue
        yield from _record_items(name, where, record, published)
    if not records:
        raise _Unreadable("empty file")


def _decoded_lines(name: str, handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, str | SourceError]]:
    """(line number, text) for each line, or an error for a line that is too long or cannot be decoded.
    UTF-8 first; a line that is not is decoded as the file's other lines were, else by detection."""
    other_encoding = ""
    for number, raw in _numbered_lines(handle, max_bytes):
        where = f"{name}:{number}"
        if raw is None:
            limit = f"{max_bytes / 1048576:.0f} MB"
            too_long = SourceError(
                where, f"line is over the {limit} limit (raise max_file_mb in timeline.toml to read it)"
            )
            yield number, too_long
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield number, raw.decode("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        try:
            if other_encoding:
                yield number, raw.decode(other_encoding)
                continue
        except (UnicodeDecodeError, LookupError):
            pass
        try:
            text, other_encoding = _decoded(raw)
        except _Unreadable as error:
            yield number, SourceError(where, str(error))
            continue
        yield number, text


def _numbered_lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Each line (split at b'\\n' only) with its number; None for a line longer than `max_bytes`,
    which is skipped without being held in memory."""
    number = 0
    while raw := handle.readline(max_bytes + 1):
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while rest := handle.readline(1 << 20):
                if rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, raw


def _load_json(text: str) -> object:
    try:
        return json.loads(text, parse_int=_json_int)
    except (ValueError, RecursionError) as error:
        raise _Unreadable(f"not valid JSON ({_first_line(str(error))})") from error


def _json_int(digits: str) -> int | str:
    """An integer, or its digits when Python will not convert so many (over 4,300 by default): a huge
    number in some field does not make the record unreadable."""
    try:
        return int(digits)
    except ValueError:
        return digits


def _record_items(name: str, where: str, record: object, published: date | None) -> Iterator[Located]:
    if not isinstance(record, dict):
        yield where, SourceError(where, f"a JSON {type(record).__name__}, not an article object")
        return
    if is_document_record(record):
        try:
            yield where, read_document(record)
        except ShardRecordError as error:
            yield where, SourceError(where, f"not a valid extracted document ({error})")
        return
    text = next((record[key] for key in TEXT_FIELDS if isinstance(record.get(key), str)), None)
    if not text or not text.strip():
        yield where, SourceError(where, f"no article text (expected one of: {', '.join(TEXT_FIELDS)})")
        return
    date_key = next((key for key in DATE_FIELDS if record.get(key)), None)
    own_date = (yield from _own_date(where, record, date_key)) if date_key else None
    title = str(record.get("title") or "").strip()
    article = Article(
        doc_id=str(record["id"]) if record.get("id") not in (None, "") else where,
        text=text,
        title=title,
        published=own_date or published,
        url=str(record.get("url") or ""),
        source=str(record.get("source") or record.get("source_domain") or ""),
        path=name,
        published_from="metadata" if own_date else ("option" if published else ""),
    )
    yield where, article


def _own_date(where: str, meta: dict, key: str) -> Iterator[Located]:
    """The date in `meta[key]` (returned); a value that gives none is a warning, and the article is read
    as undated (or dated by `--published` or its dateline)."""
    value = meta.get(key)
    if value in (None, ""):
        return None
    reading = read_metadata_date(value)
    shown = " ".join(str(value).split())[:40]
    if reading.value is None:
        yield where, SourceWarning(where, f"{key!r} {shown!r} {reading.problem}; the article is read as undated")
    elif not reading.iso:
        read_as = reading.value.isoformat()
        yield where, SourceWarning(where, f"{key!r} {shown!r} is not written YYYY-MM-DD; read as {read_as}")
    return reading.value


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]
