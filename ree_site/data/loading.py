"""Load every record file under the data directory and validate it into typed records, reusing the records of
unchanged files when given a cache."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Generic, TypeVar, cast

from pydantic import ValidationError

from ..errors import DataError, Problem
from .discovery import bad_file_name, data_files, display_path, inside, project_of, stray_files, valid_id
from .messages import translate
from .models import KINDS, Record
from .tracking import RECORDERS
from .vocabulary import FOLDERS
from .yamlfile import YamlDocument, load_yaml

R_co = TypeVar("R_co", bound=Record, covariant=True)


class Entry(Generic[R_co]):
    """A validated record with what is needed to point back at its file.

    Reading ``record`` while :func:`ree_site.data.tracking.recording` is on notes the entry's key: that is how an
    incremental render knows which records a page was made from (see :mod:`ree_site.build.incremental`).
    """

    __slots__ = ("_record", "document", "id", "kind", "path")

    def __init__(self, kind: str, id: str, path: Path, document: YamlDocument, record: R_co) -> None:
        self.kind = kind
        self.id = id
        self.path = path
        self.document = document
        self._record = record

    @property
    def record(self) -> R_co:
        if RECORDERS:
            RECORDERS[-1].add((self.kind, self.id))
        return self._record

    def __repr__(self) -> str:
        return f"Entry({self.kind!r}, {self.id!r}, {os.fspath(self.path)!r})"


#: Records already loaded, by file, with the file's (modification time, size, inode) when it was read.
LoadCache = dict[Path, tuple[tuple[int, int, int], "Entry[Record]"]]


def load_records(data_dir: Path, root: Path | None = None, *, cache: LoadCache | None = None) -> list[Entry[Record]]:
    """Load and validate every record under ``data_dir``.

    All problems in all files are collected and raised together as one :class:`DataError`. With ``cache``, a
    file whose modification time, size and inode are those of its cached entry is not read again, and the cache
    is updated with what was read (a file with a problem is always read again).
    """
    if not data_dir.is_dir():
        raise DataError([Problem(display_path(data_dir, root), 1, 1, "", "data directory does not exist")])
    entries: list[Entry[Record]] = []
    problems: list[Problem] = stray_files(data_dir, root)
    boundary = project_of(data_dir)
    for kind, folder in FOLDERS.items():
        shown_folder = display_path(data_dir / folder, root)  # once per folder: resolving paths is slow
        for path in data_files(data_dir, folder):
            shown = f"{shown_folder}/{path.name}"
            record_id = path.stem
            if not valid_id(record_id):
                problems.append(Problem(shown, 1, 1, "", bad_file_name(path.name, record_id)))
                continue
            if not inside(path, boundary):
                continue  # reported by stray_files
            signature, cached = _cached(cache, path)
            if cached is not None:
                entries.append(cached)
                continue
            try:
                document = load_yaml(path, shown)
            except DataError as exc:
                problems.extend(exc.problems)
                continue
            try:
                record = KINDS[kind].model_validate(document.data)
            except ValidationError as exc:
                problems.extend(_new_record(translate(exc, document, KINDS[kind]), document, kind))
                continue
            if record.id is not None and record.id != record_id:
                message = f"id {record.id!r} does not match the file name {path.name!r}; rename one of them"
                problems.append(document.problem(("id",), "id", message))
                continue
            document.data = {}  # validated into ``record``: the raw mapping is not needed again
            entry = Entry(kind, record_id, path, document, record)
            if signature is not None:
                cast("LoadCache", cache)[path] = (signature, entry)
            entries.append(entry)
    if cache is not None:
        _prune(cache, entries)
    if problems:
        raise DataError(problems)
    return entries


#: The line ``ree-site new`` writes at the top of a new record; the editor deletes it once the record checks clean.
NEW_RECORD = "# New record from `ree-site new`: delete this line once `ree-site check` passes."


def _new_record(problems: list[Problem], document: YamlDocument, kind: str) -> list[Problem]:
    """A record fresh from ``ree-site new``: its fields still at their placeholder ("", 0) are one problem naming
    them all, at the line ``ree-site new`` wrote, rather than one problem a field; any other problem is reported
    as it is."""
    lines = document.text.split("\n")
    empty = [p for p in problems if p.field and _placeholder(_value_at(document.data, p.field))]
    if NEW_RECORD not in lines or not empty:
        return problems
    fields = ", ".join(dict.fromkeys(problem.field for problem in empty))
    message = f"a new {kind} record, not filled in yet: fill in {fields}, then delete this line"
    return [
        Problem(document.path, lines.index(NEW_RECORD) + 1, 1, "", message),
        *(p for p in problems if p not in empty),
    ]


def _placeholder(value: object) -> bool:
    return value == "" or (type(value) is int and value == 0)


def _value_at(data: object, field: str) -> object:
    """The value a problem's field (``figures[0].source``) names in the file's data, or None."""
    for part in re.findall(r"[^.\[\]]+", field):
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


def _cached(cache: LoadCache | None, path: Path) -> tuple[tuple[int, int, int] | None, Entry[Record] | None]:
    """The file's signature (when caching) and its cached entry if the file is unchanged since it was read."""
    if cache is None:
        return None, None
    stat = path.stat()
    signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    cached = cache.get(path)
    return signature, cached[1] if cached is not None and cached[0] == signature else None


def _prune(cache: LoadCache, entries: list[Entry[Record]]) -> None:
    """Forget the files that are gone, or that now have a problem."""
    for stale in cache.keys() - {entry.path for entry in entries}:
        del cache[stale]
