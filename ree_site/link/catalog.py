"""The catalog: every record by kind and id, references resolved, backlinks computed once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from ..data.loading import Entry
from ..data.models import Element, Issue, Producer, Record, Source
from ..data.parts import Figure, split_shown
from ..data.text import number
from ..data.tracking import Key, note_reads, recording
from ..data.vocabulary import FOLDERS, KIND_LABELS, SHARE_MEASURES, STAGE_LABELS
from ..errors import DataError, Problem, format_field
from . import plausibility
from .countries import country_problems, located_in
from .groups import group_problems
from .plants import capacity_problems
from .stats import rounding_slack

T = TypeVar("T")


@dataclass
class Catalog:
    """All records, linked. Build it with :meth:`Catalog.build`; it is read-only afterwards."""

    entries: dict[Key, Entry[Record]]
    #: Undirected links between elements, producers and issues (named on either side).
    related: dict[Key, set[Key]] = field(default_factory=lambda: defaultdict(set))
    #: Source id -> the records that cite it.
    cited_by: dict[str, set[Key]] = field(default_factory=lambda: defaultdict(set))
    #: Producer id -> producers whose ``parent`` it is.
    children: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: Issue id -> issues that list it among their ``responses``.
    responding_to: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: Element id -> (producer id, index) of the producer figures that name it.
    figures_about: dict[str, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    #: The name the site is published under (the release's title), which charts carry inside their drawing.
    site: str = ""

    @classmethod
    def build(cls, entries: Iterable[Entry[Record]]) -> Catalog:
        """Index ``entries``, check every reference and compute backlinks.

        Raises :class:`DataError` listing duplicate ids, dangling references, parent cycles, shares past 100 % and
        the values that cannot all be right (:mod:`ree_site.link.plausibility`).
        """
        problems: list[Problem] = []
        index: dict[Key, Entry[Record]] = {}
        for entry in entries:
            key = (entry.kind, entry.id)
            if key in index:
                first = index[key].document.path
                problems.append(
                    Problem(entry.document.path, 1, 1, "", f"duplicate {entry.kind} id {entry.id!r} (also {first})")
                )
                continue
            index[key] = entry
        catalog = cls(index)
        for key, entry in index.items():
            for loc, kind, target in entry.record.references():
                if (kind, target) == key:
                    message = f"a record cannot refer to itself ({kind} {target!r} is this record)"
                    problems.append(entry.document.problem(loc, format_field(loc), message))
                    continue
                if (kind, target) not in index:
                    problems.append(
                        entry.document.problem(loc, format_field(loc), f"unknown {kind} {target!r}{_hint(kind)}")
                    )
                    continue
                link = link_kind(loc, kind)
                if link == "cites":
                    catalog.cited_by[target].add(key)
                elif link == "parent":
                    catalog.children[target].add(entry.id)
                elif link == "responses":
                    catalog.responding_to[target].add(entry.id)
                elif link == "figures":
                    # A figure about an element (an ore grade, an import share) is not a link between records:
                    # the element's page gathers such figures itself (see Catalog.figures_about).
                    catalog.figures_about[target].append((entry.id, int(loc[1])))
                else:
                    catalog.related[key].add((kind, target))
                    catalog.related[(kind, target)].add(key)
        problems.extend(catalog._parent_cycles())
        problems.extend(catalog._share_totals())
        problems.extend(country_problems(catalog))
        problems.extend(capacity_problems(catalog))
        problems.extend(group_problems(catalog))
        problems.extend(plausibility.check(catalog))
        if problems:
            raise DataError(problems)
        return catalog

    def _parent_cycles(self) -> list[Problem]:
        problems = []
        for producer_id, entry in self._of("producer"):
            chain = [producer_id]
            current = cast("Producer", entry.record).parent
            if current == producer_id:
                continue  # a self-reference, reported as such
            while current is not None and ("producer", current) in self.entries:
                if current in chain:
                    shown = " -> ".join([*chain, current])
                    problems.append(
                        entry.document.problem(("parent",), "parent", f"parent chain forms a cycle ({shown})")
                    )
                    break
                chain.append(current)
                current = cast("Producer", self.entries[("producer", current)].record).parent
        return problems

    def _share_totals(self) -> list[Problem]:
        """Shares of one stage in one year, among producers of one kind and for one scope (an element, a group of
        elements, or rare earths as a whole), cannot add up to more than 100 %, give or take the rounding of the
        printed values (68.3 % may stand for 68.25 %: half a unit of each value's last digit).

        Each producer counts with the value it shows (alternatives and superseded editions aside); a
        "less than" value is an upper bound and is left out of the sum.
        """
        parts: dict[tuple[str, int, str, str | None, tuple[str, ...]], list[tuple[Entry[Record], int, float]]] = (
            defaultdict(list)
        )
        for _, entry in self._of("producer"):
            producer = cast("Producer", entry.record)
            if producer.aggregate is not None:
                continue
            for shown, _others in split_shown(producer.figures):
                if shown.measure in SHARE_MEASURES and shown.value is not None and shown.qualifier != "less-than":
                    index = next(i for i, figure in enumerate(producer.figures) if figure is shown)
                    scope = (shown.measure, shown.year, producer.kind, shown.element, tuple(sorted(shown.elements)))
                    parts[scope].append((entry, index, shown.value))
        problems = []
        for (measure, year, kind, _element, _elements), members in parts.items():
            total = sum(value for _, _, value in members)
            if total <= 100 + rounding_slack([value for _, _, value in members]) + 1e-9:
                continue
            members.sort(key=lambda member: member[0].document.path)
            entry, index, _ = members[-1]
            listed = ", ".join(f"{e.id} {number(v)} %" for e, _, v in members)
            stage = STAGE_LABELS[measure.removeprefix("share-")].lower()
            total = round(total, 6)  # 100.20000000000002 is printed 100.2
            message = (
                f"the {KIND_LABELS[kind].lower()} shares of world {stage} in {year} add up to {number(total)} % "
                f"({listed}); shares of one stage in one year cannot pass 100 %"
            )
            problems.append(entry.document.problem(("figures", index, "value"), f"figures[{index}].value", message))
        return problems

    def _of(self, kind: str) -> list[tuple[str, Entry[Record]]]:
        return [(key[1], entry) for key, entry in self.entries.items() if key[0] == kind]

    def get(self, kind: str, record_id: str) -> Entry[Record]:
        return self.entries[(kind, record_id)]

    @property
    def elements(self) -> list[Entry[Element]]:
        """Elements in order of atomic number."""
        return cast("list[Entry[Element]]", self._collection("element"))

    @property
    def producers(self) -> list[Entry[Producer]]:
        """Producers in order of name."""
        return cast("list[Entry[Producer]]", self._collection("producer"))

    @property
    def issues(self) -> list[Entry[Issue]]:
        """Issues in order of title."""
        return cast("list[Entry[Issue]]", self._collection("issue"))

    @property
    def sources(self) -> list[Entry[Source]]:
        """Sources in order of title."""
        return cast("list[Entry[Source]]", self._collection("source"))

    def _collection(self, kind: str) -> list[Entry[Record]]:
        """All records of ``kind``, sorted once. Whoever lists a collection depends on all of it: the read is
        recorded as ``("*", kind)``, since a cached list reads no record again."""
        note_reads([("*", kind)])
        cache: dict[str, list[Entry[Record]]] = self.__dict__.setdefault("_collections", {})
        if kind not in cache:
            with recording():  # sorting reads every record; the collection's key above stands for them
                found = [e for _, e in self._of(kind)]
                if kind == "element":
                    found.sort(key=lambda e: cast("Element", e.record).atomic_number)
                else:
                    found.sort(key=lambda e: title_of(e).casefold())
            cache[kind] = found
        return cache[kind]

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per catalog. A later call counts as reading the records the first one
        read, so that an incremental render knows who depends on a shared result (world totals, say)."""
        cache: dict[Hashable, tuple[Any, frozenset[Key]]] = self.__dict__.setdefault("_memos", {})
        if key not in cache:
            with recording() as reads:
                value = compute()
            cache[key] = (value, frozenset(reads))
        value, reads_made = cache[key]
        note_reads(reads_made)
        return cast("T", value)

    def related_of(self, entry: Entry[Record], kind: str) -> list[Entry[Record]]:
        """Records of ``kind`` linked to ``entry`` from either side, sorted by title."""
        note_reads([links_key(entry.kind, entry.id)])
        keys = [k for k in self.related.get((entry.kind, entry.id), set()) if k[0] == kind]
        return _by_title(self.entries[k] for k in keys)

    def located_in(self, entry: Entry[Record]) -> list[Entry[Record]]:
        """For a country's record, the producers located in that country, by name."""
        return located_in(self, entry)

    def children_of(self, entry: Entry[Record]) -> list[Entry[Record]]:
        note_reads([links_key(entry.kind, entry.id)])
        ids = self.children.get(entry.id, set()) if entry.kind == "producer" else set()
        return _by_title(self.entries[("producer", i)] for i in ids)

    def responses_of(self, entry: Entry[Record]) -> list[Entry[Record]]:
        """Issues named as responses to ``entry`` (an issue)."""
        record = entry.record
        ids = record.responses if isinstance(record, Issue) else []
        return _by_title(self.entries[("issue", i)] for i in ids)

    def responded_to_by(self, entry: Entry[Record]) -> list[Entry[Record]]:
        """Issues that name ``entry`` among their responses."""
        note_reads([links_key(entry.kind, entry.id)])
        ids = self.responding_to.get(entry.id, set()) if entry.kind == "issue" else set()
        return _by_title(self.entries[("issue", i)] for i in ids)

    def element_figures(self, element_id: str) -> list[tuple[Entry[Record], Figure]]:
        """The producer figures that name the element ``element_id``, with the producer each belongs to."""
        note_reads([links_key("element", element_id)])
        found = []
        for producer_id, index in dict.fromkeys(self.figures_about.get(element_id, [])):
            entry = self.entries[("producer", producer_id)]
            found.append((entry, cast("Producer", entry.record).figures[index]))
        return found

    def uncited(self) -> list[Problem]:
        """Sources that no record cites: fixable rather than broken, but the strict build and `check` refuse them."""
        return [
            Problem(source.document.path, 1, 1, "", f"source {source.id!r} is cited by no record; cite it or remove it")
            for source in self.sources
            if not self.cited_by.get(source.id)
        ]

    def citing(self, source_id: str) -> list[Entry[Record]]:
        """Records that cite the source ``source_id``."""
        note_reads([links_key("source", source_id)])
        keys = self.cited_by.get(source_id, set())
        return _by_title((self.entries[k] for k in keys), kind_first=True)


def link_kind(loc: tuple[str | int, ...], kind: str) -> str:
    """How a reference at ``loc`` to a record of ``kind`` links the two: ``cites``, ``parent``, ``responses``,
    ``figures`` (a figure about an element) or ``related``."""
    if kind == "source":
        return "cites"
    if loc == ("parent",):
        return "parent"
    if loc[0] in {"responses", "figures"}:
        return str(loc[0])
    return "related"


def links_key(kind: str, record_id: str) -> Key:
    """What a page reads when it lists the records linked to one record (its backlinks among them)."""
    return (f"links:{kind}", record_id)


def _by_title(entries: Iterable[Entry[Record]], *, kind_first: bool = False) -> list[Entry[Record]]:
    """``entries`` sorted by title (by kind first if asked); the titles read to sort them are not a dependency
    (a changed title makes an incremental render complete, see ree_site.build.incremental)."""
    with recording():
        if kind_first:
            return sorted(entries, key=lambda e: (e.kind, title_of(e).casefold()))
        return sorted(entries, key=lambda e: title_of(e).casefold())


def title_of(entry: Entry[Record]) -> str:
    """The display title of any record."""
    record = entry.record
    if isinstance(record, Element | Producer):
        return record.name
    if isinstance(record, Issue | Source):
        return record.title
    return entry.id


def _hint(kind: str) -> str:
    return f" (no file {FOLDERS[kind]}/<id>.yml in the data directory has that id)"
