"""Plants and their capacity: the capacity figures of the producer records with their stage and status, that
every capacity names its status, the capacity outside one country by stage and status, and the plants whose
capacity is not disclosed.

A capacity figure states a plant's total capacity for its product at its stage once its status is reached: a plant
of 5,000 t/yr operating with an expansion to 6,500 t/yr planned has two figures, 5,000 operating and 6,500 planned.
The totals therefore count, for each plant, product and stage, what each status adds to the one before it
(1,500 t/yr planned here), in the order operating, commissioning, construction, planned; where one status has
figures of several years, the latest statement counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast, get_args

from ..data.vocabulary import COUNTED_STATUSES, PLANT_STATUS_LABELS, STAGE_LABELS, PlantStatus
from ..errors import Problem
from . import stats

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Producer, Record
    from ..data.parts import Figure
    from .catalog import Catalog

#: Every status a capacity may name: those the totals count, in the order a plant goes through them, then shelved.
STATUSES: tuple[str, ...] = get_args(PlantStatus)


def capacity_problems(catalog: Catalog) -> list[Problem]:
    """A capacity figure without its plant's status, or at a stage its producer does not work in."""
    problems = []
    for entry in catalog.producers:
        producer = entry.record
        for index, figure in enumerate(producer.figures):
            if figure.measure != "capacity":
                continue
            if figure.status is None:
                message = (
                    "a capacity figure needs the plant's status in status: "
                    + ", ".join(STATUSES[:-1])
                    + f" or {STATUSES[-1]}"
                )
                problems.append(
                    entry.document.problem(("figures", index, "measure"), f"figures[{index}].measure", message)
                )
            elif figure.stage is not None and producer.stages and figure.stage not in producer.stages:
                listed = ", ".join(producer.stages)
                message = (
                    f"a capacity at the {figure.stage} stage, which is not among the producer's stages ({listed}); "
                    f"add {figure.stage} to stages or correct the stage"
                )
                problems.append(entry.document.problem(("figures", index, "stage"), f"figures[{index}].stage", message))
    return problems


@dataclass(frozen=True)
class Capacity:
    """One capacity figure of a plant, with the status date (its own, else its record's review date)."""

    entry: Entry[Record]
    figure: Figure
    as_of: dt.date

    @property
    def stage(self) -> str | None:
        return self.figure.stage

    @property
    def status(self) -> str:
        return self.figure.status or "planned"

    @property
    def name(self) -> str:
        return cast("Producer", self.entry.record).name

    @property
    def country(self) -> str:
        return cast("Producer", self.entry.record).country


def capacities(catalog: Catalog, outside: str | None = None) -> list[Capacity]:
    """Every counted capacity figure of a plant or company (not a country's own), outside the country ``outside``
    when given: by stage in the order of the chain (those at no stage last), then status, then size."""
    return _sorted(
        [c for c in _plant_capacities(catalog, outside) if c.figure.value is not None and c.status in COUNTED_STATUSES]
    )


def shelved(catalog: Catalog, outside: str | None = None) -> list[Capacity]:
    """The capacity figures of shelved plans (their owner has said they are unlikely to go ahead), outside the
    country ``outside`` when given: listed for the record, counted in no total."""
    return _sorted([c for c in _plant_capacities(catalog, outside) if c.status not in COUNTED_STATUSES])


def undisclosed(catalog: Catalog, outside: str | None = None) -> list[Capacity]:
    """The capacity figures without a value (a plant whose owner has not disclosed its capacity), outside the
    country ``outside`` when given: the plant and its status are known, though nothing of it adds to a total."""
    return _sorted(
        [c for c in _plant_capacities(catalog, outside) if c.figure.value is None and c.status in COUNTED_STATUSES]
    )


def _plant_capacities(catalog: Catalog, outside: str | None) -> list[Capacity]:
    """The capacity figures with a status of the plants and companies outside ``outside``, alternatives left out."""
    found = []
    for entry in catalog.producers:
        producer = entry.record
        if producer.kind == "country" or producer.aggregate is not None or producer.country == outside:
            continue
        for figure in stats.figures_of(entry, "capacity"):
            if figure.status is not None and not figure.alternative:
                found.append(Capacity(entry, figure, figure.status_as_of or producer.reviewed))
    return found


def _sorted(found: list[Capacity]) -> list[Capacity]:
    order = {stage: i for i, stage in enumerate(stats.STAGES)}
    return sorted(
        found,
        key=lambda c: (order.get(c.stage or "", 9), STATUSES.index(c.status), -(c.figure.value or 0), c.entry.id),
    )


def added(found: list[Capacity]) -> dict[int, float]:
    """What each capacity adds to its plant's capacity at the statuses before its own (keyed by ``id`` of the
    figure): the plant's largest capacity up to its status, less its largest capacity before it."""
    groups: dict[tuple[str, str | None, str | None], dict[str, Capacity]] = {}
    for capacity in found:
        key = (capacity.entry.id, capacity.stage, capacity.figure.product)
        latest = groups.setdefault(key, {})
        before = latest.get(capacity.status)
        if before is None or capacity.figure.year > before.figure.year:
            latest[capacity.status] = capacity
    adds: dict[int, float] = {}
    for latest in groups.values():
        reached = 0.0
        for status in COUNTED_STATUSES:
            found_at = latest.get(status)
            if found_at is not None:
                value = found_at.figure.value or 0
                adds[id(found_at.figure)] = max(0.0, value - reached)
                reached = max(reached, value)
    return adds


@dataclass(frozen=True)
class StageTotal:
    """The capacity at one stage (None: at no stage of the four) by status, and the figures it adds up."""

    stage: str | None
    by_status: dict[str, float]
    members: list[Capacity]

    @property
    def label(self) -> str:
        return STAGE_LABELS[self.stage] if self.stage else "Between stages (feed for separation)"

    @property
    def total(self) -> float:
        return sum(self.by_status.values())


def by_stage(found: list[Capacity]) -> list[StageTotal]:
    """The capacities in ``found`` summed by stage and status (see :func:`added`), stages in the chain's order."""
    adds = added(found)
    totals: dict[str | None, StageTotal] = {}
    for capacity in found:
        total = totals.setdefault(capacity.stage, StageTotal(capacity.stage, dict.fromkeys(COUNTED_STATUSES, 0.0), []))
        total.members.append(capacity)
        total.by_status[capacity.status] += adds.get(id(capacity.figure), 0.0)
    return list(totals.values())


__all__ = [
    "PLANT_STATUS_LABELS",
    "STATUSES",
    "Capacity",
    "StageTotal",
    "added",
    "by_stage",
    "capacities",
    "shelved",
    "undisclosed",
]
