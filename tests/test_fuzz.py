"""Fuzzing: whatever a data file holds, the only exception that comes out is the project's DataError."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import tempfile
import textwrap
from pathlib import Path
from typing import Any, cast

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ree_site.data.loading import Entry, load_records
from ree_site.data.models import Producer, Record
from ree_site.data.tracking import Key
from ree_site.data.yamlfile import load_yaml
from ree_site.errors import DataError
from ree_site.link import stats
from ree_site.link.catalog import Catalog
from ree_site.link.series import beside, series
from ree_site.render.renderer import Renderer

from .conftest import ROOT, SMALL_DATA, write_files

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(
        ["neodymium", "usgs-test", "china", "../x", "a/b", "{{ x }}", "<script>", "%", "t REO", "[@usgs-test]"]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


def check(files: dict[str, str | bytes]) -> None:
    """Load, link and render ``files`` on top of the small data set: success or DataError only."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        write_files(data_dir, SMALL_DATA)
        for name, content in files.items():
            path = data_dir / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", errors="surrogatepass")
        try:
            Renderer(Catalog.build(load_records(data_dir))).render_all()
        except DataError as exc:
            assert exc.problems, "a DataError always carries at least one problem"
            for problem in exc.problems:
                assert problem.path.startswith(str(data_dir)) or problem.path.startswith("data"), problem
                assert problem.line >= 1 and problem.column >= 1


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes(content: bytes) -> None:
    check({"elements/neodymium.yml": content})


@FUZZ
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_arbitrary_text(content: str) -> None:
    check({"issues/export-controls.yml": content})


def _record(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(textwrap.dedent(SMALL_DATA[name]))
    return loaded


@FUZZ
@given(
    st.sampled_from(
        ["elements/neodymium.yml", "producers/china.yml", "issues/export-controls.yml", "sources/usgs-test.yml"]
    ),
    st.dictionaries(
        st.sampled_from(sorted({k for n in SMALL_DATA for k in _record(n)} | {"extra", "id"})), values, max_size=4
    ),
    st.lists(st.sampled_from(sorted({k for n in SMALL_DATA for k in _record(n)})), max_size=2),
)
def test_mutated_records(name: str, changes: dict[str, Any], removed: list[str]) -> None:
    record = _record(name)
    record.update(changes)
    for key in removed:
        record.pop(key, None)
    check({name: yaml.safe_dump(record, allow_unicode=True)})


@FUZZ
@given(
    st.lists(
        st.sampled_from(
            [
                "a: &a [x, x]",
                "b: &b [*a, *a, *a]",
                "c: [*b, *b, *b]",
                "d: {k: *c}",
                "- *a",
                "e: !!python/name:os.system",
                "f: *zz",
                "g: 2026-13-45",
                "h: 2026-02-30",
            ]
        ),
        max_size=6,
    )
)
def test_anchors_tags_and_aliases(lines: list[str]) -> None:
    check({"sources/usgs-test.yml": "\n".join(lines) + "\n"})


#: Scalars that YAML 1.1 (PyYAML's default) and YAML 1.2 read differently, numbers no page can show, and
#: characters no page may carry.
LOOSE_SCALARS = [
    "4:30", "1_000", "0x1F", "0o17", "017", ".inf", "-.Inf", ".nan", "1e309", "-1e309", "yes", "No", "NO", "on",
    "off", "y", "~", "null", "2010-02-30", "'2010-02-30'", "2026-13-45", "9999-12-31", "'2010-02'", "2010",
    '"\\0"', '"\\e[31m"', '"a\\u202Eb"', '"\\u2028"', "!!binary aGk=", "!!float 1", "!!str 5", "<<", "'  '",
]  # fmt: skip
FIELDS = {
    "producers/china.yml": ["name", "country", "kind", "summary", "reviewed", "figures[0].value", "figures[0].year",
                            "figures[0].estimated", "figures[0].unit", "figures[0].note", "figures[0].high"],
    "issues/export-controls.yml": ["title", "summary", "events[0].date", "events[0].title", "events[0].text"],
    "sources/usgs-test.yml": ["title", "publisher", "year", "url", "reviewed", "note"],
}  # fmt: skip


@FUZZ
@given(
    st.sampled_from(sorted(FIELDS)).flatmap(
        lambda name: st.tuples(
            st.just(name), st.dictionaries(st.sampled_from(FIELDS[name]), st.sampled_from(LOOSE_SCALARS), max_size=3)
        )
    )
)
def test_yaml_1_1_scalars_and_invisible_characters(change: tuple[str, dict[str, str]]) -> None:
    """Whatever loose scalar lands in whichever field: a DataError at a place, or pages with finite numbers and
    no control characters."""
    name, values = change
    lines = textwrap.dedent(SMALL_DATA[name]).lstrip().splitlines()
    for field, scalar in values.items():
        key = field.split(".")[-1].split("[")[0]
        nested = "[0]" in field
        for index, line in enumerate(lines):
            stripped = line.strip().removeprefix("- ")
            if stripped.startswith(f"{key}:") and (line.startswith(" ") == nested):
                lines[index] = line[: line.index(f"{key}:")] + f"{key}: {scalar}"
                break
    text = "\n".join(lines) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        write_files(data_dir, {**SMALL_DATA, name: text})
        try:
            catalog = Catalog.build(load_records(data_dir))
            pages = Renderer(catalog).render_all()
        except DataError as exc:
            assert exc.problems and all(p.line >= 1 and p.column >= 1 for p in exc.problems)
            assert all("\n" not in str(p) for p in exc.problems), "one problem per line"
            return
    for entry in catalog.producers:
        for figure in entry.record.figures:
            assert figure.value is None or math.isfinite(figure.value), figure
    for page in pages:
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]", page.text), page.uri
        assert "inf t" not in page.text and "nan" not in page.text.lower().split(), page.uri


# Plausible-looking wrong numbers in the real data: a value consistent with its series (within five times the
# figures beside it) scaled by 1,000 (a price per tonne, thousands written with a decimal point) or by 1/100 (a share
# written as a fraction), and an extra zero on a country's output big enough to push the countries past the world
# total. Each is caught with the project's error, at a place, never with a traceback.
REAL_FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def _real() -> tuple[list[Entry[Record]], list[tuple[Key, int]], list[tuple[Key, int]]]:
    """The real records, the figures that stand in a series, and the outputs an extra zero puts past the world."""
    entries = load_records(ROOT / "data", ROOT)
    in_series, big = [], []
    for entry in entries:
        for points in series(getattr(entry.record, "figures", [])).values():
            for at, point in enumerate(points):
                near = beside(points, at)
                if near and all(1 / 5 <= point.value / p.value <= 5 for p in near):
                    in_series.append(((entry.kind, entry.id), point.index))
    catalog = Catalog.build(entries)
    world = stats.world(catalog)
    assert world is not None
    # Each output is weighed against the world total of its own source or edition, as the plausibility rule does.
    totals = stats.world_totals(catalog)
    countries = [e for e in catalog.producers if e.record.kind == "country" and e.record.aggregate != "world"]
    plain = [(e, f, total) for e in countries for f in stats.series_of(stats.figures_of(e, "mine-production"))
             if f.element is None and f.product is None and (total := stats.world_total_for(totals, f))]  # fmt: skip
    summed: dict[int, float] = {}
    for _, figure, total in plain:
        summed[id(total)] = summed.get(id(total), 0) + (figure.value or 0)
    for entry, figure, total in plain:
        if summed[id(total)] + 9 * (figure.value or 0) > 1.05 * (total.value or 0):
            big.append(((entry.kind, entry.id), cast("Producer", entry.record).figures.index(figure)))
    return entries, in_series, big


def _caught(candidate: tuple[Key, int], factor: float) -> None:
    entries, _, _ = _real()
    key, index = candidate
    entry = next(e for e in entries if (e.kind, e.id) == key)
    data = load_yaml(entry.path, entry.document.path).data
    for name in ("value", "high"):
        if data["figures"][index].get(name) is not None:
            data["figures"][index][name] = data["figures"][index][name] * factor
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data" / entry.path.relative_to(ROOT / "data")
        path.parent.mkdir(parents=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        with pytest.raises(DataError) as found:
            Catalog.build([e for e in entries if e is not entry] + load_records(Path(tmp) / "data", Path(tmp)))
    assert found.value.problems
    assert all(p.line >= 1 and p.column >= 1 and p.field for p in found.value.problems), found.value.report()


@REAL_FUZZ
@given(st.integers(min_value=0), st.sampled_from([1000, 0.01]))
def test_a_real_figure_scaled_by_a_thousand_or_a_hundredth_is_caught(pick: int, factor: float) -> None:
    candidates = _real()[1]
    assert len(candidates) > 400
    _caught(candidates[pick % len(candidates)], factor)


@REAL_FUZZ
@given(st.integers(min_value=0))
def test_an_extra_zero_on_a_large_output_is_caught(pick: int) -> None:
    candidates = _real()[2]
    assert len(candidates) > 10
    _caught(candidates[pick % len(candidates)], 10)
