"""Finding the record files under the data directory: which files are records, which are passed over (backups,
hidden files), which are misplaced, and how their paths are shown in messages."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from ..errors import Problem
from .fields import SLUG_PATTERN
from .vocabulary import FOLDERS


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


def bad_file_name(name: str, record_id: str) -> str:
    """Why a file's name is not a record id (for a file whose stem fails :func:`valid_id`)."""
    if record_id in RESERVED_IDS:
        return f"file name {name!r} is reserved: {record_id} is the name of the collection's own page"
    return f"file name {name!r} must be a lowercase slug such as 'rare-earth-2024.yml'"


def data_files(data_dir: Path, folder: str) -> list[Path]:
    """The record files of one kind, sorted by name (``.yml`` and ``.yaml``)."""
    directory = data_dir / folder
    if not directory.is_dir() or not inside(directory, project_of(data_dir)):
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in RECORD_SUFFIXES and p.is_file() and not _skipped(p))


def project_of(data_dir: Path) -> Path:
    """The folder that holds the data directory: symbolic links in the data may lead anywhere inside it."""
    return data_dir.resolve().parent


def inside(path: Path, boundary: Path) -> bool:
    """Whether ``path`` may be read: it is no symbolic link, or one that leads inside ``boundary``."""
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
            if not inside(path, boundary):
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
