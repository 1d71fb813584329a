"""Install the portal's front-end libraries from the npm registry into web/static/vendor/.

    python tools/install_assets.py            # install (skips when already in place)
    python tools/install_assets.py --force    # reinstall
    python tools/install_assets.py --check    # exit 1 when something is missing

Nothing is fetched from a CDN at run time: the portal serves these files itself. The
versions are pinned here; ``vendor/manifest.json`` records what was installed, so a second
run with the same pins does nothing (idempotent). Needs ``npm`` on the PATH.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src" / "coopatlas" / "web" / "static" / "vendor"

PACKAGES: dict[str, str] = {
    "d3": "7.9.2",
    "topojson-client": "3.1.0",
    "world-atlas": "2.0.2",
    "chart.js": "4.6.1",
    "swagger-ui-dist": "5.35.0",
}

# (package, path inside the package, name under vendor/)
FILES: tuple[tuple[str, str, str], ...] = (
    ("d3", "dist/d3.min.js", "d3.min.js"),
    ("d3", "LICENSE", "LICENSE.d3"),
    ("topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"),
    ("topojson-client", "LICENSE", "LICENSE.topojson-client"),
    ("world-atlas", "countries-50m.json", "countries-50m.json"),
    ("world-atlas", "LICENSE", "LICENSE.world-atlas"),
    ("chart.js", "dist/chart.umd.min.js", "chart.umd.min.js"),
    ("chart.js", "LICENSE.md", "LICENSE.chart.js"),
    ("swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui-bundle.js"),
    ("swagger-ui-dist", "swagger-ui.css", "swagger-ui.css"),
    ("swagger-ui-dist", "LICENSE", "LICENSE.swagger-ui"),
)

MANIFEST = "manifest.json"


def installed() -> bool:
    """True when every vendored file is present and was installed from the pinned versions."""
    manifest = VENDOR / MANIFEST
    if not manifest.is_file():
        return False
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8")).get("packages")
    except (OSError, ValueError):
        return False
    return recorded == PACKAGES and all((VENDOR / name).is_file() for _, _, name in FILES)


def npm_install(workdir: Path) -> Path:
    """Install the pinned packages into ``workdir`` and return its node_modules."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("install_assets: npm is not on the PATH (apt-get install -y npm)")
    spec = {"name": "coopatlas-assets", "private": True, "dependencies": PACKAGES}
    (workdir / "package.json").write_text(json.dumps(spec, indent=2), encoding="utf-8")
    cmd = [npm, "install", "--no-audit", "--no-fund", "--ignore-scripts", "--omit=dev",
           "--loglevel=error"]
    done = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"install_assets: npm install failed:\n{done.stderr.strip()}")
    return workdir / "node_modules"


def copy_files(modules: Path) -> None:
    VENDOR.mkdir(parents=True, exist_ok=True)
    for package, inner, name in FILES:
        source = modules / package / inner
        if not source.is_file():
            raise SystemExit(f"install_assets: {package}@{PACKAGES[package]} lacks {inner}")
        shutil.copyfile(source, VENDOR / name)
    manifest = {"packages": PACKAGES, "files": [name for _, _, name in FILES]}
    (VENDOR / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="reinstall even when present")
    parser.add_argument("--check", action="store_true", help="only report; exit 1 if missing")
    args = parser.parse_args(argv)
    if args.check:
        ok = installed()
        print(f"install_assets: {'present' if ok else 'missing'} in {VENDOR}")
        return 0 if ok else 1
    if installed() and not args.force:
        print(f"install_assets: already installed in {VENDOR}")
        return 0
    with tempfile.TemporaryDirectory(prefix="coopatlas-assets-") as tmp:
        copy_files(npm_install(Path(tmp)))
    print(f"install_assets: installed {len(PACKAGES)} packages into {VENDOR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
