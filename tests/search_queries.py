"""What readers type into the search box, and the page that should come first for each.

Written from the tasks a reader of the site brings: a symbol or an element's name, a mine, plant or company
(often by a short name), a country, a topic, a term from the glossary (in any of its spellings), or a question
in a few words. Each expected page is a URL path, with the anchor for a glossary term.
"""

from __future__ import annotations

QUERIES: list[tuple[str, str]] = [
    # Symbols
    ("Nd", "elements/neodymium/"),
    ("Dy", "elements/dysprosium/"),
    ("Tb", "elements/terbium/"),
    ("La", "elements/lanthanum/"),
    ("Sc", "elements/scandium/"),
    ("Eu", "elements/europium/"),
    ("Pm", "elements/promethium/"),
    ("Lu", "elements/lutetium/"),
    ("Y", "elements/yttrium/"),
    # Element names
    ("neodymium", "elements/neodymium/"),
    ("dysprosium", "elements/dysprosium/"),
    ("cerium", "elements/cerium/"),
    ("yttrium", "elements/yttrium/"),
    ("praseodymium", "elements/praseodymium/"),
    ("gadolinium", "elements/gadolinium/"),
    ("samarium", "elements/samarium/"),
    # Mines, plants and companies, by full and short names
    ("Mountain Pass", "producers/mountain-pass/"),
    ("Bayan Obo", "producers/bayan-obo/"),
    ("Mount Weld", "producers/mount-weld/"),
    ("La Rochelle", "producers/solvay-la-rochelle/"),
    ("Kalgoorlie", "producers/lynas-kalgoorlie/"),
    ("Lynas", "producers/lynas/"),
    ("MP Materials", "producers/mp-materials/"),
    ("Iluka", "producers/iluka-resources/"),
    ("Neo Performance Materials", "producers/neo-performance-materials/"),
    ("China Northern Rare Earth", "producers/china-northern-rare-earth/"),
    ("Energy Fuels", "producers/energy-fuels/"),
    ("Tanbreez", "producers/tanbreez/"),
    ("Serra Verde", "producers/serra-verde/"),
    # Countries
    ("Myanmar", "producers/myanmar/"),
    ("China", "producers/china/"),
    ("United States", "producers/united-states/"),
    ("USA", "producers/united-states/"),
    ("Malaysia", "producers/malaysia/"),
    ("Greenland", "producers/greenland/"),
    # Topics and views
    ("export controls", "issues/china-export-controls/"),
    ("recycling", "issues/recycling/"),
    ("substitution", "issues/substitution/"),
    ("Critical Raw Materials Act", "issues/eu-critical-raw-materials-act/"),
    ("HHI", "concentration/"),
    ("concentration of supply in China", "issues/supply-concentration/"),
    ("prices", "prices/"),
    ("timeline", "timeline/"),
    ("downloads", "downloads/"),
    # Glossary terms, in each spelling
    ("monazite", "glossary/#monazite"),
    ("bastnäsite", "glossary/#bastnasite"),
    ("bastnaesite", "glossary/#bastnasite"),
    ("bastnasite", "glossary/#bastnasite"),
    ("xenotime", "glossary/#xenotime"),
    ("ionic clay", "glossary/#ionic-clay"),
    ("solvent extraction", "glossary/#solvent-extraction"),
    ("mischmetal", "glossary/#mischmetal"),
    ("REO", "glossary/#reo"),
    ("NdFeB", "elements/neodymium/"),
    ("NdPr", "glossary/#ndpr"),
    ("SmCo", "glossary/#smco"),
    # Questions in a few words
    ("price of dysprosium oxide", "elements/dysprosium/"),
    ("China Japan 2010 embargo", "issues/china-japan-2010/"),
    ("what are rare earths", "blog/2026/11/16/what-are-rare-earths/"),
    ("magnet recycling", "issues/recycling/"),
    ("US import reliance", "producers/united-states/"),
]
