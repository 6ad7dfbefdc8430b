"""The incremental core: after every edit, the pages of an update are exactly those of a complete render.

Edits are drawn at random (seeded) from what editors do: change a number or a sentence, add or drop a link to
another record, rename a record, add a comment. Edits that make the data invalid are undone and not counted.
"""

from __future__ import annotations

import functools
import importlib.util
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from ree_site.build.incremental import Session
from ree_site.data.loading import load_records
from ree_site.data.yamlfile import load_yaml
from ree_site.errors import DataError
from ree_site.link.catalog import Catalog
from ree_site.render.renderer import Renderer

from .conftest import ROOT


def complete_render(data: Path) -> dict[str, str]:
    catalog = Catalog.build(load_records(data, data.parent))
    return {page.uri: page.text for page in Renderer(catalog).render_all()}


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    found: list[tuple[tuple[Any, ...], Any]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += leaves(item, (*path, key))
    elif isinstance(value, list):
        found.append((path, value))
        for index, item in enumerate(value):
            found += leaves(item, (*path, index))
    else:
        found.append((path, value))
    return found


def put(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


def edit(rng: random.Random, path: Path, ids: dict[str, set[str]]) -> str:
    """One random edit of the file at ``path``; returns what it did."""
    text = path.read_text(encoding="utf-8")
    data = load_yaml(path, path.name).data
    kind = rng.choice(["number", "text", "drop", "add", "comment", "title"])
    found = leaves(data)
    if kind == "comment":
        path.write_text(text + "\n# reviewed again, nothing changed\n", encoding="utf-8")
        return f"comment in {path.name}"
    if kind == "title":
        field = "name" if "name" in data else "title"
        data[field] = f"{data[field]} (renamed)"
    elif kind == "number":
        numbers = [(p, v) for p, v in found if isinstance(v, int | float) and not isinstance(v, bool)]
        if not numbers:
            return ""
        where, value = rng.choice(numbers)
        put(data, where, round(value * 1.1, 3) if isinstance(value, float) else value + 1)
    elif kind == "text":
        words = [(p, v) for p, v in found if isinstance(v, str) and " " in v and p[-1] not in {"name", "title"}]
        if not words:
            return ""
        where, value = rng.choice(words)
        put(data, where, value + " Edited.")
    else:
        lists = [(p, v) for p, v in found if isinstance(v, list) and v and all(isinstance(i, str) for i in v)]
        if not lists:
            return ""
        where, items = rng.choice(lists)
        if kind == "drop":
            put(data, where, items[1:])
        else:
            pool = next((pool for pool in ids.values() if set(items) <= pool), set())
            extra = sorted(pool - set(items))
            if not extra:
                return ""
            put(data, where, [*items, rng.choice(extra)])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return f"{kind} in {path.name}"


def run_edits(data: Path, edits: int, seed: int) -> list[str]:
    session = Session(data, data.parent, None)
    session.update()
    before = complete_render(data)
    files = sorted(data.rglob("*.yml"))
    ids = {folder.name: {p.stem for p in folder.glob("*.yml")} for folder in data.iterdir() if folder.is_dir()}
    rng = random.Random(seed)
    done: list[str] = []

    def structural_done() -> bool:
        return any(what.startswith(("new record", "removed record")) for what in done)

    # Past the count, only structural edits, until one is accepted (a copy of a country record is refused when
    # its shares would push a stage past 100 %, a removed source when another record cites it).
    while len(done) < edits or not structural_done():
        path = rng.choice(files)
        original = path.read_text(encoding="utf-8")
        structural = len(done) >= edits or rng.random() < 0.15
        if structural and rng.random() < 0.5:
            # A new record: a copy of another under a new id and a new name.
            added = path.with_name(f"{path.stem}-copy-{len(done)}.yml")
            added.write_text(original.replace("name: ", "name: Copy of ", 1).replace("title: ", "title: Copy of ", 1))
            what, undo = f"new record {added.name}", added.unlink
        elif structural:
            path.unlink()
            what, undo = f"removed record {path.name}", functools.partial(path.write_text, original, encoding="utf-8")
        else:
            what = edit(rng, path, ids)
            undo = functools.partial(path.write_text, original, encoding="utf-8")
        if not what:
            continue
        try:
            expected = complete_render(data)
        except DataError:
            undo()
            continue
        files = sorted(data.rglob("*.yml"))
        result = session.update()
        got = {page.uri: page.text for page in result.pages}
        wrong = sorted(uri for uri in expected if got.get(uri) != expected[uri])
        assert not wrong, f"after {what}: stale pages {wrong[:5]} (rendered {sorted(result.rendered)[:10]})"
        assert got.keys() == expected.keys(), what
        differs = {uri for uri in expected if before.get(uri) != expected[uri]}
        assert differs <= result.rendered, f"after {what}: {sorted(differs - result.rendered)} not rendered"
        if what.startswith("comment"):
            assert not result.rendered, f"a comment re-rendered {sorted(result.rendered)[:5]}"
        elif not what.startswith("title"):
            assert not result.complete, f"after {what}: complete render ({result.complete})"
            assert len(result.rendered) < len(expected), what
        before = expected
        done.append(f"{what}: {len(result.rendered)} of {len(expected)} pages rendered")
    return done


@pytest.mark.parametrize("seed", [1, 2])
def test_edits_of_the_real_data_render_exactly_the_complete_pages(tmp_path: Path, seed: int) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    done = run_edits(data, 15, seed)
    assert len(done) >= 15
    assert any(what.startswith(("new record", "removed record")) for what in done), done


def test_edits_of_a_synthetic_data_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The benchmark script loaded under a name of its own; it adds to sys.path, which is restored after the test.
    monkeypatch.setattr(sys, "path", list(sys.path))
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_run", bench)
    spec.loader.exec_module(bench)

    bench.generate(400, tmp_path / "data")
    done = run_edits(tmp_path / "data", 15, 3)
    assert len(done) >= 15


def test_a_one_record_edit_renders_few_pages(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    session = Session(data, data.parent, None)
    first = session.update()
    assert first.complete == "first build"
    record = data / "producers" / "lynas.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("summary: ", "summary: Edited. ", 1), "utf-8")
    result = session.update()
    assert result.complete == ""
    assert "producers/lynas.md" in result.rendered
    # The record, what links to it, and the views and indexes that list every producer; not the other records.
    assert len(result.rendered) < len(first.pages) / 2, sorted(result.rendered)
    assert "Edited." in next(p.text for p in result.pages if p.uri == "producers/lynas.md")


def test_a_template_edit_renders_everything(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    session = Session(ROOT / "data", ROOT, templates)
    session.update()
    assert not session.update().rendered
    (templates / "producer.md.j2").write_text("# {{ record.name }}\n", encoding="utf-8")
    result = session.update()
    assert result.complete == "a template changed"
    assert next(p.text for p in result.pages if p.uri == "producers/lynas.md").endswith("# Lynas Rare Earths\n")


def test_a_link_that_moves_from_a_figure_to_a_list_reaches_the_other_page(tmp_path: Path) -> None:
    """Bayan Obo has figures about terbium but does not list it among its elements: listing it makes it a related
    record of terbium, although the set of records Bayan Obo refers to stays the same."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    session = Session(data, data.parent, None)
    session.update()
    record = data / "producers" / "bayan-obo.yml"
    text = record.read_text(encoding="utf-8")
    assert "elements: [lanthanum, cerium, neodymium]" in text
    record.write_text(
        text.replace("elements: [lanthanum, cerium, neodymium]", "elements: [lanthanum, cerium, neodymium, terbium]"),
        "utf-8",
    )
    result = session.update()
    assert "elements/terbium.md" in result.rendered
    got = {page.uri: page.text for page in result.pages}
    assert got == complete_render(data)
