"""Edit-to-served: how long after a one-record edit the preview serves the new page, against a full build.

    python bench/serve.py                       # the real site, 1,000 and 5,000 records
    python bench/serve.py --sizes real,1000     # a quicker run
    python bench/serve.py --markdown            # also a table for BENCHMARKS.md

For each size, in one run and on one copy of the project (the real data/ is never touched):

- **full build**: `mkdocs build` of the project in a fresh process, wall time (what a change costs without a
  preview, and the yardstick of the targets);
- **serve --dirty**: `mkdocs serve --dirty`, as `make serve` runs it; the time from writing the edited YAML file
  to the moment the server answers with the new page, polled every 20 ms;
- **serve (full)**: the same with plain `mkdocs serve`, which builds every page again after each edit;
- **Zensical**: `ree-site generate --watch` beside `zensical serve`, as `make serve-zensical` runs them; the same
  edit-to-served time, and Zensical's own build of the generated tree from a clean cache.

The edit adds a word to the record's summary: a change that shows on its page and nowhere else. Each serve figure is
the median of several edits. Nothing here asserts a time: the figures and their ratios are for people to read.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from real_site import copy_project  # noqa: E402
from run import make_projects  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (a local server of our own)
            return str(response.read().decode())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_until(condition: object, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.02)


@dataclass
class Size:
    name: str
    project: Path
    record: Path
    url_path: str
    pages: int = 0
    full_build: float = 0.0
    dirty: list[float] = field(default_factory=list)
    clean: list[float] = field(default_factory=list)
    zensical: list[float] = field(default_factory=list)
    zensical_build: float = 0.0


def prepare(name: str, base: Path) -> Size:
    if name == "real":
        (base / "real").mkdir()
        project = copy_project(base / "real")
        return Size("real site", project, project / "data" / "producers" / "lynas.yml", "/producers/lynas/")
    n = int(name)
    project, _ = make_projects(n, base / name)
    return Size(f"{n:,} records", project, project / "data" / "producers" / "producer-00001.yml",
                "/producers/producer-00001/")  # fmt: skip


def full_build(size: Size) -> None:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(size.project / "site")],
                   cwd=size.project, env=ENV, check=True, capture_output=True)  # fmt: skip
    size.full_build = time.perf_counter() - start
    size.pages = len(list((size.project / "site").rglob("index.html")))


def edit(record: Path, original: str, marker: str) -> None:
    """A new word at the start of the record's summary (a folded or plain scalar alike)."""
    text = original.replace("summary: >-\n  ", f"summary: >-\n  {marker} ", 1)
    if text == original:
        text = original.replace("summary: ", f"summary: {marker} ", 1)
    assert text != original, record
    record.write_text(text, encoding="utf-8")


def edits_served(size: Size, url: str, edits: int, label: str) -> list[float]:
    """Edit the record ``edits`` times; for each, seconds from the write to the new page being served."""
    original = size.record.read_text(encoding="utf-8")
    times = []
    try:
        for attempt in range(edits):
            time.sleep(1.5)  # let the watcher settle after the last build
            marker = f"Benchmarked{label}{attempt}"
            start = time.perf_counter()
            edit(size.record, original, marker)
            wait_until(lambda m=marker: m in page(url), f"{label} edit {attempt} on {size.name}", 600)
            times.append(time.perf_counter() - start)
    finally:
        size.record.write_text(original, encoding="utf-8")
    return times


def serve(size: Size, command: list[str], edits: int, label: str, helper: list[str] | None = None) -> list[float]:
    port = free_port()
    log = (size.project / f"{label}.log").open("w")
    processes = []
    if helper is not None:
        processes.append(subprocess.Popen(helper, cwd=size.project, env=ENV, stdout=log, stderr=subprocess.STDOUT))
    processes.append(subprocess.Popen([*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=size.project, env=ENV,
                                      stdout=log, stderr=subprocess.STDOUT))  # fmt: skip
    url = f"http://127.0.0.1:{port}{size.url_path}"
    try:
        wait_until(lambda: "Lynas" in page(url) or "Producer 1" in page(url), f"{label} first build", 1200)
        if helper is not None:
            wait_until(lambda: "Watching" in (size.project / f"{label}.log").read_text(), "generate --watch", 600)
        return edits_served(size, url, edits, label)
    finally:
        for process in processes:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


def zensical(size: Size, edits: int) -> None:
    tree, config = "zensical-docs", "zensical.yml"
    generate = [str(BIN / "ree-site"), "generate", tree, "--config", config, "--site-dir", "site-zensical"]
    if not (size.project / "content" / "includes").is_dir():
        generate += ["--abbreviations", ""]
    subprocess.run(generate, cwd=size.project, env=ENV, check=True, capture_output=True)
    shutil.rmtree(size.project / ".cache", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([str(BIN / "zensical"), "build", "-f", config], cwd=size.project, env=ENV, check=True,
                   capture_output=True)  # fmt: skip
    size.zensical_build = time.perf_counter() - start
    size.zensical = serve(size, [str(BIN / "zensical"), "serve", "-f", config], edits, "zensical",
                          helper=[*generate, "--watch"])  # fmt: skip


def measure(name: str, base: Path, edits: int) -> Size:
    size = prepare(name, base)
    full_build(size)
    mkdocs = [sys.executable, "-m", "mkdocs", "serve", "--livereload"]
    size.dirty = serve(size, [*mkdocs, "--dirty"], edits, "dirty")
    size.clean = serve(size, mkdocs, edits, "clean")
    zensical(size, edits)
    return size


HEADER = ("size", "pages", "full build s", "serve --dirty s", "ratio", "serve (full) s", "ratio",
          "Zensical serve s", "ratio", "Zensical build s")  # fmt: skip


def cells(size: Size) -> list[str]:
    dirty, clean, zen = (statistics.median(t) for t in (size.dirty, size.clean, size.zensical))
    return [size.name, f"{size.pages:,}", f"{size.full_build:.2f}", f"{dirty:.2f}", f"{dirty / size.full_build:.2f}",
            f"{clean:.2f}", f"{clean / size.full_build:.2f}", f"{zen:.2f}", f"{zen / size.full_build:.2f}",
            f"{size.zensical_build:.2f}"]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="real,1000,5000", help="comma-separated: real and record counts")
    parser.add_argument("--edits", type=int, default=3, help="edits per server (the median is shown)")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = parser.parse_args(argv)
    rows = []
    print("  ".join(f"{h:>16}" for h in HEADER), flush=True)
    with tempfile.TemporaryDirectory(prefix="ree-bench-serve-") as tmp:
        for name in args.sizes.split(","):
            size = measure(name, Path(tmp), args.edits)
            rows.append(size)
            print("  ".join(f"{c:>16}" for c in cells(size)), flush=True)
            print(f"    runs: dirty {size.dirty}, full {size.clean}, Zensical {size.zensical}", flush=True)
    if args.markdown:
        print()
        print("| " + " | ".join(HEADER) + " |")
        print("|---|" + "---:|" * (len(HEADER) - 1))
        for size in rows:
            print("| " + " | ".join(cells(size)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
