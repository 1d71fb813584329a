"""The ingest walker over files, folders, archives and stdin built in tmp_path."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from coopatlas.errors import AtlasError, SourceTooLarge, UnreadableSource
from coopatlas.ingest.walk import STDIN_NAME, suffix_of, walk

FILES = {
    "a.txt": b"The forum met in a city on the river.",
    "sub/b.html": b"<html><body><p>Second text.</p></body></html>",
    "sub/deeper/c.txt": "Третий текст.".encode(),
}


def _tree(root: Path) -> Path:
    for name, data in FILES.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (root / ".hidden").write_bytes(b"skip me")
    return root


def _tar(path: Path, mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as tar:
        for name, data in FILES.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def _zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in FILES.items():
            archive.writestr(name, data)
        archive.writestr("folder/", b"")
    return path


def _collect(paths, **kw):
    errors: list[tuple[str, AtlasError]] = []
    got = list(walk(paths, on_error=lambda n, e: errors.append((n, e)), **kw))
    return got, errors


def test_folder_is_walked_recursively_and_hidden_files_skipped(tmp_path):
    root = _tree(tmp_path / "in")
    got, errors = _collect([root])
    assert errors == []
    assert {Path(n).relative_to(root).as_posix(): d for n, d in got} == FILES


@pytest.mark.parametrize("name,build", [
    ("pages.tar.gz", lambda p: _tar(p)),
    ("pages.tgz", lambda p: _tar(p)),
    ("pages.tar", lambda p: _tar(p, "w")),
    ("pages.zip", _zip),
])
def test_archives_yield_their_members(tmp_path, name, build):
    archive = build(tmp_path / name)
    got, errors = _collect([archive])
    assert errors == []
    assert {n.split("!", 1)[1]: d for n, d in got} == FILES
    assert all(n.startswith(f"{archive}!") for n, _ in got)


def test_archive_inside_a_folder_is_opened(tmp_path):
    root = _tree(tmp_path / "in")
    _zip(root / "more.zip")
    got, _ = _collect([root])
    assert len(got) == 2 * len(FILES)


def test_stdin(tmp_path):
    got, errors = _collect(["-"], stdin=io.BytesIO(b"piped text"))
    assert got == [(STDIN_NAME, b"piped text")] and errors == []


@pytest.mark.parametrize("content", [b"not a gzip at all", b"\x1f\x8b\x08\x00garbage"])
def test_broken_archive_is_reported_and_walk_goes_on(tmp_path, content):
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_bytes(b"fine")
    got, errors = _collect([bad, good])
    assert got == [(str(good), b"fine")]
    assert [n for n, _ in errors] == [str(bad)]
    assert isinstance(errors[0][1], UnreadableSource)


def test_truncated_tar_keeps_members_read_before_the_break(tmp_path):
    whole = _tar(tmp_path / "whole.tar", "w").read_bytes()
    cut = tmp_path / "cut.tar"
    cut.write_bytes(whole[:1546])  # first member complete, the second cut inside its data
    got, errors = _collect([cut])
    assert [n.split("!")[1] for n, _ in got] == ["a.txt"]
    assert len(errors) == 1


def test_missing_path_and_oversized_file(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 100)
    got, errors = _collect([tmp_path / "nope.txt", big], max_bytes=10)
    assert got == []
    assert isinstance(errors[0][1], UnreadableSource) and "nope.txt" in str(errors[0][1])
    assert isinstance(errors[1][1], SourceTooLarge)


def test_default_on_error_raises(tmp_path):
    with pytest.raises(UnreadableSource, match="no such file"):
        list(walk([tmp_path / "nope"]))


@pytest.mark.parametrize("name,suffix", [
    ("x/a.TXT", ".txt"), ("p.tar.gz!var/1.html", ".html"), (STDIN_NAME, ""), ("noext", ""),
])
def test_suffix_of(name, suffix):
    assert suffix_of(name) == suffix


def test_count_sources_matches_the_walk(tmp_path):
    from coopatlas.ingest.walk import count_sources

    root = _tree(tmp_path / "in")
    _zip(root / "more.zip")
    _tar(tmp_path / "pages.tar.gz")
    paths = [root, tmp_path / "pages.tar.gz"]
    assert count_sources(paths) == len(_collect(paths)[0]) == 3 * len(FILES)
    assert count_sources(["-"]) is None
