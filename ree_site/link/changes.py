"""The history of every value, for the site: what each commit changed in each record (:class:`Step`), grouped by
release (:class:`Period`), newest first, for the whole site and for each record.

A release is a version ``CITATION.cff`` named: the changes up to the commit that named it belong to it, those after
the last release's commit are not released yet. Changes made before the first release are grouped by day. A record
added is one step ("first recorded, with 34 values"), not a list of all its values; so is a record removed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..data.history import DataHistory, Revision
from ..data.models import Record
from ..data.release import Release
from ..data.text import long_date
from .values import ValueChange, compare, record_values


@dataclass(frozen=True)
class Step:
    """What one commit changed in one record."""

    sha: str
    date: dt.datetime
    kind: str
    id: str
    #: The record's title in that version (the page links today's record, when there is one).
    title: str
    #: "added" for a record first recorded then, "removed" for one removed, "" for an edited one.
    record: Literal["added", "removed", ""]
    changes: tuple[ValueChange, ...] = ()
    #: For a record added or removed: how many values it held.
    count: int = 0

    @property
    def day(self) -> str:
        return long_date(self.date.date())

    @property
    def values(self) -> int:
        """How many values it changed (a record added or removed: how many it held)."""
        return len(self.changes) or self.count


@dataclass(frozen=True)
class Period:
    """The changes of one release, of the changes not released yet, or (before the first release) of one day."""

    title: str
    steps: tuple[Step, ...]
    release: Release | None = None
    unreleased: bool = False

    @property
    def values(self) -> int:
        """How many value changes the period holds (a record added or removed counts its values)."""
        return sum(step.values for step in self.steps)


@dataclass
class History:
    """Every period, newest first, and each record's own steps."""

    periods: list[Period] = field(default_factory=list)
    #: For readers: why the history is missing or where it starts ("" when it is complete).
    note: str = ""
    #: The commit it was read at ("" without history): a new commit is a new history.
    head: str = ""
    #: Old files the history passed over, as notes for editors.
    passed_over: list[str] = field(default_factory=list)
    _by_record: dict[tuple[str, str], list[Step]] = field(default_factory=dict)

    def of(self, kind: str, record_id: str) -> list[Step]:
        """The record's steps, newest first."""
        return self._by_record.get((kind, record_id), [])

    @property
    def steps(self) -> list[Step]:
        return [step for period in self.periods for step in period.steps]

    @property
    def value_changes(self) -> int:
        return sum(period.values for period in self.periods)

    @classmethod
    def build(cls, data: DataHistory) -> History:
        history = cls(note=history_note(data), head=data.head, passed_over=[str(n) for n in data.notes])
        history.periods = _periods(data.revisions)
        for step in history.steps:
            history._by_record.setdefault((step.kind, step.id), []).append(step)
        return history


def history_note(data: DataHistory) -> str:
    """What a reader is told when the history is missing or starts late."""
    if data.unavailable:
        return f"History not available: this copy of the site's repository has no history ({data.unavailable})."
    if data.since is not None:
        return (
            f"History not available before {long_date(data.since)}: this copy of the site's repository has no "
            "history before that day, so earlier changes are not listed."
        )
    return ""


def title_in(kind: str, record_id: str, record: Record | None) -> str:
    """A record's title as one version had it."""
    return str(getattr(record, "name", None) or getattr(record, "title", None) or record_id)


def steps_of(revision: Revision) -> list[Step]:
    """What ``revision`` changed, a step per record with a value added, changed or removed."""
    steps = []
    for edit in revision.edits:
        title = title_in(edit.kind, edit.id, edit.after or edit.before)
        base = (revision.sha, revision.date, edit.kind, edit.id, title)
        if edit.before is None or edit.after is None:
            status: Literal["added", "removed"] = "added" if edit.before is None else "removed"
            steps.append(Step(*base, status, count=len(record_values(edit.after or edit.before))))
            continue
        changes = compare(edit.before, edit.after)
        if changes:
            steps.append(Step(*base, "", tuple(changes)))
    return steps


def _periods(revisions: list[Revision]) -> list[Period]:
    """The revisions' steps grouped by release (by day before the first), newest first."""
    releases = [(index, r.release) for index, r in enumerate(revisions) if r.release is not None]
    periods: list[Period] = []
    start = 0
    for at, release in releases:
        assert release is not None
        steps = [s for r in revisions[start : at + 1] for s in steps_of(r)]
        if start == 0:
            periods += _by_day(steps)
        else:
            periods.append(Period(f"Release {release.version}, {long_date(release.date)}", _newest(steps), release))
        start = at + 1
    steps = [s for r in revisions[start:] for s in steps_of(r)]
    if releases and steps:
        last = releases[-1][1]
        assert last is not None
        periods.append(Period(f"Since release {last.version} (not yet released)", _newest(steps), unreleased=True))
    elif not releases:
        periods += _by_day(steps)
    periods.reverse()
    return [p for p in periods if p.steps]


def _by_day(steps: list[Step]) -> list[Period]:
    """Steps before the first release, a period a day, oldest first."""
    days: dict[dt.date, list[Step]] = {}
    for step in steps:
        days.setdefault(step.date.date(), []).append(step)
    return [Period(long_date(day), _newest(found)) for day, found in sorted(days.items())]


def _newest(steps: list[Step]) -> tuple[Step, ...]:
    """Newest commit first; within a commit, the records in the order the commit listed them."""
    order = {step.sha: index for index, step in enumerate(steps)}
    return tuple(sorted(steps, key=lambda step: -order[step.sha]))


__all__ = ["History", "Period", "Step", "history_note", "steps_of", "title_in"]
