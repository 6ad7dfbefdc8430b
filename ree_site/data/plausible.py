"""The plausible range of a figure's value, by unit and measure: a value outside it is valid but most likely a typing
mistake (a price per tonne in a field per kilogram, a digit too many), refused unless the figure's ``checked``
says why it is right. The rules between figures and records are in :mod:`ree_site.link.plausibility`."""

from __future__ import annotations

from .text import number
from .vocabulary import MEASURE_LABELS, TONNAGE_UNITS

#: Prices in $/kg: from a cent to a million dollars (the dearest product in the data, scandium, is about 5,000).
PLAUSIBLE_PRICE = (0.01, 1_000_000)
#: A year's output in tonnes: below 10 million (the world mines about 400,000 t REO a year).
PLAUSIBLE_TONNAGE = 10_000_000
#: What is held rather than made in a year (reserves, tailings): below a billion tonnes.
PLAUSIBLE_STOCK = 1_000_000_000
STOCK_MEASURES = ("reserves", "tailings")
#: The EU's supply risk and economic importance are scaled scores: the highest of any material assessed is below 10
#: (the list's thresholds are 1 for supply risk and 2.8 for economic importance).
PLAUSIBLE_SCORE = 10
#: Measures stated ahead of the year they are for (a plant's design capacity, a year's quota): their source may be
#: older than the year.
ANNOUNCED_MEASURES = ("capacity", "mining-quota", "separation-quota")


def implausible(measure: str, unit: str, value: float) -> str | None:
    """Why ``value`` is outside the plausible range of its unit and measure (None when it is inside). Shares are
    bounded at 100 % by the models themselves."""
    if unit == "$/kg":
        low, high = PLAUSIBLE_PRICE
        if value > high:
            return (
                f"a price of {number(value)} $/kg is more than any rare-earth product sells for (at most "
                f"{number(high)} $/kg): perhaps a price per tonne (1,000 times the price per kilogram)"
            )
        if value < low:
            return f"a price of {number(value)} $/kg is below {low:g} $/kg: perhaps a misplaced decimal point"
    elif unit == "score":
        if value > PLAUSIBLE_SCORE:
            return (
                f"{MEASURE_LABELS[measure].lower()} of {number(value)} is above {PLAUSIBLE_SCORE}, beyond any score "
                "of the EU's assessments: perhaps a misplaced decimal point"
            )
    elif unit in TONNAGE_UNITS:
        stock = measure in STOCK_MEASURES
        limit = PLAUSIBLE_STOCK if stock else PLAUSIBLE_TONNAGE
        if value > limit:
            world = "" if stock else " (the world mines about 400,000 t REO a year)"
            return (
                f"{number(value)} {unit} of {MEASURE_LABELS[measure].lower()} is more than {number(limit)} {unit}, "
                f"beyond any producer's{world}: perhaps a digit too many"
            )
    return None
