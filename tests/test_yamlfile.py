"""Reading YAML: positions of keys and items, and what YAML 1.2 makes of the values.

What `check` prints for every way a file can be unreadable is in the golden error cases (tests/errors/); here are
only the inputs a case file cannot hold (a file with no header line at all, one over the size limit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ree_site.data.yamlfile import MAX_FILE_BYTES, load_yaml
from ree_site.errors import DataError


def load(tmp_path: Path, content: str | bytes):
    path = tmp_path / "x.yml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return load_yaml(path, "data/x.yml")


def only_problem(tmp_path: Path, content: str | bytes) -> str:
    with pytest.raises(DataError) as caught:
        load(tmp_path, content)
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_positions_of_keys_and_list_items(tmp_path: Path) -> None:
    doc = load(tmp_path, "name: X\nfigures:\n  - year: 2024\n    value: 5\n  - year: 2025\n")
    assert doc.data["figures"][1]["year"] == 2025
    assert doc.position(("name",)) == (1, 1)
    assert doc.position(("figures", 0, "value")) == (4, 5)
    assert doc.position(("figures", 1)) == (5, 5)
    # A missing key is reported at its nearest parent.
    assert doc.position(("figures", 1, "unit")) == (5, 5)
    assert doc.position(("nowhere",)) == (1, 1)


@pytest.mark.parametrize("content", ["", "\n\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    assert only_problem(tmp_path, content) == "data/x.yml:1:1: file is empty"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    assert load(tmp_path, b"\xef\xbb\xbfname: X\n").data == {"name": "X"}


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    message = only_problem(tmp_path, "summary: " + "x" * MAX_FILE_BYTES + "\n")
    assert message.startswith("data/x.yml:1:1: file is ")
    assert "the limit is" in message


def test_core_schema_values(tmp_path: Path) -> None:
    """YAML 1.2 core rules, as editors' YAML tooling reads the files: what YAML 1.1 would bend stays text."""
    text = (
        "sexagesimal: 4:30\nyes_: yes\nno_: NO\non_: on\ndate: 2026-11-27\nleading_zero: 012\n"
        "underscores: 1_000\ntilde: ~\nempty:\ntrue_: True\nexponent: -1.5e3\nplus: +12\nfraction: .5\n"
    )
    assert load(tmp_path, text).data == {
        "sexagesimal": "4:30",
        "yes_": "yes",
        "no_": "NO",
        "on_": "on",
        "date": "2026-11-27",
        "leading_zero": 12,
        "underscores": "1_000",
        "tilde": None,
        "empty": None,
        "true_": True,
        "exponent": -1500.0,
        "plus": 12,
        "fraction": 0.5,
    }


def test_every_refused_value_is_reported_together(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load(tmp_path, "a: .inf\nb: 0x10\nc: !!set {}\n")
    assert [(p.line, p.field) for p in caught.value.problems] == [(1, "a"), (2, "b"), (3, "c")]


def test_merge_keys_are_not_yaml_1_2(tmp_path: Path) -> None:
    # `<<` is an ordinary key in YAML 1.2 (the models then refuse it as an unknown field).
    assert load(tmp_path, "a: &x {k: 1}\nb:\n  <<: *x\n").data == {"a": {"k": 1}, "b": {"<<": {"k": 1}}}


def test_written_form_of_a_scalar(tmp_path: Path) -> None:
    doc = load(tmp_path, "country: 'NO'\nfigures:\n  - value: 4:30\n")
    assert doc.written(("figures", 0, "value")) == "4:30"
    assert doc.written(("country",)) == "NO"
    assert doc.written(("nowhere",)) is None


def test_positions_are_worked_out_when_needed(tmp_path: Path) -> None:
    doc = load(tmp_path, "name: X\nfigures:\n  - year: 2024\n")
    assert doc._positions is None
    assert doc.position(("figures", 0, "year")) == (3, 5)
