"""Integration: real `mkdocs build` runs on a small project in a temporary folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from ree_site.engines.cli import main

from .conftest import mkdocs_build, site_build


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_builds_pages_links_edit_links_and_search(project: Path) -> None:
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    element = (site / "elements" / "neodymium" / "index.html").read_text()
    assert '<h1 id="neodymium-nd">Neodymium (Nd)' in element
    assert 'href="../../producers/china/"' in element
    assert 'href="../../issues/export-controls/"' in element
    assert 'href="../../sources/#usgs-test"' in element
    # The edit link opens the YAML file, not a Markdown page that does not exist.
    assert 'href="https://example.org/repo/edit/main/data/elements/neodymium.yml"' in element
    # The real 'Elements' collection is small, so its records are listed in the sidebar.
    assert 'href="./" class="md-nav__link md-nav__link--active"' in element or "md-nav__link--active" in element
    for index in ("elements", "producers", "issues", "sources"):
        assert (site / index / "index.html").is_file(), index
    search = json.loads((site / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in search["docs"]}
    assert {"elements/neodymium/", "producers/china/", "issues/export-controls/", "sources/"} <= locations
    hand_written = (site / "index.html").read_text()
    assert 'href="https://example.org/repo/edit/main/content/index.md"' in hand_written


def test_bad_data_fails_cleanly_and_keeps_the_last_good_site(project: Path) -> None:
    assert mkdocs_build(project).returncode == 0
    before = snapshot(project / "site")
    element = project / "data" / "elements" / "neodymium.yml"
    element.write_text(element.read_text().replace("atomic_number: 60", "atomic_number: sixty"))
    (project / "data" / "sources" / "broken.yml").write_text("title: [unclosed\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert (
        "data/elements/neodymium.yml:3:1: atomic_number: must be a whole number written in decimal digits (got 'sixty')"
        in result.stderr
    )
    assert "data/sources/broken.yml:2:1: YAML syntax error" in result.stderr
    assert "2 problems found in the data." in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(project / "site") == before


def test_template_error_fails_cleanly(project: Path) -> None:
    (project / "overrides" / "ree").mkdir()
    (project / "overrides" / "ree" / "element.md.j2").write_text("# {{ record.nmae }}\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "template element.md.j2: " in result.stderr and "nmae" in result.stderr
    assert "Traceback" not in result.stderr


def test_override_template_is_used(project: Path) -> None:
    (project / "overrides" / "ree").mkdir()
    (project / "overrides" / "ree" / "issue.md.j2").write_text("# {{ record.title }}\n\nCustom issue page.\n")
    assert mkdocs_build(project, "--strict").returncode == 0
    assert "Custom issue page." in (project / "site" / "issues" / "export-controls" / "index.html").read_text()


def test_hand_written_page_may_not_shadow_a_generated_one(project: Path) -> None:
    (project / "content" / "elements").mkdir()
    (project / "content" / "elements" / "neodymium.md").write_text("# Mine\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "content/elements/neodymium.md:1:1: would replace the page the ree plugin generates" in result.stderr


def test_build_and_check_never_write_into_data_or_content(project: Path) -> None:
    before = {name: snapshot(project / name) for name in ("data", "content")}
    assert mkdocs_build(project).returncode == 0
    broken = project / "data" / "issues" / "export-controls.yml"
    broken.write_text(broken.read_text() + "unknown_field: 1\n")
    before["data"] = snapshot(project / "data")
    assert mkdocs_build(project).returncode == 1
    assert main(["check", str(project / "data")]) == 1
    assert {name: snapshot(project / name) for name in ("data", "content")} == before


def test_uncited_source_is_a_warning_that_strict_makes_fatal(project: Path) -> None:
    extra = project / "data" / "sources" / "lonely.yml"
    extra.write_text((project / "data" / "sources" / "usgs-test.yml").read_text().replace("Test Summaries", "Lonely"))
    relaxed = mkdocs_build(project)
    assert relaxed.returncode == 0
    assert "WARNING -  ree_site: data/sources/lonely.yml:1:1: source 'lonely' is cited by no record" in relaxed.stderr
    before = snapshot(project / "site")
    strict = mkdocs_build(project, "--strict")
    assert strict.returncode == 1
    # Refused in on_config, before anything is cleaned: the site of the relaxed build is still there.
    assert "data/sources/lonely.yml:1:1: source 'lonely' is cited by no record" in strict.stderr
    assert snapshot(project / "site") == before
    assert main(["check", str(project / "data")]) == 1


@pytest.mark.parametrize("nav_max_records", [30, 0])
def test_hostile_text_never_becomes_markup_in_the_built_site(project: Path, nav_max_records: int) -> None:
    """Names, titles and summaries reach the sidebar, <title>, meta tags and search index, which the theme prints
    without escaping: whatever they hold, no tag or attribute from the data appears in any page."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - ree\n", f"  - ree:\n      nav_max_records: {nav_max_records}\n"))
    data = project / "data"
    replace(data / "producers" / "bayan-obo.yml", "name: Bayan Obo", """name: 'Bayan"><img src=x onerror=alert(1)>'""")
    replace(data / "elements" / "neodymium.yml", "name: Neodymium", """name: 'Neo"><svg onload=alert(2)>'""")
    replace(
        data / "elements" / "neodymium.yml",
        "summary: A light rare earth used in magnets.",
        """summary: 'x"><script>alert(3)</script> {{ config.site_name }} [x](javascript:alert(5))'""",
    )
    replace(
        data / "issues" / "export-controls.yml", "title: Export controls", 'title: "</title><script>alert(4)</script>"'
    )
    assert mkdocs_build(project, "--strict").returncode == 0
    for page in (project / "site").rglob("*.html"):
        html = page.read_text()
        for planted in ("<img src=x", "<svg onload", "<script>alert", 'href="javascript:'):
            assert planted not in html, f"{page.relative_to(project / 'site')}: {planted}"
    search = (project / "site" / "search" / "search_index.json").read_text()
    assert "<script>alert" not in search and "<img src=x" not in search
    element = (project / "site" / "elements" / "neodymium" / "index.html").read_text()
    assert "{{ config.site_name }}" in element and "[x](javascript:alert(5))" in element


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def test_site_build_replaces_site_only_when_the_whole_build_succeeds(project: Path) -> None:
    """`ree-site build` (make build) stages the build beside site/: the last site survives whatever fails, also what
    the ree plugin cannot guard, its own absence from mkdocs.yml or another plugin's failure."""
    stale = project / ".site.building"
    stale.mkdir()
    (stale / "half.html").write_text("left by a killed build")
    built = site_build(project)
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "elements" / "neodymium" / "index.html").is_file()
    # The search index is built in the staging folder, and comes with the site it indexes.
    assert (project / "site" / "pagefind" / "ree-search.json").is_file()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []
    before = snapshot(project / "site")
    config = project / "mkdocs.yml"
    good = config.read_text()

    config.write_text(good.replace("  - ree\n", "  # - ree\n"))
    built = site_build(project)
    assert built.returncode == 1
    assert (
        "mkdocs.yml:11:1: plugins: the ree plugin is not in mkdocs.yml's plugins: the site would have no record pages"
        in (built.stdout)
    )
    assert "nothing was built; site/ is as it was" in built.stderr
    assert snapshot(project / "site") == before

    # A plugin MkDocs cannot load: MkDocs fails, not the ree plugin.
    config.write_text(good.replace("  - ree\n", "  - ree\n  - no-such-plugin\n"))
    built = site_build(project)
    assert built.returncode == 1
    assert "no-such-plugin" in built.stderr and "Traceback" not in built.stderr
    assert "the build failed; site/ is as it was" in built.stderr
    assert snapshot(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_an_article_error_fails_the_build_with_its_place_and_keeps_the_site(project: Path) -> None:
    """The blog's posts are read by the pipeline: the plugin fails the build in on_config, before MkDocs cleans
    site/, with the same message `check` prints, also when the build is plain `mkdocs build`."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - ree\n", "  - ree\n  - blog\n"))
    (project / "content" / "blog" / "posts").mkdir(parents=True)
    (project / "content" / "blog" / "index.md").write_text("# Articles\n")
    (project / "content" / "blog" / ".authors.yml").write_text(
        "authors:\n  editors:\n    name: The editors\n    description: Test\n    avatar: https://example.org/a.svg\n"
    )
    post = project / "content" / "blog" / "posts" / "first.md"
    post.write_text("---\ndate: 2026-11-16\nauthors: [editors]\n---\n\n# First\n\nText.\n\n<!-- more -->\n")
    (project / "content" / "index.md").write_text("# Home\n\n[[latest-articles 3]]\n")
    assert mkdocs_build(project, "--strict").returncode == 0
    home = (project / "site" / "index.html").read_text()
    assert "First" in home and "16 November 2026" in home
    before = snapshot(project / "site")
    written = post.read_text()
    for old, new, message in [
        ("date: 2026-11-16", "date: 2026-02-30", "content/blog/posts/first.md:2:7: date: 2026-02-30 is not a date on the calendar"),
        ("authors: [editors]", "authors: [nobody]", "content/blog/posts/first.md:3:11: authors[0]: unknown author 'nobody': the "
         "authors in content/blog/.authors.yml are editors"),
    ]:  # fmt: skip
        post.write_text(written.replace(old, new))
        for result in (mkdocs_build(project, "--strict"), site_build(project)):
            assert result.returncode == 1
            assert message in result.stderr + result.stdout
            assert "Traceback" not in result.stderr + result.stdout
            assert snapshot(project / "site") == before
        assert main(["check", str(project / "data")]) == 1
