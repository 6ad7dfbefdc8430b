"""What the templates draw beyond a record's own fields: charts, shares and concentration."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from markupsafe import Markup

from . import stats
from .charts import Bar, bar_chart, column_chart
from .models import STAGE_LABELS
from .pages import record_uri, relative_url
from .text import number

if TYPE_CHECKING:
    from .catalog import Catalog
    from .loading import Entry
    from .models import Event, Figure, Producer, Record


class Views:
    """Chart and figure helpers for one page (links are made relative to ``page_uri``)."""

    def __init__(self, catalog: Catalog, page_uri: str) -> None:
        self.catalog = catalog
        self.page_uri = page_uri

    def timeline(self) -> list[tuple[str, Entry[Record], Event]]:
        """Every dated event of every issue, oldest first (computed once per catalog)."""
        cache: dict[str, Any] = self.catalog.__dict__.setdefault("_views", {})
        if "timeline" not in cache:
            events = [(event.date, entry, event) for entry in self.catalog.issues for event in entry.record.events]
            cache["timeline"] = sorted(events, key=lambda item: item[0])
        return cast("list[tuple[str, Entry[Record], Event]]", cache["timeline"])

    def by_stage(self, entries: list[Entry[Record]]) -> dict[str, list[tuple[Entry[Record], Figure | None]]]:
        """``entries`` (producers) grouped by the stages they work in, each with its latest share there."""
        groups: dict[str, list[tuple[Entry[Record], Figure | None]]] = {stage: [] for stage in stats.STAGES}
        for entry in entries:
            for stage in cast("Producer", entry.record).stages:
                groups[stage].append((entry, stats.figure_for(entry, f"share-{stage}")))
        return {stage: members for stage, members in groups.items() if members}

    def href(self, entry: Entry[Record]) -> str:
        return relative_url(self.page_uri, record_uri(entry.kind, entry.id))

    def world_production_chart(self, year: int) -> Markup:
        shares = stats.country_shares(self.catalog, year)
        bars = [
            Bar(
                s.entry.record.name,  # type: ignore[attr-defined]
                s.figure.value or 0,
                f"{number(s.figure.value)} t ({s.percent:.1f} %)",
                self.href(s.entry),
            )
            for s in shares
        ]
        return bar_chart(
            bars,
            title=f"Rare-earth mine production by country, {year}",
            caption=f"Mine production by country in {year}, tonnes of rare-earth oxide equivalent, and share of "
            "the world total.",
        )

    def production_chart(self, entry: Entry[Record], measure: str = "mine-production") -> Markup:
        figures = stats.shown_figures(entry, measure)
        if not figures:
            return Markup("")
        unit = figures[0].unit
        name = cast("Producer", entry.record).name
        points = [(str(f.year) + ("*" if f.estimated else ""), f.value or 0, number(f.value)) for f in figures]
        note = " Years marked * are estimates." if any(f.estimated for f in figures) else ""
        label = "Mine production" if measure == "mine-production" else measure.replace("-", " ").capitalize()
        return column_chart(
            points,
            title=f"{label} of {name} by year ({unit})",
            caption=f"{label} of {name} by year, in {unit}.{note} Each figure's source is on the producer's page.",
        )

    def stage_chart(self, entry: Entry[Record]) -> Markup:
        shares = stats.stage_shares(entry)
        if not shares:
            return Markup("")
        name = cast("Producer", entry.record).name
        bars = [
            Bar(f"{STAGE_LABELS[stage]} ({figure.year})", figure.value or 0, f"{number(figure.value)} %")
            for stage, figure in shares.items()
        ]
        return bar_chart(
            bars,
            title=f"Share of {name} in world output at each stage",
            caption=f"Share of {name} in world output at each stage of the chain, per cent, latest year recorded.",
            max_value=100,
        )
