"""Validation: each mistake an editor can make is reported at its file, line and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ree_site.discovery import ignored_files
from ree_site.errors import DataError
from ree_site.loading import load_records

from .conftest import SMALL_DATA

MakeData = Callable[..., Path]


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_records(data_dir, root=data_dir.parent)
    return [str(p) for p in caught.value.problems]


def test_small_data_loads(data_dir: Path) -> None:
    entries = load_records(data_dir)
    assert sorted((e.kind, e.id) for e in entries) == [
        ("element", "neodymium"),
        ("issue", "diversification"),
        ("issue", "export-controls"),
        ("producer", "bayan-obo"),
        ("producer", "china"),
        ("source", "ciaaw-test"),
        ("source", "usgs-test"),
    ]


def test_unknown_field_suggests_the_right_name(make_data: MakeData) -> None:
    text = SMALL_DATA["elements/neodymium.yml"].replace("symbol: Nd", "symbl: Nd")
    found = problems(make_data(elements__neodymium=text))
    # One line for one typo: the missing 'symbol' is not reported again at the top of the file.
    assert found == ["data/elements/neodymium.yml:2:1: symbl: unknown field; did you mean 'symbol' (a required field)?"]


def test_unknown_nested_field(make_data: MakeData) -> None:
    text = SMALL_DATA["elements/neodymium.yml"].replace("  by: [", "  discoverer: [")
    found = problems(make_data(elements__neodymium=text))
    assert "data/elements/neodymium.yml:12:3: discovery.discoverer: unknown field; did you mean 'source'?" not in found
    assert any(p.startswith("data/elements/neodymium.yml:12:3: discovery.discoverer: unknown field") for p in found)
    assert "data/elements/neodymium.yml:10:1: discovery.by: required field is missing" in found


def test_wrong_type_names_the_value(make_data: MakeData) -> None:
    text = SMALL_DATA["elements/neodymium.yml"].replace("atomic_number: 60", "atomic_number: sixty")
    assert problems(make_data(elements__neodymium=text)) == [
        "data/elements/neodymium.yml:3:1: atomic_number: must be a whole number written in decimal digits (got 'sixty')"
    ]


def test_missing_required_field_in_a_list_item(make_data: MakeData) -> None:
    text = SMALL_DATA["producers/china.yml"].replace("\n            unit: t REO", "")
    assert problems(make_data(producers__china=text)) == [
        "data/producers/china.yml:7:5: figures[0].unit: required field is missing"
    ]


def test_out_of_range_values(make_data: MakeData) -> None:
    text = SMALL_DATA["producers/china.yml"].replace("value: 270000", "value: -5")
    assert problems(make_data(producers__china=text)) == [
        "data/producers/china.yml:9:5: figures[0].value: must be at least 0 (got -5)"
    ]


def test_share_over_100_percent(make_data: MakeData) -> None:
    text = (
        SMALL_DATA["producers/china.yml"]
        .replace("measure: mine-production", "measure: share-mining")
        .replace("unit: t REO", "unit: '%'")
        .replace("value: 270000", "value: 130")
    )
    assert problems(make_data(producers__china=text)) == [
        "data/producers/china.yml:9:5: figures[0].value: a share cannot exceed 100 % (got 130)"
    ]


def test_atomic_number_must_match_symbol(make_data: MakeData) -> None:
    text = SMALL_DATA["elements/neodymium.yml"].replace("atomic_number: 60", "atomic_number: 61")
    assert problems(make_data(elements__neodymium=text)) == [
        "data/elements/neodymium.yml:3:1: atomic_number: atomic number 61 does not match symbol Nd (60)"
    ]


def test_figure_later_than_review_date(make_data: MakeData) -> None:
    text = SMALL_DATA["producers/china.yml"].replace("year: 2024", "year: 2031")
    assert problems(make_data(producers__china=text)) == [
        "data/producers/china.yml:8:5: figures[0].year: a figure for 2031 is later than the review date 2026-11-27"
    ]


def test_empty_text_is_refused(make_data: MakeData) -> None:
    text = SMALL_DATA["issues/export-controls.yml"].replace("summary: Licences are required.", "summary: '  '")
    assert problems(make_data(**{"issues__export-controls": None, "issues__controls": text})) == [
        "data/issues/controls.yml:4:1: summary: must not be empty"
    ]


def test_reference_must_be_a_slug(make_data: MakeData) -> None:
    text = SMALL_DATA["producers/china.yml"].replace("elements: [neodymium]", "elements: [../x]")
    assert problems(make_data(producers__china=text)) == [
        "data/producers/china.yml:13:12: elements[0]: must be a record id: a lowercase slug such as 'usgs-mcs-2025' (got '../x')"
    ]


def test_url_must_be_http(make_data: MakeData) -> None:
    text = SMALL_DATA["sources/usgs-test.yml"].replace("https://example.org/usgs-test.pdf", "javascript:alert(1)")
    assert problems(make_data(**{"sources__usgs-test": text})) == [
        "data/sources/usgs-test.yml:4:1: url: must be an http:// or https:// address without spaces"
    ]


def test_file_name_must_be_a_slug(make_data: MakeData) -> None:
    found = problems(make_data(**{"sources__Bad Name": SMALL_DATA["sources/usgs-test.yml"]}))
    assert found == [
        "data/sources/Bad Name.yml:1:1: file name 'Bad Name.yml' must be a lowercase slug such as 'rare-earth-2024.yml'"
    ]


def test_every_problem_in_every_file_is_reported(make_data: MakeData) -> None:
    element = SMALL_DATA["elements/neodymium.yml"].replace("atomic_number: 60", "atomic_number: x")
    producer = (
        SMALL_DATA["producers/china.yml"].replace("kind: country", "kind: planet").replace("year: 2024", "year: z")
    )
    found = problems(make_data(elements__neodymium=element, producers__china=producer))
    assert [p.split(": ")[0] for p in found] == [
        "data/elements/neodymium.yml:3:1",
        "data/producers/china.yml:2:1",
        "data/producers/china.yml:8:5",
    ]
    assert found[1] == (
        "data/producers/china.yml:2:1: kind: must be one of country, company, mine, refinery, magnet-maker (got 'planet')"
    )


def test_missing_data_directory(tmp_path: Path) -> None:
    assert problems(tmp_path / "data") == ["data:1:1: data directory does not exist"]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "elements/neodymium.yml",
            "year: 1885",
            "year: 2030",
            "data/elements/neodymium.yml:11:3: discovery.year: the discovery year 2030 is later than the review date "
            "2026-11-27",
        ),
        (
            "sources/ciaaw-test.yml",
            "year: 2024",
            "year: 2029",
            "data/sources/ciaaw-test.yml:3:1: year: the publication year 2029 is later than the review date 2026-11-27",
        ),
        (
            "sources/ciaaw-test.yml",
            "url: https://example.org/ciaaw",
            "url: data:text/html,<script>alert(1)</script>",
            "data/sources/ciaaw-test.yml:4:1: url: must be an http:// or https:// address without spaces",
        ),
        (
            "producers/china.yml",
            "elements: [neodymium]",
            "elements: [a/b]",
            "data/producers/china.yml:13:12: elements[0]: must be a record id: a lowercase slug such as 'usgs-mcs-2025' (got 'a/b')",
        ),
        (
            "producers/china.yml",
            "name: China",
            "id: china-pr\n        name: China",
            "data/producers/china.yml:1:1: id: id 'china-pr' does not match the file name 'china.yml'; rename one of them",
        ),
        (
            "elements/neodymium.yml",
            "symbol: Nd",
            "symbol: Xx",
            "data/elements/neodymium.yml:2:1: symbol: symbol 'Xx' is not one of the 17 rare earth elements",
        ),
    ],
)
def test_more_schema_checks(make_data: MakeData, file: str, old: str, new: str, expected: str) -> None:
    assert old in SMALL_DATA[file]
    changed = SMALL_DATA[file].replace(old, new)
    assert problems(make_data(**{file.removesuffix(".yml").replace("/", "__"): changed})) == [expected]


def test_matching_id_field_is_accepted(make_data: MakeData) -> None:
    changed = SMALL_DATA["producers/china.yml"].replace("name: China", "id: china\n        name: China")
    assert len(load_records(make_data(producers__china=changed))) == 7


def test_misnamed_folder_and_stray_files_are_not_silently_skipped(make_data: MakeData) -> None:
    data_dir = make_data()
    (data_dir / "element").mkdir()
    (data_dir / "element" / "cerium.yml").write_text("name: Cerium\n")
    (data_dir / "elements" / "notes.txt").write_text("to do\n")
    (data_dir / "elements" / "drafts").mkdir()
    (data_dir / "cerium.yml").write_text("name: Cerium\n")
    (data_dir / "README.md").write_text("# Data\n")
    # Editor backups, hidden files and a schema folder are passed over, with a note for each but the usual ones.
    (data_dir / "elements" / ".neodymium.yml.swp").write_bytes(b"\x00")
    (data_dir / "elements" / "neodymium.yml~").write_text("old")
    (data_dir / "elements" / "#neodymium.yml#").write_text("old")
    (data_dir / "producers" / "china.yml.orig").write_text("old")
    (data_dir / "producers" / ".gitkeep").write_text("")
    (data_dir / "schema").mkdir()
    folders = "elements/, issues/, producers/, sources/"
    assert problems(data_dir) == [
        f"data/README.md:1:1: not read: a record file goes in one of {folders}",
        f"data/cerium.yml:1:1: not read: a record file goes in one of {folders}",
        "data/element:1:1: unknown folder; did you mean 'elements'?",
        "data/elements/drafts:1:1: not a record: a folder here must be a .yml file",
        "data/elements/notes.txt:1:1: not a record: a file here must be a .yml file",
    ]
    assert [str(note) for note in ignored_files(data_dir, data_dir.parent)] == [
        "data/elements/#neodymium.yml#:1:1: ignored: an editor's backup or autosave file",
        "data/elements/.neodymium.yml.swp:1:1: ignored: an editor's backup or autosave file",
        "data/elements/neodymium.yml~:1:1: ignored: an editor's backup or autosave file",
        "data/producers/china.yml.orig:1:1: ignored: an editor's backup or autosave file",
    ]


def test_quoted_review_date_is_accepted_and_a_bad_one_explained(make_data: MakeData) -> None:
    quoted = SMALL_DATA["producers/china.yml"].replace("reviewed: 2026-11-27", "reviewed: '2026-11-27'")
    assert len(load_records(make_data(producers__china=quoted))) == 7
    bad = SMALL_DATA["producers/china.yml"].replace("reviewed: 2026-11-27", "reviewed: 27/11/2026")
    assert problems(make_data(producers__china=bad)) == [
        "data/producers/china.yml:14:1: reviewed: must be a date written YYYY-MM-DD"
    ]


def test_alternative_figure_needs_a_note(make_data: MakeData) -> None:
    text = SMALL_DATA["producers/china.yml"].replace(
        "estimated: true", "estimated: true\n            alternative: true"
    )
    assert problems(make_data(producers__china=text)) == [
        "data/producers/china.yml:12:5: figures[0].alternative: an alternative figure needs a note saying which value "
        "the site prefers and why"
    ]


def test_symbolic_links_are_followed_only_inside_the_project(make_data: MakeData) -> None:
    data_dir = make_data()
    project = data_dir.parent
    # Inside the project: followed like the file itself.
    (project / "shared").mkdir()
    (project / "shared" / "extra.yml").write_text(
        (data_dir / "sources" / "usgs-test.yml").read_text().replace("Test Summaries", "Shared")
    )
    (data_dir / "sources" / "extra.yml").symlink_to(project / "shared" / "extra.yml")
    assert ("source", "extra") in {(e.kind, e.id) for e in load_records(data_dir, project)}
    # Out of the project, or to nothing: refused, and the file is not read.
    outside = project.parent / f"{project.name}-elsewhere.yml"
    outside.write_text((data_dir / "sources" / "usgs-test.yml").read_text())
    (data_dir / "sources" / "outside.yml").symlink_to(outside)
    (data_dir / "sources" / "gone.yml").symlink_to(project / "no-such-file.yml")
    found = problems(data_dir)
    assert [p.split(" (")[0] for p in found] == [
        "data/sources/gone.yml:1:1: a symbolic link to nothing",
        "data/sources/outside.yml:1:1: a symbolic link out of the project",
    ]
