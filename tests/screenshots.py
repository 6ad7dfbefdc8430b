"""Screenshots of the element index, an element page and the concentration page, at desktop and phone width.

    python tests/screenshots.py site-shots

Builds the real site into a temporary folder, serves it on 127.0.0.1 and drives Debian's Chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser import chromium, serve
from tests.conftest import build_real_site

PAGES = {
    "elements": "/elements/",
    "neodymium": "/elements/neodymium/",
    "scandium": "/elements/scandium/",
    "concentration": "/concentration/",
    "prices": "/prices/",
    "bayan-obo": "/producers/bayan-obo/",
}
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
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
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site-shots")))
