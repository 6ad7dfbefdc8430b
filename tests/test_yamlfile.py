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


def test_python_object_tags_are_refused(tmp_path: Path) -> None:
    message = only_problem(tmp_path, "name: !!python/object/apply:os.system ['echo hi']\n")
    assert message.startswith("data/x.yml:1:7: YAML syntax error")
    assert "python/object" in message


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


def test_impossible_date_is_reported_at_its_place(tmp_path: Path) -> None:
    message = only_problem(tmp_path, "name: X\nreviewed: 2026-13-45\n")
    assert message == "data/x.yml:2:11: invalid value: month must be in 1..12"


def test_fast_construction_matches_pyyaml_and_falls_back_for_the_rest(tmp_path: Path) -> None:
    import yaml as pyyaml

    text = (
        "a: &x {k: [1, 2.5, true, null, 2026-11-27, '007', 0x1F]}\n"
        "b: *x\n"
        "c: !!set {p: null}\n"  # a set: left to PyYAML's constructor
        "d:\n  <<: *x\n  extra: yes\n"
    )
    assert load(tmp_path, text).data == pyyaml.safe_load(text)
    plain = "name: X\nlist: [a, {b: 1}]\nwhen: 2026-11-27\n"
    assert load(tmp_path, plain).data == pyyaml.safe_load(plain)


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    assert only_problem(tmp_path, "a: &x [1, *x]\n") == "data/x.yml:1:4: an alias refers to a node that contains it"


def test_positions_are_worked_out_when_needed(tmp_path: Path) -> None:
    doc = load(tmp_path, "name: X\nfigures:\n  - year: 2024\n")
    assert doc._positions is None
    assert doc.position(("figures", 0, "year")) == (3, 5)
