"""The vocabularies of the data and their labels as shown on the pages: record kinds and their folders, producer
kinds, stages, issue categories and statuses, source kinds, measures with their units, and the 17 elements."""

from __future__ import annotations

from typing import Literal

#: The folder under the data directory that holds each kind.
FOLDERS: dict[str, str] = {"element": "elements", "producer": "producers", "issue": "issues", "source": "sources"}
KIND_OF_FOLDER: dict[str, str] = {folder: kind for kind, folder in FOLDERS.items()}

Stage = Literal["mining", "separation", "metal", "magnets"]
ProducerKind = Literal["country", "company", "mine", "refinery", "magnet-maker"]
#: The kinds of producer that are one site, and may so have a location.
SITE_KINDS = ("mine", "refinery", "magnet-maker")
Category = Literal[
    "concentration", "trade-policy", "environment", "ethics", "recycling", "substitution", "diversification"
]
Status = Literal["active", "suspended", "ended", "ongoing"]
#: Where a plant's capacity stands: producing, starting up, being built, or announced.
PlantStatus = Literal["operating", "commissioning", "construction", "planned", "shelved"]
SourceKind = Literal["government", "international", "research", "reference", "company", "civil-society", "news"]
Measure = Literal[
    "mine-production",
    "refined-production",
    "magnet-production",
    "reserves",
    "capacity",
    "share-mining",
    "share-separation",
    "share-metal",
    "share-magnets",
    "price",
    "import-reliance",
    "import-share",
    "ore-grade",
    "mining-quota",
    "separation-quota",
    "production-proxy",
    "tailings",
    "demand",
    "exports",
    "imports",
    "supply-risk",
    "economic-importance",
    "eol-rir",
    "eol-rr",
]
#: ``score``: the EU's scaled indicators of criticality, which have no unit.
Unit = Literal["t REO", "t", "t/yr", "%", "$/kg", "score"]
#: The units of the measures that MEASURE_UNITS does not list.
TONNAGE_UNITS = ("t REO", "t", "t/yr")

#: The measures that are shares of the world total of one stage.
SHARE_MEASURES = ("share-mining", "share-separation", "share-metal", "share-magnets")

#: Labels for the vocabularies, as shown on the pages.
MEASURE_LABELS: dict[str, str] = {
    "mine-production": "Mine production",
    "refined-production": "Refined or separated output",
    "magnet-production": "Magnet production",
    "reserves": "Reserves",
    "capacity": "Capacity",
    "share-mining": "Share of world mining",
    "share-separation": "Share of world separation and refining",
    "share-metal": "Share of world metal production",
    "share-magnets": "Share of world magnet production",
    "price": "Price",
    "import-reliance": "Net import reliance",
    "import-share": "Share of imports",
    "ore-grade": "Share of total rare-earth oxide in the ore",
    "mining-quota": "Mining quota",
    "separation-quota": "Smelting and separation quota",
    "production-proxy": "Production proxy (product tonnes)",
    "tailings": "Tailings held",
    "demand": "Demand",
    "exports": "Exports (product tonnes)",
    "imports": "Imports (product tonnes)",
    "supply-risk": "EU supply risk",
    "economic-importance": "EU economic importance",
    "eol-rir": "End-of-life recycling input rate",
    "eol-rr": "End-of-life recycling rate",
}
#: The unit each measure must be stated in (measures not listed take any of the tonnage units).
MEASURE_UNITS: dict[str, tuple[str, ...]] = {
    "share-mining": ("%",),
    "share-separation": ("%",),
    "share-metal": ("%",),
    "share-magnets": ("%",),
    "price": ("$/kg",),
    "import-reliance": ("%",),
    "import-share": ("%",),
    "ore-grade": ("%",),
    "mining-quota": ("t REO",),
    "separation-quota": ("t REO",),
    "production-proxy": ("t",),
    "tailings": ("t",),
    "exports": ("t",),
    "imports": ("t",),
    "supply-risk": ("score",),
    "economic-importance": ("score",),
    "eol-rir": ("%",),
    "eol-rr": ("%",),
}
#: The fields of a plant's capacity (its stage and status, from when, as of when), which no other measure takes.
CAPACITY_FIELDS = ("stage", "status", "start_year", "status_as_of")
PLANT_STATUS_LABELS: dict[str, str] = {
    "operating": "Operating",
    "commissioning": "Commissioning",
    "construction": "Under construction",
    "planned": "Planned",
    "shelved": "Shelved",
}
#: The statuses whose capacity the totals add up, in the order a plant goes through them. A shelved plan (its owner
#: has said it is unlikely to go ahead, or has stopped work on it) is listed apart and counted nowhere.
COUNTED_STATUSES = ("operating", "commissioning", "construction", "planned")
#: Measures that compare with a partner country, and those that must name the element they are about.
PARTNER_MEASURES = ("import-share", "production-proxy", "exports", "imports")
#: How a partner is named after each of those measures: "from Myanmar", "to Germany".
PARTNER_WORDS: dict[str, str] = {"import-share": "from", "production-proxy": "to", "exports": "to", "imports": "from"}
#: The trade measures: goods counted at the border, which must name their product (with its HS code where the
#: source gives one) and may be given month by month.
TRADE_MEASURES = ("exports", "imports")
#: The partner of a trade figure for the total to or from every country (as UN Comtrade names it).
WORLD_PARTNER = "World"
ELEMENT_MEASURES = ("ore-grade",)
#: How critical an element is and how much of it comes back from scrap: the EU's supply risk and economic importance
#: (scaled scores), its end-of-life recycling input rate (the share of the EU's input that is recycled from old
#: scrap) and UNEP's end-of-life recycling rate (the share of the metal in discarded products that is recycled).
CRITICALITY_MEASURES = ("supply-risk", "economic-importance", "eol-rir", "eol-rr")
#: The measures an element record may hold itself (the element is then implied).
ELEMENT_RECORD_MEASURES = ("price", *CRITICALITY_MEASURES)
KIND_LABELS: dict[str, str] = {
    "country": "Country",
    "company": "Company",
    "mine": "Mine",
    "refinery": "Refinery",
    "magnet-maker": "Magnet maker",
}
CATEGORY_LABELS: dict[str, str] = {
    "concentration": "Concentration of supply",
    "trade-policy": "Trade policy",
    "environment": "Environment",
    "ethics": "Ethics and labour",
    "recycling": "Recycling",
    "substitution": "Substitution",
    "diversification": "Diversification",
}
SOURCE_KIND_LABELS: dict[str, str] = {
    "government": "Government",
    "international": "International body",
    "research": "Research",
    "reference": "Reference work",
    "company": "Company",
    "civil-society": "Association, NGO or law firm",
    "news": "News and market analysis",
}
STAGE_LABELS: dict[str, str] = {
    "mining": "Mining",
    "separation": "Separation and refining",
    "metal": "Metal making",
    "magnets": "Magnet making",
}
GROUP_LABELS: dict[str, str] = {
    "light": "Light rare earth element",
    "heavy": "Heavy rare earth element",
    "none": "Not assigned to the light or heavy group",
}

#: The 17 rare earth elements: symbol -> atomic number.
REE_ATOMIC_NUMBERS: dict[str, int] = {
    "Sc": 21, "Y": 39, "La": 57, "Ce": 58, "Pr": 59, "Nd": 60, "Pm": 61, "Sm": 62, "Eu": 63,
    "Gd": 64, "Tb": 65, "Dy": 66, "Ho": 67, "Er": 68, "Tm": 69, "Yb": 70, "Lu": 71,
}  # fmt: skip

#: Element properties in the order of the infobox, with their labels and units.
PROPERTY_LABELS: dict[str, tuple[str, str]] = {
    "electron_configuration": ("Electron configuration", ""),
    "density": ("Density", "g/cm³"),
    "melting_point": ("Melting point", "°C"),
    "crustal_abundance": ("Abundance in the crust", "mg/kg"),
}
