"""What readers type into the search box, and the page that should come first for each.

Written from the tasks a reader of the site brings: a symbol or an element's name (spelt right or not), a mine,
plant or company (often by a short name, sometimes misspelt), a country or a place, a topic, a programme, a term
from the glossary (in any of its spellings), or a question as a student would type it. Each expected page is a
URL path, with the anchor for a glossary term.

One query in five of the first 194 (``held_out=1``, chosen by a seeded draw within each group when the set was
written, before any tuning) was kept aside while the search was tuned on the others. It was measured once (82 %
first), and the search was then improved again; from that point those queries were no longer unseen, so a second
held-out set of 40 (``held_out=2``) was written first, and nothing was tuned on it. Each set is reported on its own.

The blind set (``held_out=3``, 59 queries) was written on 6 December 2026 by someone who had seen neither the
ranking code, nor the other sets, nor the pages' declared names and questions, only the built pages as a reader
sees them, and who checked each expected page against its visible text (one query that repeated the second set,
"offtake agreement", was dropped, and "glossary/" was made the entry's anchor). It was measured once, before any
change: 50 of 59 first, 55 in the first three.

The second blind set (``held_out=4``) was written the same way by another hand, 70 queries, of which 31 were dropped
as too like a query of the other sets (the same words, or half of them, for the same page; the writer had seen
the first blind set) and 39 kept. It was measured once, after the last change to the ranking: 30 first (77 %), 31
in the first three.

The third blind set (``held_out=5``) was written on 6 December 2026 the same way, by a third hand, from the visible
text of the built pages only (no search code, index, declared names or questions, nor the other sets): 60 queries,
of which the 17 that repeat a query of the other sets word for word were dropped and 43 kept. It was measured once
before the session's changes to the ranking: 30 first (70 %), 37 in the first three.

The fourth blind set (``held_out=6``) was written on 6 December 2026 the same way, by a fourth hand, from the visible
text of the built pages only (24 questions of 60, worded as readers would rather than as the pages are): the 20 that
repeat a query of the other sets word for word were dropped and 40 kept. It was measured once before the changes
that followed: 33 first (82 %), 36 in the first three.

The fifth blind set (``held_out=7``) was written on 6 December 2026 the same way, by a fifth hand, from the visible
text of the built pages only, with the other sets' queries as a list to avoid: 60 queries (24 questions, 8 terms, 8
companies, 6 places, 6 programmes, 8 misspellings), none of them repeating a query of the other sets, all kept. It
was measured once, on the build of the day's first two changes (sites' places, articles' questions) and again with
the siblings rule, before anything was changed with it in view: 47 first (78 %), 50 in the first three, both times;
every miss was a question.
"""

from __future__ import annotations

from typing import NamedTuple


class Query(NamedTuple):
    text: str
    expected: str
    group: str
    #: 0: tuned on; 1: held out, and measured once before the last round of tuning (so seen since); 2: held out,
    #: written after that measurement and before the last round, and not tuned on; 3: the blind set; 4: the second
    #: blind set; 5: the third blind set; 6: the fourth; 7: the fifth.
    held_out: int = 0


def _group(name: str, rows: list[tuple[str, str] | tuple[str, str, int]], held_out: int = 0) -> list[Query]:
    return [Query(row[0], row[1], name, int(row[2]) if len(row) > 2 else held_out) for row in rows]


H = 1  # held out (first set)

QUERIES: list[Query] = [
    *_group("symbol", [
        ("Nd", "elements/neodymium/"),
        ("Dy", "elements/dysprosium/"),
        ("Tb", "elements/terbium/"),
        ("La", "elements/lanthanum/"),
        ("Sc", "elements/scandium/"),
        ("Eu", "elements/europium/", H),
        ("Pm", "elements/promethium/"),
        ("Lu", "elements/lutetium/"),
        ("Y", "elements/yttrium/"),
        ("Ce", "elements/cerium/"),
        ("Pr", "elements/praseodymium/"),
        ("Sm", "elements/samarium/", H),
        ("Gd", "elements/gadolinium/"),
        ("Ho", "elements/holmium/", H),
        ("Er", "elements/erbium/"),
        ("Tm", "elements/thulium/"),
        ("Yb", "elements/ytterbium/"),
    ]),
    *_group("element", [
        ("neodymium", "elements/neodymium/"),
        ("dysprosium", "elements/dysprosium/"),
        ("cerium", "elements/cerium/"),
        ("yttrium", "elements/yttrium/"),
        ("praseodymium", "elements/praseodymium/", H),
        ("gadolinium", "elements/gadolinium/"),
        ("samarium", "elements/samarium/", H),
        ("terbium", "elements/terbium/"),
        ("holmium", "elements/holmium/"),
        ("lutetium", "elements/lutetium/"),
    ]),
    # Every element's name misspelt: a letter changed, missing, doubled or swapped with the next.
    *_group("misspelt element", [
        ("neodynium", "elements/neodymium/"),
        ("praseodynium", "elements/praseodymium/"),
        ("lanthanium", "elements/lanthanum/"),
        ("cerum", "elements/cerium/"),
        ("samraium", "elements/samarium/"),
        ("europeum", "elements/europium/"),
        ("gadolinum", "elements/gadolinium/", H),
        ("terbuim", "elements/terbium/"),
        ("dysprosuim", "elements/dysprosium/"),
        ("holmiun", "elements/holmium/"),
        ("erbiumm", "elements/erbium/"),
        ("thullium", "elements/thulium/"),
        ("ytterbiun", "elements/ytterbium/", H),
        ("lutetuim", "elements/lutetium/"),
        ("ytrium", "elements/yttrium/"),
        ("scandim", "elements/scandium/", H),
        ("prometheum", "elements/promethium/"),
    ]),
    *_group("company", [
        ("Lynas", "producers/lynas/"),
        ("MP Materials", "producers/mp-materials/"),
        ("Iluka", "producers/iluka-resources/"),
        ("Neo Performance Materials", "producers/neo-performance-materials/"),
        ("China Northern Rare Earth", "producers/china-northern-rare-earth/"),
        ("Energy Fuels", "producers/energy-fuels/"),
        ("Solvay", "producers/solvay/"),
        ("China Rare Earth Group", "producers/china-rare-earth-group/", H),
        ("IREL", "producers/irel/", H),
        ("Indian Rare Earths", "producers/irel/"),
        ("Northern Rare Earth", "producers/china-northern-rare-earth/"),
    ]),
    *_group("plant or mine", [
        ("Mountain Pass", "producers/mountain-pass/"),
        ("Bayan Obo", "producers/bayan-obo/"),
        ("Mount Weld", "producers/mount-weld/", H),
        ("La Rochelle", "producers/solvay-la-rochelle/"),
        ("Kalgoorlie", "producers/lynas-kalgoorlie/"),
        ("Tanbreez", "producers/tanbreez/"),
        ("Serra Verde", "producers/serra-verde/"),
        ("White Mesa Mill", "producers/white-mesa-mill/"),
        ("Eneabba", "producers/eneabba-refinery/", H),
        ("Kvanefjeld", "producers/kvanefjeld/"),
        ("Silmet", "producers/neo-silmet/"),
        ("Maoniuping", "producers/maoniuping/"),
        ("Independence facility", "producers/mp-materials-independence/", H),
        ("Neo Narva", "producers/neo-narva-magnets/"),
    ]),
    *_group("country", [
        ("Myanmar", "producers/myanmar/", H),
        ("China", "producers/china/"),
        ("United States", "producers/united-states/"),
        ("USA", "producers/united-states/", H),
        ("Malaysia", "producers/malaysia/"),
        ("Greenland", "producers/greenland/"),
        ("Australia", "producers/australia/"),
        ("Brazil", "producers/brazil/"),
        ("India", "producers/india/"),
        ("Vietnam", "producers/vietnam/"),
        ("Russia", "producers/russia/"),
        ("Madagascar", "producers/madagascar/"),
    ]),
    # Places that are not countries: the town or region of a mine or plant.
    *_group("place", [
        ("Inner Mongolia", "producers/bayan-obo/", H),
        ("Kuantan", "producers/lynas-malaysia/"),
        ("Gebeng", "producers/lynas-malaysia/"),
        ("Sillamäe", "producers/neo-silmet/"),
        ("Lovozero", "producers/revda/"),
        ("Pangwa", "producers/kachin-mining-area/", H),
        ("Kachin", "producers/kachin-mining-area/"),
        ("Kuannersuit", "producers/kvanefjeld/"),
        ("Utah", "producers/white-mesa-mill/"),
    ]),
    # Company and place names misspelt.
    *_group("misspelt name", [
        ("Mountian Pass", "producers/mountain-pass/"),
        ("Bayan Obbo", "producers/bayan-obo/"),
        ("Mount Wled", "producers/mount-weld/"),
        ("Lynaas", "producers/lynas/"),
        ("Myanamr", "producers/myanmar/"),
        ("Malasia", "producers/malaysia/"),
        ("Greenlnd", "producers/greenland/", H),
        ("Tanbreze", "producers/tanbreez/"),
        ("Kvanefjel", "producers/kvanefjeld/"),
        ("Iluca Resources", "producers/iluka-resources/", H),
        ("Energy Fules", "producers/energy-fuels/"),
        ("Solvey", "producers/solvay/"),
        ("Madagasgar", "producers/madagascar/"),
        ("Austrlia", "producers/australia/"),
        ("Vietnma", "producers/vietnam/", H),
    ]),
    *_group("topic", [
        ("export controls", "issues/china-export-controls/"),
        ("recycling", "issues/recycling/", H),
        ("substitution", "issues/substitution/", H),
        ("concentration of supply in China", "issues/supply-concentration/"),
        ("environmental impacts of mining", "issues/environmental-impacts/"),
        ("labour conditions in Myanmar's mines", "issues/artisanal-mining-and-labour/"),
        ("heavy rare earth separation", "issues/heavy-ree-separation-outside-china/"),
        ("China Japan 2010 embargo", "issues/china-japan-2010/"),
        ("magnet recycling", "issues/recycling/"),
        ("diversification Canada", "issues/diversification-canada/"),
    ]),
    *_group("programme", [
        ("Critical Raw Materials Act", "issues/eu-critical-raw-materials-act/"),
        ("CRMA", "issues/eu-critical-raw-materials-act/"),
        ("European Raw Materials Alliance", "issues/european-raw-materials-alliance/"),
        ("Defense Production Act", "issues/diversification-united-states/", H),
        ("Pentagon price floor", "issues/diversification-united-states/"),
        ("DFARS", "issues/us-defense-magnet-sourcing/"),
        ("Critical Minerals Facility", "issues/diversification-australia/"),
        ("RESourceEU", "issues/diversification-european-union/"),
        ("Project Vault", "issues/diversification-united-states/"),
        # Written for the 2010 episode, where JOGMEC's response was the site's only account of it; the stockpiles
        # page (6 December 2026) is about JOGMEC's stockpiling and its finance of Lynas.
        ("JOGMEC", "issues/strategic-stockpiles/", H),
    ]),
    *_group("view", [
        ("HHI", "concentration/", H),
        ("prices", "prices/"),
        ("timeline", "timeline/"),
        ("downloads", "downloads/"),
        ("price history", "prices/"),
        ("world production by country", "concentration/"),
        ("CSV data", "downloads/", H),
        ("glossary", "glossary/"),
        ("methodology", "methodology/"),
        ("sources", "sources/"),
    ]),
    # Terms of the trade, in each spelling; most are glossary entries.
    *_group("term", [
        ("monazite", "glossary/#monazite"),
        ("bastnäsite", "glossary/#bastnasite", H),
        ("bastnaesite", "glossary/#bastnasite"),
        ("bastnasite", "glossary/#bastnasite"),
        ("xenotime", "glossary/#xenotime"),
        ("ionic clay", "glossary/#ionic-clay"),
        ("solvent extraction", "glossary/#solvent-extraction"),
        ("mischmetal", "glossary/#mischmetal"),
        ("REO", "glossary/#reo"),
        ("TREO", "glossary/#reo"),
        ("NdFeB", "elements/neodymium/"),
        ("NdPr", "glossary/#ndpr"),
        ("SmCo", "glossary/#smco"),
        ("didymium", "glossary/#ndpr", H),
        ("net import reliance", "glossary/#net-import-reliance", H),
        ("mixed rare earth carbonate", "glossary/#mixed-carbonate"),
        ("MREC", "glossary/#mixed-carbonate"),
        ("grain boundary diffusion", "glossary/#grain-boundary-diffusion"),
        ("coercivity", "glossary/#coercivity"),
        ("sintered magnet", "glossary/#sintered-magnet", H),
        ("dual-use", "glossary/#dual-use"),
        ("export license", "glossary/#export-licence"),
        ("in-situ leaching", "glossary/#in-situ-leaching"),
        ("lanthanides", "glossary/#lanthanides", H),
        ("HREE", "glossary/#hree", H),
        ("LREE", "glossary/#lree"),
        ("Herfindahl-Hirschman index", "glossary/#hhi"),
        ("reserves and resources", "glossary/#reserves"),
        ("tailings", "glossary/#tailings"),
    ]),
    # Questions, as a student would type them, and short questions in a few words.
    *_group("question", [
        ("what are rare earths", "blog/2026/11/16/what-are-rare-earths/"),
        ("which country produces the most rare earths", "concentration/"),
        ("how are rare earth magnets made", "blog/2026/11/20/from-mine-to-magnet/"),
        ("why are rare earths a national security issue",
         "blog/2026/11/18/why-rare-earth-supply-is-a-security-question/", H),
        ("where do rare earths come from", "blog/2026/11/16/what-are-rare-earths/"),
        ("can rare earths be recycled", "issues/recycling/"),
        ("what can replace rare earths in magnets", "issues/substitution/"),
        ("why did China stop rare earth exports to Japan", "issues/china-japan-2010/"),
        ("what did China restrict in April 2025", "issues/china-export-controls/"),
        ("who discovered yttrium", "elements/yttrium/"),
        ("what is dysprosium used for", "elements/dysprosium/", H),
        ("how much does neodymium cost", "elements/neodymium/"),
        ("price of dysprosium oxide", "elements/dysprosium/"),
        ("terbium price", "elements/terbium/"),
        ("does the US produce rare earths", "producers/united-states/"),
        ("largest rare earth mine", "producers/bayan-obo/", H),
        ("what is the EU doing about rare earths", "issues/diversification-european-union/"),
        ("is rare earth mining bad for the environment", "issues/environmental-impacts/", H),
        ("what is a heavy rare earth", "glossary/#hree"),
        ("US import reliance", "producers/united-states/"),
        ("how much of the world's rare earths does China mine", "producers/china/", H),
        ("what is the difference between light and heavy rare earths", "blog/2026/11/16/what-are-rare-earths/"),
        ("how do export controls work", "blog/2026/11/26/chinas-export-controls-on-rare-earths-explained/", H),
        ("how is rare earth supply being built outside China",
         "blog/2026/11/27/building-rare-earth-supply-outside-china/"),
        ("what are the environmental and ethical costs",
         "blog/2026/11/22/the-environmental-and-ethical-costs-of-rare-earths/"),
        ("who refines rare earths in Malaysia", "producers/lynas-malaysia/"),
        ("what is the Herfindahl index of rare earth mining", "concentration/"),
        ("which elements are in magnets", "blog/2026/11/20/from-mine-to-magnet/"),
        ("what does REO mean", "glossary/#reo"),
        ("why is Myanmar important for heavy rare earths", "producers/myanmar/"),
    ]),
    # The second held-out set, written after the first was measured (82 % first; see BENCHMARKS.md) and before the
    # search was changed again.
    *_group("misspelt element", [
        ("disprosium", "elements/dysprosium/"),
        ("neodimium", "elements/neodymium/"),
        ("lantanum", "elements/lanthanum/"),
        ("yterbium", "elements/ytterbium/"),
        ("europim", "elements/europium/"),
        ("praseodimium", "elements/praseodymium/"),
        ("gadolineum", "elements/gadolinium/"),
        ("holium", "elements/holmium/"),
    ], 2),
    *_group("misspelt name", [
        ("Bayon Obo", "producers/bayan-obo/"),
        ("Iluka Resorces", "producers/iluka-resources/"),
        ("Neo Preformance Materials", "producers/neo-performance-materials/"),
        ("Serra Verdee", "producers/serra-verde/"),
        ("Lynas Malaysa", "producers/lynas-malaysia/"),
    ], 2),
    *_group("company", [
        ("Neo Performance", "producers/neo-performance-materials/"),
        ("China Northern", "producers/china-northern-rare-earth/"),
        ("Solvay La Rochelle", "producers/solvay-la-rochelle/"),
    ], 2),
    *_group("place", [
        ("Murmansk", "producers/revda/"),
        ("Chipwi", "producers/kachin-mining-area/"),
        ("Guangdong", "producers/southeast-guangdong/"),
        ("Sichuan", "producers/maoniuping/"),
    ], 2),
    *_group("programme", [
        ("Critical Minerals Strategy", "issues/diversification-australia/"),
        ("National Reconstruction Fund", "issues/diversification-australia/"),
        ("NDAA", "issues/us-defense-magnet-sourcing/"),
    ], 2),
    *_group("term", [
        ("ion adsorption clay", "glossary/#ionic-clay"),
        ("light rare earths", "glossary/#lree"),
        ("rare earth oxide", "glossary/#reo"),
        ("concentrate", "glossary/#concentrate"),
        ("offtake agreement", "glossary/#offtake"),
    ], 2),
    *_group("question", [
        ("who owns Mountain Pass", "producers/mountain-pass/"),
        ("where is Lynas based", "producers/lynas/"),
        ("what is monazite", "glossary/#monazite"),
        ("when did China restrict rare earth exports", "issues/china-export-controls/"),
        ("what is the price of neodymium oxide", "elements/neodymium/"),
        ("who discovered gadolinium", "elements/gadolinium/"),
        ("what is yttrium used for", "elements/yttrium/"),
        ("how concentrated is rare earth mining", "concentration/"),
        ("what happened in 2010 between China and Japan", "issues/china-japan-2010/"),
        ("is Greenland a rare earth producer", "producers/greenland/"),
        ("where can I download the data", "downloads/"),
        ("what is in situ leaching", "glossary/#in-situ-leaching"),
    ], 2),
    *_group("misspelt element", [
        ("dysprosim", "elements/dysprosium/"),
        ("gadolinum", "elements/gadolinium/"),
        ("holmuim", "elements/holmium/"),
        ("cerrium", "elements/cerium/"),
        ("lutetuim", "elements/lutetium/"),
    ], 3),
    *_group("misspelt name", [
        ("lynnas", "producers/lynas/"),
        ("mountian pass mine", "producers/mountain-pass/"),
        ("iluka resouces", "producers/iluka-resources/"),
        ("eneaba refinery", "producers/eneabba-refinery/"),
        ("kazakstan rare earths", "producers/kazakhstan/"),
        ("madagaskar", "producers/madagascar/"),
        ("coercivty", "glossary/#coercivity"),
    ], 3),
    *_group("question", [
        ("which rare earth is used in MRI contrast agents", "elements/gadolinium/"),
        ("why are they called rare earths if they are not actually rare", "blog/2026/11/16/what-are-rare-earths/"),
        ("did china stop rare earth shipments to japan in 2010", "issues/china-japan-2010/"),
        ("where is the biggest rare earth mine in the world", "producers/bayan-obo/"),
        ("how is promethium made if nobody mines it", "elements/promethium/"),
        ("which element is used in optical atomic clocks", "elements/ytterbium/"),
        ("what price floor did the pentagon guarantee mp materials", "issues/diversification-united-states/"),
        ("how much neodymium goes into a wind turbine", "elements/neodymium/"),
        ("which country has the second largest rare earth reserves", "producers/brazil/"),
        ("what does cracking a concentrate mean", "blog/2026/11/20/from-mine-to-magnet/"),
        ("what does adding scandium do to aluminium", "elements/scandium/"),
        ("which chinese company holds the quota for ion adsorption clay mining", "producers/china-rare-earth-group/"),
        ("why did neo sell its separation plants in china", "producers/neo-performance-materials/"),
        ("how much are rare earth mine workers in myanmar paid", "issues/artisanal-mining-and-labour/"),
        ("which element makes the red colour in tv screens", "elements/europium/"),
    ], 3),
    *_group("term", [
        ("DFARS 252.225-7052", "issues/us-defense-magnet-sourcing/"),
        ("WLP residue", "issues/environmental-impacts/"),
        ("loparite", "producers/revda/"),
        ("erbium doped fiber amplifier", "elements/erbium/"),
        ("YAG laser crystal", "elements/yttrium/"),
        ("Quadramet", "elements/samarium/"),
        ("short loop magnet recycling", "blog/2026/11/24/recycling-and-substitution/"),
        ("JORC compliant reserves", "producers/australia/"),
        ("fluid catalytic cracking rare earth", "elements/lanthanum/"),
    ], 3),
    *_group("company", [
        ("hitachi metals magnets", "producers/proterial/"),
        ("syensqo", "producers/solvay/"),
        ("critical metals corp greenland", "producers/tanbreez/"),
        ("energy transition minerals", "producers/kvanefjeld/"),
        ("indian rare earths ltd", "producers/irel/"),
        ("JL Mag general licence", "issues/china-export-controls/"),
        ("mp magnet factory fort worth texas", "producers/mp-materials-independence/"),
        ("sillamae separation plant", "producers/neo-silmet/"),
    ], 3),
    *_group("place", [
        ("senkaku islands rare earths", "issues/china-japan-2010/"),
        ("goias ionic clay mine", "producers/serra-verde/"),
        ("murmansk rare earth deposit", "producers/revda/"),
        ("shandong rare earth deposit", "producers/weishan/"),
        ("laverton western australia mine", "producers/mount-weld/"),
        ("mong bawk shan state", "issues/artisanal-mining-and-labour/"),
        ("laos rare earths", "producers/laos/"),
        ("tanzania rare earth reserves", "producers/tanzania/"),
    ], 3),
    *_group("programme", [
        ("CRMA", "issues/eu-critical-raw-materials-act/"),
        # Written before the stockpiles page existed; it describes Project Vault among the stockpiles.
        ("project vault stockpile", "issues/strategic-stockpiles/"),
        ("resourceeu plan", "issues/diversification-european-union/"),
        ("g7 critical minerals alliance", "issues/diversification-canada/"),
        ("australia critical minerals strategic reserve", "issues/diversification-australia/"),
        ("eu action plan on critical raw materials 2020", "issues/european-raw-materials-alliance/"),
        ("Tm element", "elements/thulium/"),
    ], 3),
    *_group("question", [
        ("what is gadolinium used for in medical scans", "elements/gadolinium/"),
        ("which rare earth is used in optical fibre amplifiers", "elements/erbium/"),
        ("what is promethium used for if it isn't mined", 'elements/promethium/'),
        ("how much do rare earth oxides cost per kilo compared with each other", "prices/"),
        ("how many tonnes of magnets a year will Neo's Narva factory produce", 'producers/neo-narva-magnets/'),
        ("how much rare earth did Thailand mine in 2025", "producers/thailand/"),
        ("how dependent is the United States on imported rare earths", "producers/united-states/"),
        ("how many tonnes of oxides per year is the Eneabba refinery designed for", "producers/eneabba-refinery/"),
        ("what triggered the 2010 rare earth standoff between China and Japan", "issues/china-japan-2010/"),
        ("how many strategic raw materials does the EU critical raw materials law list", "issues/eu-critical-raw-materials-act/"),
        ("is anyone outside China able to separate dysprosium and terbium", "issues/heavy-ree-separation-outside-china/"),
        ("why do governments see rare earth supply as a national security risk", "blog/2026/11/18/why-rare-earth-supply-is-a-security-question/"),
        ("what are the stages between digging up ore and making a rare earth magnet", "blog/2026/11/20/from-mine-to-magnet/"),
        ("how did China's rare earth magnet exports change month by month in 2025", 'trade/'),
        ("how did the United States lose its lead in rare earth mining to China over the decades", "concentration/"),
        ("world map of where rare earth reserves are", "map/"),
        ("what rare earth events happened each year since 2010", "timeline/"),
    ], 4),
    *_group("misspelt element", [
        ("ytterbuim", "elements/ytterbium/"),
    ], 4),
    *_group("misspelt name", [
        ("Lynas Kalgorlie", "producers/lynas-kalgoorlie/"),
        ("Kvanfjeld uranium", "producers/kvanefjeld/"),
        ("Manavalakuruchi", "producers/manavalakurichi/"),
        ("monazzite", "glossary/#monazite"),
        ("Kazakstan", "producers/kazakhstan/"),
    ], 4),
    *_group("term", [
        ("mixed carbonate intermediate product", "glossary/#mixed-carbonate"),
        ("magnet coercivity at high temperature", "glossary/#coercivity"),
        ("xenotime phosphate mineral", "glossary/#xenotime"),
        ("ionic clays", "glossary/#ionic-clay"),
    ], 4),
    *_group("company", [
        ("China Southern Rare Earth merger", "producers/china-rare-earth-group/"),
        ("Urban Mining Co magnet recycling Texas", "issues/recycling/"),
        # The page on Australia's diversification until the Nolans project had a record of its own.
        ("Arafura Nolans", "producers/arafura-nolans/"),
        ("Niron Magnetics", "issues/substitution/"),
    ], 4),
    *_group("place", [
        ("Minacu Goias", "producers/serra-verde/"),
        ("Hai Phong magnet plant", "producers/shin-etsu-magnetic-materials-vietnam/"),
        ("Nechalacho", "issues/diversification-canada/"),
        ("Round Top Texas", "issues/diversification-united-states/"),
        ("Per Geijer deposit Sweden", "issues/diversification-european-union/"),
    ], 4),
    *_group("programme", [
        ("Defense Production Act Title III rare earths", "issues/diversification-united-states/"),
        ("EIT RawMaterials alliance", "issues/european-raw-materials-alliance/"),
        ("Senkaku trawler captain arrest rare earths", "issues/china-japan-2010/"),
    ], 4),
]  # fmt: skip

#: The third blind set (``held_out=5``): see the module's docstring.
QUERIES += [
    *_group("question", [
        ('why did China stop sending rare earths to Japan in 2010', 'issues/china-japan-2010/'),
        ('are rare earth metals actually rare', 'blog/2026/11/16/what-are-rare-earths/'),
        ('steps to turn rare earth ore into a finished magnet', 'blog/2026/11/20/from-mine-to-magnet/'),
        ('why do governments see rare earths as a strategic risk', 'blog/2026/11/18/why-rare-earth-supply-is-a-security-question/'),
        ("how long would South Korea's rare metal stockpile last", 'issues/strategic-stockpiles/'),
        ('electric car motors that work without rare earth magnets', 'issues/substitution/'),
        ('how much does America depend on imported rare earths', 'producers/united-states/'),
        ('which is the biggest rare earth mine in the world', 'producers/bayan-obo/'),
        ('how much did the Pentagon invest in MP Materials', 'issues/diversification-united-states/'),
        ('how much are rare earth miners in Myanmar paid', 'issues/artisanal-mining-and-labour/'),
        ('how have rare earth oxide costs changed since 2020', 'prices/'),
        ('map of rare earth reserves by country', 'map/'),
        ('has rare earth mining become more or less concentrated over the decades', 'concentration/'),
        ('download the rare earth data as a CSV spreadsheet', 'downloads/'),
        ('what does the site do when two sources give different numbers', 'methodology/'),
        ("is Greenland's uranium ban blocking a rare earth mine", 'producers/kvanefjeld/'),
        ('chronology of rare earth policy events year by year', 'timeline/'),
        ("how big are Brazil's rare earth reserves", 'producers/brazil/'),
        ("which countries buy China's rare earth magnets", 'trade/'),
        ('what would happen if one country cut off rare earth supply', 'supply-chain/'),
    ], 5),
    *_group("term", [
        ('water leach purification residue', 'issues/environmental-impacts/'),
        ('wound rotor motor', 'issues/substitution/'),
        ('hot-deformed magnets', 'producers/daido-electronics/'),
        ('total-quantity control quota', 'issues/china-rare-earth-regulations/'),
    ], 5),
    *_group("company", [
        ('Noveon', 'producers/noveon-magnetics-san-marcos/'),
        ('Arafura', 'producers/arafura-nolans/'),
        ('Kazatomprom', 'producers/sareco-stepnogorsk/'),
        ('Proterial', 'producers/proterial/'),
    ], 5),
    *_group("place", [
        ('Sillamae', 'producers/neo-silmet/'),
        ('Fort Worth', 'producers/mp-materials-independence/'),
        ('Stillwater Oklahoma', 'producers/usa-rare-earth-stillwater/'),
        ('Saskatoon', 'issues/diversification-canada/'),
        ('Goiás', 'producers/serra-verde/'),
        ('Sumter South Carolina', 'producers/evac-magnetics-sumter/'),
    ], 5),
    *_group("programme", [
        ('EU Critical Raw Materials Act', 'issues/eu-critical-raw-materials-act/'),
        ('ERMA magnets and motors cluster', 'issues/european-raw-materials-alliance/'),
        ('India 7,280 crore magnet scheme', 'issues/india-magnet-scheme/'),
        ('Defense Production Act rare earths', 'issues/diversification-united-states/'),
    ], 5),
    *_group("misspelt name", [
        ('Illuka', 'producers/iluka-resources/'),
        ('Kvanefeld', 'producers/kvanefjeld/'),
    ], 5),
    *_group("element", [
        ('Gd MRI contrast', 'elements/gadolinium/'),
        ('Yb atomic clock', 'elements/ytterbium/'),
        ('erbium optical fibre amplifier', 'elements/erbium/'),
    ], 5),
]  # fmt: skip

#: The fourth blind set (``held_out=6``): see the module's docstring.
QUERIES += [
    *_group("question", [
        ('what gives old TV screens their red colour', 'elements/europium/'),
        ('which rare earth is in MRI contrast dye', 'elements/gadolinium/'),
        ('which rare earth makes aluminum stronger', 'elements/scandium/'),
        ('what rare earth do the most accurate atomic clocks use', 'elements/ytterbium/'),
        ('can rare earths ease bone pain in cancer patients', 'elements/samarium/'),
        ('which rare earth has to be made in a nuclear reactor', 'elements/promethium/'),
        ("how much do workers earn in Myanmar's rare earth mines", 'issues/artisanal-mining-and-labour/'),
        ('is it true that Japan keeps its rare earth stockpile secret', 'issues/strategic-stockpiles/'),
        ('which country makes the most rare earth magnets after China', 'producers/japan/'),
        ('which country was the fifth biggest rare earth miner in 2025', 'producers/thailand/'),
        ("why can't the Kuannersuit deposit in Greenland be mined", 'producers/kvanefjeld/'),
        ("what happened to Lynas's plant in Texas", 'producers/lynas-seadrift/'),
        ('how much did the Pentagon pay for its stake in MP Materials', 'issues/diversification-united-states/'),
        ('who owns the Bayan Obo mine', 'producers/bayan-obo/'),
        ('why did Neo Performance Materials sell its factories in China', 'producers/neo-performance-materials/'),
        ('how does rare earth ore get turned into a magnet', 'blog/2026/11/20/from-mine-to-magnet/'),
        ('why do governments see rare earths as a national security risk', 'blog/2026/11/18/why-rare-earth-supply-is-a-security-question/'),
        ("which countries are trying to build rare earth supply chains that don't rely on China", 'blog/2026/11/27/building-rare-earth-supply-outside-china/'),
        ("what went wrong with Canada's first rare earth mine", 'issues/diversification-canada/'),
        ('apart from China who can refine dysprosium and terbium', 'issues/heavy-ree-separation-outside-china/'),
        ('what happens if one country stops supplying rare earths', 'supply-chain/'),
        ("is China's grip stronger on mining or on magnet making", 'issues/supply-concentration/'),
        ('which rare earth costs the most per kilogram', 'prices/'),
    ], 6),
    *_group("term", [
        ('erbium-doped fibre amplifier', 'elements/erbium/'),
        ('radionuclide therapy', 'elements/lutetium/'),
        ('reserves vs resources', 'glossary/#reserves'),
    ], 6),
    *_group("company", [
        ('e-VAC', 'producers/evac-magnetics-sumter/'),
        ('Shin Etsu', 'producers/shin-etsu-chemical/'),
    ], 6),
    *_group("place", [
        ('Goias', 'producers/serra-verde/'),
        ('Shandong', 'producers/weishan/'),
        ('Stepnogorsk', 'producers/sareco-stepnogorsk/'),
        ('Nigeria', 'producers/nigeria/'),
    ], 6),
    *_group("programme", [
        ('Rare Earth Management Regulations', 'issues/china-rare-earth-regulations/'),
        ('Critical Minerals Strategy 2023-2030', 'issues/diversification-australia/'),
        ('REPM scheme', 'issues/india-magnet-scheme/'),
    ], 6),
    *_group("misspelt name", [
        ('neodymuim', 'elements/neodymium/'),
        ('yttirum', 'elements/yttrium/'),
        ('Mynamar rare earths', 'producers/myanmar/'),
        ('Greeland', 'producers/greenland/'),
        ('Solvey La Rochelle', 'producers/solvay-la-rochelle/'),
    ], 6),
]  # fmt: skip

#: The fifth blind set (``held_out=7``): see the module's docstring.
QUERIES += [
    *_group("question", [
        ('which rare earth is used in handheld x-ray machines', 'elements/thulium/'),
        ('what metal goes into rechargeable nickel metal hydride batteries', 'elements/lanthanum/'),
        ('rare earth that gives glass a pink tint', 'elements/erbium/'),
        ('which element do scientists use to work out the age of meteorites', 'elements/lutetium/'),
        ('which rare earth has a greek name meaning difficult to obtain', 'elements/dysprosium/'),
        ('which element was named after stockholm', 'elements/holmium/'),
        ('which element produces the green in fluorescent displays', 'elements/terbium/'),
        ('can the us military buy magnets made in china', 'issues/us-defense-magnet-sourcing/'),
        ('what kind of electric motor has renault used to avoid rare earth magnets', 'issues/substitution/'),
        ('did the wto rule against china over its rare earth export limits', 'issues/china-export-controls/'),
        ('how do i tell you about a wrong number on the site', 'about/'),
        ('does this website track visitors or use cookies', 'about/'),
        ('which rare earths have no price data', 'prices/'),
        ('hard rock mining versus mineral sands versus clay leaching', 'blog/2026/11/20/from-mine-to-magnet/'),
        ('how much money is india putting into building magnet factories', 'issues/india-magnet-scheme/'),
        ('is the us building a rare earth refinery in saudi arabia', 'issues/diversification-united-states/'),
        ('does japan mine any rare earths itself', 'producers/japan/'),
        ('how much money does myanmar make selling rare earths to china', 'issues/artisanal-mining-and-labour/'),
        ('who is the only company making sintered magnets in america', 'producers/noveon-magnetics-san-marcos/'),
        ('what did the 2021 eu industry report on rare earth magnets recommend', 'issues/european-raw-materials-alliance/'),
        ('did mining upstream poison a river in northern thailand', 'issues/environmental-impacts/'),
        ('besides china and japan where are most rare earth magnets produced', 'producers/vietnam/'),
        ('how do i load the csv files with pandas', 'downloads/'),
        ('can i get a feed of updates when figures change', 'changes/'),
    ], 7),
    *_group("term", [
        ('neutron radiography', 'elements/gadolinium/'),
        ('thickness gauge', 'elements/promethium/'),
        ('electrically excited synchronous motor', 'issues/substitution/'),
        ('refined production', 'glossary/#refined-production'),
        ('MOFCOM', 'blog/2026/11/26/chinas-export-controls-on-rare-earths-explained/'),
        ('mixed chloride', 'producers/irel/'),
        ('glass decolorizing agent', 'elements/cerium/'),
        ('becquerel per gram thorium limit', 'issues/environmental-impacts/'),
    ], 7),
    *_group("company", [
        ('Daido Electronics', 'producers/daido-electronics/'),
        ('POSCO International', 'producers/posco-star-us-magnet-plant/'),
        ('USA Rare Earth', 'producers/usa-rare-earth-stillwater/'),
        ('Summit Atom Rare Earth Company', 'producers/sareco-stepnogorsk/'),
        ('Xiamen Tungsten', 'producers/china-rare-earth-group/'),
        ('LKAB', 'issues/diversification-european-union/'),
        ('Vital Metals', 'issues/diversification-canada/'),
        ('Cyclic Materials', 'issues/recycling/'),
    ], 7),
    *_group("place", [
        ('Kerala', 'producers/irel/'),
        ('Quang Nam', 'producers/sgi-vina/'),
        ('Takefu, Fukui', 'producers/shin-etsu-takefu/'),
        ('Seadrift', 'producers/lynas-seadrift/'),
        ('Northern Territory', 'producers/arafura-nolans/'),
        ('Baotou', 'producers/bayan-obo/'),
    ], 7),
    *_group("programme", [
        ('National Defense Stockpile', 'issues/strategic-stockpiles/'),
        ('State Council Order No. 785', 'issues/china-rare-earth-regulations/'),
        ('Export Finance Australia loan', 'issues/diversification-australia/'),
        ('10 U.S.C. 4872', 'issues/us-defense-magnet-sourcing/'),
        ('Regulation (EU) 2024/1252', 'issues/eu-critical-raw-materials-act/'),
        ('CHIPS Act rare earth funding', 'issues/diversification-united-states/'),
    ], 7),
    *_group("misspelt", [
        ('tulium', 'elements/thulium/'),
        ('erbuim', 'elements/erbium/'),
        ('praseodymum', 'elements/praseodymium/'),
        ('Proterail', 'producers/proterial/'),
        ('Maonuiping', 'producers/maoniuping/'),
        ('Weishen', 'producers/weishan/'),
        ('Longnam clays', 'producers/longnan/'),
        ('Dechnag', 'producers/dechang/'),
    ], 7),
]  # fmt: skip

TUNED = [q for q in QUERIES if not q.held_out]
HELD_OUT = [q for q in QUERIES if q.held_out == 1]
FRESH = [q for q in QUERIES if q.held_out == 2]
BLIND = [q for q in QUERIES if q.held_out == 3]
SECOND_BLIND = [q for q in QUERIES if q.held_out == 4]
THIRD_BLIND = [q for q in QUERIES if q.held_out == 5]
FOURTH_BLIND = [q for q in QUERIES if q.held_out == 6]
FIFTH_BLIND = [q for q in QUERIES if q.held_out == 7]
