"""Ingest into real stores (SQLite file, PostgreSQL): idempotence, failures, kill -9, stdin."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from coopatlas.errors import NotReady
from coopatlas.ingest.run import ingest
from coopatlas.pipeline import STAGES, Pipeline, load_stage
from coopatlas.store import open_store, repo

TEXTS = [
    "Omsk, 7 November 2019. The governors of Omsk Region and Pavlodar Region met on the "
    "opening day of the forum. They agreed to expand trade along the Irtysh river.",
    "Chelyabinsk, 9 November 2017. Delegations from Kostanay Region visited the regional "
    "exhibition. Trade between the two regions grew by 12 percent over the year.",
    "Astana, 5 June 2022. Ministers discussed border crossing points and a new freight "
    "corridor between Orenburg Region and Aktobe Region.",
    "Pavlodar, 19 September 2012. A youth festival and a business council meeting took "
    "place on the sidelines of the forum, with students from both countries.",
]


def available_pipeline():
    """The extraction stages built so far (every stage once the extraction issue lands)."""
    stages = []
    for name, target in STAGES:
        try:
            stages.append((name, load_stage(target)))
        except NotReady:
            continue
    pipeline = Pipeline(stages)
    return lambda document: list(pipeline(document).claims)


def _corpus(root: Path, count: int = len(TEXTS)) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = TEXTS[i % len(TEXTS)] + f"\nReport number {i}."
        (root / f"doc_{i:04d}.txt").write_text(text, encoding="utf-8")
    return root


def _broken(root: Path) -> Path:
    bad = root / "broken.txt"
    bad.write_bytes(bytes(range(256)) * 4)  # binary data in a .txt file
    return bad


def _state(store) -> tuple[list[tuple[str, str]], int]:
    with store.session() as session:
        docs = repo.list_documents(session=session, limit=100_000, status=None)
        claims = repo.find_claims(session=session)
    return sorted((d.doc_id, d.status) for d in docs), len(claims)


def _run(paths, store, **kw):
    return ingest(paths, store=store, progress=False, extractor=available_pipeline, **kw)


def test_ingesting_twice_changes_nothing(store, tmp_path):
    root = _corpus(tmp_path / "in")
    first = _run([root], store)
    assert (first.ingested, first.unchanged, first.failed) == (len(TEXTS), 0, 0)
    before = _state(store)
    second = _run([root], store)
    assert (second.ingested, second.unchanged, second.failed) == (0, len(TEXTS), 0)
    assert _state(store) == before


def test_broken_file_is_recorded_and_the_others_stored(store, tmp_path):
    root = _corpus(tmp_path / "in")
    bad = _broken(root)
    summary = _run([root, tmp_path / "missing.txt"], store)
    assert summary.ingested == len(TEXTS) and summary.failed == 2
    reasons = {f["source"]: f["reason"] for f in summary.failures}
    assert "binary data" in reasons[str(bad)] and str(bad) in reasons[str(bad)]
    assert "no such file" in reasons[str(tmp_path / "missing.txt")]
    with store.session() as session:
        failed = repo.list_documents(session=session, status="failed")
        assert {d.source for d in failed} == set(reasons)
        assert all(d.failure for d in failed)
        assert repo.count_documents(session=session) == len(TEXTS)
    assert json.loads(json.dumps(summary.to_json()))["failed"] == 2


def test_archives_and_stdin_in_one_run(store, tmp_path):
    archive = tmp_path / "more.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for i, text in enumerate(TEXTS[:2]):
            data = (text + " (archived)").encode()
            info = tarfile.TarInfo(f"pages/{i}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    html = b"<html><body><p>Kurgan, 3 March 2021. Trade talks continued.</p></body></html>"
    summary = _run([archive, "-"], store, stdin=io.BytesIO(html), workers=0)
    assert (summary.ingested, summary.failed) == (3, 0), summary.failures
    with store.session() as session:
        sources = {d.source for d in repo.list_documents(session=session)}
    assert sources == {f"{archive}!pages/0.txt", f"{archive}!pages/1.txt", "<stdin>"}


def test_same_content_under_two_names_is_stored_once(store, tmp_path):
    root = _corpus(tmp_path / "in", 1)
    copy = tmp_path / "copy.txt"
    copy.write_bytes((root / "doc_0000.txt").read_bytes())
    summary = _run([root, copy], store)
    assert (summary.ingested, summary.unchanged) == (1, 1)


KILL_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from test_ingest_run import available_pipeline
from coopatlas.ingest.run import ingest
from coopatlas.store import open_store
ingest([{root!r}], store=open_store({url!r}), progress=False, extractor=available_pipeline)
"""


def _stored_count(url: str) -> int:
    probe = open_store(url)
    try:
        with probe.session() as session:
            return repo.count_documents(session=session)
    finally:
        probe.close()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_kill_9_mid_run_then_rerun_completes_without_duplicates(engine, tmp_path, request):
    url = (f"sqlite:///{tmp_path / 'killed.db'}" if engine == "sqlite"
           else request.getfixturevalue("pg_server").create())
    total = 400
    root = _corpus(tmp_path / "in", total)
    script = KILL_SCRIPT.format(tests=str(Path(__file__).parent), root=str(root), url=url)
    child = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and child.poll() is None:
        stored = _stored_count(url)
        if stored > 0:
            break
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGKILL)  # the ingest and its worker processes
    child.wait()
    assert stored < total, "the run finished before it could be killed"
    store = open_store(url)
    try:
        partial = _state(store)[0]
        assert all(status == "ok" for _, status in partial)
        summary = _run([root], store)
        assert summary.failed == 0
        assert summary.ingested + summary.unchanged == total
        assert summary.unchanged >= len(partial)
        docs, claims = _state(store)
        assert len(docs) == total == len({d for d, _ in docs})
        _assert_whole_documents(store)
    finally:
        store.close()


def _assert_whole_documents(store) -> None:
    """Every stored document holds exactly the claims a fresh extraction gives it."""
    extract = available_pipeline()
    with store.session() as session:
        for doc in repo.list_documents(session=session, limit=100_000):
            document = repo.load_document(session=session, doc_id=doc.doc_id)
            stored = repo.load_claims(session=session, doc_id=doc.doc_id)
            assert len(stored) == len(extract(document)), doc.source
