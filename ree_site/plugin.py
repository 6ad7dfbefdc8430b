"""The ``ree`` MkDocs plugin: the only module that imports MkDocs. It wires the core into the build."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from .abbreviations import Abbreviations
from .articles import Article, find_articles
from .catalog import Catalog
from .config import ReeConfig
from .embeds import expand_page
from .errors import DataError, Problem
from .export import export_files
from .loading import display_path, load_records
from .nav import expand_nav
from .render import RenderedPage, Renderer, TemplateRenderError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


class ReePlugin(BasePlugin[ReeConfig]):
    """Loads the YAML records, validates and links them, and adds one generated page per record."""

    def __init__(self) -> None:
        self.pages: list[RenderedPage] = []
        self.serving = False
        #: The pages and catalog of the last build whose data was good (kept only while serving).
        self.last_good: tuple[list[RenderedPage], Catalog] | None = None
        self.exports: dict[str, str] = {}
        self.catalog: Catalog | None = None
        self.data_dir = Path("data")
        self.abbreviations: Abbreviations | None = None
        self.articles: list[Article] = []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook keeps one plugin instance across the rebuilds of `mkdocs serve`, which
        # is what lets a rebuild with broken data fall back to the last good data.
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Everything that can fail runs here, before `mkdocs build` cleans site_dir, so a failed
        # build leaves the last good site in place.
        root = Path(config.config_file_path).parent
        data_dir = root / self.config.data_dir
        self.data_dir = data_dir
        templates_dir = root / self.config.templates_dir
        for folder in (data_dir, templates_dir):
            if folder.is_dir() and os.fspath(folder) not in config.watch:
                config.watch.append(os.fspath(folder))
        articles = find_articles(Path(config.docs_dir))
        try:
            catalog = Catalog.build(load_records(data_dir, root))
            self.pages = Renderer(catalog, templates_dir).render_all()
            check_content(catalog, Path(config.docs_dir), root, articles)
        except (DataError, TemplateRenderError) as exc:
            if isinstance(exc, DataError):
                message = f"problems in {self.config.data_dir}/ or in the pages that embed it:\n{exc.report()}"
            else:
                message = str(exc)
            if not (self.serving and self.last_good):
                raise PluginError(message) from None
            # While serving, keep the server up and show the last good pages until the data is fixed.
            log.error(f"{message}\nServing the last good version of the pages until this is fixed.")
            self.pages, catalog = self.last_good
        else:
            if self.serving:
                self.last_good = (self.pages, catalog)
        self.exports = export_files(catalog)
        self.abbreviations = self._abbreviations(root, config)
        self.catalog = catalog
        self.articles = articles
        _warn_uncited(catalog)
        config.nav = expand_nav(config.nav, catalog, self.config.nav_max_records)
        log.info(
            f"{len(catalog.entries)} records loaded from {self.config.data_dir}/, {len(self.pages)} pages generated"
        )
        return config

    def _abbreviations(self, root: Path, config: MkDocsConfig) -> Abbreviations | None:
        if not self.config.abbreviations:
            return None
        path = root / self.config.abbreviations
        try:
            found = Abbreviations.parse(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise PluginError(f"abbreviations file {self.config.abbreviations}: {exc.strerror}") from None
        if os.fspath(path) not in config.watch:
            config.watch.append(os.fspath(path))
        return found

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Hand-written pages may embed data with [[...]]; they were checked in on_config already.
        if page.file.generated_by is None and self.catalog is not None and "[[" in markdown:
            markdown = expand_page(self.catalog, markdown, page.file.src_uri, page.file.src_uri, self.articles)
        if self.abbreviations is not None:
            markdown += self.abbreviations.for_text(markdown)
        return markdown

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        # Edit links: the data folder relative to docs_dir, worked out once rather than per page.
        data_from_docs = Path(os.path.relpath(self.data_dir, docs_dir)).as_posix()
        for page in self.pages:
            existing = files.get_file_from_path(page.uri)
            if existing is not None and existing.generated_by is None:
                raise PluginError(
                    f"{Path(config.docs_dir).name}/{page.uri} would replace the page the ree plugin generates "
                    f"there; remove it, or change the template under {self.config.templates_dir}/ instead"
                )
            file = File.generated(config, page.uri, content=page.text, inclusion=InclusionLevel.NOT_IN_NAV)
            if page.source_path is not None:
                file.edit_uri = f"{data_from_docs}/{page.source_path.parent.name}/{page.source_path.name}"
            files.append(file)
        for path, content in self.exports.items():
            files.append(File.generated(config, path, content=content))
        return files


def _warn_uncited(catalog: Catalog) -> None:
    """Fixable, not fatal: a warning, which `mkdocs build --strict` (and so `make build`) turns into a failure."""
    for source in catalog.sources:
        if not catalog.citing(source.id):
            log.warning(f"{source.document.path}: source {source.id!r} is cited by no record; cite it or remove it")


def check_content(catalog: Catalog, docs_dir: Path, root: Path, articles: list[Article]) -> None:
    """Expand the data directives of every hand-written page once, so that a bad one stops the build
    before MkDocs cleans the site (raises :class:`DataError` with each page's path and line)."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8-sig")
        if "[[" not in text:
            continue
        uri = path.relative_to(docs_dir).as_posix()
        try:
            expand_page(catalog, text, uri, display_path(path, root), articles)
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
