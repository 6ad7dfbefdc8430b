"""Rendering: every record becomes Markdown; data is shown as text, never as markup or template."""

from __future__ import annotations

from pathlib import Path

import pytest

from ree_site import build_catalog
from ree_site.data.text import md_escape, number
from ree_site.render.renderer import Renderer, TemplateRenderError

from .conftest import SMALL_DATA, MakeData, cite


def render(data_dir: Path, override_dir: Path | None = None) -> dict[str, str]:
    renderer = Renderer(build_catalog(data_dir), override_dir)
    return {page.uri: page.markdown for page in renderer.render_all()}


def test_one_page_per_record_and_per_collection(data_dir: Path) -> None:
    assert sorted(render(data_dir)) == [
        "changes.md",
        "concentration.md",
        "downloads.md",
        "elements/index.md",
        "elements/neodymium.md",
        "issues/diversification.md",
        "issues/export-controls.md",
        "issues/index.md",
        "map.md",
        "prices.md",
        "producers/bayan-obo.md",
        "producers/china.md",
        "producers/index.md",
        "sources/index.md",
        "supply-chain.md",
        "timeline.md",
        "trade.md",
    ]


def test_element_page(data_dir: Path) -> None:
    page = render(data_dir)["elements/neodymium.md"]
    assert page.startswith("# Neodymium (Nd)\n")
    assert "| Symbol | **Nd** |" in page
    assert "| Atomic number | 60 |" in page
    assert f"144.242(3){cite(1)}" in page
    assert "1885 by Carl Auer von Welsbach" in page
    # Backlinks: neither the producer nor the issue is named in the element's file.
    # The producers are listed compactly by stage; their shares are in "Who supplies it", never as empty cells.
    assert "## Producers by stage\n\n- Mining: [China](../producers/china.md) (country)." in page
    assert "| Mining | No source on the site gives country shares of mining for neodymium. |" in page
    assert "not recorded" not in page
    assert "- [Export controls](../issues/export-controls.md)" in page
    # Sources numbered in order of first citation, each linking to its source page.
    assert '1. <span id="ref-1"></span>CIAAW (2024)' in page
    assert '2. <span id="ref-2"></span>U.S. Geological Survey (2026)' in page
    assert "[About this source](../sources/index.md#usgs-test)" in page
    assert 'Last reviewed: <time datetime="2026-11-27">27 November 2026</time>' in page


def test_producer_page(data_dir: Path) -> None:
    pages = render(data_dir)
    china = pages["producers/china.md"]
    assert (
        f"| Mine production |  | 2024 | 270,000{cite(1)} | t REO | "
        '<a href="#note-a" aria-label="Note a" data-pagefind-ignore>a</a> |' in china
    )
    assert '<li id="note-a" markdown>Estimate.' in china
    assert "- [Bayan Obo](bayan-obo.md)" in china
    assert "| Part of | [China](china.md) |" in pages["producers/bayan-obo.md"]


def test_issue_page_has_a_dated_timeline(data_dir: Path) -> None:
    page = render(data_dir)["issues/export-controls.md"]
    assert '- **<time datetime="2025-04-04">4 April 2025</time>**: Licensing of seven elements<sup' in page
    assert "## Responses\n\n- [Diversification](diversification.md)" in page


def test_issue_page_names_what_it_responds_to(data_dir: Path) -> None:
    page = render(data_dir)["issues/diversification.md"]
    assert "## In response to\n\n- [Export controls](export-controls.md)" in page


def test_index_pages_list_records(data_dir: Path) -> None:
    pages = render(data_dir)
    assert "| 60 [Neodymium](neodymium.md) (Nd) | Light | – | – | – | 144.242(3) |" in pages["elements/index.md"]
    assert "| [Bayan Obo](bayan-obo.md) | China | Mining |" in pages["producers/index.md"]
    # The stages the record names and those its figures measure, as on its own page.
    assert "| [China](china.md) | China | Mining, Separation and refining |" in pages["producers/index.md"]


def test_data_text_is_never_markup_or_template(make_data: MakeData) -> None:
    hostile = "<script>alert(1)</script> {{ config }} {% if x %} [link](javascript:alert(1)) *bold* | pipe"
    text = SMALL_DATA["elements/neodymium.yml"].replace(
        "summary: A light rare earth used in magnets.", f"summary: '{hostile}'"
    )
    page = render(make_data(elements__neodymium=text))["elements/neodymium.md"]
    assert "<script>" not in page
    assert "{{ config }}" not in page and "{% if" not in page
    assert "[link]" not in page and "*bold*" not in page
    assert "&#60;script&#62;alert(1)&#60;/script&#62; &#123;&#123; config &#125;&#125;" in page


def test_md_escape_and_number() -> None:
    assert md_escape("a_b [c]\n d") == "a&#95;b &#91;c&#93; d"
    assert number(270000.0) == "270,000"
    assert number(0.5) == "0.5"
    assert number(None) == "n/a"


def test_override_template_replaces_one_template(data_dir: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "issue.md.j2").write_text("# {{ record.title }} (custom)\n")
    pages = render(data_dir, overrides)
    assert pages["issues/export-controls.md"] == "# Export controls (custom)\n"
    assert pages["elements/neodymium.md"].startswith("# Neodymium (Nd)\n")


def test_missing_field_in_a_template_is_an_error(data_dir: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "issue.md.j2").write_text("# {{ record.title }}\n{{ record.no_such_field }}\n")
    with pytest.raises(TemplateRenderError, match=r"template issue\.md\.j2: .*no_such_field"):
        render(data_dir, overrides)


def test_template_syntax_error_names_file_and_line(data_dir: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "issue.md.j2").write_text("# title\n\n{% if %}\n")
    with pytest.raises(TemplateRenderError, match=r"issue.md.j2:3: template syntax error"):
        render(data_dir, overrides)


def test_joined_lists_are_escaped_for_markdown(make_data: MakeData) -> None:
    text = SMALL_DATA["elements/neodymium.yml"].replace(
        "by: [Carl Auer von Welsbach]", "by: ['[x](javascript:alert(1))', '*A*']"
    )
    page = render(make_data(elements__neodymium=text))["elements/neodymium.md"]
    assert "1885 by &#91;x&#93;(javascript:alert(1)), &#42;A&#42;<sup" in page


def test_citations_inside_text(make_data: MakeData) -> None:
    text = SMALL_DATA["elements/neodymium.yml"].replace(
        "summary: A light rare earth used in magnets.",
        "summary: Used in magnets [@usgs-test], weighed by CIAAW [@ciaaw-test].",
    )
    page = render(make_data(elements__neodymium=text))["elements/neodymium.md"]
    # The summary leads the page, so its citations are numbered first; the atomic weight cites ciaaw-test again.
    assert (f"Used in magnets{cite(1)}, weighed by CIAAW{cite(2)}.") in page
