"""The real site: full build time, and `mkdocs serve` rebuild time after a one-file YAML edit.

    python bench/real_site.py

Works on a copy of the project in a temporary folder (the real data/ is never touched). Build times are MkDocs'
own "Documentation built in N seconds" (startup and imports not included) and the wall time of the command.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
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


def serve_rebuilds(project: Path, edits: int) -> list[float]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = project / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=ENV, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            times = []
            record = project / "data" / "elements" / "neodymium.yml"
            original = record.read_text()
            for attempt in range(1 + edits):
                deadline = time.monotonic() + 120
                nudge = time.monotonic() + 20
                while len(BUILT.findall(log.read_text())) < attempt + 1:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit(f"mkdocs serve did not rebuild:\n{log.read_text()}")
                    if attempt and time.monotonic() > nudge:  # a change the watcher missed: save again
                        record.write_text(record.read_text() + "\n")
                        nudge = time.monotonic() + 20
                    time.sleep(0.1)
                if attempt:
                    times.append(float(BUILT.findall(log.read_text())[-1]))
                if attempt < edits:
                    time.sleep(1.5)  # let the watcher settle
                    record.write_text(original.replace("reviewed:", f"# edit {attempt}\nreviewed:", 1))
            return times
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        reported, wall = full_builds(project, 3)
        rebuilds = serve_rebuilds(project, 3)
        pages = len(list((project / "site").rglob("index.html")))
    print(f"real site: {pages} pages")
    print(f"full build (--strict), MkDocs' figure: median {statistics.median(reported):.2f} s, runs {reported}")
    print(f"full build, wall time with startup:   median {statistics.median(wall):.2f} s")
    print(
        f"mkdocs serve rebuild after a one-file YAML edit: median {statistics.median(rebuilds):.2f} s, runs {rebuilds}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
