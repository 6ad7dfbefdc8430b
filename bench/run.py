"""Build-time benchmark: the ree plugin against plain MkDocs on the same pages (the floor).

For each N it generates a synthetic data set of N records with realistic fields and cross-references,
then measures, each in a fresh process:

- core: load, validate, link and render with ree_site alone (no MkDocs, imports not counted), and
  separately the export of the downloads (JSON and CSV), which the plugin also does in the build;
- ours: a full `mkdocs build` of the project with the plugin;
- floor: the very same generated Markdown written as plain files, the same trimmed navigation, no ree plugin.

It prints one table (and, with --markdown, a Markdown table for BENCHMARKS.md). Nothing is timed against a
threshold here: the figures and their ratios are for people to read.

    python bench/run.py                 # N = 100, 1,000, 5,000
    python bench/run.py --large         # adds N = 10,000
    python bench/run.py --sizes 50      # a quick run
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ree_site import build_catalog  # noqa: E402
from ree_site.data.vocabulary import REE_ATOMIC_NUMBERS  # noqa: E402
from ree_site.engines.cli import main as ree_site_command  # noqa: E402
from ree_site.outputs.nav import expand_nav  # noqa: E402

WORDS = [
    "rare",
    "earth",
    "supply",
    "chain",
    "separation",
    "refinery",
    "magnet",
    "oxide",
    "concentrate",
    "export",
    "licence",
    "market",
    "price",
    "demand",
    "motor",
    "turbine",
    "vehicle",
    "catalyst",
    "phosphor",
    "alloy",
    "deposit",
    "mine",
    "tailings",
    "thorium",
    "leaching",
    "project",
    "capacity",
    "production",
    "reserves",
    "estimate",
    "quota",
    "processing",
    "investment",
    "policy",
    "strategy",
    "recycling",
    "substitution",
]
NAMES = {
    "Sc": "Scandium", "Y": "Yttrium", "La": "Lanthanum", "Ce": "Cerium", "Pr": "Praseodymium", "Nd": "Neodymium",
    "Pm": "Promethium", "Sm": "Samarium", "Eu": "Europium", "Gd": "Gadolinium", "Tb": "Terbium",
    "Dy": "Dysprosium", "Ho": "Holmium", "Er": "Erbium", "Tm": "Thulium", "Yb": "Ytterbium", "Lu": "Lutetium",
}  # fmt: skip


def prose(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        words = rng.choices(WORDS, k=rng.randint(10, 20))
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def generate(n: int, folder: Path, seed: int = 7) -> None:
    """Write a data set of ``n`` records (17 elements, then producers, issues and sources) into ``folder``."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    rest = max(n - 17, 6)
    n_sources = max(2, rest // 4)
    n_issues = max(2, rest // 5)
    n_producers = max(2, rest - n_sources - n_issues)
    sources = [f"source-{i:05d}" for i in range(n_sources)]
    producers = [f"producer-{i:05d}" for i in range(n_producers)]
    issues = [f"issue-{i:05d}" for i in range(n_issues)]
    elements = [NAMES[s].lower() for s in REE_ATOMIC_NUMBERS]
    for kind in ("elements", "producers", "issues", "sources"):
        (folder / kind).mkdir(parents=True, exist_ok=True)

    def write(kind: str, record_id: str, record: dict[str, object]) -> None:
        text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)
        (folder / kind / f"{record_id}.yml").write_text(text, encoding="utf-8")

    published = {source_id: rng.randint(2010, 2026) for source_id in sources}
    published[sources[0]] = 2026  # every figure has a source that reports its year

    def reporting(year: int) -> str:
        """A source published in or after ``year``: a source cannot report a year before it appears."""
        return rng.choice([s for s in sources if published[s] >= year])

    for i, source_id in enumerate(sources):
        write("sources", source_id, {
            "title": f"Report {i} on {' '.join(rng.choices(WORDS, k=4))}",
            "publisher": rng.choice(["Geological Survey", "Energy Agency", "Ministry of Industry", "Company plc"]),
            "year": published[source_id],
            "url": f"https://example.org/reports/{source_id}.pdf",
            "note": prose(rng, 1),
            "reviewed": "2026-11-27",
        })  # fmt: skip
    for symbol, number in REE_ATOMIC_NUMBERS.items():
        write("elements", NAMES[symbol].lower(), {
            "name": NAMES[symbol], "symbol": symbol, "atomic_number": number,
            "atomic_weight": {"value": f"{100 + number}.{number:03d}(2)", "source": rng.choice(sources)},
            "group": {"value": "light" if number < 65 else "heavy", "source": rng.choice(sources)},
            "discovery": {"year": rng.randint(1790, 1945), "by": ["A. Chemist"], "source": rng.choice(sources)},
            "applications": [{"use": prose(rng, 1), "source": rng.choice(sources)} for _ in range(4)],
            "summary": prose(rng, 4),
            "reviewed": "2026-11-27",
        })  # fmt: skip
    for i, producer_id in enumerate(producers):
        # A producer's output moves within a factor of two from year to year (the plausibility rules refuse a
        # value 20 times off the years beside it).
        level = rng.randint(100, 300000)
        figures = [
            {"measure": "mine-production", "year": year, "value": round(level * rng.uniform(0.7, 1.4)),
             "unit": "t REO", "estimated": rng.random() < 0.3, "source": reporting(year)}
            for year in range(2021, 2021 + rng.randint(2, 5))
        ]  # fmt: skip
        figures.append({"measure": "reserves", "year": 2025, "value": rng.randint(10**4, 10**7), "unit": "t REO",
                        "source": reporting(2025)})  # fmt: skip
        record: dict[str, object] = {
            "name": f"Producer {i} {rng.choice(WORDS).capitalize()}",
            "kind": rng.choice(["company", "mine", "refinery", "magnet-maker"]),
            "country": rng.choice(["Australia", "Canada", "China", "Brazil", "United States"]),
            "stages": rng.sample(["mining", "separation", "metal", "magnets"], k=rng.randint(1, 3)),
            "summary": prose(rng, 5),
            "figures": figures,
            "elements": rng.sample(elements, k=rng.randint(1, 4)),
            "issues": rng.sample(issues, k=min(len(issues), rng.randint(0, 2))),
            "sources": rng.sample(sources, k=min(len(sources), 2)),
            "reviewed": "2026-11-27",
        }
        if i >= 10 and rng.random() < 0.4:  # parents always have a lower number: no cycles
            record["parent"] = producers[rng.randrange(0, i)]
        write("producers", producer_id, record)
    for i, issue_id in enumerate(issues):
        write("issues", issue_id, {
            "title": f"Issue {i}: {' '.join(rng.choices(WORDS, k=3))}",
            "category": rng.choice(["concentration", "trade-policy", "environment", "recycling", "diversification"]),
            "status": rng.choice(["active", "ongoing", "ended"]),
            "summary": prose(rng, 5),
            "events": [
                {"date": f"{rng.randint(2010, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                 "title": prose(rng, 1)[:80], "text": prose(rng, 2), "source": rng.choice(sources)}
                for _ in range(rng.randint(3, 8))
            ],
            "elements": rng.sample(elements, k=rng.randint(1, 5)),
            "producers": rng.sample(producers, k=min(len(producers), rng.randint(1, 4))),
            "reviewed": "2026-11-27",
        })  # fmt: skip


MKDOCS_YML = """\
site_name: Benchmark
site_url: https://example.org/
docs_dir: content
theme:
  name: material
  font: false
plugins:
{plugins}
markdown_extensions: [admonition, attr_list, md_in_html, tables]
nav:
  - Home: index.md
  - Elements: elements/index.md
  - Producers: producers/index.md
  - Issues: issues/index.md
  - Sources: sources/index.md
  - Concentration: concentration.md
  - Timeline: timeline.md
  - Downloads: downloads.md
{not_in_nav}"""


def make_projects(n: int, base: Path) -> tuple[Path, Path]:
    """The plugin project and the floor project (same pages as plain Markdown, no ree plugin)."""
    ours = base / "ours"
    generate(n, ours / "data")
    (ours / "content").mkdir(parents=True)
    (ours / "content" / "index.md").write_text("# Benchmark\n\nA synthetic data set.\n")
    plugins = "  - search\n  - tags\n  - ree:\n      nav_max_records: 30\n"
    (ours / "mkdocs.yml").write_text(MKDOCS_YML.format(plugins=plugins, not_in_nav=""))

    # The floor: the same pages as plain Markdown (what `ree-site generate` writes), the hand-written home page,
    # and the navigation the plugin builds (small collections listed, large ones by index only).
    floor = base / "floor"
    with contextlib.redirect_stdout(io.StringIO()) as said:  # keep the table the only output
        status = ree_site_command(["generate", str(floor / "content"), "--data-dir", str(ours / "data"),
                                   "--docs-dir", str(ours / "content"),
                                   "--templates-dir", str(base / "no-overrides")])  # fmt: skip
    if status != 0:
        raise SystemExit(f"ree-site generate failed:\n{said.getvalue()}")
    shutil.copy2(ours / "content" / "index.md", floor / "content" / "index.md")
    config = yaml.safe_load((ours / "mkdocs.yml").read_text())
    nav = yaml.safe_dump({"nav": expand_nav(config["nav"], build_catalog(ours / "data"), 30)})
    floor_config = MKDOCS_YML.format(plugins="  - search\n  - tags\n", not_in_nav="")
    floor_config = floor_config[: floor_config.index("nav:")] + nav
    not_in_nav = "not_in_nav: |\n  /elements/*.md\n  /producers/*.md\n  /issues/*.md\n  /sources/*.md\n"
    (floor / "mkdocs.yml").write_text(floor_config + not_in_nav)
    return ours, floor


@dataclass
class Run:
    seconds: float
    peak_mb: float


def timed(command: list[str], cwd: Path) -> Run:
    """Run ``command`` in a fresh process; wall time and its peak resident memory."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode() if process.stderr else ''}")
    return Run(seconds, usage.ru_maxrss / 1024)


CORE = (
    "import sys, time; from pathlib import Path\n"
    "from ree_site import build_catalog; from ree_site.render.renderer import Renderer\n"
    "from ree_site.outputs.export import export_files\n"
    "t = time.perf_counter(); c = build_catalog(Path(sys.argv[1])); pages = Renderer(c).render_all()\n"
    "core = time.perf_counter() - t; t = time.perf_counter(); export_files(c)\n"
    "print(core, time.perf_counter() - t)\n"
)


def core_seconds(data: Path) -> tuple[float, float]:
    """The core's work (load, validate, link, render) and the downloads' export, imports left out."""
    out = subprocess.run([sys.executable, "-c", CORE, str(data)], capture_output=True, text=True, check=True)
    core, export = out.stdout.split()
    return float(core), float(export)


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


@dataclass
class Row:
    n: int
    core: float
    export: float
    ours: Run
    floor: Run
    out_mb: float
    floor_mb: float
    search_mb: float
    pages: int


def measure(n: int, keep: Path | None) -> Row:
    base = Path(tempfile.mkdtemp(prefix=f"ree-bench-{n}-", dir=keep))
    try:
        ours, floor = make_projects(n, base)
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
        core, export = core_seconds(ours / "data")
        ours_run = timed(mkdocs, ours)
        floor_run = timed(mkdocs, floor)
        search = ours / "site" / "search" / "search_index.json"
        pages = len(list((ours / "site").rglob("index.html")))
        return Row(n, core, export, ours_run, floor_run, folder_mb(ours / "site"), folder_mb(floor / "site"),
                   search.stat().st_size / 1e6, pages)  # fmt: skip
    finally:
        if keep is None:
            shutil.rmtree(base, ignore_errors=True)


HEADER = (
    "N", "pages", "core s", "export s", "build s", "floor s", "ours/floor", "core share", "peak MB", "floor MB",
    "site MB", "MB/record", "search MB", "ms/record",
)  # fmt: skip


def cells(row: Row) -> list[str]:
    return [
        f"{row.n:,}", f"{row.pages:,}", f"{row.core:.2f}", f"{row.export:.2f}", f"{row.ours.seconds:.2f}",
        f"{row.floor.seconds:.2f}",
        f"{row.ours.seconds / row.floor.seconds:.2f}", f"{100 * row.core / row.ours.seconds:.1f} %",
        f"{row.ours.peak_mb:.0f}", f"{row.floor.peak_mb:.0f}", f"{row.out_mb:.1f}", f"{row.out_mb / row.n:.3f}",
        f"{row.search_mb:.2f}", f"{1000 * row.ours.seconds / row.n:.1f}",
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[100, 1000, 5000])
    parser.add_argument("--large", action="store_true", help="also N = 10,000")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--keep", type=Path, help="keep the generated projects under this folder")
    args = parser.parse_args(argv)
    sizes = [*args.sizes, *([10000] if args.large else [])]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'  '.join(f'{h:>10}' for h in HEADER)}")
    rows = []
    for n in sizes:
        row = measure(n, args.keep)
        rows.append(row)
        print(f"{'  '.join(f'{c:>10}' for c in cells(row))}", flush=True)
    by_n = {r.n: r for r in rows}
    if 1000 in by_n and 5000 in by_n:
        growth = by_n[5000].ours.seconds / by_n[1000].ours.seconds
        print(f"build time at 5,000 / at 1,000: {growth:.2f} (linear would be 5.0)")
    if args.markdown:
        print()
        print("| " + " | ".join(HEADER) + " |")
        print("|" + "---:|" * len(HEADER))
        for row in rows:
            print("| " + " | ".join(cells(row)) + " |")
    if args.json:
        args.json.write_text(json.dumps([{"n": r.n, "cells": dict(zip(HEADER, cells(r), strict=True))} for r in rows]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
