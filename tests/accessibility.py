"""axe-core (pinned, installed by `make node-deps`) run in the real browser over one page of every kind."""

from __future__ import annotations

from typing import Any

from .conftest import ROOT

AXE = ROOT / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"

#: One page of every kind the site has.
PAGE_KINDS: dict[str, str] = {
    "home": "/",
    "element": "/elements/neodymium/",
    "element without prices": "/elements/promethium/",
    "country": "/producers/china/",
    "company": "/producers/lynas/",
    "mine": "/producers/mountain-pass/",
    "magnet plant with an undisclosed capacity": "/producers/evac-magnetics-sumter/",
    "issue": "/issues/china-export-controls/",
    "elements index": "/elements/",
    "producers index": "/producers/",
    "issues index": "/issues/",
    "sources": "/sources/",
    "concentration": "/concentration/",
    "supply chain": "/supply-chain/",
    "prices": "/prices/",
    "trade": "/trade/",
    "map": "/map/",
    "timeline": "/timeline/",
    "downloads": "/downloads/",
    "glossary": "/glossary/",
    "methodology": "/methodology/",
    "articles": "/blog/",
    "article": "/blog/2026/11/16/what-are-rare-earths/",
    "tags": "/tags/",
    "not found": "/no-such-page/",
}


def violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's violations of the page as loaded, one line per rule with the first few elements concerned."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + (n.any[0] ? " — " + n.any[0].message : ""))
        }))"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in found
        if v["impact"] in impacts
    ]
