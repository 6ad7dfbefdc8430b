"""Golden error cases: every mistake in a data file or a page, and what `ree-site check` prints for it, exactly.

Each case in tests/errors/ is a pair of files. ``NAME.yml`` (a record file) or ``NAME.md`` (a page) is the input:
its header says what the case is and where the file goes in the small test project (``# put: "data/..."``; the
other header keys are described in tests/error_cases.py). ``NAME.out`` is the expected output: the complete
transcript of ``ree-site check data`` run in that project (every line, the count line included) and its exit
status. One test runs every case and compares both exactly, so a changed word in any message fails it.

To add a case, write its input file, then run ``pytest tests/test_errors.py --update-goldens``: instead of
comparing, the test writes each ``NAME.out`` from what `check` prints now. Read the diff before committing it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .error_cases import CASES, ERRORS, PLACED, Case, transcript


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_prints_exactly_the_expected_output(
    case: Case, tmp_path: Path, run_check: Callable[[Path], tuple[int, str]], update_goldens: bool
) -> None:
    project = case.place(tmp_path / "project")
    status, printed = run_check(project)
    # The temporary folder would change at every run: shown as a placeholder (no message should name it).
    got = transcript(printed.replace(str(tmp_path), "<tmp>"), status)
    if update_goldens:
        case.expected_path.write_text(got, encoding="utf-8")
        return
    assert case.expected_path.is_file(), f"no {case.expected_path.name}: run pytest --update-goldens"
    assert got == case.expected_path.read_text(encoding="utf-8")


def test_every_case_has_a_header_and_an_expected_output() -> None:
    assert len(CASES) >= 100
    for case in CASES:
        assert case.put and case.what, f"{case.name}: no case or put line in its header"
        assert case.editor or case.path.suffix == ".md", f"{case.name}: no editor line (tests/test_editor.py)"
        lines, status = case.expected()
        assert status in {0, 1}, case.name
        assert "Traceback" not in "\n".join(lines), case.name
        if status == 1:
            # Refused: one line per problem at its place, then the count.
            assert lines[-1].endswith("found in the data."), case.name
            assert all(PLACED.match(line) for line in lines[:-1]), case.name
    inputs = {case.name for case in CASES}
    assert sorted(p.stem for p in ERRORS.glob("*.out") if p.stem not in inputs) == [], "expected files without a case"
