"""Load every YAML file under the data directory and validate it into typed records."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import DataError, Problem, format_field
from .models import FOLDERS, KINDS, SLUG_PATTERN, Record
from .yamlfile import YamlDocument, load_yaml

R_co = TypeVar("R_co", bound=Record, covariant=True)


@dataclass(frozen=True)
class Entry(Generic[R_co]):
    """A validated record with what is needed to point back at its file."""

    kind: str
    id: str
    path: Path
    document: YamlDocument
    record: R_co


def display_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` (or the working directory) when it lies beneath it."""
    base = root if root is not None else Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return os.fspath(path)


#: Folders under the data directory that hold no records.
OTHER_FOLDERS = {"schema"}


def _ignored(path: Path) -> bool:
    """Hidden files and editor backups (``.x.yml.swp``, ``x.yml~``) are not records."""
    return path.name.startswith(".") or path.name.endswith("~")


def data_files(data_dir: Path, folder: str) -> list[Path]:
    """The record files of one kind, sorted by name (``.yml`` and ``.yaml``)."""
    directory = data_dir / folder
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in {".yml", ".yaml"} and p.is_file() and not _ignored(p))


def stray_files(data_dir: Path, root: Path | None) -> list[Problem]:
    """Files and folders that look like data but would be silently skipped: each is a problem."""
    problems = []
    known = set(FOLDERS.values())
    for path in sorted(data_dir.iterdir()):
        if _ignored(path) or path.is_file() or path.name in OTHER_FOLDERS:
            continue
        if path.name not in known:
            hint = difflib.get_close_matches(path.name, sorted(known), n=1)
            advice = f"; did you mean {hint[0]!r}?" if hint else f"; record folders are {', '.join(sorted(known))}"
            problems.append(Problem(display_path(path, root), 1, 1, "", f"unknown folder{advice}"))
            continue
        for item in sorted(path.iterdir()):
            if _ignored(item):
                continue
            if item.is_dir() or item.suffix not in {".yml", ".yaml"}:
                what = "folder" if item.is_dir() else "file"
                problems.append(
                    Problem(display_path(item, root), 1, 1, "", f"not a record: a {what} here must be a .yml file")
                )
    return problems


def load_records(data_dir: Path, root: Path | None = None) -> list[Entry[Record]]:
    """Load and validate every record under ``data_dir``.

    All problems in all files are collected and raised together as one :class:`DataError`.
    """
    if not data_dir.is_dir():
        raise DataError([Problem(display_path(data_dir, root), 1, 1, "", "data directory does not exist")])
    entries: list[Entry[Record]] = []
    problems: list[Problem] = stray_files(data_dir, root)
    for kind, folder in FOLDERS.items():
        shown_folder = display_path(data_dir / folder, root)  # once per folder: resolving paths is slow
        for path in data_files(data_dir, folder):
            shown = f"{shown_folder}/{path.name}"
            record_id = path.stem
            if not re.match(SLUG_PATTERN, record_id):
                problems.append(
                    Problem(
                        shown,
                        1,
                        1,
                        "",
                        f"file name {path.name!r} must be a lowercase slug such as 'rare-earth-2024.yml'",
                    )
                )
                continue
            try:
                document = load_yaml(path, shown)
            except DataError as exc:
                problems.extend(exc.problems)
                continue
            try:
                record = KINDS[kind].model_validate(document.data)
            except ValidationError as exc:
                problems.extend(_translate(exc, document, KINDS[kind]))
                continue
            if record.id is not None and record.id != record_id:
                message = f"id {record.id!r} does not match the file name {path.name!r}; rename one of them"
                problems.append(document.problem(("id",), "id", message))
                continue
            entries.append(Entry(kind, record_id, path, document, record))
    if problems:
        raise DataError(problems)
    return entries


def _translate(exc: ValidationError, document: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    """Turn pydantic's errors into problems at the line of the offending key."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        message = _message(error, loc, model)
        problems.append(document.problem(loc, format_field(loc) or "(record)", message))
    return problems


def _message(error: Any, loc: tuple[str | int, ...], model: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; known fields: {', '.join(sorted(known))}"
        return f"unknown field{hint}"
    if kind == "string_too_short" and error.get("ctx", {}).get("min_length") == 1:
        return "must not be empty"
    message: str = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "string_pattern_mismatch" and name in _PATTERN_HINTS:
        message = _PATTERN_HINTS[name]
        if error.get("input"):
            message += f" (got {error['input']!r})"
    elif (
        kind not in {"value_error", "assertion_error"}
        and "input" in error
        and not isinstance(error["input"], dict | list)
    ):
        message += f" (got {error['input']!r})"
    return message


_SLUG_HINT = "must be a record id: a lowercase slug such as 'usgs-mcs-2025'"
_PATTERN_HINTS = {
    **dict.fromkeys(["source", "sources", "producers", "elements", "issues", "parent", "responses", "id"], _SLUG_HINT),
    "symbol": "must be a chemical symbol such as 'Nd'",
    "value": "must be written as CIAAW prints it, such as '144.242(3)' or '[6.938, 6.997]'",
    "date": "must be a date written YYYY-MM-DD, or 'YYYY-MM' or 'YYYY' in quotes",
}


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the (nested) model found at ``loc``, for spelling suggestions."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
