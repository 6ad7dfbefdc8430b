"""`mkdocs serve --dirty` with the ree plugin serves exactly what a complete rebuild serves, edit after edit.

Two real servers run on one copy of the real project: `mkdocs serve --dirty` (what `make serve` runs), which
builds again only the pages an edit changed, and plain `mkdocs serve`, which builds everything every time.
After each edit both have rebuilt, and every page, every download and the search index must be the same on
both: the edited record, the indexes and views, a renamed title in every page's navigation, a new page and a
removed one, a hand-written page that embeds the data, and the error banner of broken data. What the planner
decides for each kind of change is tested without a server in tests/test_planner.py, and which pages an edit
renders again in tests/test_incremental.py; these few scenarios check that MkDocs does what the plan says.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.test_serve import Server, wait_for

ROOT = Path(__file__).resolve().parent.parent
_LIVERELOAD = re.compile(r"<script[^>]*>[^<]*livereload[^<]*</script>|<script src=\"[^\"]*livereload[^\"]*\"></script>")
_LOC = re.compile(r"<loc>[^<]*?//[^/]+(/[^<]*)</loc>")
_DOWNLOAD = re.compile(r'href="([^"]+\.(?:json|csv))"')


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Server, Server]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from real_site import copy_project  # type: ignore[import-not-found]

    project = copy_project(tmp_path_factory.mktemp("dirty"))
    dirty = Server(project, "--dirty", log="dirty.log")
    clean = Server(project, log="clean.log")
    try:
        wait_for(lambda: dirty.builds() >= 1 and clean.builds() >= 1, "the first builds", timeout=180)
        yield project, dirty, clean
    finally:
        dirty.stop()
        clean.stop()


def edit_and_wait(dirty: Server, clean: Server, path: Path, text: str | None) -> None:
    before = (dirty.builds(), clean.builds())
    time.sleep(1.2)  # let the watchers settle after the last build
    if text is None:
        path.unlink()
    else:
        path.write_text(text, encoding="utf-8")
    wait_for(lambda: dirty.builds() > before[0] and clean.builds() > before[1], f"both rebuilds after {path.name}", 180)
    # A rebuild still running for an earlier change can be the one counted: wait until neither server has built
    # again for two seconds, so that the last build is the one that saw this change.
    for server in (dirty, clean):
        seen = [server.builds(), time.monotonic()]

        def quiet(server: Server = server, seen: list[float] = seen) -> bool:
            if server.builds() != seen[0]:
                seen[:] = [server.builds(), time.monotonic()]
            return time.monotonic() - seen[1] >= 2.0

        wait_for(quiet, f"{path.name}: the server to finish building", 180)


def site_paths(server: Server) -> list[str]:
    status, sitemap = get(server.url + "/sitemap.xml")
    assert status == 200
    pages = sorted(set(_LOC.findall(sitemap)))
    _, downloads = get(server.url + "/downloads/")
    base = server.url + "/downloads/"
    files = sorted(
        {urljoin(base, href)[len(server.url) :] for href in _DOWNLOAD.findall(downloads) if "://" not in href}
    )
    return pages + files


def assert_same(dirty: Server, clean: Server, what: str) -> dict[str, str]:
    """Every page and download of the clean server, the same on the dirty one; returns the clean pages."""
    paths = site_paths(clean)
    assert len(paths) > 100, paths
    assert site_paths(dirty) == paths, f"after {what}: the dirty server lists other pages"
    pages = {}
    for path in paths:
        status, want = get(clean.url + path)
        assert status == 200, f"after {what}: {path} gives {status} on the clean server"
        got_status, got = get(dirty.url + path)
        # Each server writes its own address into canonical links.
        want = _LIVERELOAD.sub("", want).replace(clean.url, "")
        got = _LIVERELOAD.sub("", got).replace(dirty.url, "")
        assert got_status == 200 and got == want, f"after {what}: {path} differs on the dirty server"
        pages[path] = want
    # The search index is built from the pages after each build: the same pages give the same index, and the same
    # settings and vocabulary.
    indexes = [search_index(server) for server in (clean, dirty)]
    assert indexes[0] == indexes[1], f"after {what}: the search index differs"
    return pages


def search_index(server: Server) -> tuple[set[str], str]:
    """The files of the server's search index, which Pagefind names by their content (each page's fragment, each
    chunk of the index and of the filters), as its metadata file lists them; and the search's settings."""
    status, entry = get(server.url + "/pagefind/pagefind-entry.json")
    assert status == 200
    meta = json.loads(entry)["languages"]["en"]["hash"]
    with urllib.request.urlopen(f"{server.url}/pagefind/pagefind.{meta}.pf_meta", timeout=10) as response:
        listed = gzip.decompress(response.read())
    # The metadata file's name changes from run to run (it lists the filters in no fixed order), and so do the
    # filters' chunks (their values in no fixed order): the pages' fragments and the word index's chunks do not.
    names = {name.decode() for name in re.findall(rb"en_[0-9a-f]{7}", listed)}
    names = {name for name in names if get(f"{server.url}/pagefind/filter/{name}.pf_filter")[0] == 404}
    status, settings = get(server.url + "/pagefind/ree-search.json")
    assert status == 200 and len(names) > 100
    return names, settings


def written_again(dirty: Server) -> str:
    return re.findall(r"Dirty build: (\d+ of \d+)", dirty.output())[-1]


def few_written(dirty: Server) -> bool:
    """The last dirty build wrote again under a quarter of the pages."""
    built, total = written_again(dirty).split(" of ")
    return int(built) < int(total) / 4


def test_the_first_builds_agree(servers: tuple[Path, Server, Server]) -> None:
    _, dirty, clean = servers
    assert_same(dirty, clean, "the first build")
    assert "A 'dirty' build is being performed" not in dirty.output()


def test_a_figure_edit_reaches_its_page_the_views_and_the_downloads(servers: tuple[Path, Server, Server]) -> None:
    project, dirty, clean = servers
    record = project / "data" / "producers" / "lynas.yml"
    edit_and_wait(dirty, clean, record, record.read_text().replace("value: 10908", "value: 10999", 1))
    pages = assert_same(dirty, clean, "a figure edit")
    assert "10,999" in pages["/producers/lynas/"]
    built, total = written_again(dirty).split(" of ")
    assert int(built) < int(total) / 4, written_again(dirty)


def test_a_renamed_element_reaches_every_page_navigation(servers: tuple[Path, Server, Server]) -> None:
    project, dirty, clean = servers
    element = project / "data" / "elements" / "terbium.yml"
    edit_and_wait(dirty, clean, element, element.read_text().replace("name: Terbium", "name: Terbium Renamed", 1))
    pages = assert_same(dirty, clean, "a renamed element")
    assert "Terbium Renamed" in pages["/elements/neodymium/"]  # in the sidebar of another element's page
    assert "Terbium Renamed" in pages["/"]


def test_a_source_edit_and_a_page_that_embeds_the_data(servers: tuple[Path, Server, Server]) -> None:
    project, dirty, clean = servers
    world = project / "data" / "producers" / "world.yml"
    text = world.read_text()
    figure = re.search(r"value: (\d+)", text)
    assert figure is not None
    edit_and_wait(dirty, clean, world, text.replace(figure.group(0), f"value: {int(figure.group(1)) + 1}", 1))
    assert_same(dirty, clean, "a world total the home page embeds")
    home = project / "content" / "index.md"
    edit_and_wait(dirty, clean, home, home.read_text() + "\nA sentence added by an editor.\n")
    pages = assert_same(dirty, clean, "a hand-written page edit")
    assert "A sentence added by an editor." in pages["/"]


def test_a_new_record_and_a_removed_one(servers: tuple[Path, Server, Server]) -> None:
    project, dirty, clean = servers
    new = project / "data" / "producers" / "lynas-copy.yml"
    text = (
        (project / "data" / "producers" / "lynas.yml")
        .read_text()
        .replace("name: Lynas Rare Earths", "name: Lynas Copy")
    )
    edit_and_wait(dirty, clean, new, text)
    assert "/producers/lynas-copy/" in assert_same(dirty, clean, "a new record")
    assert few_written(dirty), written_again(dirty)  # not every page: the sidebar does not list producers
    edit_and_wait(dirty, clean, new, None)
    for server in (dirty, clean):
        wait_for(lambda s=server: "/producers/lynas-copy/" not in site_paths(s), "the removed record to go", 120)
    assert "/producers/lynas-copy/" not in assert_same(dirty, clean, "a removed record")
    assert get(dirty.url + "/producers/lynas-copy/")[0] == 404
    assert few_written(dirty), written_again(dirty)


def test_broken_data_shows_the_banner_everywhere_and_a_fix_removes_it(servers: tuple[Path, Server, Server]) -> None:
    project, dirty, clean = servers
    record = project / "data" / "producers" / "lynas.yml"
    good = record.read_text()
    edit_and_wait(dirty, clean, record, good.replace("kind: company", "kind: [company", 1))
    pages = assert_same(dirty, clean, "broken data")
    assert all("ree-build-errors" in page for path, page in pages.items() if path.endswith("/"))
    # The banner is put on each page as it is served: entering or leaving the error state rewrites no page.
    assert written_again(dirty).startswith("0 of"), written_again(dirty)
    edit_and_wait(dirty, clean, record, good)
    pages = assert_same(dirty, clean, "the fix")
    assert not any("ree-build-errors" in page for page in pages.values())
    assert written_again(dirty).startswith("0 of"), written_again(dirty)
