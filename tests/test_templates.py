"""The packaged templates: short lines, no record ids, the texts in one file, shared macros, the downloads page
from the export's own list, and the view helpers that hold what the templates used to compute."""

from __future__ import annotations

import ast
import csv
import io
import re
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

from jinja2 import nodes

from ree_site import build_catalog
from ree_site.data.models import Producer
from ree_site.link.catalog import Catalog
from ree_site.link.tables import DOWNLOADS
from ree_site.outputs.export import export_files
from ree_site.render.references import Citations
from ree_site.render.renderer import Renderer
from ree_site.render.views import LetteredNotes, Views

from .conftest import ROOT, SMALL_DATA, cite, write_files

MakeData = Callable[..., Path]

TEMPLATES = ROOT / "ree_site" / "templates"
LONGEST = 160


def test_no_template_line_is_longer_than_160_characters() -> None:
    long = [
        f"{path.name}:{number} ({len(line)} characters)"
        for path in sorted(TEMPLATES.glob("*.j2"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > LONGEST
    ]
    assert not long, (
        f"template lines longer than {LONGEST} characters (break them next to a tag with {{%- or -%}}, or with a "
        "comment that spans the line break, so that the page stays the same): " + ", ".join(long)
    )


def _template_strings(source: str) -> Iterator[tuple[int, str]]:
    """Every string literal of a template, with its line."""
    for node in Renderer.environment(None).parse(source).find_all(nodes.Const):
        if isinstance(node.value, str):
            yield node.lineno, node.value


def _python_strings(source: str) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_no_record_id_is_written_into_the_views_or_the_templates() -> None:
    """A record is picked by what its data says (``aggregate: world``, the largest producer), never by its id: a
    renamed file or another data set must get the same pages. Every id of data/ is looked for as a string
    literal of every packaged template and of every module that renders or links (ree_site/render/, link/)."""
    ids = {path.stem for path in (ROOT / "data").glob("*/*.yml")}
    assert {"china", "united-states", "world", "neodymium"} <= ids
    found = [
        f"{path.name}:{line}: {value!r}"
        for path in sorted(TEMPLATES.glob("*.j2"))
        for line, value in _template_strings(path.read_text(encoding="utf-8"))
        if value in ids
    ]
    # A value of a field's vocabulary that happens to be an id too (``aggregate: world``) is a value, not an id.
    vocabulary = set(typing.get_args(typing.get_args(Producer.model_fields["aggregate"].annotation)[0]))
    assert "world" in vocabulary
    modules = sorted([*(ROOT / "ree_site" / "render").glob("*.py"), *(ROOT / "ree_site" / "link").glob("*.py")])
    assert any(path.name == "views.py" for path in modules)
    found += [
        f"{path.relative_to(ROOT)}:{line}: {value!r}"
        for path in modules
        for line, value in _python_strings(path.read_text(encoding="utf-8"))
        if value in ids - vocabulary
    ]
    assert not found, "record ids used to pick records: " + ", ".join(found)
    # The scan finds an id where one is written, as the concentration page once picked its two countries.
    written = '{% set cn = catalog.entries.get(("producer", "china")) %}'
    assert ("china" in {value for _, value in _template_strings(written)}) and not found


def _render(data: Path, override_dir: Path | None = None) -> dict[str, str]:
    return {page.uri: page.markdown for page in Renderer(build_catalog(data), override_dir).render_all()}


def test_the_texts_are_one_file_an_override_replaces(data_dir: Path, tmp_path: Path) -> None:
    texts = (TEMPLATES / "_texts.md.j2").read_text(encoding="utf-8")
    intro = "How much of the world's rare-earth supply comes from a few countries"
    assert intro in texts and intro not in (TEMPLATES / "concentration.md.j2").read_text(encoding="utf-8")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "_texts.md.j2").write_text(texts.replace(intro, "Who mines the rare earths"), encoding="utf-8")
    pages = _render(data_dir, overrides)
    assert pages["concentration.md"].startswith("# Concentration of supply\n\nWho mines the rare earths, computed")
    assert "Every collection as JSON and CSV" in pages["downloads.md"]  # the other texts as packaged


def _macro(source: str, catalog: Catalog, **context: object) -> str:
    env = Renderer.environment(None)
    template = env.from_string('{% import "_macros.md.j2" as m with context %}' + source)
    refs = Citations(catalog, "elements/neodymium.md")
    return template.render(catalog=catalog, refs=refs, url=lambda uri: "../", **context)


def test_a_sourced_fact_is_its_value_citation_and_note_letter(data_dir: Path) -> None:
    catalog = build_catalog(data_dir)
    notes = LetteredNotes("fact")
    noted = SimpleNamespace(source="usgs-test", note="Rounded [@ciaaw-test].")
    plain = SimpleNamespace(source="ciaaw-test", note=None)
    out = _macro(
        "{{ m.sourced('144', noted, notes) }}|{{ m.sourced('7', plain, notes) }}|{{ m.sourced('5', noted, notes) }}",
        catalog,
        noted=noted,
        plain=plain,
        notes=notes,
    )
    letter = '<sup class="ree-note-mark"><a href="#fact-a" aria-label="Note a" data-pagefind-ignore>a</a></sup>'
    assert out == f"144{cite(1)}{letter}|7{cite(2)}|5{cite(1)}{letter}"
    assert notes.items == [f"Rounded{cite(2)}."]  # a note given twice keeps its letter


def test_lettered_notes() -> None:
    notes = LetteredNotes("note")
    assert [notes.mark(text) for text in ["x", "y", "x", "z"]] == ["a", "b", "a", "c"]
    assert notes.items == ["x", "y", "z"]


def test_a_figure_cell(data_dir: Path) -> None:
    catalog = build_catalog(data_dir)
    figure = catalog.producers[1].record.figures[0]  # China's 2024 mine production, an estimate
    cells = "{{ m.cell(none) }}|{{ m.cell(f) }}|{{ m.cell(f, unit='t', star=true, year=true) }}"
    assert _macro(cells, catalog, f=figure) == f"–|270,000{cite(1)}|270,000 t&#42;{cite(1)}<br><small>2024</small>"


def test_spelled_counts() -> None:
    spelled = Renderer.environment(None).filters["spelled"]
    assert [spelled(n) for n in (0, 2, 10, 11, 1200)] == ["no", "two", "ten", "11", "1,200"]


def test_the_downloads_page_lists_what_the_export_writes(data_dir: Path) -> None:
    catalog = build_catalog(data_dir)
    files = export_files(catalog)
    page = _render(data_dir)["downloads.md"]
    listed = [p for p in files if p.count("/") == 1 or p.startswith("downloads/schema/")]
    assert len(listed) >= 2 * len(DOWNLOADS)
    for path in listed:
        assert f'<a href="../{path}">' in page, f"{path} is written but not listed"
    rows = [line for line in page.splitlines() if line.startswith("| ") and 'href="../downloads/' in line]
    assert len(rows) == len(DOWNLOADS)
    for download, row in zip(DOWNLOADS, rows, strict=True):
        table = list(csv.reader(io.StringIO(files[f"downloads/{download.csv}"].partition("\n")[2])))
        assert table[0] == list(download.header) and all(len(r) == len(download.header) for r in table)
        count = len(table) - 1
        assert row.startswith(f"| {download.title} |") and f" | {count} |" in row, row
        assert download.count(catalog) == count
    tidy = [d for d in DOWNLOADS if d.about]
    assert "The five tidy tables have one row\nper value:\n\n- `production-by-country.csv` has" in page
    assert len(tidy) == 5


def test_each_tidy_table_is_described_with_all_its_columns() -> None:
    for download in DOWNLOADS:
        if download.about:
            named = set(re.findall(r"[a-z_]+", download.about))
            missing = [column for column in download.header if column not in named]
            assert not missing, f"{download.csv}: the description leaves out {missing}"
            assert download.about.startswith(f"`{download.csv}` has ")


# Two countries, ids unlike their names: the pages must find the leaders by their figures.
WORLD = """
    name: World
    kind: country
    aggregate: world
    country: World
    summary: World totals.
    figures:
      - {measure: mine-production, year: 1990, value: 60000, unit: t REO, source: usgs-test}
      - {measure: mine-production, year: 2023, value: 350000, unit: t REO, source: usgs-test}
      - {measure: mine-production, year: 2024, value: 400000, unit: t REO, source: usgs-test}
    reviewed: 2026-11-27
"""
AMERICA = """
    name: United States
    kind: country
    country: United States
    stages: [mining]
    summary: A producer.
    figures:
      - {measure: mine-production, year: 1990, value: 20000, unit: t REO, source: usgs-test}
      - {measure: mine-production, year: 2023, value: 40000, unit: t REO, source: usgs-test}
      - {measure: mine-production, year: 2024, value: 45000, unit: t REO, source: usgs-test}
    reviewed: 2026-11-27
"""
LEADER = """
    name: China
    kind: country
    country: China
    stages: [mining]
    summary: The largest producer.
    figures:
      - {measure: mine-production, year: 2023, value: 280000, unit: t REO, source: usgs-test}
      - {measure: mine-production, year: 2024, value: 300000, unit: t REO, source: usgs-test}
      - {measure: share-mining, year: 2023, value: 62, unit: '%', source: usgs-test}
      - {measure: share-separation, year: 2024, value: 90, unit: '%', element: neodymium, source: usgs-test}
    elements: [neodymium]
    reviewed: 2026-11-27
"""


def _leaders_data(base: Path, **producers: str) -> Path:
    """The small data set's sources and element, with ``producers`` (id -> YAML) for its producers."""
    files = {name: text for name, text in SMALL_DATA.items() if name.startswith(("sources/", "elements/"))}
    files.update({f"producers/{record_id}.yml": text for record_id, text in producers.items()})
    write_files(base, files)
    return base


def test_leaders_are_found_by_their_figures(tmp_path: Path) -> None:
    data = _leaders_data(tmp_path / "data", total=WORLD, usa=AMERICA, prc=LEADER)
    catalog = build_catalog(data)
    views = Views(catalog, "concentration.md")
    prc = catalog.get("producer", "prc")
    assert views.leader() is prc
    assert [e.id for e in views.long_run_leaders()] == ["usa", "prc"]
    assert views.share_since(prc) == 2023
    share = views.leader_share(catalog.get("element", "neodymium"))
    # The all-rare-earths share at mining is not the element's: the element's own, at separation, is compared.
    assert share is not None and share[0].stage == "separation" and share[1].value == 90
    computed = views.computed_share(prc, prc.record.figures[2])
    assert computed is not None and round(computed.share) == 80 and computed.latest_year == 2024
    assert computed.latest_share is not None and round(computed.latest_share) == 75
    assert [e.id for e in views.producing_countries([1990])] == ["usa"]
    assert [e.id for e, _ in views.stage_tables()] == ["prc"]
    pages = _render(data)
    assert "| US import reliance | China's share | Atomic weight |" in pages["elements/index.md"]
    assert "Share of United States and China in world mine production, 1990–2024" in pages["concentration.md"]
    assert "the share was 80.0 % in 2023 and 75.0 % in 2024; the stage figures keep 62 %" in pages["producers/prc.md"]


def test_without_figures_by_country_the_comparison_has_no_leader_column(tmp_path: Path) -> None:
    pages = _render(_leaders_data(tmp_path / "data"))
    index = pages["elements/index.md"]
    assert "| Element | Group | Price ($/kg) | US import reliance | Atomic weight |" in index
    assert "Latest price and US net import reliance, where the site's sources give them." in index


def test_timeline_periods_open_until_ten_events_show(make_data: MakeData) -> None:
    events = "".join(
        f"      - {{date: '{year}-0{month}', title: Event {year} {month}, source: usgs-test}}\n"
        for year, count in ((1995, 1), (2023, 2), (2024, 8), (2025, 3))
        for month in range(1, count + 1)
    )
    issue = (
        "    title: Export controls\n    category: trade-policy\n    status: active\n    summary: Licences.\n"
        f"    events:\n{events}    reviewed: 2026-11-27\n"
    )
    catalog = build_catalog(make_data(**{"issues__export-controls": issue}))
    periods = Views(catalog, "timeline.md").timeline_periods(10)
    assert [(label, len(items), open_) for label, items, open_ in periods] == [
        ("2025", 3, True),
        ("2024", 8, True),
        ("2023", 2, False),
        ("1990s", 1, False),
    ]


def test_tiles_of_the_strip() -> None:
    assert [Views.tile_place(z) for z in (21, 39, 57, 60, 71)] == [(1, 1), (2, 1), (3, 1), (3, 4), (3, 15)]


def test_no_markup_or_edge_space_goes_through_the_data_filter() -> None:
    """``{{ " open" if x }}`` prints its text through the data filter, which trims spaces and escapes markup: the
    attribute ran into the one before it (``id="published-2026"open``) and a table's ``|`` became text. Markup and
    spaced text are written as template text (``{% if x %} open{% endif %}``)."""
    printed = re.compile(r"\{\{-?\s*\"([^\"]*)\"\s+if\b")
    found = [
        f"{path.name}:{number}: {literal!r}"
        for path in sorted(TEMPLATES.glob("*.j2"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for literal in printed.findall(line)
        if literal != literal.strip() or "|" in literal or "<" in literal
    ]
    assert found == []
