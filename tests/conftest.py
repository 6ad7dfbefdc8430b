"""Shared fixtures: a small, valid data set written into a temporary project, and the ways tests run `check` on it."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from ree_site.render.search import NOT_SEARCHED

ROOT = Path(__file__).resolve().parent.parent

#: The ``make_data`` fixture's type.
MakeData = Callable[..., Path]

SMALL_DATA: dict[str, str] = {
    "sources/usgs-test.yml": """
        title: Test Summaries 2026 — Rare Earths
        publisher: U.S. Geological Survey
        year: 2026
        url: https://example.org/usgs-test.pdf
        reviewed: 2026-11-27
    """,
    "sources/ciaaw-test.yml": """
        title: Standard Atomic Weights
        publisher: CIAAW
        year: 2024
        url: https://example.org/ciaaw
        reviewed: 2026-11-27
    """,
    "elements/neodymium.yml": """
        name: Neodymium
        symbol: Nd
        atomic_number: 60
        atomic_weight:
          value: "144.242(3)"
          source: ciaaw-test
        group:
          value: light
          source: usgs-test
        discovery:
          year: 1885
          by: [Carl Auer von Welsbach]
          source: ciaaw-test
        applications:
          - use: Permanent magnets
            source: usgs-test
        summary: A light rare earth used in magnets.
        reviewed: 2026-11-27
    """,
    "producers/china.yml": """
        name: China
        kind: country
        country: China
        stages: [mining, separation]
        summary: The largest producer.
        figures:
          - measure: mine-production
            year: 2024
            value: 270000
            unit: t REO
            estimated: true
            source: usgs-test
        elements: [neodymium]
        reviewed: 2026-11-27
    """,
    "producers/bayan-obo.yml": """
        name: Bayan Obo
        kind: mine
        country: China
        parent: china
        stages: [mining]
        summary: A large mine.
        reviewed: 2026-11-27
    """,
    "issues/export-controls.yml": """
        title: Export controls
        category: trade-policy
        status: active
        summary: Licences are required.
        events:
          - date: 2025-04-04
            title: Licensing of seven elements
            source: usgs-test
        elements: [neodymium]
        producers: [china]
        responses: [diversification]
        reviewed: 2026-11-27
    """,
    "issues/diversification.yml": """
        title: Diversification
        category: diversification
        status: ongoing
        summary: New mines and plants outside China.
        reviewed: 2026-11-27
    """,
}

MKDOCS_YML = """
site_name: Test site
site_url: https://example.org/
repo_url: https://example.org/repo
edit_uri: edit/main/content/
docs_dir: content
theme:
  name: material
  custom_dir: overrides
  font: false
  features: [content.action.edit]
plugins:
  - search
  - ree
markdown_extensions: [admonition, attr_list, md_in_html, tables]
nav:
  - Home: index.md
  - Elements: elements/index.md
  - Producers: producers/index.md
  - Issues: issues/index.md
  - Sources: sources/index.md
"""


def csv_rows(text: str) -> list[dict[str, str]]:
    """The rows of a CSV download, past its first line of notice (release and licence)."""
    first, _, rest = text.partition("\n")
    assert first.startswith("# "), f"no notice line: {first!r}"
    return list(csv.DictReader(io.StringIO(rest)))


def write_files(base: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the expected outputs of the golden error cases in tests/errors/ instead of comparing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when pytest runs with ``--update-goldens``."""
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data directory holding :data:`SMALL_DATA`."""
    base = tmp_path / "data"
    write_files(base, SMALL_DATA)
    return base


@pytest.fixture
def make_data(tmp_path: Path) -> Callable[..., Path]:
    """Write :data:`SMALL_DATA` with some files replaced (``None`` removes one) and return the folder."""

    def make(**changes: str | None) -> Path:
        files = dict(SMALL_DATA)
        for name, text in changes.items():
            key = name.replace("__", "/") + ".yml"
            if text is None:
                files.pop(key, None)
            else:
                files[key] = text
        base = tmp_path / "data"
        shutil.rmtree(base, ignore_errors=True)
        write_files(base, files)
        return base

    return make


def write_project(base: Path, data: dict[str, str] | None = None) -> Path:
    """Write a complete small MkDocs project using the plugin into ``base``: ``data`` (by default
    :data:`SMALL_DATA`) under data/, :data:`MKDOCS_YML`, a home page and an empty overrides/ folder."""
    write_files(base / "data", SMALL_DATA if data is None else data)
    write_files(base, {"mkdocs.yml": MKDOCS_YML, "content/index.md": "# Home\n\nWelcome.\n"})
    (base / "overrides").mkdir(exist_ok=True)
    return base


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A complete small MkDocs project using the plugin, in a temporary folder."""
    return write_project(tmp_path)


@pytest.fixture
def run_check(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[[Path], tuple[int, str]]:
    """Run ``ree-site check data`` in-process from a project's folder: its exit status and what it printed."""
    from ree_site.engines.cli import main

    def run(project: Path) -> tuple[int, str]:
        capsys.readouterr()
        monkeypatch.chdir(project)
        status = main(["check", "data"])
        printed = capsys.readouterr()
        return status, printed.out + printed.err

    return run


def mkdocs_build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` (with ``args``, such as ``--strict``) on a project in its folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project, timeout=300)


def site_build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``ree-site build`` (what ``make build`` runs: ``mkdocs build --strict`` into a staging folder, swapped in
    for site/ only on success) on a project in its folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "ree_site", "build", "--config-file", str(project / "mkdocs.yml"), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project, timeout=300)


def problems(data_dir: Path) -> list[str]:
    """The problems loading and linking ``data_dir`` raises, one string each as `check` prints them."""
    from ree_site import build_catalog
    from ree_site.errors import DataError

    with pytest.raises(DataError) as caught:
        build_catalog(data_dir, root=data_dir.parent)
    return [str(p) for p in caught.value.problems]


def build_real_site(out: Path) -> None:
    """Build the real site with --strict into ``out`` (fails the test with MkDocs' output)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"the real site did not build:\n{result.stderr}")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session into a temporary folder."""
    out = tmp_path_factory.mktemp("real") / "site"
    build_real_site(out)
    return out


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as `make build-zensical` builds it, once per test session: a copy of the project, the docs
    tree and configuration `ree-site generate` writes, Zensical's build of them, and `ree-site index` of that. The
    copy keeps the git history, so that its history of the values (and so its search index) is the real site's."""
    project = tmp_path_factory.mktemp("zensical") / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site*", "*.pyc", "__pycache__"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    generate = [sys.executable, "-m", "ree_site", "generate", "docs-tree", "--config", "zensical.yml"]
    subprocess.run(generate, cwd=project, check=True, capture_output=True, env=env)
    zensical = Path(sys.executable).parent / "zensical"
    command = [str(zensical), "build", "-f", "zensical.yml"]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"Zensical did not build the site:\n{result.stdout}{result.stderr}")
    index = [sys.executable, "-m", "ree_site", "index", "site-zensical"]
    result = subprocess.run(index, cwd=project, capture_output=True, text=True, env=env, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"ree-site index failed on Zensical's site:\n{result.stdout}{result.stderr}")
    return project / "site-zensical"


def cite(number: int) -> str:
    """The mark of a page's number-th cited source, as the pages print it (kept out of the search's text)."""
    return f'<sup class="ree-cite" {NOT_SEARCHED}><a href="#ref-{number}">[{number}]</a></sup>'


#: The mark of an article's inline figure, before its link to the source (Markdown).
SOURCE_MARK = f'<sup class="ree-cite" {NOT_SEARCHED}>'
