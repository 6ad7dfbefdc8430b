"""Search benchmark: what a reader's first page load and first query transfer, compressed, with the theme's own
search (the whole index downloaded by every page) and with the site's search (Pagefind's chunks, fetched per
query), on the synthetic data sets of bench/run.py and on built sites given by folder.

For each N it generates the data set of N records (bench/run.py's generator) and builds it twice: with the site's
search (the `ree` plugin, the theme partials of overrides/partials and content/assets/ree-search.*, as mkdocs.yml
sets them) and with the theme's (the same pages as plain Markdown with Material's search plugin and its own
search box: bench/run.py's floor). Each site is served locally and opened in Chromium (Debian's, through
Playwright): the element page /elements/neodymium/ is loaded in a fresh browser context and every file it fetches
is counted; then one query is typed into the search box and the files fetched until its results show are counted.
Each query gets a fresh context, so each is a reader's first. Bytes are each file's size gzip-compressed (level
6), or as stored when that is smaller (Pagefind's chunks are compressed already), as a static host serving
compressed files would send them; headers are not counted. Nothing here is asserted: the figures are for
BENCHMARKS.md.

    python bench/search.py                       # N = 1,000, 5,000 and 10,000
    python bench/search.py --sizes 50            # a quick run
    python bench/search.py --site OLD --site NEW # built sites (such as the real site before and after)
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import make_projects  # noqa: E402

from tests.browser import chromium, serve  # noqa: E402

PAGE = "/elements/neodymium/"
#: The first queries: an element, a misspelt element, a question, a question of the site's commonest words only (the
#: one case that looks them up, "rare" and "earth" included), a record's name, a record's name with topic words.
QUERIES = [
    "neodymium", "neodynium", "how are rare earth magnets made", "what are rare earths", "producer 321",
    "issue 45 supply chain",
]  # fmt: skip


@dataclass
class Transfer:
    load: int
    query: int
    files: int
    #: The files the query fetched, with their compressed sizes (for --verbose).
    fetched: list[tuple[str, int]]

    def kb(self) -> str:
        return f"{self.load / 1000:.0f} KB + {self.query / 1000:.0f} KB"


def compressed_size(path: Path) -> int:
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, compresslevel=6)))


def local_file(site: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path).lstrip("/")
    target = site / path
    if target.is_dir() or path.endswith("/") or not path:
        target = target / "index.html"
    return target if target.is_file() else None


def transfer(site: Path, base: str, browser: Any, query: str) -> Transfer:
    """A first page load of :data:`PAGE` and a first query typed into the page's search box."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(base + PAGE, wait_until="networkidle")
    loaded = list(fetched)
    ours = page.locator("#ree-search-input")
    if ours.count():
        ours.click()
        ours.type(query, delay=5)
        page.locator(f"[data-ree-search-status][data-state='done'][data-query='{query}']").wait_for(
            state="attached", timeout=60_000
        )
    else:  # the theme's search box
        field = page.locator("input.md-search__input")
        field.click()
        field.type(query, delay=5)
        page.locator(".md-search-result__meta").wait_for(timeout=60_000)
    page.wait_for_load_state("networkidle")
    after = fetched[len(loaded) :]
    context.close()

    def sizes(urls: list[str]) -> list[tuple[str, int]]:
        return [(urlsplit(url).path, compressed_size(path)) for url in urls if (path := local_file(site, url))]

    query_files = sizes(after)
    return Transfer(sum(n for _, n in sizes(loaded)), sum(n for _, n in query_files), len(after), query_files)


def measure_site(site: Path, browser: Any) -> list[Transfer]:
    with serve(site) as base:
        return [transfer(site, base, browser, query) for query in QUERIES]


def with_site_search(project: Path) -> None:
    """Give the plugin's project of bench/run.py the site's search box and script, as mkdocs.yml does."""
    shutil.copytree(ROOT / "overrides" / "partials", project / "overrides" / "partials", dirs_exist_ok=True)
    (project / "content" / "assets").mkdir(parents=True, exist_ok=True)
    for name in ("ree-search.js", "ree-search.css"):
        shutil.copy2(ROOT / "content" / "assets" / name, project / "content" / "assets" / name)
    config = project / "mkdocs.yml"
    text = config.read_text().replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    text += "extra_css: [assets/ree-search.css]\nextra_javascript: [assets/ree-search.js]\n"
    config.write_text(text)


def build(project: Path) -> tuple[float, str]:
    """Build the project; the seconds it took, and what the plugin said of the search index (if it built one)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env, check=True,
                          capture_output=True, text=True)  # fmt: skip
    said = [line.split("ree_site: ", 1)[-1] for line in done.stderr.splitlines() if "Search index:" in line]
    return time.perf_counter() - start, said[0] if said else ""


VERBOSE = False


def report(label: str, rows: list[Transfer]) -> str:
    worst = max(rows, key=lambda r: r.query)
    if VERBOSE:
        for path, size in sorted(worst.fetched, key=lambda f: -f[1]):
            print(f"    {size / 1000:7.1f} KB  {path}")
    per_query = ", ".join(f"{q!r} {r.query / 1000:.0f}" for q, r in zip(QUERIES, rows, strict=True))
    return (f"| {label} | {rows[0].load / 1000:.0f} | {worst.query / 1000:.0f} | "
            f"{(rows[0].load + worst.query) / 1000:.0f} | {per_query} |")  # fmt: skip


HEADER = "| site | first load KB | first query KB (largest) | together KB | each query KB |\n|---|---:|---:|---:|---|"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1000, 5000, 10000])
    parser.add_argument("--site", type=Path, action="append", default=[], help="a built site to measure as well")
    parser.add_argument("--verbose", action="store_true", help="list the files of each site's largest first query")
    args = parser.parse_args(argv)
    global VERBOSE  # noqa: PLW0603 - a switch for the printing helper
    VERBOSE = args.verbose
    lines = []
    with chromium() as browser:
        for site in args.site:
            lines.append(report(str(site), measure_site(site, browser)))
            print(lines[-1], flush=True)
        for n in args.sizes if not args.site else []:
            base = Path(tempfile.mkdtemp(prefix=f"ree-search-{n}-"))
            try:
                ours, floor = make_projects(n, base)
                with_site_search(ours)
                (ours_s, indexed), (floor_s, _) = build(ours), build(floor)
                pages = len(list((ours / "site").rglob("index.html")))
                for label, project in (("theme's search", floor), ("site's search", ours)):
                    rows = measure_site(project / "site", browser)
                    lines.append(report(f"{n:,} records ({pages:,} pages), {label}", rows))
                    print(lines[-1], flush=True)
                print(f"  builds: site's search {ours_s:.0f} s ({indexed}), theme's search {floor_s:.0f} s", flush=True)
            finally:
                shutil.rmtree(base, ignore_errors=True)
    print()
    print(HEADER)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
