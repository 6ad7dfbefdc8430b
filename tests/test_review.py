"""`ree-site review`: the records due for review, by age and by newer editions of what they cite."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from ree_site import build_catalog
from ree_site.engines.cli import main
from ree_site.link.review import due_for_review, newer_editions

from .conftest import MakeData

EDITION = """
    title: Test Summaries {year}
    publisher: U.S. Geological Survey
    year: {year}
    url: https://example.org/mcs-{year}.pdf
    reviewed: 2026-11-27
"""


def test_a_newer_edition_and_an_old_review_are_due(make_data: MakeData) -> None:
    data = make_data(
        sources__mcs_2025=EDITION.format(year=2025),
        sources__mcs_2026=EDITION.format(year=2026),
    )
    (data / "sources" / "mcs_2025.yml").rename(data / "sources" / "mcs-2025.yml")
    (data / "sources" / "mcs_2026.yml").rename(data / "sources" / "mcs-2026.yml")
    china = data / "producers" / "china.yml"
    china.write_text(china.read_text().replace("source: usgs-test", "source: mcs-2025"))
    issue = data / "issues" / "diversification.yml"
    issue.write_text(issue.read_text().replace("reviewed: 2026-11-27", "reviewed: 2024-01-15"))
    catalog = build_catalog(data, data.parent)
    assert newer_editions(catalog) == {"mcs-2025": "mcs-2026"}
    due = {
        problem.path.rsplit("/", 1)[-1]: problem.message for problem in due_for_review(catalog, dt.date(2026, 12, 5))
    }
    assert due == {
        "china.yml": "cites 'mcs-2025', of which a newer edition is in the data: 'mcs-2026'",
        "diversification.yml": "last reviewed 2024-01-15, over a year ago",
    }


def test_the_review_command_reports_and_exits_0(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--data-dir", str(data_dir)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(r"No record is due for review\.|\d+ records? due for review\.", last), last
