"""Walk ingest inputs: files, folders (recursively), ``.tar.gz``/``.tgz``/``.tar``/``.zip``
archives and ``-`` (stdin), yielding ``(source name, bytes)`` one source at a time.

Names are stable so that a rerun sees the same sources: a file is its path, an archive
member is ``archive!member``, stdin is ``<stdin>``. Hidden files (``.name``) and folders
are skipped. A source that cannot be read is handed to ``on_error`` (default: raise) and
the walk goes on with the next one.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from coopatlas.config import MAX_SOURCE_BYTES
from coopatlas.errors import AtlasError, SourceTooLarge, UnreadableSource

Source = tuple[str, bytes]
OnError = Callable[[str, AtlasError], None]

STDIN = "-"
STDIN_NAME = "<stdin>"
TAR_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tar.xz")
ZIP_SUFFIXES = (".zip",)


def _raise(name: str, error: AtlasError) -> None:
    raise error


def is_archive(name: str) -> bool:
    """True for names the walker opens as archives.

    >>> is_archive("pages.tar.gz"), is_archive("a.ZIP"), is_archive("a.txt")
    (True, True, False)
    """
    lower = name.lower()
    return lower.endswith(TAR_SUFFIXES + ZIP_SUFFIXES)


def _hidden(parts: Iterable[str]) -> bool:
    return any(p.startswith(".") and p not in (".", "..") for p in parts)


def _check_size(name: str, size: int, limit: int) -> None:
    if size > limit:
        raise SourceTooLarge(f"{size} bytes is over the limit of {limit}", source=name)


def _tar_members(path: Path, limit: int, on_error: OnError) -> Iterator[Source]:
    try:
        with tarfile.open(path, mode="r|*") as tar:
            for member in tar:
                name = f"{path}!{member.name}"
                if not member.isfile() or _hidden(Path(member.name).parts):
                    continue
                try:
                    _check_size(name, member.size, limit)
                except AtlasError as exc:
                    on_error(name, exc)
                    continue
                handle = tar.extractfile(member)
                if handle is not None:
                    yield name, handle.read()
    except (tarfile.TarError, OSError, EOFError) as exc:
        on_error(str(path), UnreadableSource(f"broken tar archive ({exc})", source=str(path)))


def _zip_members(path: Path, limit: int, on_error: OnError) -> Iterator[Source]:
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                name = f"{path}!{info.filename}"
                if info.is_dir() or _hidden(Path(info.filename).parts):
                    continue
                try:
                    _check_size(name, info.file_size, limit)
                    yield name, archive.read(info)
                except AtlasError as exc:
                    on_error(name, exc)
                except (zipfile.BadZipFile, OSError, ValueError) as exc:
                    on_error(name, UnreadableSource(f"broken zip member ({exc})", source=name))
    except (zipfile.BadZipFile, OSError) as exc:
        on_error(str(path), UnreadableSource(f"broken zip archive ({exc})", source=str(path)))


def _file(path: Path, limit: int, on_error: OnError) -> Iterator[Source]:
    name = str(path)
    lower = name.lower()
    if lower.endswith(TAR_SUFFIXES):
        yield from _tar_members(path, limit, on_error)
        return
    if lower.endswith(ZIP_SUFFIXES):
        yield from _zip_members(path, limit, on_error)
        return
    try:
        _check_size(name, path.stat().st_size, limit)
        yield name, path.read_bytes()
    except AtlasError as exc:
        on_error(name, exc)
    except OSError as exc:
        on_error(name, UnreadableSource(f"cannot read ({exc.strerror or exc})", source=name))


def _folder(path: Path, limit: int, on_error: OnError) -> Iterator[Source]:
    for child in sorted(path.rglob("*")):
        if child.is_file() and not _hidden(child.relative_to(path).parts):
            yield from _file(child, limit, on_error)


def _stdin(stream: BinaryIO | None, limit: int, on_error: OnError) -> Iterator[Source]:
    data = (stream or sys.stdin.buffer).read(limit + 1)
    try:
        _check_size(STDIN_NAME, len(data), limit)
        yield STDIN_NAME, data
    except AtlasError as exc:
        on_error(STDIN_NAME, exc)


def walk(
    paths: Iterable[str | Path],
    *,
    on_error: OnError = _raise,
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_SOURCE_BYTES,
) -> Iterator[Source]:
    """Yield ``(source name, bytes)`` for every source under ``paths``, in a stable order.

    ``"-"`` reads ``stdin`` (default: the process's standard input). A missing path, a
    broken archive or a file over ``max_bytes`` goes to ``on_error(name, error)``.
    """
    for raw in paths:
        if str(raw) == STDIN:
            yield from _stdin(stdin, max_bytes, on_error)
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            yield from _folder(path, max_bytes, on_error)
        elif path.is_file():
            yield from _file(path, max_bytes, on_error)
        else:
            on_error(str(path), UnreadableSource("no such file or folder", source=str(path)))


def suffix_of(name: str) -> str:
    """The file suffix of a source name, archive members included (``a.tgz!x/b.html`` -> ``.html``).

    >>> suffix_of("a.tar.gz!x/b.HTML"), suffix_of("<stdin>")
    ('.html', '')
    """
    member = name.rsplit("!", 1)[-1]
    return Path(member).suffix.lower() if not member.startswith("<") else ""


def _count_file(path: Path) -> int:
    lower = str(path).lower()
    try:
        if lower.endswith(TAR_SUFFIXES):
            with tarfile.open(path, mode="r|*") as tar:
                return sum(1 for m in tar if m.isfile() and not _hidden(Path(m.name).parts))
        if lower.endswith(ZIP_SUFFIXES):
            with zipfile.ZipFile(path) as archive:
                return sum(1 for i in archive.infolist() if not i.is_dir())
    except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError):
        return 0
    return 1


def count_sources(paths: Iterable[str | Path]) -> int | None:
    """How many sources :func:`walk` will yield (for a progress bar's ETA); ``None`` for stdin."""
    total = 0
    for raw in paths:
        if str(raw) == STDIN:
            return None
        path = Path(raw).expanduser()
        if path.is_dir():
            total += sum(_count_file(c) for c in sorted(path.rglob("*"))
                         if c.is_file() and not _hidden(c.relative_to(path).parts))
        elif path.is_file():
            total += _count_file(path)
    return total
