"""What the supply-chain page draws and tabulates: the flow from mine to magnet by country, the concentration at
each stage if one country's supply stopped, and the capacity of the plants outside the largest producer by stage
and status, beside the demand the data records."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from markupsafe import Markup

from ..data.text import number, percent
from ..data.vocabulary import COUNTED_STATUSES, PLANT_STATUS_LABELS, STAGE_LABELS
from ..link import plants, stats, supply
from .chart_views import ChartViews
from .flow_chart import Part, Row, flow_chart, stacked_chart

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Producer, Record
    from ..data.parts import Figure


class SupplyViews(ChartViews):
    """The supply-chain page's charts and tables (links relative to ``page_uri``)."""

    def supply_scopes(self) -> list[tuple[supply.Scope, str]]:
        """What the flow diagrams cover, each with its name: rare earths as a whole, then each element (or group of
        elements, such as the magnet rare earths) that some country has shares for."""
        names = {e.id: e.record.name for e in self.catalog.elements}
        found = []
        for scope in supply.scopes(self.catalog):
            if not scope:
                found.append((scope, "Rare earths as a whole"))
            else:
                listed = [names.get(e, e) for e in scope]
                name = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
                found.append((scope, name))
        return found or [((), "Rare earths as a whole")]

    def chain(self, scope: supply.Scope = ()) -> list[supply.StageShares]:
        return supply.chain(self.catalog, scope)

    def chain_chart(self, scope: supply.Scope, name: str) -> Markup:
        """The flow from mine to magnet by country for ``scope``; nothing where no stage has a share."""
        stages = self.chain(scope)
        if not any(s.bands for s in stages):
            return Markup("")
        rows = [
            Row(
                f"{STAGE_LABELS[s.stage]}, {s.year}" if s.year else STAGE_LABELS[s.stage],
                [Part(b.name, b.share, self.share_text(b)) for b in s.bands if b.share > 0],
                "No shares recorded",
            )
            for s in stages
        ]
        figures = [b.figure for s in stages for b in s.bands if b.figure is not None]
        subject = name.lower() if not scope else name
        return flow_chart(
            rows,
            title=f"Share of world output at each stage, mine to magnet, by country: {subject}",
            caption=f"Each row is a stage of the chain for {subject}, split into the countries' shares of world "
            "output in the year named, and the rest of the world (100 % less the named countries). A band joins a "
            "country's share at one stage to its share at the next: it shows how the share changes, not the "
            "material shipped between countries. A stage without recorded shares is an empty row.",
            **self.credit(figures),
        )

    @staticmethod
    def share_text(band: supply.Band) -> str:
        """A share as printed: as its source gives it ("62 %"), or computed, to one decimal ("38.0 %")."""
        return (
            f"{number(band.figure.value)} %" if band.figure is not None and not band.computed else percent(band.share)
        )

    @staticmethod
    def computed_stages(stages: list[supply.StageShares]) -> list[str]:
        """The stages whose shares the site computed from tonnages, as no source gives them."""
        return [s.stage for s in stages if any(b.computed for b in s.bands)]

    def what_ifs(self, scope: supply.Scope = ()) -> list[supply.WhatIf]:
        """Every stage's concentration without each of its named countries, in the order of the chain."""
        return [w for s in self.chain(scope) for w in supply.what_if(s)]

    def leader(self) -> Entry[Record] | None:
        """The country that mined the most in the latest year with figures by country (the latest year of the
        shares, or without world totals the latest year any country has a figure): the country whose shares the
        elements index compares."""

        def largest() -> Entry[Record] | None:
            countries = stats.countries(self.catalog)
            years = stats.country_years(self.catalog) or sorted(
                {f.year for c in countries for f in stats.shown_figures(c, "mine-production")}
            )
            if not years:
                return None
            mined = [(f.value or 0, c) for c in countries if (f := stats.figure_for(c, "mine-production", years[-1]))]
            return max(mined, key=lambda pair: pair[0])[1] if mined else None

        return self.catalog.memo("leader", largest)

    def leader_country(self) -> str | None:
        """The country of the largest miner: the capacity "outside" it is the capacity the page adds up."""
        leader = self.leader()
        return cast("Producer", leader.record).country if leader is not None else None

    def capacities(self) -> list[plants.Capacity]:
        return self.catalog.memo(
            ("capacities-outside", self.leader_country()),
            lambda: plants.capacities(self.catalog, outside=self.leader_country()),
        )

    def undisclosed(self) -> list[plants.Capacity]:
        """The plants outside the largest producer whose capacity is not disclosed, with their status."""
        return plants.undisclosed(self.catalog, outside=self.leader_country())

    def shelved(self) -> list[plants.Capacity]:
        """The shelved plans outside the largest producer, with their capacity and status date."""
        return plants.shelved(self.catalog, outside=self.leader_country())

    def capacity_totals(self) -> list[plants.StageTotal]:
        return plants.by_stage(self.capacities())

    def capacity_adds(self, capacity: plants.Capacity) -> float:
        """What ``capacity`` adds to its plant's capacity at the statuses before its own (0 for an earlier
        statement of a status that a later one replaces)."""
        adds = self.catalog.memo("capacity-adds", lambda: plants.added(self.capacities()))
        return adds.get(id(capacity.figure), 0.0)

    def capacity_chart(self) -> Markup:
        """The capacity outside the largest producer by stage, each bar split by status."""
        totals = [t for t in self.capacity_totals() if t.total > 0]
        if not totals:
            return Markup("")
        rows = [
            Row(
                t.label,
                [Part(PLANT_STATUS_LABELS[s], v, f"{number(v)} t/yr") for s, v in t.by_status.items() if v > 0],
            )
            for t in totals
        ]
        outside = self.leader_country() or "the largest producer"
        return stacked_chart(
            rows,
            order=[PLANT_STATUS_LABELS[s] for s in COUNTED_STATUSES],
            title=f"Capacity of the plants outside {outside} by stage and status (t/yr)",
            caption=f"The capacity of the plants outside {outside} that the records give, in tonnes a year, by stage "
            "of the chain and by the plants' status. A plant's expansion counts once: each status adds what the "
            "plant's capacity grows by when it is reached. The capacities are stated on different bases (oxide, "
            "NdPr product, magnets), so a bar is an order of size, not one product's total.",
            **self.credit(c.figure for c in self.capacities()),
        )

    def demand(self) -> list[Figure]:
        """The world demand figures the data records (the latest first)."""
        world = stats.world(self.catalog)
        found = stats.shown_figures(world, "demand") if world is not None else []
        return sorted(found, key=lambda f: -f.year)


__all__ = ["SupplyViews"]
