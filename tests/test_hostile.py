"""A handful of the golden error cases in tests/errors/, built with `ree-site build` (what `make build` runs:
`mkdocs build --strict` into a staging folder) for what only a build shows: the build reports the problems `check`
reports (tests/test_errors.py holds `check`'s exact output for every case), with no traceback, and a failed build
leaves the last site in place, whatever failed (the ree plugin's pipeline, Material's blog, MkDocs itself, or a
mkdocs.yml without the ree plugin); an accepted edit builds, and the page shows how it was neutralised; a broken
Markdown link, which `check` leaves to MkDocs, fails the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import site_build
from .error_cases import CASES, Case

#: The cases built, and what each shows that `check` cannot.
FULL_BUILD = {
    "duplicate-key": "a data error fails the build, which reports it and keeps the last site",
    "symlink-out-of-project": "a link out of the project is refused by the build too",
    "unknown-producer-in-directive": "a directive error in a page fails the build before site/ is cleaned",
    "broken-link-in-page": "a problem only MkDocs finds (check: leaves-out) fails the build, keeping the last site",
    "page-where-a-generated-one-goes": "a page shadowing a generated one fails the build as it fails `check`",
    "nul-in-summary": "an accepted edit is neutralised on the built page (shows)",
    "norway-is-text": "a YAML 1.1 value stays text on the built page (shows)",
    "emacs-autosave": "a file passed over with a note: the build prints the note and succeeds",
    "article-dated-30-february": "an article's date is refused by the build as by check, with its place, not a traceback",
    "unknown-article-author": "an unknown author fails the build in the pipeline, as it fails check",
    "unclosed-front-matter": "front matter MkDocs would publish as text fails the build",
    "config-without-ree-plugin": "without the ree plugin, nothing is built and the last site stays",
}
BUILT = [case for case in CASES if case.name in FULL_BUILD]


def test_the_built_cases_exist_and_cover_what_check_cannot_show() -> None:
    assert sorted(case.name for case in BUILT) == sorted(FULL_BUILD)
    for case in CASES:
        if case.shows or case.check or case.expect:
            assert case.name in FULL_BUILD, f"{case.name}: its shows, check or expect lines are only tested by a build"


@pytest.mark.parametrize("case", BUILT, ids=[case.name for case in BUILT])
def test_the_strict_build_reports_what_check_reports(case: Case, tmp_path: Path) -> None:
    project = case.place(tmp_path / "project")
    last_site = project / "site" / "index.html"
    last_site.parent.mkdir()
    last_site.write_text("the last good site")
    built = site_build(project)
    report = (built.stdout + built.stderr).replace(str(tmp_path), "<tmp>")
    assert "Traceback" not in report, f"{case.name}: a traceback\n{report}"
    lines, status = case.expected()
    # Every problem and note `check` prints at its place, and on failure the count line too.
    wanted = [*case.problems, *(lines[-1:] if status == 1 else []), *case.expect]
    missing = [line for line in wanted if line not in report]
    assert missing == [], f"{case.name}: the build did not report {missing}; it printed:\n{report}"
    if status == 0 and case.check != "leaves-out":
        assert built.returncode == 0, f"{case.name}: the build failed:\n{report}"
        pages = "\n".join(p.read_text() for p in (project / "site").rglob("*.html"))
        for text in case.shows:
            assert text in pages, f"{case.name}: no page shows {text!r}"
        assert "\x00" not in pages and "\x1b" not in pages
        return
    assert built.returncode == 1, f"{case.name}: the strict build did not fail"
    # Nothing replaced the last site, and no staging folder was left behind.
    assert last_site.read_text() == "the last good site", f"{case.name}: the failed build replaced site/"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []
