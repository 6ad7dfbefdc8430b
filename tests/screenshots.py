"""Screenshots of one page of every kind, at desktop and phone width.

    python tests/screenshots.py site-shots [BUILT_SITE]

Builds the real site into a temporary folder (or takes an already built one), serves it on 127.0.0.1 and drives
Debian's Chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser import chromium, serve
from tests.conftest import build_real_site

PAGES = {
    "home": "/",
    "elements": "/elements/",
    "producers": "/producers/",
    "issues": "/issues/",
    "china": "/producers/china/",
    "lynas": "/producers/lynas/",
    "mountain-pass": "/producers/mountain-pass/",
    "export-controls": "/issues/china-export-controls/",
    "recycling": "/issues/recycling/",
    "post": "/blog/2026/11/26/chinas-export-controls-on-rare-earths-explained/",
    "timeline": "/timeline/",
    "sources": "/sources/",
    "downloads": "/downloads/",
    "glossary": "/glossary/",
    "methodology": "/methodology/",
    "blog": "/blog/",
    "neodymium": "/elements/neodymium/",
    "scandium": "/elements/scandium/",
    "concentration": "/concentration/",
    "prices": "/prices/",
    "bayan-obo": "/producers/bayan-obo/",
}
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def main(out: Path, built: Path | None = None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = built or Path(tmp) / "site"
        if built is None:
            build_real_site(site)
        with serve(site) as base_url, chromium() as browser:
            for width_name, viewport in WIDTHS.items():
                context = browser.new_context(viewport=viewport, is_mobile=width_name == "phone")
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base_url + path, wait_until="networkidle")
                    target = out / f"{name}-{width_name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)
                context.close()
    return 0


if __name__ == "__main__":
    sys.exit(
        main(Path(sys.argv[1] if len(sys.argv) > 1 else "site-shots"), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    )
