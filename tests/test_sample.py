"""The bundled sample corpus: readable, dated, short, and written by the project."""

from __future__ import annotations

import csv
import re
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from coopatlas.sample import CORPUS_DIR, sample_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
ARCHIVE = CORPUS / "kremlin-en-2020" / "pages.tar.gz"
RU_CSV = CORPUS / "kremlin-ru-2025" / "articles.csv"
ARCHIVE_PAGES = 500
RUN = 12

PATHS = sample_paths()
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
RU_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
DATE_LINE = re.compile(
    rf"^(Publication date: ({MONTHS}) \d{{1,2}}, \d{{4}}"
    rf"|Дата публикации: \d{{1,2}} ({RU_MONTHS}) \d{{4}})",
    re.MULTILINE,
)
WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]+>")


def test_sample_has_10_to_16_texts() -> None:
    assert CORPUS_DIR.is_dir()
    assert 10 <= len(PATHS) <= 16


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_text_decodes_is_dated_and_short(path: Path) -> None:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert 300 <= len(raw) <= 6 * 1024, len(raw)
    assert DATE_LINE.search(text), "no 'Publication date:' line"
    assert "\r" not in text and "\ufffd" not in text


def test_one_text_is_in_russian() -> None:
    cyrillic = [p for p in PATHS if re.search("[а-яё]{20,}", p.read_text("utf-8"), re.I)]
    assert len(cyrillic) >= 1


def _word_runs(text: str) -> dict[int, str]:
    words = WORD.findall(text.lower())
    runs = (tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1))
    return {hash(run): " ".join(run) for run in runs}


def _runs(text: str) -> set[int]:
    return set(_word_runs(text))


def _archive_texts(limit: int) -> Iterator[str]:
    with tarfile.open(ARCHIVE, "r:gz") as tar:
        seen = 0
        for member in tar:
            if not member.isfile():
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            yield TAG.sub(" ", handle.read().decode("utf-8", errors="replace"))
            seen += 1
            if seen >= limit:
                return


def _russian_texts() -> Iterator[str]:
    csv.field_size_limit(sys.maxsize)
    with RU_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            yield " ".join(row)


@pytest.fixture(scope="module")
def third_party_runs() -> set[int]:
    runs: set[int] = set()
    for seed in sorted((CORPUS / "seeds").glob("*.txt")):
        runs |= _runs(seed.read_text(encoding="utf-8", errors="replace"))
    if ARCHIVE.exists():
        for page in _archive_texts(ARCHIVE_PAGES):
            runs |= _runs(page)
    if RU_CSV.exists():
        for article in _russian_texts():
            runs |= _runs(article)
    return runs


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not available")
@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_no_run_of_12_words_from_third_party_texts(path: Path, third_party_runs: set[int]) -> None:
    own = _word_runs(path.read_text(encoding="utf-8"))
    shared = sorted(own[h] for h in own.keys() & third_party_runs)
    assert not shared, f"runs of {RUN} words also in ../shared/corpus: {shared}"
