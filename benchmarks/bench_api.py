"""API latency under concurrent load: p50/p95 per main endpoint (a benchmark, not a test).

    python benchmarks/bench_api.py --db sqlite:////tmp/kremlin.db --seconds 20 --clients 4
    python benchmarks/bench_api.py --db postgresql+psycopg://postgres@127.0.0.1:5432/atlas
    python benchmarks/bench_api.py            # over the small hand-built test atlas

The server runs in its own process (uvicorn on 127.0.0.1, a free port); the load comes from
this process with ``--clients`` threads, each picking an endpoint in turn and one of its
request variants at random. The variants are taken from the atlas itself before the clock
starts (forum editions, the busiest regions, indicator names, document ids, words of
document titles, agreement parties, conflict subjects), so every request asks for
something that exists, the way a reader clicking through the portal would. Every variant is
requested once (untimed) to warm the caches. A variant that does not answer 200 is
reported and counted as an error.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

Plan = dict[str, list[str]]
STOP_WORDS = {"the", "and", "with", "for", "from", "meeting", "president", "russia", "of",
              "on", "in", "to", "a", "at", "by", "news"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    code = ("import uvicorn; from coopatlas.api import create_app; "
            f"uvicorn.run(create_app({db!r}), host='127.0.0.1', port={port}, log_level='error')")
    proc = subprocess.Popen([sys.executable, "-c", code])
    for _ in range(600):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/me", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


# ---------------------------------------------------------------- what to ask for


def _q(path: str, **params: object) -> str:
    kept = {k: v for k, v in params.items() if v is not None}
    return f"{path}?{urlencode(kept)}" if kept else path


def plan(client: httpx.Client, rng: random.Random, per: int = 8) -> Plan:
    """Request variants per endpoint, each built from what the atlas holds."""
    get = lambda path: client.get(path).json()  # noqa: E731
    forums = [f["edition"] for f in get("/api/forums?limit=500")["items"]]
    busiest = [r["code"] for r in get("/api/regions?sort=mentions&limit=40")["items"]]
    indicators = [i["indicator"] for i in get("/api/indicators?limit=100")["items"]]
    documents = get("/api/documents?limit=500")
    doc_ids = [d["id"] for d in documents["items"]]
    for offset in range(500, documents["total"], max(500, documents["total"] // 8)):
        doc_ids += [d["id"] for d in get(f"/api/documents?limit=50&offset={offset}")["items"]]
    words = sorted({w.lower() for d in documents["items"] for w in
                    re.findall(r"[A-Za-z]{5,}", d.get("title") or "")} - STOP_WORDS)
    agreements = get("/api/agreements?limit=500")["items"]
    parties = sorted({p for a in agreements for p in a.get("parties") or []})
    years = sorted({int(a["signed_on"][:4]) for a in agreements if a.get("signed_on")})
    kinds = sorted({a["kind"] for a in agreements if a.get("kind")})
    partnerships = get("/api/partnerships?limit=500")["items"]
    subjects = [c["subject"] for c in get("/api/conflicts?limit=500")["items"]]
    heads = sorted({":".join(s.split(":")[:2]) for s in subjects})
    pick = lambda items, n=per: rng.sample(items, min(n, len(items)))  # noqa: E731
    pages = [0, 50, 100, 500, 1000, 3000, documents["total"] - 50]
    return {
        "overview": ["/api/overview"],
        "forums": ["/api/forums", *(_q("/api/forums", year=y) for y in (2019, 2020))],
        "forum": [f"/api/forums/{e}" for e in pick(forums)],
        "regions": ["/api/regions", "/api/regions?country=KZ", "/api/regions?sort=mentions",
                    "/api/regions?sort=partners&limit=100", "/api/regions?q=omsk"],
        "region": [f"/api/regions/{c}" for c in busiest[:per]],
        "partnerships": ["/api/partnerships", *(_q("/api/partnerships", ru=p["ru_region"])
                                                for p in pick(partnerships, 3)),
                         *(_q("/api/partnerships", kz=p["kz_region"])
                           for p in pick(partnerships, 3))],
        "agreements": ["/api/agreements", "/api/agreements?offset=50",
                       *(_q("/api/agreements", party=p) for p in pick(parties, 3)),
                       *(_q("/api/agreements", year=y) for y in pick(years, 2)),
                       *(_q("/api/agreements", kind=k) for k in pick(kinds, 2)),
                       *(_q("/api/agreements", q=w) for w in ("cooperation", "education"))],
        "indicators": ["/api/indicators", "/api/indicators?limit=5"],
        "indicator": [f"/api/indicators/{n}" for n in pick(indicators)]
        + [_q(f"/api/indicators/{n}", offset=50) for n in pick(indicators, 2)],
        "documents": [_q("/api/documents", offset=max(0, o)) for o in pages]
        + ["/api/documents?year=2019", "/api/documents?language=en&year=2020",
           "/api/documents?source=kazakhstan"],
        "document": [f"/api/documents/{quote(d)}" for d in pick(doc_ids, 3 * per)],
        "search": [_q("/api/search", q=w) for w in pick(words, 3 * per)]
        + ["/api/search?q=kazakhstan", "/api/search?q=trade+turnover",
           '/api/search?q="interregional+cooperation"', "/api/search?q=kazakhstan&year=2019",
           "/api/search?q=forum&offset=40"],
        "conflicts": ["/api/conflicts", "/api/conflicts?offset=100",
                      "/api/conflicts?kind=disagreement",
                      *(_q("/api/conflicts", subject=h) for h in pick(heads, 4))],
    }


# ---------------------------------------------------------------- load


def warm(client: httpx.Client, paths: Plan) -> list[str]:
    """Ask for every variant once; the ones that do not answer 200."""
    bad = []
    for variants in paths.values():
        for path in variants:
            response = client.get(path)
            if response.status_code != 200:
                bad.append(f"{response.status_code} {path}")
    return bad


def load(base: str, paths: Plan, seconds: float, clients: int,
         seed: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    timings: dict[str, list[float]] = {name: [] for name in paths}
    errors: dict[str, int] = {name: 0 for name in paths}
    names = list(paths)
    stop = time.monotonic() + seconds

    def worker(n: int) -> None:
        rng = random.Random(seed + n)
        with httpx.Client(base_url=base, timeout=60) as client:
            i = n
            while time.monotonic() < stop:
                name = names[i % len(names)]
                path = rng.choice(paths[name])
                t0 = time.perf_counter()
                status = client.get(path).status_code
                timings[name].append(time.perf_counter() - t0)
                errors[name] += status != 200
                i += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return timings, errors


def once(client: httpx.Client, paths: Plan) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Every variant once, one after another (no concurrency): the latency of a lone reader."""
    timings: dict[str, list[float]] = {name: [] for name in paths}
    errors: dict[str, int] = {name: 0 for name in paths}
    for name, variants in paths.items():
        for path in variants:
            t0 = time.perf_counter()
            errors[name] += client.get(path).status_code != 200
            timings[name].append(time.perf_counter() - t0)
    return timings, errors


def summary(timings: dict[str, list[float]], errors: dict[str, int],
            paths: Plan) -> list[dict[str, object]]:
    rows = []
    for name, values in timings.items():
        if not values:
            continue
        q = (statistics.quantiles(values, n=20, method="inclusive") if len(values) > 1
             else values * 19)
        rows.append({"endpoint": name, "variants": len(paths[name]), "n": len(values),
                     "errors": errors[name], "p50_ms": round(statistics.median(values) * 1e3, 1),
                     "p95_ms": round(q[18] * 1e3, 1), "max_ms": round(max(values) * 1e3, 1)})
    return rows


def report(rows: list[dict[str, object]]) -> None:
    print(f"{'endpoint':14} {'variants':>8} {'n':>6} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'max ms':>8}")
    for r in rows:
        print(f"{r['endpoint']:14} {r['variants']:8d} {r['n']:6d} {r['errors']:4d} "
              f"{r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['max_ms']:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="store URL (default: a fresh hand-built test atlas)")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--skip", default="", help="endpoints to leave out, comma-separated")
    parser.add_argument("--once", action="store_true",
                        help="ask for each variant once, one after another, instead of the load")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    db = args.db
    if db is None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from fixtures_atlas import build

        db = f"sqlite:///{tempfile.mkdtemp()}/bench.db"
        build(db).close()
    port = free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            paths = plan(client, random.Random(args.seed))
            paths = {k: v for k, v in paths.items() if k not in args.skip.split(",")}
            if args.once:
                rows = summary(*once(client, paths), paths)
            else:
                for bad in warm(client, paths):
                    print("not 200:", bad)
                rows = summary(*load(base, paths, args.seconds, args.clients, args.seed),
                               paths)
    finally:
        server.terminate()
        server.wait(timeout=10)
    mode = "once" if args.once else f"clients={args.clients} seconds={args.seconds}"
    print(f"db={db} {mode}")
    report(rows)
    if args.json:
        args.json.write_text(json.dumps({"db": db, "mode": mode, "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
