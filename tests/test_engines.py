"""Two engines build the same site: MkDocs 1.6 and ProperDocs (a continuation of MkDocs 1.x)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_properdocs_builds_the_same_pages(real_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "properdocs-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    assert pages(out) == pages(real_site)
    assert {"elements/neodymium/index.html", "concentration/index.html", "blog/index.html"} <= pages(out)
    element = (out / "elements" / "neodymium" / "index.html").read_text()
    assert "Neodymium (Nd)" in element and "ree-infobox" in element
    assert (out / "api" / "elements.json").read_text() == (real_site / "api" / "elements.json").read_text()
