"""What readers read and what editors keep apart: editor notes, record links and paragraphs in data text, the
site's one style for dates, percentages and axis numbers, lettered notes and end labels that never overlap."""

from __future__ import annotations

import itertools
import json
import re
import textwrap
from pathlib import Path

import pytest

from ree_site import build_catalog
from ree_site.data.text import language_of, note_mark, partial_date, percent
from ree_site.link import stats
from ree_site.outputs.export import export_files
from ree_site.render.charts import LABEL_GAP, Point, Series, line_chart, place_labels
from ree_site.render.renderer import Renderer

from .conftest import SMALL_DATA, MakeData


def pages_of(data_dir: Path) -> dict[str, str]:
    return {p.uri: p.markdown for p in Renderer(build_catalog(data_dir)).render_all()}


CHINA = """
    name: China
    kind: country
    country: China
    stages: [mining]
    summary: |
      The largest producer.

      A second paragraph, which names [[link issues/export-controls]] and cites a source[@usgs-test].
    editor_note: Check the 2024 figure against the data release before the next review.
    figures:
      - measure: mine-production
        year: 2024
        value: 270000
        unit: t REO
        source: usgs-test
        note: Rounded by the source.
        editor_note: Read from a stored copy of the PDF.
      - measure: share-separation
        year: 2023
        value: 92
        unit: "%"
        source: usgs-test
      - measure: refined-production
        year: 2025
        fiscal_year_end: "06-30"
        value: 6558
        unit: t
        product: NdPr oxide
        source: usgs-test
    elements: [neodymium]
    reviewed: 2026-11-27
"""


def test_editor_notes_are_kept_in_the_downloads_and_never_printed(make_data: MakeData) -> None:
    data_dir = make_data(producers__china=CHINA)
    pages = pages_of(data_dir)
    everything = "\n".join(pages.values())
    assert "stored copy" not in everything and "Check the 2024 figure" not in everything
    assert "Rounded by the source." in pages["producers/china.md"]
    downloads = export_files(build_catalog(data_dir))
    producers = json.loads(downloads["downloads/producers.json"])["records"]
    china = next(p for p in producers if p["id"] == "china")
    assert china["editor_note"].startswith("Check the 2024 figure")
    assert china["figures"][0]["editor_note"] == "Read from a stored copy of the PDF."


def test_paragraphs_record_links_and_citations_in_data_text(make_data: MakeData) -> None:
    page = pages_of(make_data(producers__china=CHINA))["producers/china.md"]
    assert (
        "The largest producer.\n\nA second paragraph, which names [Export controls](../issues/export-controls.md)"
        in page
    )
    assert re.search(r"cites a source<sup class=\"ree-cite\"[^>]*><a href=\"#ref-\d\">", page)
    assert "[[link" not in page


def test_fact_box_stages_follow_the_figures_and_fiscal_years_are_named(make_data: MakeData) -> None:
    page = pages_of(make_data(producers__china=CHINA))["producers/china.md"]
    # The record names mining only, but its figures measure separation too: the box says both.
    assert "| Stages of the chain | Mining, Separation and refining |" in page
    assert "| FY2025 (to 30 June) |" in page


def test_different_things_of_one_year_are_not_revisions(make_data: MakeData) -> None:
    """Two shown values of one key (total oxide and NdPr without a product, from sources of different kinds, which
    the plausibility rules allow) are not a revision of each other."""
    lynas = """
        name: Lynas
        kind: company
        country: Australia
        summary: A producer.
        figures:
          - {measure: refined-production, year: 2024, value: 10908, unit: t, source: usgs-test}
          - {measure: refined-production, year: 2024, value: 5655, unit: t, source: ciaaw-test}
        reviewed: 2026-11-27
    """
    catalog = build_catalog(make_data(producers__lynas=lynas))
    assert stats.revisions(catalog.get("producer", "lynas")) == []


def test_one_style_for_percentages_dates_and_notes() -> None:
    assert percent(69.2314) == "69.2 %"
    assert percent(0.03) == "< 0.1 %" and percent(0.0) == "0.0 %" and percent(None) == "–"
    assert percent(1234.5) == "1,234.5 %"
    assert partial_date("2014") == "2014"
    assert partial_date("2014-08") == "August 2014"
    assert partial_date("2014-08-07") == "7 August 2014"
    assert [note_mark(n) for n in (1, 2, 26, 27, 28, 52, 53)] == ["a", "b", "z", "aa", "ab", "az", "ba"]
    assert language_of("稀土管理条例") == "zh" and language_of("レアアース") == "ja" and language_of("Rare") is None


def test_percent_signs_in_data_text_take_the_site_style(make_data: MakeData) -> None:
    china = CHINA.replace("Rounded by the source.", "About 62% of the world total; see example.org/a%20b.")
    page = pages_of(make_data(producers__china=china))["producers/china.md"]
    assert "62 % of the world total" in page and "62%" not in page


@pytest.mark.parametrize("wanted", [[50, 51, 52, 53], [10, 10, 200, 199, 198], [300, 300, 300], [0, 5, 400]])
def test_end_labels_never_overlap_and_stay_in_order(wanted: list[float]) -> None:
    placed = place_labels(wanted, top=20, bottom=280)
    ordered = sorted(range(len(wanted)), key=lambda i: (wanted[i], i))
    ys = [placed[i] for i in ordered]
    assert all(b - a >= LABEL_GAP - 1e-9 for a, b in itertools.pairwise(ys))
    assert all(20 <= y <= 280 for y in ys)


def test_line_chart_chooses_a_log_axis_and_names_each_line_once_per_layout() -> None:
    series = [
        Series("Scandium metal", [Point(2021, 5200, "5,200"), Point(2025, 5200, "5,200")], "Sc metal"),
        Series("Scandium-aluminium alloy", [Point(2021, 42, "42"), Point(2025, 30, "30")], "Sc-Al alloy"),
    ]
    chart = str(line_chart(series, "T", "C"))
    assert ">10,000<" in chart and ">10<" in chart  # decades: the values span more than tenfold
    assert chart.count(">Sc metal 5,200<") == 2 and chart.count(">Sc-Al alloy 30<") == 2
    flat = str(line_chart([Series("A", [Point(2021, 2, "2"), Point(2025, 3, "3")])], "T", "C"))
    assert ">0<" in flat  # a linear axis from zero when the values are close
    tops = [float(v) for v in re.findall(r'class="ree-chart__grid"[^>]*y1="([\d.]+)"', flat)]
    dots = [float(v) for v in re.findall(r'class="ree-chart__dot"[^>]*cy="([\d.]+)"', flat)]
    assert min(tops) <= min(dots)  # no point above the top gridline


def test_a_late_start_is_noted_above_the_plot() -> None:
    series = [
        Series("United States", [Point(y, 50, "50 %") for y in range(1950, 2026)]),
        Series("China", [Point(y, 60, "60 %") for y in range(2018, 2026)]),
    ]
    assert "China: no figures before 2018" in str(line_chart(series, "T", "C"))


def test_share_charts_read_from_zero_to_a_hundred() -> None:
    """Shares span more than tenfold (the US from 0.2 % to 70 %), but a share chart never takes a log axis."""
    from ree_site.render.views import Views

    catalog = build_catalog(Path(__file__).resolve().parent.parent / "data")
    chart = str(Views(catalog, "concentration.md").share_chart([catalog.get("producer", "united-states")]))
    assert ">0<" in chart and ">100<" in chart and ">0.1<" not in chart


def test_a_record_link_reads_as_its_title_in_the_meta_description(make_data: MakeData) -> None:
    china = CHINA.replace("The largest producer.\n", "The largest producer; see [[link issues/export-controls]].\n")
    rendered = {p.uri: p for p in Renderer(build_catalog(make_data(producers__china=china))).render_all()}
    assert rendered["producers/china.md"].meta["description"].startswith("The largest producer; see Export controls.")


def test_a_sourced_mining_share_says_what_the_tonnages_give(make_data: MakeData) -> None:
    """Two answers to one question on one page: the stage share from its source and the share the tonnages give,
    with the reason the stage figures keep the first."""
    china = CHINA.replace(
        "      - measure: share-separation",
        "      - {measure: share-mining, year: 2024, value: 62, unit: '%', source: usgs-test}\n"
        "      - measure: share-separation",
    )
    world = """
        name: World
        kind: country
        country: World
        aggregate: world
        summary: The world total.
        figures:
          - {measure: mine-production, year: 2024, value: 390000, unit: t REO, source: usgs-test}
        reviewed: 2026-11-27
    """
    page = pages_of(make_data(producers__china=china, producers__world=world))["producers/china.md"]
    assert "Computed from mine production tonnages, the share was 69.2 % in 2024" in page
    assert "the stage figures keep 62 % so that every stage is measured by one kind of source" in page


def test_a_status_carries_the_date_it_is_stated_for(make_data: MakeData) -> None:
    issue = textwrap.dedent(SMALL_DATA["issues/export-controls.yml"]).replace(
        "status: active\n", "status: active\nstatus_as_of: 2026-06-22\n"
    )
    pages = pages_of(make_data(**{"issues__export-controls": issue}))
    assert "| Status | Active, as of 22 June 2026 |" in pages["issues/export-controls.md"]
    assert '| Active | <time datetime="2026-06-22">22 June 2026</time> |' in pages["issues/index.md"]
    # Without status_as_of, the review date.
    assert '| Ongoing | <time datetime="2026-11-27">27 November 2026</time> |' in pages["issues/index.md"]
