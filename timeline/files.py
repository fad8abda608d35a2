"""Writing a file so that a reader sees its old contents or its new ones, never half, and the target stays
what it was: the one way the database, its view index and exports reach the disk.

`replace_file` writes a temporary file beside the target, syncs it and renames it over the target. Around
that rename:

- a symbolic link is followed: the file it names is replaced and the link stays (renaming over the link
  would turn it into a copy, and the data would fork);
- the new file keeps the permission bits of the one it replaces (a 0664 database shared by a group stays
  0664) or, when new, gets those of a plain `open()` (0666 less the umask), not mkstemp's private 0600;
- a file without any write bit (chmod 0444) is refused with EACCES, even for root, whom permissions do
  not stop; a folder is refused with EISDIR, and a missing folder is an error, never created;
- a target that is not a regular file (a terminal, `/dev/stdout`, a named pipe, `/dev/full`) is written
  through instead: renaming would put a regular file where the device or the pipe was, and the data would
  never reach it.

Errors are `OSError`s with their errno and file name, for the caller's one line.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

Writer = Callable[[BinaryIO], None]
STREAM_FOLDERS = ("/dev/", "/proc/")
"""Paths there (/dev/stdout, /dev/fd/1, /proc/self/fd/1) name a stream already open, never a file to replace."""


def resolved(path: Path | str) -> Path:
    """`path` with every symbolic link followed (the file that a write must change)."""
    return Path(os.path.realpath(path))


def is_stream(path: Path | str) -> bool:
    """Whether `path` names something to write through rather than replace: a device, a pipe, a socket, or
    a stream under /dev or /proc."""
    if os.path.abspath(path).startswith(STREAM_FOLDERS):
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_writable(path: Path | str) -> None:
    """Raise the error a write of `path` would meet, before any work is done: a missing folder, a folder on
    a read-only file system or not writable, a read-only file, a folder where the file should be."""
    target = resolved(path)
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(folder))
    if os.statvfs(folder).f_flag & os.ST_RDONLY:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(folder))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
    if mode is not None and stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(target, os.W_OK)):
        raise PermissionError(errno.EACCES, "read-only file", str(target))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))


def make_folder(path: Path | str) -> None:
    """Create the folder `path` would be in, with its parents; a file in the way is ENOTDIR, naming it."""
    folder = resolved(path).parent
    for ancestor in (folder, *folder.parents):
        if ancestor.exists():
            if not ancestor.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(ancestor))
            break
    folder.mkdir(parents=True, exist_ok=True)


def replace_file(path: Path | str, write: Writer, mode: int | None = None) -> None:
    """Call `write` with a binary file whose contents become `path`'s, atomically (see the module).
    `mode`, when given, is the permission bits the file gets (else it keeps its own, or a new file's)."""
    if is_stream(path):
        _write_through(path, write)
        return
    target = resolved(path)
    check_writable(target)
    existing_mode = target.stat().st_mode & 0o7777 if mode is None and target.exists() else mode
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    try:
        if existing_mode is not None:
            os.fchmod(handle, existing_mode)
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def replace_bytes(path: Path | str, data: bytes, mode: int | None = None) -> None:
    replace_file(path, lambda out: out.write(data), mode)


def _write_through(path: Path | str, write: Writer) -> None:
    # O_APPEND: a file behind /dev/stdout opened by the shell with `>>` keeps what it had
    handle = os.open(path, os.O_WRONLY | os.O_APPEND)
    with os.fdopen(handle, "wb") as out:
        write(out)
        out.flush()


def failure(path: Path | str, error: OSError, what: str = "cannot write") -> str:
    """One line for a write of `path` that failed: the path, what went wrong and where, when elsewhere."""
    return f"{path}: {what} ({reason(path, error)})"


def reason(path: Path | str, error: OSError) -> str:
    where = error.filename and str(error.filename) not in (str(path), str(resolved(path)))
    return f"{error.strerror or error}: {error.filename}" if where else f"{error.strerror or error}"
