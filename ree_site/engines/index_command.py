"""``ree-site index SITE_DIR``: the search index of a site another engine built (Zensical runs no MkDocs plugin, so
its build is indexed after it: ``make build-zensical``), and with ``--watch`` again whenever its pages change
(``make serve-zensical``, beside Zensical's own server). The MkDocs plugin runs the same step after each build."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ..errors import ReeError
from ..outputs.search_index import ENTRIES, index_site

#: Seconds between two looks at the site's pages under ``--watch``, and how long they must stay unchanged (an
#: engine writes a build's pages one by one) before the index is built again.
WATCH_INTERVAL = 0.5
SETTLED = 1.0


def pages_signature(site: Path) -> tuple[tuple[str, int, int], ...]:
    """Every page of the site with its modification time and size (not the index's own staged pages)."""
    found = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if not relative.startswith(f"{ENTRIES}/"):
            stat = path.stat()
            found.append((relative, stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def _once(site: Path) -> int:
    try:
        print(index_site(site), flush=True)
    except ReeError as exc:
        print(exc, flush=True)
        return 1
    return 0


def run_index(site: Path, *, watch: bool = False) -> int:
    """Index ``site``; with ``watch``, keep indexing it again after its pages change, until interrupted."""
    if not site.is_dir() and not watch:
        print(f"ree-site index: error: no such folder: {site}", file=sys.stderr)
        return 2
    status = _once(site) if site.is_dir() else 0
    if not watch:
        return status
    print(f"Watching the pages of {site} (Ctrl-C stops)", flush=True)
    seen = pages_signature(site) if site.is_dir() else ()
    try:
        while True:
            time.sleep(WATCH_INTERVAL)
            now = pages_signature(site) if site.is_dir() else ()
            if now == seen:
                continue
            while True:  # until the engine has finished writing
                time.sleep(SETTLED)
                settled = pages_signature(site)
                if settled == now:
                    break
                now = settled
            _once(site)
            seen = now
    except KeyboardInterrupt:
        return 0


__all__ = ["run_index"]
