"""Three engines build the same site: MkDocs 1.6, ProperDocs (a continuation of MkDocs 1.x) and Zensical."""

from __future__ import annotations

import os
import re
import shutil
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


def test_zensical_builds_the_same_pages_from_the_generated_tree(real_site: Path, tmp_path: Path) -> None:
    """Zensical runs no MkDocs plugin: it builds the tree `ree-site generate` writes, with the configuration
    generated from mkdocs.yml, and gives the same pages, facts included, and no unexpanded directive."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site*", ".git", "*.pyc", "__pycache__"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    generate = [sys.executable, "-m", "ree_site", "generate", "docs-tree", "--config", "zensical.yml"]
    subprocess.run(generate, cwd=project, check=True, capture_output=True, env=env)
    zensical = Path(sys.executable).parent / "zensical"
    result = subprocess.run(
        [str(zensical), "build", "-f", "zensical.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = project / "site-zensical"
    assert pages(out) == pages(real_site)
    unexpanded = [name for name in pages(out) if "[[" in (out / name).read_text()]
    assert unexpanded == []
    for record in ("elements/neodymium", "producers/china", "issues/china-export-controls"):
        ours, theirs = (_infobox((site / record / "index.html").read_text()) for site in (real_site, out))
        assert ours and ours == theirs, record
    assert (out / "api" / "elements.json").read_text() == (real_site / "api" / "elements.json").read_text()


def _infobox(html: str) -> list[str]:
    """The infobox's cells as text: the facts a reader sees first."""
    box = html.split('class="ree-infobox"', 1)[1].split("</table>", 1)[0]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", box, re.DOTALL)]
