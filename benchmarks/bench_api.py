"""API latency under concurrent load: p50/p95 per main endpoint (a benchmark, not a test).

    python benchmarks/bench_api.py --db sqlite:///coopatlas.db --seconds 10 --clients 8
    python benchmarks/bench_api.py --db postgresql+psycopg://postgres@127.0.0.1:5432/atlas
    python benchmarks/bench_api.py            # over the small hand-built test atlas

The server runs in its own process (uvicorn on 127.0.0.1, a free port); the load comes from
this process with ``--clients`` threads, each cycling through the endpoints.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ENDPOINTS = ["/api/overview", "/api/forums", "/api/forums/15", "/api/regions",
             "/api/regions/RU-OMS", "/api/partnerships", "/api/agreements", "/api/indicators",
             "/api/indicators/trade_turnover", "/api/documents", "/api/search?q=trade",
             "/api/conflicts"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    code = ("import uvicorn; from coopatlas.api import create_app; "
            f"uvicorn.run(create_app({db!r}), host='127.0.0.1', port={port}, log_level='error')")
    proc = subprocess.Popen([sys.executable, "-c", code])
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/me", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def load(base: str, seconds: float, clients: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {e: [] for e in ENDPOINTS}
    stop = time.monotonic() + seconds

    def worker(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            i = offset
            while time.monotonic() < stop:
                path = ENDPOINTS[i % len(ENDPOINTS)]
                t0 = time.perf_counter()
                client.get(path)
                timings[path].append(time.perf_counter() - t0)
                i += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return timings


def report(timings: dict[str, list[float]]) -> None:
    print(f"{'endpoint':34} {'n':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for path, values in timings.items():
        if len(values) < 2:
            continue
        q = statistics.quantiles(values, n=20)
        print(f"{path:34} {len(values):6d} {statistics.median(values) * 1000:8.1f} "
              f"{q[18] * 1000:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="store URL (default: a fresh hand-built test atlas)")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    db = args.db
    if db is None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from fixtures_atlas import build

        db = f"sqlite:///{tempfile.mkdtemp()}/bench.db"
        build(db).close()
    port = free_port()
    server = start_server(db, port)
    try:
        report(load(f"http://127.0.0.1:{port}", args.seconds, args.clients))
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
