"""Publishing: the workflow runs the same build as `make build`; pages carry canonical and sharing metadata."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT


def test_workflow_is_valid_and_runs_make_build() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    # PyYAML reads the key `on` as True.
    assert workflow[True]["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["build"]["steps"]
    assert any(step.get("name") == "Build the site" and step.get("run") == "make build" for step in steps)
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact") for step in steps)
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    makefile = (ROOT / "Makefile").read_text()
    # make build is `ree-site build`: the strict build, staged so that a failure keeps the last site/.
    build = makefile.split("\nbuild: $(STAMP)", 1)[1].split("\n\n", 1)[0]
    assert build.splitlines()[1:] == ["\t$(BIN)/ree-site build"]


def test_the_workflow_sets_site_url_from_the_pages_address() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    pages = next(step for step in steps if step.get("id") == "pages")
    assert pages["uses"].startswith("actions/configure-pages")
    build = next(step for step in steps if step.get("name") == "Build the site")
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    assert "site_url: !ENV [SITE_URL, null]" in (ROOT / "mkdocs.yml").read_text()


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built as the workflow builds it, with SITE_URL set to a Pages address below a path."""
    out = tmp_path_factory.mktemp("published") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.org/atlas/"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


def test_published_pages_have_canonical_links_sitemap_and_sharing_tags(published_site: Path) -> None:
    page = (published_site / "elements" / "neodymium" / "index.html").read_text()
    assert '<link rel="canonical" href="https://example.org/atlas/elements/neodymium/">' in page
    assert '<meta property="og:title" content="Neodymium - Rare Earths Reference">' in page
    assert '<meta property="og:url" content="https://example.org/atlas/elements/neodymium/">' in page
    assert '<meta name="twitter:card" content="summary">' in page
    assert '<meta property="og:description" content="Neodymium' in page
    sitemap = (published_site / "sitemap.xml").read_text()
    assert "https://example.org/atlas/elements/neodymium/" in sitemap
    # The not-found page works at the published base, whatever the depth of the missing address.
    missing = (published_site / "404.html").read_text()
    assert 'href="/atlas/elements/"' in missing and 'href="/atlas/assets/ree.css"' in missing
    assert "//elements/" not in missing


def test_without_site_url_nothing_names_a_made_up_host(real_site: Path) -> None:
    page = (real_site / "elements" / "neodymium" / "index.html").read_text()
    assert 'rel="canonical"' not in page and 'property="og:url"' not in page
    assert "ree-site.github.io" not in page
    assert "<loc>" not in (real_site / "sitemap.xml").read_text()
    missing = (real_site / "404.html").read_text()
    assert "Page not found" in missing
    assert 'href="/elements/"' in missing and 'href="/assets/ree.css"' in missing
