"""Three engines build the same site: MkDocs 1.6, ProperDocs (a continuation of MkDocs 1.x) and Zensical."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .conftest import ROOT


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_properdocs_builds_the_same_pages(real_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "properdocs-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    assert pages(out) == pages(real_site)
    assert {"elements/neodymium/index.html", "concentration/index.html", "blog/index.html"} <= pages(out)
    element = (out / "elements" / "neodymium" / "index.html").read_text()
    assert "Neodymium (Nd)" in element and "ree-infobox" in element
    assert (out / "downloads" / "elements.json").read_text() == (real_site / "downloads" / "elements.json").read_text()


def test_zensical_builds_the_same_pages_from_the_generated_tree(real_site: Path, zensical_site: Path) -> None:
    """Zensical runs no MkDocs plugin: it builds the tree `ree-site generate` writes, with the configuration
    generated from mkdocs.yml, and gives the same pages, facts included, and no unexpanded directive."""
    out = zensical_site
    assert pages(out) == pages(real_site)
    unexpanded = [name for name in pages(out) if "[[" in (out / name).read_text()]
    assert unexpanded == []
    for record in ("elements/neodymium", "producers/china", "issues/china-export-controls"):
        ours, theirs = (_infobox((site / record / "index.html").read_text()) for site in (real_site, out))
        assert ours and ours == theirs, record
    assert (out / "downloads" / "elements.json").read_text() == (real_site / "downloads" / "elements.json").read_text()
    # The same sidebar: the generated configuration carries the navigation as the plugin expands it, with each
    # small collection's records listed under its index.
    for page in ("elements/neodymium/index.html", "issues/index.html", "index.html"):
        ours, theirs = (_nav_links((site / page).read_text()) for site in (real_site, out))
        assert ours == theirs, page
    siblings = {link for link in _nav_links((out / "elements/neodymium/index.html").read_text())
                if re.fullmatch(r"\.\./[a-z]+", link)}  # fmt: skip
    assert len(siblings) == 16, "the sixteen other elements in the sidebar of an element page"
    # The same citations: the "Cite this page" block, the figures' citations, the citation_* tags and the JSON-LD,
    # which Zensical reads from the front matter `generate` writes.
    cited = ("elements/neodymium", "producers/china", "downloads", "blog/2026/11/16/what-are-rare-earths", "")
    for where in cited:
        ours, theirs = (_citations((site / where / "index.html").read_text()) for site in (real_site, out))
        assert ours[0] and ours[1] and ours[2], where
        assert ours == theirs, where


def _citations(html: str) -> tuple[list[str], list[str], list[str]]:
    """A page's citation blocks (without the attribute Material's search takes out), tags and JSON-LD."""
    blocks = re.findall(r'<details class="ree-cite[^"]*"[^>]*>.*?</details>', html, re.DOTALL)
    blocks = [re.sub(r' data-search-exclude="true"', "", block) for block in blocks]
    tags = re.findall(r'<meta name="citation_[a-z_]+" content="[^"]*">', html)
    return blocks, tags, re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)


def test_zensical_gets_the_same_search_index(real_site: Path, zensical_site: Path) -> None:
    """`ree-site index` gives Zensical's build the index the plugin gives MkDocs': the same pages with the same
    titles, filters and other names, and the same vocabulary (the ranks are compared in tests/test_browser.py)."""
    import gzip
    import json

    def records(site: Path) -> dict[str, tuple[object, object]]:
        found = {}
        for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
            fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
            found[fragment["meta"].get("url") or fragment["url"]] = (fragment["meta"], fragment["filters"])
        return found

    ours, theirs = records(real_site), records(zensical_site)
    assert len(ours) > 130
    assert theirs == ours
    settings = [json.loads((site / "pagefind" / "ree-search.json").read_text()) for site in (real_site, zensical_site)]
    assert settings[0] == settings[1]
    page = (zensical_site / "elements" / "neodymium" / "index.html").read_text()
    assert 'data-ree-search-box data-pagefind="../../pagefind/"' in page and 'class="md-search"' not in page


def _nav_links(html: str) -> list[str]:
    """The targets of the navigation's links, in order, normalised (Zensical writes ``././`` for ``./``)."""
    found = re.findall(r'<a\b[^>]*\bclass="md-nav__link[^"]*"[^>]*>|<a\b[^>]*>(?=\s*<span class="md-ellipsis)', html)
    return [posixpath.normpath(m.group(1)) for tag in found if (m := re.search(r'href="([^"#]*)"', tag))]


def _infobox(html: str) -> list[str]:
    """The infobox's cells as text: the facts a reader sees first."""
    box = html.split('class="ree-infobox"', 1)[1].split("</table>", 1)[0]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", box, re.DOTALL)]


def test_generate_watch_writes_only_what_an_edit_changed(project: Path) -> None:
    """`ree-site generate --watch` (what `make serve-zensical` runs beside Zensical's own server) writes the tree,
    then after a record edit rewrites only the files the edit changed, and after a bad edit keeps watching."""
    import signal
    import time

    out = project / "tree"
    command = [sys.executable, "-m", "ree_site", "generate", str(out), "--watch", "--data-dir", "data",
               "--docs-dir", "content", "--abbreviations", ""]  # fmt: skip
    log = (project / "watch.log").open("w")
    process = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT)

    def said() -> str:
        return (project / "watch.log").read_text()

    def wait(condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + 60
        while not condition():
            assert time.monotonic() < deadline and process.poll() is None, f"{what}:\n{said()}"
            time.sleep(0.1)

    try:
        wait(lambda: "Watching" in said(), "the first tree")
        page = out / "elements" / "neodymium.md"
        first = {p: p.stat().st_mtime_ns for p in out.rglob("*.md")}
        element = project / "data" / "elements" / "neodymium.yml"
        good = element.read_text()
        element.write_text(good.replace("name: Neodymium", "name: Neodymium\naliases: [Watched]"))
        wait(lambda: "Watched" in page.read_text(), "the edit in the tree")
        rewritten = [p for p, mtime in first.items() if p.stat().st_mtime_ns != mtime]
        assert page in rewritten
        assert len(rewritten) < len(first) / 2, rewritten
        element.write_text(good.replace("name: Neodymium", "name: [Neodymium"))
        wait(lambda: "neodymium.yml:" in said(), "the problem reported")
        element.write_text(good)
        wait(lambda: "Watched" not in page.read_text(), "the fix in the tree")
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
        log.close()
