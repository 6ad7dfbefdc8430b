"""The real site: full build time (edit-to-served time under `mkdocs serve` is bench/serve.py's).

    python bench/real_site.py

Works on a copy of the project in a temporary folder (the real data/ is never touched). Build times are MkDocs'
own "Documentation built in N seconds" (startup and imports not included) and the wall time of the command.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(target: Path) -> Path:
    for name in ("mkdocs.yml", "content", "data", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


def full_builds(project: Path, runs: int) -> tuple[list[float], list[float]]:
    reported, wall = [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
            cwd=project, env=ENV, capture_output=True, text=True, check=True,
        )  # fmt: skip
        wall.append(time.perf_counter() - start)
        reported.append(float(BUILT.findall(result.stderr)[-1]))
    return reported, wall


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        reported, wall = full_builds(project, 3)
        pages = len(list((project / "site").rglob("index.html")))
    print(f"real site: {pages} pages")
    print(f"full build (--strict), MkDocs' figure: median {statistics.median(reported):.2f} s, runs {reported}")
    print(f"full build, wall time with startup:   median {statistics.median(wall):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
