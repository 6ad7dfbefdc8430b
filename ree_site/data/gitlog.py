"""The repository's history, read with ``git`` as a subprocess: the commits of the current branch (its first-parent
line, so that a merged branch counts as one change, made when it was merged) that changed some paths, each with
the files it changed against its first parent; and the contents of old files.

A copy without history must still build: no ``git``, no repository (a tarball), no commit yet, or a shallow clone.
:func:`read_log` then says why in :attr:`GitLog.unavailable`, or, for a shallow clone, marks the oldest commits it
has as boundaries: their parents are missing, so what they changed is not known, only what came after.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: Longer than any git command here should take on a large repository; a hung git is given up, not waited for.
TIMEOUT = 120
#: What a missing blob object of the object database is, as ``cat-file --batch`` says it.
_MISSING = b" missing\n"


class NoHistoryError(Exception):
    """Git cannot tell the history here; the message says why, for a reader's note."""


@dataclass(frozen=True)
class FileChange:
    """One file a commit changed: its path from the repository's top, and its blob before and after (None where
    the file did not exist)."""

    path: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Commit:
    sha: str
    #: The committer's date: when the change reached the branch.
    date: dt.datetime
    changes: tuple[FileChange, ...]
    #: At the edge of a shallow clone: its parent is not in this copy, so its changes are unknown.
    boundary: bool = False


@dataclass
class GitLog:
    """What the repository says of some paths: the commits that changed them, oldest first."""

    top: Path
    head: str
    commits: list[Commit] = field(default_factory=list)
    #: The date of the oldest commit of a shallow clone (its history stops there); None for a full history.
    shallow_since: dt.datetime | None = None


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_TERMINAL_PROMPT="0", LC_ALL="C", GIT_OPTIONAL_LOCKS="0")
    return env


def git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run ``git`` in ``cwd`` and return its output; raises :class:`NoHistoryError` with a reason."""
    command = ["git", "-c", "core.quotepath=off", "-c", "log.showSignature=false", *args]
    try:
        done = subprocess.run(  # a fixed program with arguments built here, no shell
            command, cwd=cwd, input=stdin, capture_output=True, check=False, timeout=TIMEOUT, env=_env()
        )
    except FileNotFoundError:
        raise NoHistoryError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise NoHistoryError(f"git {args[0]} took more than {TIMEOUT} s") from None
    except OSError as exc:
        raise NoHistoryError(f"git could not run: {exc.strerror}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise NoHistoryError(message[0] if message else f"git {args[0]} failed")
    return done.stdout


def head(root: Path) -> tuple[Path, str]:
    """The top folder of the repository ``root`` is in, and the commit checked out; raises
    :class:`NoHistoryError` when there is none."""
    if not root.is_dir():
        raise NoHistoryError(f"{root} is not a folder")
    try:
        out = git(root, "rev-parse", "--show-toplevel", "HEAD").decode("utf-8").split("\n")
    except NoHistoryError as exc:
        if "not a git repository" in str(exc):
            raise NoHistoryError("this copy is not a git repository") from None
        if "unknown revision" in str(exc) or "ambiguous argument 'HEAD'" in str(exc):
            raise NoHistoryError("the repository has no commit yet") from None
        raise
    return Path(out[0]), out[1]


def read_log(root: Path, paths: Sequence[str]) -> GitLog:
    """The commits of the branch checked out at ``root`` that changed ``paths`` (relative to ``root``), oldest
    first, each with the files it changed there. Raises :class:`NoHistoryError`."""
    top, sha = head(root)
    log = GitLog(top, sha)
    boundaries = _shallow_boundaries(root)
    out = git(
        root, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "--no-abbrev", "-z",
        "--format=%x01%H%x00%cI%x00%P", "HEAD", "--", *paths,
    )  # fmt: skip
    for chunk in reversed(out.split(b"\x01")[1:]):
        fields = chunk.split(b"\x00")
        commit_sha, date, parents = (f.decode("ascii").strip() for f in fields[:3])
        changes = []
        rest = [f.decode("utf-8", "replace") for f in fields[3:]]
        for meta, path in zip(rest[0::2], rest[1::2], strict=False):
            parts = meta.strip().lstrip(":").split(" ")
            if len(parts) < 5:
                continue
            old, new = (None if set(blob) == {"0"} else blob for blob in parts[2:4])
            changes.append(FileChange(path, old, new))
        boundary = commit_sha in boundaries or (not parents and bool(boundaries))
        log.commits.append(Commit(commit_sha, dt.datetime.fromisoformat(date), tuple(changes), boundary))
    if boundaries:
        oldest = git(root, "log", "--first-parent", "--format=%cI", "--reverse", "HEAD").decode("ascii").split()
        log.shallow_since = dt.datetime.fromisoformat(oldest[0]) if oldest else None
    return log


def _shallow_boundaries(root: Path) -> set[str]:
    """The commits whose parents a shallow clone left out (empty for a full clone)."""
    if git(root, "rev-parse", "--is-shallow-repository").strip() != b"true":
        return set()
    shallow = Path(git(root, "rev-parse", "--git-path", "shallow").decode("utf-8").strip())
    shallow = shallow if shallow.is_absolute() else root / shallow
    try:
        return set(shallow.read_text(encoding="ascii").split())
    except OSError:
        return set()


def read_blobs(top: Path, blobs: Iterable[str]) -> dict[str, bytes]:
    """The contents of ``blobs`` (by their ids), read by one ``git cat-file --batch``; a blob this copy lacks is
    left out."""
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}
    out = git(top, "cat-file", "--batch", stdin="".join(f"{blob}\n" for blob in wanted).encode("ascii"))
    found: dict[str, bytes] = {}
    at = 0
    for blob in wanted:
        end = out.index(b"\n", at)
        header = out[at : end + 1]
        at = end + 1
        if header.endswith(_MISSING):
            continue
        size = int(header.split(b" ")[2])
        found[blob] = out[at : at + size]
        at += size + 1
    return found


__all__ = ["Commit", "FileChange", "GitLog", "NoHistoryError", "git", "head", "read_blobs", "read_log"]
