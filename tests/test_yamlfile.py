"""Reading YAML: positions of keys and items, and every way a file can be unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from ree_site.errors import DataError
from ree_site.yamlfile import MAX_FILE_BYTES, load_yaml


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


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    message = only_problem(tmp_path, "name: X\nsummary: [unclosed\nother: 1\n")
    assert message.startswith("data/x.yml:3:")
    assert "YAML syntax error" in message


def test_tab_indentation_is_a_syntax_error(tmp_path: Path) -> None:
    message = only_problem(tmp_path, "name: X\nfigures:\n\t- 1\n")
    assert message.startswith("data/x.yml:3:1: YAML syntax error")


def test_duplicate_key_is_an_error_not_silently_overwritten(tmp_path: Path) -> None:
    message = only_problem(tmp_path, "name: X\nsymbol: Nd\nname: Y\n")
    assert message == "data/x.yml:3:1: name: duplicate key (first set on line 1)"


def test_duplicate_key_in_nested_mapping(tmp_path: Path) -> None:
    message = only_problem(tmp_path, "discovery:\n  year: 1885\n  year: 1886\n")
    assert message == "data/x.yml:3:3: discovery.year: duplicate key (first set on line 2)"


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    assert only_problem(tmp_path, content) == "data/x.yml:1:1: file is empty"


def test_not_utf8(tmp_path: Path) -> None:
    message = only_problem(tmp_path, b"name: X\nsummary: caf\xe9\n")
    assert message == "data/x.yml:2:13: file is not valid UTF-8 text"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    assert load(tmp_path, b"\xef\xbb\xbfname: X\n").data == {"name": "X"}


@pytest.mark.parametrize(("content", "kind"), [("- a\n- b\n", "a list"), ("just text\n", "a single value")])
def test_top_level_must_be_a_mapping(tmp_path: Path, content: str, kind: str) -> None:
    assert only_problem(tmp_path, content).endswith(f"must be a mapping of field names to values, not {kind}")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("name: !!python/object/apply:os.system ['echo hi']\n", "data/x.yml:1:7: name: the YAML tag !!python/object"),
        ("name: !!set {a: null}\n", "data/x.yml:1:7: name: the YAML tag !!set is not used in this data"),
        ("name: !!binary aGk=\n", "data/x.yml:1:7: name: the YAML tag !!binary is not used in this data"),
        ("name: !custom x\n", "data/x.yml:1:7: name: the YAML tag !custom is not used in this data"),
    ],
)
def test_explicit_tags_are_refused(tmp_path: Path, content: str, expected: str) -> None:
    assert only_problem(tmp_path, content).startswith(expected)


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    message = only_problem(tmp_path, "\n".join(lines) + "\n")
    assert "expands to more than" in message


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


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("0x1F", "write numbers in decimal digits: 0x1F is not accepted"),
        ("0o17", "write numbers in decimal digits: 0o17 is not accepted"),
        (".inf", "numbers must be finite: .inf is not accepted"),
        ("-.Inf", "numbers must be finite: -.Inf is not accepted"),
        (".nan", "numbers must be finite: .nan is not accepted"),
        ("1e309", "numbers must be finite: 1e309 is too large to be a number"),
        ("!!float abc", "write numbers in decimal digits: abc is not accepted"),
    ],
)
def test_numbers_yaml_would_bend_are_refused_as_written(tmp_path: Path, written: str, message: str) -> None:
    problem = only_problem(tmp_path, f"name: X\nfigures:\n  - value: {written}\n")
    assert problem.startswith(f"data/x.yml:3:12: figures[0].value: {message}")


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


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    assert only_problem(tmp_path, "a: &x [1, *x]\n") == "data/x.yml:1:4: an alias refers to a node that contains it"


def test_positions_are_worked_out_when_needed(tmp_path: Path) -> None:
    doc = load(tmp_path, "name: X\nfigures:\n  - year: 2024\n")
    assert doc._positions is None
    assert doc.position(("figures", 0, "year")) == (3, 5)
