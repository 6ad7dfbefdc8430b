"""The records as the repository's history had them: for each commit that changed the data, each record it changed
before and after (validated by the same models as today's files), and the releases ``CITATION.cff`` named.

An old version of a file that today's models refuse (a field since renamed, a rule since added) is passed over
with a note: the record's next version that validates is compared with its last one that did. Sources are not
read: their own fields are not dated values, and the pages name sources as they are now.

:func:`read_history` is worked out once per process for each commit checked out (``mkdocs serve`` rebuilds do not
read the history again until a commit is made), and each old file once, however often it is read.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..errors import DataError, Problem
from .discovery import valid_id
from .gitlog import GitLog, NoHistoryError, head, read_blobs, read_log
from .messages import translate
from .models import KINDS, Record
from .release import CITATION_FILE, Release, release_of
from .vocabulary import KIND_OF_FOLDER
from .yamlfile import parse_yaml


@dataclass(frozen=True)
class RecordEdit:
    """A record as one commit changed it: None before for a record it added, None after for one it removed."""

    kind: str
    id: str
    before: Record | None
    after: Record | None


@dataclass(frozen=True)
class Revision:
    """One commit that changed the data or the release."""

    sha: str
    date: dt.datetime
    edits: tuple[RecordEdit, ...] = ()
    #: The release ``CITATION.cff`` names from this commit on, when this commit made it (a new version).
    release: Release | None = None


@dataclass
class DataHistory:
    """The data's history on the branch checked out, oldest revision first."""

    head: str = ""
    revisions: list[Revision] = field(default_factory=list)
    #: Why there is no history at all ("" when there is): no git, not a repository, no commit.
    unavailable: str = ""
    #: For a shallow clone: the day its history starts (what changed before is unknown).
    since: dt.date | None = None
    #: Old files passed over, each with why.
    notes: list[Problem] = field(default_factory=list)


#: Histories worked out in this process, by (repository top, commit, data folder): one per commit checked out.
_HISTORIES: dict[tuple[str, str, str], DataHistory] = {}
#: Old record files already read, by (blob, kind): the record, or the problem that passed it over.
_RECORDS: dict[tuple[str, str], Record | Problem] = {}


def read_history(root: Path, data_dir: Path) -> DataHistory:
    """The history of ``data_dir`` and of ``root``'s ``CITATION.cff``. Never raises: without history the answer
    says why (:attr:`DataHistory.unavailable`)."""
    try:
        top, sha = head(root)
    except NoHistoryError as exc:
        return DataHistory(unavailable=str(exc))
    try:
        prefix = Path(data_dir).resolve().relative_to(top.resolve()).as_posix()
        citation = (Path(root).resolve() / CITATION_FILE).relative_to(top.resolve()).as_posix()
    except ValueError:
        return DataHistory(head=sha, unavailable="the data folder is outside the repository")
    key = (str(top), sha, prefix)
    found = _HISTORIES.get(key)
    if found is None:
        try:
            log = read_log(root, [posixpath.relpath(Path(data_dir).resolve(), Path(root).resolve()), CITATION_FILE])
            found = _revisions(log, prefix, citation)
        except NoHistoryError as exc:
            found = DataHistory(head=sha, unavailable=str(exc))
        if len(_HISTORIES) > 8:
            _HISTORIES.clear()
        _HISTORIES[key] = found
    return found


def _record_path(path: str, prefix: str) -> tuple[str, str] | None:
    """(kind, id) of a record file under the data folder, or None for any other file (and for sources)."""
    folder, _, name = path.removeprefix(prefix + "/").partition("/")
    kind = KIND_OF_FOLDER.get(folder)
    if not path.startswith(prefix + "/") or kind in (None, "source") or "/" in name or not name.endswith(".yml"):
        return None
    record_id = name.removesuffix(".yml")
    return (kind, record_id) if valid_id(record_id) else None


def _revisions(log: GitLog, prefix: str, citation: str) -> DataHistory:
    history = DataHistory(head=log.head)
    if log.shallow_since is not None:
        history.since = log.shallow_since.date()
    blobs = read_blobs(log.top, _unread(log, prefix, citation))
    current: dict[str, Record] = {}
    version = ""
    for commit in log.commits:
        edits: list[RecordEdit] = []
        release: Release | None = None
        for change in commit.changes:
            shown = f"{change.path} (commit {commit.sha[:7]})"
            if change.path == citation:
                found = _release(blobs.get(change.new or ""), shown, history.notes) if change.new else None
                if found is not None and found.version != version:
                    version = found.version
                    release = None if commit.boundary else found
                continue
            place = _record_path(change.path, prefix)
            if place is None:
                continue
            after = None if change.new is None else _record(change.new, place[0], blobs, shown, history.notes)
            if isinstance(after, Problem):
                continue  # passed over: the next version that validates is compared with the last one that did
            before = current.pop(change.path, None)
            if after is not None:
                current[change.path] = after
            if not commit.boundary and (before is not None or after is not None):
                edits.append(RecordEdit(place[0], place[1], before, after))
        if edits or release is not None:
            history.revisions.append(Revision(commit.sha, commit.date, tuple(edits), release))
    return history


def _unread(log: GitLog, prefix: str, citation: str) -> list[str]:
    """The blobs to read: every version of CITATION.cff, and of each record file, those not read before."""
    wanted = []
    for commit in log.commits:
        for change in commit.changes:
            place = _record_path(change.path, prefix)
            if change.new is None:
                continue
            if change.path == citation or (place is not None and (change.new, place[0]) not in _RECORDS):
                wanted.append(change.new)
    return wanted


def _record(blob: str, kind: str, blobs: dict[str, bytes], shown: str, notes: list[Problem]) -> Record | Problem:
    """The record an old file holds, validated as today's files are; a problem (also added to ``notes``) when
    today's models refuse it."""
    cached = _RECORDS.get((blob, kind))
    if cached is None:
        cached = _parse(blobs.get(blob), kind, shown)
        _RECORDS[(blob, kind)] = cached
    if isinstance(cached, Problem):
        notes.append(_passed_over(cached, shown))
    return cached


def _parse(raw: bytes | None, kind: str, shown: str) -> Record | Problem:
    if raw is None:
        return Problem(shown, 1, 1, "", "not in this copy of the repository")
    try:
        document = parse_yaml(raw.decode("utf-8"), shown)
    except UnicodeDecodeError:
        return Problem(shown, 1, 1, "", "not UTF-8 text")
    except DataError as exc:
        return exc.problems[0]
    try:
        return KINDS[kind].model_validate(document.data)
    except ValidationError as exc:
        problems = translate(exc, document, KINDS[kind])
        return problems[0] if problems else Problem(shown, 1, 1, "", "does not validate")


def _passed_over(problem: Problem, shown: str) -> Problem:
    message = f"left out of the history of changes (today's rules refuse it): {problem.message}"
    return Problem(shown, problem.line, problem.column, problem.field, message)


def _release(raw: bytes | None, shown: str, notes: list[Problem]) -> Release | None:
    if raw is None:
        return None
    try:
        return release_of(parse_yaml(raw.decode("utf-8", "replace"), shown))
    except DataError as exc:
        notes.append(_passed_over(exc.problems[0], shown))
        return None


__all__ = ["DataHistory", "RecordEdit", "Revision", "read_history"]
