"""Every hostile edit in tests/hostile/ is refused at its file, line and field by `check` and by the strict
build alike, with no traceback, and the last site survives; or it is neutralised, and the page shows how."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ree_site.cli import main

from .conftest import MKDOCS_YML, SMALL_DATA, write_files
from .hostile_cases import CASES, Case

#: One more country, so that a case can push the shares of world mining in 2024 past 100 %.
MYANMAR = """
    name: Myanmar
    kind: country
    country: Myanmar
    stages: [mining]
    summary: A large producer of heavy rare earths.
    figures:
      - measure: share-mining
        year: 2024
        value: 40
        unit: '%'
        source: usgs-test
    reviewed: 2026-11-27
"""


def place(case: Case, project: Path) -> None:
    """Write the small project with ``case``'s file put in place."""
    write_files(project / "data", {**SMALL_DATA, "producers/myanmar.yml": MYANMAR})
    write_files(project, {"mkdocs.yml": MKDOCS_YML, "content/index.md": "# Home\n\nWelcome.\n"})
    (project / "overrides").mkdir()
    target = project / case.put
    target.parent.mkdir(parents=True, exist_ok=True)
    text = case.path.read_bytes()
    if case.link == "outside":
        outside = project.parent / f"{project.name}-outside" / target.name
        outside.parent.mkdir(parents=True, exist_ok=True)
        outside.write_bytes(text)
        target.unlink(missing_ok=True)
        target.symlink_to(outside)
    else:
        target.write_bytes(text)


def test_the_corpus_is_large_and_every_case_says_what_it_expects() -> None:
    assert len(CASES) >= 40
    for case in CASES:
        assert case.put and case.editor and case.what, case.name
        assert case.expect or case.notes, f"{case.name}: no expect line"
        assert "TODO" not in case.expect, case.name
        assert not (case.expect == ["ok"] and not case.shows), f"{case.name}: an accepted edit must show its effect"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_edit(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    place(case, project)
    last_site = project / "site" / "index.html"
    last_site.parent.mkdir()
    last_site.write_text("the last good site")

    monkeypatch.chdir(project)
    status = main(["check", "data"])
    checked = capsys.readouterr()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env, capture_output=True, text=True
    )
    report = built.stdout + built.stderr
    assert "Traceback" not in report + checked.out + checked.err, f"{case.name}: a traceback\n{report}"
    for note in case.notes:
        assert note in checked.out, f"{case.name}: `check` printed no note {note!r}:\n{checked.out}"
        assert note in report, f"{case.name}: the build printed no note {note!r}:\n{report}"

    if case.accepted:
        assert status == 0, f"{case.name}: `check` refused an edit it should accept:\n{checked.out}"
        assert built.returncode == 0, f"{case.name}: the build failed:\n{report}"
        pages = "\n".join(p.read_text() for p in (project / "site").rglob("*.html"))
        for text in case.shows:
            assert text in pages, f"{case.name}: no page shows {text!r}"
        assert "\x00" not in pages and "\x1b" not in pages
        return

    if case.check == "leaves-out":
        assert status == 0 and "Not checked here: Markdown links" in checked.out, case.name
        for expected in case.expect:
            assert expected in report, f"{case.name}: the build did not report\n  {expected}\nIt printed:\n{report}"
    else:
        _reported_by_check(case, checked.out, status)
        for expected in case.expect:
            assert expected in report, f"{case.name}: the build did not report\n  {expected}\nIt printed:\n{report}"
    assert built.returncode == 1, f"{case.name}: the strict build did not fail"
    # Nothing replaced the last site, and no staging folder was left behind.
    assert last_site.read_text() == "the last good site", f"{case.name}: the failed build replaced site/"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def _reported_by_check(case: Case, out: str, status: int) -> None:
    lines = out.splitlines()
    for expected in case.expect:
        assert any(line.startswith(expected) for line in lines), (
            f"{case.name}: `check` did not report\n  {expected}\nIt printed:\n{textwrap.indent(out, '  ')}"
        )
    assert status == 1, case.name
