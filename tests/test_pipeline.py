from datetime import date

import pytest

from coopatlas.doc import Doc
from coopatlas.errors import ExtractionError, NotReady
from coopatlas.extract.contract import merge_forums, to_contract
from coopatlas.model import Document, Figure, ForumMention, Mention, Sentence, Span
from coopatlas.pipeline import Pipeline, load_stage


def _document(text: str = "Trade grew by 34 percent in Omsk.") -> Document:
    return Document("d1", "x.txt", text, "h", published=date(2021, 9, 30))


def test_missing_stage_is_not_ready() -> None:
    with pytest.raises(NotReady, match="not built yet"):
        load_stage("coopatlas.nowhere:stage")


def test_a_failing_stage_names_itself_and_the_file() -> None:
    def broken(doc: Doc) -> Doc:
        raise ZeroDivisionError("boom")

    with pytest.raises(ExtractionError, match=r"x\.txt: stage 'broken': ZeroDivisionError"):
        Pipeline([("broken", broken)])(_document())


def test_claims_carry_sentence_speaker_and_segment() -> None:
    doc = Doc(_document())
    doc.sentences = [Sentence(Span(0, 33), segment=1, speaker="Putin")]
    claim = doc.claim("figure", Span(14, 24), Figure("34 percent", 34, "percent"), "fig.pct")
    assert (claim.sentence, claim.segment, claim.speaker) == (Span(0, 33), 1, "Putin")
    assert doc.sentence_at(40) is None


def test_forums_merge_by_edition_filling_gaps_only() -> None:
    merged = merge_forums([
        ForumMention(16, year=2019, city="Omsk"),
        ForumMention(16, year=2018, theme="Cross-border cooperation"),
        ForumMention(1, year=2003),
    ])
    assert merged == [
        ForumMention(16, year=2019, city="Omsk", theme="Cross-border cooperation"),
        ForumMention(1, year=2003),
    ]


def test_contract_shape_from_claims() -> None:
    doc = Doc(_document())
    fig = Figure("34 percent", 34, "percent", "trade_growth", "2021-01..2021-07")
    doc.claims += [
        doc.claim("figure", Span(14, 24), fig, "r1"),
        doc.claim("figure", Span(14, 24), fig, "r1"),
        doc.claim("city", Span(28, 32), Mention("city", "Omsk", "Omsk", Span(28, 32), "c"), "c"),
    ]
    out = to_contract(doc, name="sample")
    assert out["doc"] == "sample" and out["published"] == "2021-09-30" and out["segments"] == 1
    assert out["cities"] == ["Omsk"] and out["regions"] == []
    assert out["figures"] == [{"text": "34 percent", "value": 34, "unit": "percent",
                               "indicator": "trade_growth", "period": "2021-01..2021-07"}]
