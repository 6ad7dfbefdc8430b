"""The downloads of the real data as a Frictionless Data Package: it validates, every resource loads with its
declared types, and every file carries the release and the licence."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from frictionless import Package, system

from ree_site import build_catalog
from ree_site.data.release import read_release
from ree_site.link.tables import DOWNLOADS, DOWNLOADS_DIR
from ree_site.outputs.export import export_files

from .conftest import ROOT, csv_rows

REAL = build_catalog(ROOT / "data")
RELEASE = read_release(ROOT)
FILES = export_files(REAL, RELEASE)


@pytest.fixture(scope="module")
def package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("downloads")
    for path, text in FILES.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return out / DOWNLOADS_DIR


def _validate(folder: Path) -> list[str]:
    with system.use_context(trusted=True):
        report = Package(str(folder / "datapackage.json")).validate()
    return [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors] + [
        error.message for error in report.errors
    ]


def test_the_data_package_validates(package_dir: Path) -> None:
    assert _validate(package_dir) == []


def test_every_table_loads_with_its_declared_types(package_dir: Path) -> None:
    with system.use_context(trusted=True):
        package = Package(str(package_dir / "datapackage.json"))
        tables = {r.name: r for r in package.resources if r.type == "table"}
        assert set(tables) == {d.name for d in DOWNLOADS}
        for download in DOWNLOADS:
            rows = tables[download.name].read_rows()
            assert len(rows) == download.count(REAL), download.name
            for row in rows:
                for field in tables[download.name].schema.fields:
                    value = row[field.name]
                    kind = {
                        "integer": int,
                        "number": (int, float, Decimal),
                        "boolean": bool,
                        "string": str,
                        "date": dt.date,
                    }[field.type]
                    assert value is None or isinstance(value, kind), f"{download.name}: {field.name} {value!r}"
        prices = tables["prices"].read_rows()
        assert any(isinstance(r["value"], (int, float, Decimal)) and isinstance(r["year"], int) for r in prices)
        assert all(isinstance(r["estimated"], bool) for r in prices)
        for resource in package.resources:
            if resource.format == "json":
                # A collection's records, or a table's rows (stage-shares.json, capacity.json).
                found = json.loads((package_dir / resource.path).read_text())
                assert isinstance(found.get("records", found.get("rows")), list), resource.path


def test_a_broken_key_fails_validation(package_dir: Path, tmp_path: Path) -> None:
    """The foreign keys are checked: a figure citing a source that is not in sources.csv makes the package
    invalid (so the test above can fail)."""
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in package_dir.glob("*.*"):
        (copy / path.name).write_text(path.read_text())
    text = (copy / "prices.csv").read_text()
    first_source = csv_rows(text)[0]["source"]
    (copy / "prices.csv").write_text(text.replace(f",{first_source},", ",no-such-source,", 1))
    assert any("foreign key" in problem for problem in _validate(copy))


def test_the_package_names_the_release_licence_and_sources() -> None:
    assert RELEASE is not None
    package = json.loads(FILES[f"{DOWNLOADS_DIR}/datapackage.json"])
    assert package["version"] == RELEASE.version
    assert package["licenses"] == [
        {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
         "title": "Creative Commons Attribution 4.0 International"}
    ]  # fmt: skip
    assert len(package["sources"]) == len(REAL.sources)
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    keys = {fk["fields"][0]: fk["reference"]["resource"] for fk in figures["schema"]["foreignKeys"]}
    assert keys == {"producer": "producers", "element": "elements", "source": "sources"}
    assert {f["name"]: f["type"] for f in figures["schema"]["fields"]}["year"] == "integer"


def test_every_download_carries_the_version_and_licence() -> None:
    assert RELEASE is not None
    marks = (RELEASE.version, "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
    for path, text in FILES.items():
        if path.endswith(".csv"):
            head = text.partition("\n")[0]
        elif path.endswith(".json") and not path.endswith("datapackage.json"):
            data = json.loads(text)
            head = data["$comment"] if "$comment" in data else json.dumps(data["release"])
        else:
            head = text
        missing = [m for m in marks if m not in head] if "datapackage" not in path else []
        assert missing == [], f"{path}: no {missing}"


def test_each_records_json_spells_out_its_figures_sources() -> None:
    for entry in REAL.producers:
        data = json.loads(FILES[f"{DOWNLOADS_DIR}/records/producers/{entry.id}.json"])["record"]
        for index, figure in enumerate(data["figures"]):
            source = figure["source"]
            assert isinstance(source, dict), f"producers/{entry.id}: figures[{index}].source is {source!r}"
            assert source["id"] == entry.record.figures[index].source
            assert source["url"].startswith("http") and source["publisher"], f"producers/{entry.id}: {source}"


def test_llms_txt_lists_views_records_and_downloads_that_exist() -> None:
    text = FILES["llms.txt"]
    assert text.startswith("# Rare Earths Reference\n\n> ")
    links = re.findall(r"\]\(([^)]+)\)", text)
    for entry in [*REAL.elements, *REAL.producers, *REAL.issues]:
        assert f"{DOWNLOADS_DIR}/records/{entry.kind}s/{entry.id}.json" in links, entry.id
    files = [link for link in links if not link.endswith("/")]
    assert [link for link in files if link not in FILES] == []
    assert "concentration/" in links and f"{DOWNLOADS_DIR}/datapackage.json" in links


def test_the_release_is_dated_today_or_earlier() -> None:
    """CITATION.cff's release is not in the future (an editor who bumps the version sets its date too)."""
    assert RELEASE is not None
    assert RELEASE.date <= dt.date.today()
    assert RELEASE.version.startswith(RELEASE.date.strftime("%Y.%m.%d"))
