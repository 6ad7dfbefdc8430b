"""Countries: a producer's ``country`` names a country, checked against the country records and the world's
country names (Babel's English names of territories, which Material already installs), with a "did you mean" for
a typo; and each country's page lists the producers located in it."""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import TYPE_CHECKING, cast

from babel import Locale

from ..errors import Problem

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Producer, Record
    from .catalog import Catalog

_QUALIFIED = re.compile(r"^(.*?) \((.*)\)$")


@cache
def country_names() -> frozenset[str]:
    """The English names of the world's countries and territories, with a name's short form where it has one
    ("Myanmar (Burma)" is also "Myanmar")."""
    names: set[str] = set()
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha():  # countries, not the numeric regions (World, Europe)
            names.add(name)
            qualified = _QUALIFIED.match(name)
            if qualified:
                names.add(qualified.group(1))
    return frozenset(names)


@cache
def country_codes() -> dict[str, str]:
    """The ISO 3166-1 alpha-2 code (lower case) of each English country name of :func:`country_names`."""
    codes: dict[str, str] = {}
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha():
            codes[name] = code.lower()
            qualified = _QUALIFIED.match(name)
            if qualified:
                codes.setdefault(qualified.group(1), code.lower())
    return codes


def recorded(catalog: Catalog) -> dict[str, Entry[Record]]:
    """The country records by the country they are about."""
    return {e.record.country: e for e in catalog.producers if e.record.kind == "country" and e.record.aggregate is None}


def country_problems(catalog: Catalog) -> list[Problem]:
    """A producer's country that is neither a country record's nor a known country's name, with the closest."""
    records = recorded(catalog)
    known = sorted(records.keys() | country_names())
    lowered = {name.casefold(): name for name in known}
    problems = []
    for entry in catalog.producers:
        producer = entry.record
        if producer.aggregate is not None or producer.country in records or producer.country in country_names():
            continue
        close = lowered.get(producer.country.casefold())
        if close is None:
            found = difflib.get_close_matches(producer.country, known, n=1, cutoff=0.75)
            close = found[0] if found else None
        hint = (
            f"; did you mean {close!r}?"
            if close
            else "; write the country's common English name, as the country records do (China, United States)"
        )
        message = f"unknown country {producer.country!r}{hint}"
        problems.append(entry.document.problem(("country",), "country", message))
    return problems


def located_in(catalog: Catalog, entry: Entry[Record]) -> list[Entry[Record]]:
    """For a country record, the producers located in its country (mines, plants, companies), by name."""
    record = cast("Producer", entry.record)
    if entry.kind != "producer" or record.kind != "country" or record.aggregate is not None:
        return []
    return [
        e
        for e in catalog.producers
        if e.record.kind != "country" and e.record.aggregate is None and e.record.country == record.country
    ]


__all__ = ["country_codes", "country_names", "country_problems", "located_in", "recorded"]
