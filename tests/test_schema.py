"""The JSON Schemas committed under data/schema/ are the ones the models generate."""

from __future__ import annotations

import json

import pytest

from ree_site.data.schema import json_schema, schema_files
from ree_site.engines.cli import main

from .conftest import ROOT


@pytest.mark.parametrize("name", sorted(schema_files()))
def test_committed_schema_is_current(name: str) -> None:
    committed = ROOT / "data" / "schema" / name
    assert committed.is_file(), f"data/schema/{name} is missing: run `ree-site schema`"
    assert committed.read_text() == schema_files()[name], f"data/schema/{name} is stale: run `ree-site schema`"


def test_schema_forbids_unknown_fields_and_requires_review_date() -> None:
    schema = json_schema("element")
    assert schema["additionalProperties"] is False
    assert "reviewed" in schema["required"]
    assert schema["properties"]["symbol"]["pattern"] == "^[A-Z][a-z]?$"


def test_schema_command_writes_the_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert main(["schema", str(tmp_path)]) == 0
    written = json.loads((tmp_path / "producer.json").read_text())
    assert written == json_schema("producer")
