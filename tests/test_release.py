"""CITATION.cff: the release every page and download names, and what `check` says of a file it cannot use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from ree_site.data.release import read_release
from ree_site.errors import DataError

from .conftest import mkdocs_build

GOOD = """cff-version: 1.2.0
message: Cite as below.
title: Test Reference
version: "2026.01.02"
date-released: "2026-01-02"
license: CC-BY-4.0
authors:
  - name: Test editors
  - given-names: Ada
    family-names: Lovelace
"""


def test_a_good_file_gives_the_release(tmp_path: Path) -> None:
    (tmp_path / "CITATION.cff").write_text(GOOD)
    release = read_release(tmp_path)
    assert release is not None
    assert (release.version, release.date, release.licence) == ("2026.01.02", dt.date(2026, 1, 2), "CC-BY-4.0")
    assert release.authors == ("Test editors", "Ada Lovelace")
    assert release.short_licence == "CC BY 4.0"
    assert release.as_dict()["date_text"] == "2 January 2026"


def test_no_file_is_no_release(tmp_path: Path) -> None:
    assert read_release(tmp_path) is None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('version: "2026.01.02"', "version: v1", 'CITATION.cff:4:1: version: \'v1\' is not a date-based version'),
        ('version: "2026.01.02"', "version: 2026.01", "CITATION.cff:4:1: version: '2026.01' is not a date-based"),
        ('date-released: "2026-01-02"', 'date-released: "2026-01-03"',
         "CITATION.cff:5:1: date-released: 2026-01-03 is not the date version 2026.01.02 names"),
        ('date-released: "2026-01-02"', 'date-released: "soon"', "CITATION.cff:5:1: date-released: required"),
        ("license: CC-BY-4.0", "license: MIT", "CITATION.cff:6:1: license: 'MIT' is not one of CC-BY-4.0"),
        ("  - name: Test editors\n", "  - affiliation: nobody\n", "CITATION.cff:7:1: authors: required"),
        ("title: Test Reference\n", "", "CITATION.cff:1:1: title: required"),
    ],
)  # fmt: skip
def test_a_bad_file_is_reported_at_its_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in GOOD
    (tmp_path / "CITATION.cff").write_text(GOOD.replace(old, new))
    with pytest.raises(DataError) as caught:
        read_release(tmp_path)
    assert expected in str(caught.value), str(caught.value)


def test_check_reports_a_bad_citation_file(project: Path, run_check: Callable[[Path], tuple[int, str]]) -> None:
    (project / "CITATION.cff").write_text(GOOD.replace("license: CC-BY-4.0", "license: CC-BY"))
    status, out = run_check(project)
    assert status == 1
    assert "CITATION.cff:6:1: license: 'CC-BY' is not one of" in out


def test_the_footer_and_downloads_carry_the_release(project: Path) -> None:
    (project / "CITATION.cff").write_text(GOOD)
    (project / "overrides" / "partials").mkdir(parents=True)
    partial = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "copyright.html"
    (project / "overrides" / "partials" / "copyright.html").write_text(partial.read_text())
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    home = (project / "site" / "index.html").read_text()
    assert "Test Reference, version" in home and ">2026.01.02</a>" in home and "(2 January 2026)" in home
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in home
    csv_head = (project / "site" / "downloads" / "elements.csv").read_text().partition("\n")[0]
    assert csv_head.startswith("# Test Reference, version 2026.01.02") and "CC BY 4.0" in csv_head


def test_the_site_name_is_the_release_title() -> None:
    """mkdocs.yml's site_name and CITATION.cff's title name the same thing: a citation and the header agree."""
    root = Path(__file__).resolve().parent.parent
    release = read_release(root)
    assert release is not None
    site_name = next(line for line in (root / "mkdocs.yml").read_text().splitlines() if line.startswith("site_name:"))
    assert site_name == f"site_name: {release.title}"
