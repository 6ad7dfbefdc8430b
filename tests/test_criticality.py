"""The criticality and recycling figures of the elements: the EU's supply risk and economic importance, its
end-of-life recycling input rate and UNEP's end-of-life recycling rate. Over the real data, each element has them
or says why not, and a group's value names its group; the model refuses a score out of range and a group whose
elements disagree, at the line; the element page as built shows them."""

from __future__ import annotations

import html
import re
from pathlib import Path
from textwrap import dedent

import pytest

from ree_site import build_catalog
from ree_site.data.element_figures import ElementFigure
from ree_site.data.vocabulary import CRITICALITY_MEASURES
from ree_site.link import groups
from ree_site.link.catalog import Catalog
from ree_site.render.views import Views

from .conftest import ROOT, SMALL_DATA, MakeData, problems


@pytest.fixture(scope="module")
def real() -> Catalog:
    return build_catalog(ROOT / "data")


def test_every_element_has_eu_scores_or_says_why_not(real: Catalog) -> None:
    """Each element gives the EU's supply risk and economic importance, and an end-of-life recycling input rate
    and rate, each as a value or as none with the reason; the latest score is never left unexplained."""
    missing = []
    for entry in real.elements:
        figures = entry.record.figures
        for measure in CRITICALITY_MEASURES:
            found = [f for f in figures if f.measure == measure]
            if not found:
                missing.append(f"{entry.id}: no {measure} figure")
            missing += [f"{entry.id}: {measure} {f.year} has no value and no reason" for f in found
                        if f.value is None and not f.note]  # fmt: skip
    assert not missing, missing


def test_group_scores_name_their_group_and_agree(real: Catalog) -> None:
    """The 2023 scores of the rare earths are the EU's group scores: each heavy and light rare earth names its group,
    the groups have the members the study lists (ten heavy, five light), and scandium's score is its own."""
    heavy = {"dysprosium", "erbium", "europium", "gadolinium", "holmium", "lutetium", "terbium", "thulium",
             "ytterbium", "yttrium"}  # fmt: skip
    light = {"cerium", "lanthanum", "neodymium", "praseodymium", "samarium"}
    wrong = []
    for entry in real.elements:
        for f in entry.record.figures:
            if f.measure not in ("supply-risk", "economic-importance") or f.year != 2023 or f.value is None:
                continue
            expected = "Heavy" if entry.id in heavy else "Light" if entry.id in light else None
            if (f.for_group or "")[:5] != (expected or ""):
                wrong.append(f"{entry.id}: {f.measure} 2023 is for {f.for_group!r}")
            if f.for_group:
                members = {m.id for m in groups.members(real, f)}
                if members != (heavy if expected == "Heavy" else light):
                    wrong.append(f"{entry.id}: the group of its {f.measure} 2023 is {sorted(members)}")
    assert not wrong, wrong
    scandium = [f for f in real.get("element", "scandium").record.figures if f.measure == "supply-risk"]
    assert {(f.year, f.value, f.for_group) for f in scandium} >= {(2023, 2.4, None), (2017, 2.9, None)}


def test_every_element_page_shows_its_scores_or_why_not(real: Catalog) -> None:
    """The element view lists the four indicators for each element, a value or a reason for every row."""
    views = Views(real, "elements/x/")
    for entry in real.elements:
        indicators = views.criticality(entry)
        assert [i.measure for i in indicators] == list(CRITICALITY_MEASURES), entry.id
        for indicator in indicators[:2]:
            assert indicator.ratings, f"{entry.id}: no {indicator.measure}"
            latest = indicator.ratings[0]
            assert latest.figure.value is not None or latest.figure.note, f"{entry.id}: {indicator.measure}"
            if latest.figure.for_group:
                assert len(latest.members) > 1, f"{entry.id}: a group of one"


def _element(figures: str) -> str:
    """The small data set's neodymium, with ``figures``."""
    text = dedent(SMALL_DATA["elements/neodymium.yml"])
    return text.replace("reviewed: 2026-11-27\n", "figures:\n" + dedent(figures) + "reviewed: 2026-11-27\n")


def test_a_supply_risk_above_ten_is_refused_at_its_line(make_data: MakeData) -> None:
    data = make_data(
        elements__neodymium=_element("""\
          - measure: supply-risk
            year: 2017
            value: 48
            unit: score
            source: usgs-test
        """)
    )
    (found,) = problems(data)
    assert re.match(r".*elements/neodymium\.yml:\d+:\d+: figures\[0\]\.value: eu supply risk of 48 is above 10", found)
    assert "misplaced decimal point" in found


def test_a_score_in_percent_and_a_group_price_are_refused(make_data: MakeData) -> None:
    data = make_data(
        elements__neodymium=_element("""\
          - measure: economic-importance
            year: 2017
            value: 4.2
            unit: "%"
            source: usgs-test
          - measure: price
            for_group: Light rare earths
            year: 2024
            value: 60
            unit: $/kg
            source: usgs-test
        """)
    )
    found = problems(data)
    assert any("figures[0].unit: an economic-importance figure must be in score" in p for p in found), found
    assert any("figures[1].for_group: for_group applies only to" in p for p in found), found


def test_a_group_value_must_agree_across_its_elements(make_data: MakeData) -> None:
    figure = """\
      - measure: supply-risk
        for_group: Light rare earth elements (LREEs)
        year: 2023
        value: {value}
        unit: score
        source: usgs-test
    """
    cerium = _element(figure.format(value=3.7)).replace("Neodymium", "Cerium").replace("symbol: Nd", "symbol: Ce")
    cerium = cerium.replace("atomic_number: 60", "atomic_number: 58")
    data = make_data(elements__neodymium=_element(figure.format(value=3.9)), elements__cerium=cerium)
    (found,) = problems(data)
    assert re.match(r".*elements/neodymium\.yml:\d+:\d+: figures\[0\]\.value: the eu supply risk of Light rare earth "
                    r"elements \(LREEs\) for 2023 is 3\.9 here but 3\.7 for cerium", found), found  # fmt: skip


def test_a_group_of_one_is_refused(make_data: MakeData) -> None:
    data = make_data(
        elements__neodymium=_element("""\
          - measure: supply-risk
            for_group: Light rare earth elements (LREEs)
            year: 2023
            value: 3.7
            unit: score
            source: usgs-test
        """)
    )
    (found,) = problems(data)
    assert "figures[0].for_group: no other element gives the eu supply risk" in found


def test_the_figure_key_tells_a_group_value_from_the_elements_own() -> None:
    own = ElementFigure(measure="supply-risk", year=2023, value=2.4, unit="score", source="s")
    group = ElementFigure(measure="supply-risk", year=2023, value=2.4, unit="score", source="s", for_group="G")
    assert own.key != group.key


def test_the_element_page_as_built(real_site: Path) -> None:
    """Dysprosium's page shows the heavy group's 2023 scores as the group's, with the group's members, its own
    2017 scores and recycling input rate, UNEP's rate, and says why the 2023 recycling input rate is missing;
    promethium's says the EU does not assess it."""
    page = (real_site / "elements" / "dysprosium" / "index.html").read_text(encoding="utf-8")
    part = page[page.index('id="recycling-and-criticality"') : page.index('id="prices"')]
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part)))
    assert re.search(r"EU supply risk 5\.1 \[\d+\] 2023 Heavy rare earth elements \(HREEs\), as a group a", text), text
    assert re.search(r"EU supply risk 5\.2 \[\d+\] 2017 Dysprosium itself", text), text
    assert re.search(r"EU economic importance 6\.3 \[\d+\] 2017 Dysprosium itself", text), text
    assert re.search(r"End-of-life recycling input rate Not available \[\d+\] \w 2023", text), text
    assert re.search(r"End-of-life recycling rate <1 % \[\d+\] 2011", text), text
    assert "of 10 elements: yttrium, europium, gadolinium, terbium, dysprosium" in text
    promethium = (real_site / "elements" / "promethium" / "index.html").read_text(encoding="utf-8")
    assert "but not promethium" in promethium


def test_a_producer_cannot_hold_a_supply_risk(make_data: MakeData) -> None:
    china = dedent(SMALL_DATA["producers/china.yml"]).replace(
        "\nelements: [neodymium]",
        "\n  - measure: supply-risk\n    year: 2023\n    value: 3.7\n    unit: score\n    source: usgs-test"
        "\nelements: [neodymium]",
    )
    (found,) = problems(make_data(producers__china=china))
    assert "figures[1].measure: supply-risk rates an element, not a producer" in found, found
