"""JSON Schema of each record kind, generated from the pydantic models."""

from __future__ import annotations

import functools
import json
from typing import Any

from .models import KINDS
from .vocabulary import FOLDERS


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that a ``data/<kind>s/*.yml`` file must satisfy."""
    schema = KINDS[kind].model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.json",
        "description": f"A record in data/{FOLDERS[kind]}/: the file name (a lowercase slug) is its id.",
        **schema,
    }


def schema_files() -> dict[str, str]:
    """File name -> text of every schema, as committed under ``data/schema/``."""
    return dict(_schema_texts())


@functools.cache
def _schema_texts() -> tuple[tuple[str, str], ...]:
    """The schemas depend on the models alone: worked out once (every rebuild of a preview exports them)."""
    return tuple((f"{kind}.json", json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n") for kind in KINDS)
