"""Load every YAML file under the data directory and validate it into typed records."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from pydantic import BaseModel, ValidationError

from .errors import DataError, Problem, format_field
from .models import FOLDERS, KINDS, SLUG_PATTERN, FieldError, Record
from .yamlfile import YamlDocument, load_yaml

R_co = TypeVar("R_co", bound=Record, covariant=True)


Key = tuple[str, str]
"""A record's (kind, id); ``("*", kind)`` stands for the whole collection of a kind."""

#: The sets that record reads of records, innermost last (see :func:`recording`); empty when nothing records.
_RECORDERS: list[set[Key]] = []


class Entry(Generic[R_co]):
    """A validated record with what is needed to point back at its file.

    Reading ``record`` while :func:`recording` is on notes the entry's key: that is how an incremental render
    knows which records a page was made from (see :mod:`ree_site.incremental`).
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
        if _RECORDERS:
            _RECORDERS[-1].add((self.kind, self.id))
        return self._record

    def __repr__(self) -> str:
        return f"Entry({self.kind!r}, {self.id!r}, {os.fspath(self.path)!r})"


@contextmanager
def recording() -> Iterator[set[Key]]:
    """Collect the keys of the records read inside the block (nested blocks each get their own reads)."""
    reads: set[Key] = set()
    _RECORDERS.append(reads)
    try:
        yield reads
    finally:
        _RECORDERS.pop()


def note_reads(keys: Iterable[Key]) -> None:
    """Count ``keys`` as read by whatever is recording now (a cached result replays what making it read)."""
    if _RECORDERS:
        _RECORDERS[-1].update(keys)


def display_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` (or the working directory) when it lies beneath it."""
    base = root if root is not None else Path.cwd()
    try:
        # The folder resolved, not the file: a symbolic link is shown where it is, not where it leads.
        return (path.parent.resolve() / path.name).relative_to(base.resolve()).as_posix()
    except ValueError:
        return os.fspath(path)


#: Folders under the data directory that hold no records.
OTHER_FOLDERS = {"schema"}
#: Ids that a page path needs for itself: ``elements/index.md`` is the collection's index page.
RESERVED_IDS = frozenset({"index"})
RECORD_SUFFIXES = {".yml", ".yaml"}
#: Files that are not records and are passed over in silence.
QUIET_FILES = {".gitkeep", ".gitignore", ".DS_Store", "Thumbs.db"}
_BACKUP = re.compile(r"^#.*#$|^\.#|~$|\.(swp|swo|swx|bak|orig|rej|tmp)$", re.IGNORECASE)


def ignored(path: Path) -> str | None:
    """Why ``path`` is not a record although it sits among them (an editor's backup, a hidden file), or None."""
    name = path.name
    if _BACKUP.search(name):
        return "an editor's backup or autosave file"
    if name.startswith("."):
        return "a hidden file"
    return None


def _skipped(path: Path) -> bool:
    return path.name in QUIET_FILES or ignored(path) is not None


def valid_id(record_id: str) -> bool:
    """A record id: a lowercase slug, matched in full (``$`` alone would accept a trailing line break)."""
    return re.fullmatch(SLUG_PATTERN.strip("^$"), record_id) is not None and record_id not in RESERVED_IDS


def data_files(data_dir: Path, folder: str) -> list[Path]:
    """The record files of one kind, sorted by name (``.yml`` and ``.yaml``)."""
    directory = data_dir / folder
    if not directory.is_dir() or not _inside(directory, project_of(data_dir)):
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in RECORD_SUFFIXES and p.is_file() and not _skipped(p))


def project_of(data_dir: Path) -> Path:
    """The folder that holds the data directory: symbolic links in the data may lead anywhere inside it."""
    return data_dir.resolve().parent


def _inside(path: Path, boundary: Path) -> bool:
    return not path.is_symlink() or path.resolve().is_relative_to(boundary)


def stray_files(data_dir: Path, root: Path | None) -> list[Problem]:
    """Files and folders that look like data but would be silently skipped, and links that lead out of the
    project: each is a problem."""
    problems = []
    known = set(FOLDERS.values())
    boundary = project_of(data_dir)
    for path in sorted(data_dir.iterdir()):
        if _skipped(path):
            continue
        if path.is_symlink():
            problems.extend(_outside(path, boundary, root))
            if not _inside(path, boundary):
                continue
        if path.is_file():
            folders = ", ".join(f"{name}/" for name in sorted(known))
            problems.append(
                Problem(display_path(path, root), 1, 1, "", f"not read: a record file goes in one of {folders}")
            )
            continue
        if path.name in OTHER_FOLDERS:
            continue
        if path.name not in known:
            hint = difflib.get_close_matches(path.name, sorted(known), n=1)
            advice = f"; did you mean {hint[0]!r}?" if hint else f"; record folders are {', '.join(sorted(known))}"
            problems.append(Problem(display_path(path, root), 1, 1, "", f"unknown folder{advice}"))
            continue
        for item in sorted(path.iterdir()):
            if _skipped(item):
                continue
            if item.is_symlink():
                problems.extend(_outside(item, boundary, root))
            if item.is_dir() or item.suffix not in RECORD_SUFFIXES:
                what = "folder" if item.is_dir() else "file"
                problems.append(
                    Problem(display_path(item, root), 1, 1, "", f"not a record: a {what} here must be a .yml file")
                )
    return problems


def _outside(path: Path, boundary: Path, root: Path | None) -> list[Problem]:
    """A symbolic link in the data is followed only when it leads to a file inside the project."""
    target = path.resolve()
    if target.is_relative_to(boundary) and target.exists():
        return []
    where = "to nothing" if not target.exists() else "out of the project"
    message = f"a symbolic link {where} ({path.readlink()}); copy the file into the project instead"
    return [Problem(display_path(path, root), 1, 1, "", message)]


def ignored_files(data_dir: Path, root: Path | None = None) -> list[Problem]:
    """Notes (not problems) on the files that are passed over: editors' backups and hidden files."""
    notes = []
    folders = [data_dir, *(data_dir / f for f in FOLDERS.values())]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            reason = ignored(path) if path.name not in QUIET_FILES else None
            if reason is not None:
                notes.append(Problem(display_path(path, root), 1, 1, "", f"ignored: {reason}"))
    return notes


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
                problems.append(Problem(shown, 1, 1, "", _bad_file_name(path.name, record_id)))
                continue
            if not _inside(path, boundary):
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
                problems.extend(_translate(exc, document, KINDS[kind]))
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


def _bad_file_name(name: str, record_id: str) -> str:
    if record_id in RESERVED_IDS:
        return f"file name {name!r} is reserved: {record_id} is the name of the collection's own page"
    return f"file name {name!r} must be a lowercase slug such as 'rare-earth-2024.yml'"


def _translate(exc: ValidationError, document: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    """Turn pydantic's errors into problems at the line of the offending key, in the project's words."""
    errors = exc.errors(include_url=False)
    # A misspelt field gives two errors: the unknown name and the missing one. Only the first is news.
    suggested = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            suggestion = _suggestion(model, loc)
            if suggestion is not None:
                suggested.add((*loc[:-1], suggestion))
    problems = []
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc in suggested:
            continue
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, FieldError):
            loc = (*loc, *cause.loc)
        message = _message(error, loc, model, document)
        problems.append(document.problem(loc, format_field(loc) or "(record)", message))
    return problems


def _suggestion(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1)
    return close[0] if close else None


#: How YAML 1.1 words for true and false are meant, for the message that says what to write instead.
_YES_NO = {"yes": "true", "y": "true", "on": "true", "no": "false", "n": "false", "off": "false"}


@dataclass(frozen=True)
class _Error:
    """One pydantic error with what the messages need: the value as written in the file, and its place."""

    kind: str
    given: Any
    written: str | None
    loc: tuple[str | int, ...]
    model: type[BaseModel]
    ctx: dict[str, Any]

    @property
    def got(self) -> str:
        if self.written is not None:
            return f" (got {self.written!r})" if isinstance(self.given, str) else f" (got {self.written})"
        return f" (got {self.given!r})" if _scalar(self.given) else ""


def _message(error: Any, loc: tuple[str | int, ...], model: type[BaseModel], document: YamlDocument) -> str:
    found = _Error(error["type"], error.get("input"), document.written(loc), loc, model, error.get("ctx") or {})
    translate = _MESSAGES.get(found.kind)
    if translate is not None:
        return translate(found)
    message: str = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if found.kind == "string_pattern_mismatch" and name in _PATTERN_HINTS:
        return _PATTERN_HINTS[name] + found.got
    if found.kind not in {"value_error", "assertion_error"} and _scalar(found.given):
        return message + found.got
    return message


def _unknown_field(error: _Error) -> str:
    if error.loc[-1] == "<<":
        return "unknown field: YAML merge keys (<<) are not part of YAML 1.2; write the fields out"
    suggestion = _suggestion(error.model, error.loc)
    if suggestion is None:
        return f"unknown field; known fields: {', '.join(sorted(_fields_at(error.model, error.loc[:-1])))}"
    required = " (a required field)" if _required(error.model, (*error.loc[:-1], suggestion)) else ""
    return f"unknown field; did you mean {suggestion!r}{required}?"


def _not_text(error: _Error) -> str:
    if isinstance(error.given, bool) or error.given is None:
        shown = error.written if error.written is not None else str(error.given).lower()
        what = "empty" if error.given is None else "true or false"
        return f"must be text, not {what}: write {shown!r} in quotes if you mean the text"
    if isinstance(error.given, int | float):
        return f"must be text{error.got}: put the number in quotes if it is meant as text"
    return f"must be text{error.got}"


def _not_boolean(error: _Error) -> str:
    if isinstance(error.given, str) and error.given.lower() in _YES_NO:
        return f"must be true or false: write {_YES_NO[error.given.lower()]} for {error.given!r}"
    return f"must be true or false{error.got}"


def _not_listed(error: _Error) -> str:
    expected = str(error.ctx.get("expected", ""))
    options = [part.strip(" '") for part in re.split(r",| or ", expected) if part.strip(" '")]
    close = difflib.get_close_matches(str(error.given), options, n=1) if isinstance(error.given, str) else []
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"must be one of {', '.join(options)}{error.got}{hint}"


def _out_of_range(error: _Error) -> str:
    words = {"greater_than_equal": ("at least", "ge"), "less_than_equal": ("at most", "le")}
    words |= {"greater_than": ("more than", "gt"), "less_than": ("less than", "lt")}
    bound, key = words[error.kind]
    limit = error.ctx.get(key)
    return f"must be {bound} {limit:g}{error.got}" if isinstance(limit, int | float) else f"must be {bound} {limit}"


_MESSAGES: dict[str, Callable[[_Error], str]] = {
    "missing": lambda error: "required field is missing",
    "extra_forbidden": _unknown_field,
    "string_type": _not_text,
    "bool_type": _not_boolean,
    "bool_parsing": _not_boolean,
    **dict.fromkeys(
        ["int_type", "int_parsing", "int_from_float"],
        lambda error: f"must be a whole number written in decimal digits{error.got}",
    ),
    **dict.fromkeys(
        ["float_type", "float_parsing"], lambda error: f"must be a number written in decimal digits{error.got}"
    ),
    "literal_error": _not_listed,
    **dict.fromkeys(["greater_than_equal", "less_than_equal", "greater_than", "less_than"], _out_of_range),
    **dict.fromkeys(
        ["list_type", "tuple_type"], lambda error: f"must be a list{error.got}: write [a, b] or one '- a' per line"
    ),
    **dict.fromkeys(
        ["model_type", "model_attributes_type", "dict_type"], lambda error: f"must be a mapping of fields{error.got}"
    ),
    "too_short": lambda error: "must list at least one item",
    "string_too_short": lambda error: "must not be empty",
}


def _scalar(value: object) -> bool:
    return value is not None and not isinstance(value, dict | list)


def _required(model: type[BaseModel], loc: tuple[str | int, ...]) -> bool:
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return False
        current = _model_in(field.annotation)
    field = getattr(current, "model_fields", {}).get(loc[-1])
    return bool(field is not None and field.is_required())


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
