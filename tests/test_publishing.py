"""Publishing: the workflow runs the same build as `make build`; pages carry canonical and sharing metadata."""

from __future__ import annotations

from pathlib import Path

import yaml

from .conftest import ROOT


def test_workflow_is_valid_and_runs_make_build() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    # PyYAML reads the key `on` as True.
    assert workflow[True]["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["build"]["steps"]
    assert {"name": "Build the site", "run": "make build"} in steps
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact") for step in steps)
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    makefile = (ROOT / "Makefile").read_text()
    assert "build: $(STAMP)" in makefile and "mkdocs build --strict" in makefile


def test_pages_have_canonical_links_sitemap_and_sharing_tags(real_site: Path) -> None:
    page = (real_site / "elements" / "neodymium" / "index.html").read_text()
    assert '<link rel="canonical" href="https://ree-site.github.io/ree-site/elements/neodymium/">' in page
    assert '<meta property="og:title" content="Neodymium - Rare Earths Reference">' in page
    assert '<meta property="og:url" content="https://ree-site.github.io/ree-site/elements/neodymium/">' in page
    assert '<meta name="twitter:card" content="summary">' in page
    assert '<meta property="og:description" content="Neodymium' in page
    sitemap = (real_site / "sitemap.xml").read_text()
    assert "https://ree-site.github.io/ree-site/elements/neodymium/" in sitemap


def test_not_found_page_helps(real_site: Path) -> None:
    page = (real_site / "404.html").read_text()
    assert "Page not found" in page
    assert 'href="/ree-site/elements/"' in page
