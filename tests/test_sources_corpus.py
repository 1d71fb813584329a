"""Readers on the shared corpus: seeds against gold, and Kremlin HTML pages from the archive."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest

from coopatlas.sources import read_bytes, read_path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds"
ARCHIVE = SHARED / "corpus" / "kremlin-en-2020" / "pages.tar.gz"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not SEEDS.exists(), reason="../shared/corpus is not available"),
]
SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.txt")) if SEEDS.exists() else []
FOOTER_WORDS = ("Publication date:", "Published in sections", "Text version")


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_published_date_and_segments_match_gold(name: str) -> None:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    doc = read_path(SEEDS / f"{name}.txt")
    assert (str(doc.published) if doc.published else None) == gold["published"]
    assert len(doc.segments) == gold["segments"]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_text_is_free_of_furniture(name: str) -> None:
    doc = read_path(SEEDS / f"{name}.txt")
    lines = set(doc.text.split("\n"))
    assert not lines & {"Events", "Geography", "Topics", "Persons", "Publication status"}
    for word in FOOTER_WORDS:
        assert word not in doc.text
    assert all(seg.published for seg in doc.segments)


def kremlin_pages(limit: int) -> list[tuple[str, bytes]]:
    pages: list[tuple[str, bytes]] = []
    with tarfile.open(ARCHIVE) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.name.endswith(".html") else None
            if handle is not None:
                pages.append((member.name, handle.read()))
            if len(pages) >= limit:
                break
    return pages


@pytest.mark.skipif(not ARCHIVE.exists(), reason="Kremlin HTML archive is not available")
def test_kremlin_pages_read_through_the_structural_path() -> None:
    for name, data in kremlin_pages(60):
        doc = read_bytes(data, name, ".html")
        assert doc.meta["html_path"] == "kremlin", name
        assert doc.published is not None and doc.title, name
        assert len(doc.segments) == 1 and doc.language == "en"
        for word in FOOTER_WORDS:
            assert word not in doc.text, name


def test_seed_with_two_transcripts_has_speakers_in_both_segments() -> None:
    from coopatlas.doc import Doc
    from coopatlas.text.sentences import sentences_stage

    path = next(SEEDS.glob("002_*.txt"))
    doc = sentences_stage(Doc(read_path(path)))
    by_segment: dict[int, set[str]] = {0: set(), 1: set()}
    for sentence in doc.sentences:
        if sentence.speaker:
            by_segment[sentence.segment].add(sentence.speaker)
    assert "President of Kazakhstan Kassym-Jomart Tokayev" in by_segment[0]
    assert "President of Russia Vladimir Putin" in by_segment[0]
    assert by_segment[1]
