"""Held-out extraction score: Kremlin pages nobody tuned the extractor on.

Each gold file in ``gold/`` names its page in ../shared/corpus/kremlin-en-2020/pages.tar.gz
("archive_member"); the page is read straight from the archive (never unpacked), run
through the project's pipeline and scored with coopatlas.evaluate, as the seed corpus is.

    .venv/bin/python benchmarks/heldout/run.py            # report
    .venv/bin/python benchmarks/heldout/run.py --json     # the report as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
from pathlib import Path
from typing import Any

from coopatlas.errors import AtlasError
from coopatlas.evaluate import Report, compare, load_gold, render_report
from coopatlas.extract.contract import to_contract
from coopatlas.pipeline import Pipeline
from coopatlas.sources import read_bytes

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ARCHIVE = ROOT.parent / "shared" / "corpus" / "kremlin-en-2020" / "pages.tar.gz"
GOLD = HERE / "gold"


def _member_bytes(archive: tarfile.TarFile, member: str) -> bytes:
    handle = archive.extractfile(member)
    if handle is None:
        raise KeyError(member)
    return handle.read()


def _extract(pipeline: Pipeline, data: bytes, member: str, name: str) -> dict[str, Any]:
    document = read_bytes(data, member, Path(member).suffix)
    return to_contract(pipeline(document), name)


def evaluate(archive_path: Path = ARCHIVE, gold_dir: Path = GOLD) -> Report:
    """Score every gold file in ``gold_dir`` against its page in the archive."""
    report = Report()
    pipeline = Pipeline()
    with tarfile.open(archive_path) as archive:
        for gold_path in sorted(gold_dir.glob("*.json")):
            gold = load_gold(gold_path)
            name = gold_path.stem
            found: dict[str, Any] = {}
            member = str(gold.get("archive_member", ""))
            try:
                found = _extract(pipeline, _member_bytes(archive, member), member, name)
            except KeyError:
                report.errors.append(f"ERROR {name}: {member!r} is not in {archive_path}")
            except AtlasError as exc:
                report.errors.append(f"ERROR {name}: {exc}")
            report.add(compare(found, gold, name))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if not args.archive.is_file():
        print(f"error: archive not found: {args.archive} (needs ../shared/corpus)", file=sys.stderr)
        return 2
    try:
        report = evaluate(args.archive, args.gold)
    except (AtlasError, tarfile.TarError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print(render_report(report), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
