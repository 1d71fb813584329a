"""Readers: encodings, bad input, Kremlin furniture, segments and dates (fixtures of our own)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from coopatlas import config
from coopatlas.errors import (
    EmptySource,
    SourceError,
    SourceTooLarge,
    UndecodableText,
    UnreadableSource,
    UnsupportedFormat,
)
from coopatlas.sources import read_bytes, read_path
from coopatlas.sources.furniture import clean

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
RU_PHRASE = "Павлодарская область Казахстана"


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("ru_utf8.txt", "utf-8"),
        ("ru_utf8_bom.txt", "utf-8-sig"),
        ("ru_utf16.txt", "utf-16"),
        ("ru_cp1251.txt", "cp1251"),
        ("ru_koi8r.txt", "koi8_r"),
    ],
)
def test_text_encodings_are_detected(name: str, encoding: str) -> None:
    doc = read_path(FIXTURES / name)
    assert RU_PHRASE in doc.text
    assert not doc.text.startswith("\ufeff")
    assert doc.meta["encoding"] == encoding
    assert doc.language == "ru"


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("binary.txt", UndecodableText),
        ("empty.txt", EmptySource),
        ("blank.txt", EmptySource),
        ("broken.pdf", UndecodableText),
        ("broken.docx", UndecodableText),
        ("missing.txt", UnreadableSource),
        ("kremlin_two.xyz", UnsupportedFormat),
    ],
)
def test_bad_input_raises_a_source_error_naming_the_file(name: str, error: type) -> None:
    path = FIXTURES / name
    if name.endswith(".xyz"):
        path = FIXTURES / "kremlin_two.txt"
        with pytest.raises(error) as info:
            read_bytes(path.read_bytes(), name, ".xyz")
    else:
        with pytest.raises(error) as info:
            read_path(path)
    assert name in str(info.value)


def test_a_folder_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableSource, match=str(tmp_path)):
        read_path(tmp_path)


def test_unknown_extension_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.odt"
    path.write_bytes(b"hello")
    with pytest.raises(UnsupportedFormat, match="notes.odt"):
        read_path(path)


def test_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "MAX_SOURCE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    with pytest.raises(SourceTooLarge, match="big.txt"):
        read_path(path)
    with pytest.raises(SourceTooLarge, match="big.txt"):
        read_bytes(path.read_bytes(), "big.txt", ".txt")


def test_identity_is_a_hash_of_the_bytes() -> None:
    one = read_path(FIXTURES / "plain_en.txt")
    two = read_bytes((FIXTURES / "plain_en.txt").read_bytes(), "other name", ".txt")
    assert one.doc_id == two.doc_id and len(one.content_hash) == 64
    assert one.content_hash.startswith(one.doc_id)


# ---------------------------------------------------------------- Kremlin-style plain text

FURNITURE_LINES = ["Events", "2 of 4", "15:20", "See also", "Geography", "Topics", "Persons",
                   "Publication status", "Text version", "Kurgan Region", "Shumkov Vadim"]


def test_kremlin_furniture_is_kept_out_of_the_text() -> None:
    doc = read_path(FIXTURES / "kremlin_two.txt")
    lines = doc.text.split("\n")
    for furniture in FURNITURE_LINES:
        assert furniture not in lines
    assert "Publication date:" not in doc.text and "Published in sections" not in doc.text
    assert "Novo-Ogaryovo, Moscow Region" in lines  # the dateline place stays
    assert doc.meta["furniture"][0]["geography"] == ["Kurgan Region"]
    assert doc.meta["furniture"][1]["geography"] == ["Kazakhstan"]


def test_kremlin_file_with_two_publications_has_two_segments() -> None:
    doc = read_path(FIXTURES / "kremlin_two.txt")
    assert [s.index for s in doc.segments] == [0, 1]
    assert [str(s.published) for s in doc.segments] == ["2021-03-03", "2021-03-04"]
    assert doc.segments[1].title.startswith("Telephone conversation")
    assert doc.segments[0].span.end == doc.segments[1].span.start
    assert doc.segments[1].span.end == len(doc.text)
    assert str(doc.published) == "2021-03-03" and doc.kind == "transcript"


def test_offset_map_points_back_to_the_original() -> None:
    raw = (FIXTURES / "kremlin_two.txt").read_text(encoding="utf-8")
    cleaned = clean(raw)
    for clean_at, _ in cleaned.pieces:
        line = cleaned.text[clean_at:cleaned.text.index("\n", clean_at)]
        orig = cleaned.to_original(clean_at)
        assert raw[orig:orig + len(line)] == line


def test_header_and_published_phrase_dates() -> None:
    doc = read_path(FIXTURES / "column.txt")
    assert str(doc.published) == "2022-05-10"
    assert doc.kind == "article"
    assert doc.title.startswith("Column by the Governor")
    assert "date 2022" not in doc.text


def test_a_single_text_has_one_segment_spanning_it() -> None:
    doc = read_path(FIXTURES / "plain_en.txt")
    assert len(doc.segments) == 1 and doc.segments[0].span.end == len(doc.text)
    assert doc.language == "en" and doc.published is None


# ---------------------------------------------------------------- HTML


def test_kremlin_html_structural_path() -> None:
    doc = read_path(FIXTURES / "kremlin_page.html")
    assert doc.meta["html_path"] == "kremlin"
    assert doc.title == "Talks with the Governor of Kurgan Region"
    assert str(doc.published) == "2021-03-03" and doc.language == "en"
    assert doc.meta["url"].endswith("/99999")
    furniture = doc.meta["furniture"][0]
    assert furniture["geography"] == ["Kurgan Region"]
    assert furniture["topics"] == ["Regions", "Foreign policy"]
    assert furniture["persons"] == ["Shumkov Vadim"]
    for absent in ("Geography", "Shumkov Vadim", "Photo caption", "Publication", "staticUrl",
                   "Creative Commons", "Structure", "Text version"):
        assert absent not in doc.text
    assert "border with Kostanay Region and on the 18th forum." in doc.text
    assert "President of Russia Vladimir Putin: Good afternoon, Mr Shumkov. How" in doc.text
    assert "March 3, 2021\nKurgan\n" in doc.text  # dateline and place stay
    assert doc.kind == "transcript"


def test_other_sites_take_the_generic_path() -> None:
    doc = read_path(FIXTURES / "news_site.html")
    assert doc.meta["html_path"] == "generic"
    assert str(doc.published) == "2023-06-14" and doc.language == "en"
    assert "Orenburg Region and Aktobe Region signed a roadmap" in doc.text
    assert "Unrelated story" not in doc.text and "Copyright" not in doc.text


def test_malformed_html_gives_a_best_effort_text() -> None:
    doc = read_path(FIXTURES / "malformed.html")
    assert "Delegations from Pavlodar came by train." in doc.text
    assert "Omsk hosted the meeting" in doc.text


@pytest.mark.parametrize("data", [b"", b"<html><body></body></html>", b"<html><script>x</script>"])
def test_html_without_text_is_empty(data: bytes) -> None:
    with pytest.raises(EmptySource, match="page.html"):
        read_bytes(data, "page.html", ".html")


# ---------------------------------------------------------------- PDF and DOCX


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with a text layer (Helvetica), built by hand."""
    ops = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(ops), ops.encode("latin-1")),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def test_pdf_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "note.pdf"
    path.write_bytes(make_pdf(["Events", "Omsk hosted the forum.", "June 1, 2018"]))
    doc = read_path(path)
    assert "Omsk hosted the forum." in doc.text
    assert "Events" not in doc.text.split("\n")
    assert str(doc.published) == "2018-06-01" and doc.meta["format"] == "pdf"


def test_truncated_pdf_is_a_source_error(tmp_path: Path) -> None:
    data = make_pdf(["Omsk hosted the forum."])
    with pytest.raises(SourceError, match="cut.pdf"):
        read_bytes(data[: len(data) // 3], "cut.pdf", ".pdf")


def test_docx_text_is_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Astana and Kazan signed a twinning agreement.")
    document.add_paragraph("September 2, 2016")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Trade"
    table.rows[0].cells[1].text = "12 percent"
    path = tmp_path / "memo.docx"
    document.save(str(path))
    doc = read_path(path)
    assert "Astana and Kazan signed a twinning agreement." in doc.text
    assert "12 percent" in doc.text
    assert str(doc.published) == "2016-09-02" and doc.meta["format"] == "docx"


def test_russian_kremlin_furniture_is_kept_out_of_the_text() -> None:
    doc = read_path(FIXTURES / "kremlin_two_ru.txt")
    lines = doc.text.split("\n")
    for furniture in ("События", "1 из 3", "Смотрите также", "География", "Темы", "Персоны",
                      "Текстовая версия", "Курганская область", "Шумков Вадим"):
        assert furniture not in lines
    assert "Дата публикации" not in doc.text and "Опубликован" not in doc.text
    assert lines[0] == "Совещание о подготовке форума в Кургане"
    assert len(doc.segments) == 2
    assert doc.meta["furniture"][0]["geography"] == ["Курганская область"]
    assert doc.meta["furniture"][1]["geography"] == ["Казахстан"]


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    """One broken byte in a UTF-8 page replaces that byte; the page is not re-guessed as
    another encoding (which turned every no-break space into a letter)."""
    body = "Trade\u00a0grew\u00a0in\u00a0Pavlodar\u00a0and\u00a0Omsk. " * 40
    data = (body + "The border was decl").encode() + b"\xe3" + b"red open. " + body.encode()
    doc = read_bytes(data, "stray.txt", ".txt")
    assert "Trade\u00a0grew" in doc.text and "decl\ufffdred" in doc.text
    assert doc.meta["encoding"] == "utf-8 (1 bad byte replaced)"


def test_cp1251_is_not_taken_for_broken_utf8() -> None:
    data = ("Павлодарская область Казахстана и Омская область России. " * 20).encode("cp1251")
    doc = read_bytes(data, "ru.txt", ".txt")
    assert "Павлодарская область" in doc.text
    assert doc.meta["encoding"] == "cp1251"
