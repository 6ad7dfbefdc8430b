"""The ``ree`` MkDocs plugin: the only module that imports MkDocs. It wires the core into the build."""

from __future__ import annotations

import html
import logging
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import CountHandler

from .abbreviations import Abbreviations
from .articles import Article, find_articles
from .catalog import Catalog
from .config import ReeConfig
from .embeds import check_pages
from .errors import DataError, Problem
from .export import export_files
from .loading import ignored_files, load_records
from .nav import expand_nav
from .render import RenderedPage, Renderer, TemplateRenderError
from .search import add_aliases, heading_aliases
from .tree import finish_page, shadowing

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

#: Where the articles are, and how they weigh in search against a page's default of 1 (records: 2 or 3).
ARTICLES = "blog/posts/"
ARTICLE_BOOST = 2.0

#: The class of the banner that shows build errors on every page while serving (never in `mkdocs build`).
BANNER_CLASS = "ree-build-errors"


class ReePlugin(BasePlugin[ReeConfig]):
    """Loads the YAML records, validates and links them, and adds one generated page per record."""

    def __init__(self) -> None:
        self.pages: list[RenderedPage] = []
        self.serving = False
        self.command = "build"
        self.dirty = False
        #: The pages and catalog of the last build whose data was good (kept only while serving).
        self.last_good: tuple[list[RenderedPage], Catalog] | None = None
        #: Hand-written pages as last expanded without error, by source path (kept only while serving).
        self.last_good_markdown: dict[str, str] = {}
        #: What is wrong with the files now, shown in a banner on every served page; empty when all is well.
        self.errors: list[str] = []
        self.exports: dict[str, str] = {}
        self.catalog: Catalog | None = None
        self.data_dir = Path("data")
        self.abbreviations: Abbreviations | None = None
        self.articles: list[Article] = []
        #: A build writes here, and replaces site_dir only once it has succeeded (see on_post_build).
        self.staging: Path | None = None
        self.site_dir: Path | None = None
        self.warnings: CountHandler | None = None
        #: Search index location -> other names for it, gathered from the pages as they are rendered.
        self.aliases: dict[str, list[str]] = {}
        #: Pages whose sections are search results of their own (front matter ``search: {sections: separate}``).
        self.separate: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook keeps one plugin instance across the rebuilds of `mkdocs serve`, which
        # is what lets a rebuild with broken data fall back to the last good data.
        self.serving = command == "serve"
        self.command = command
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        data_dir = root / self.config.data_dir
        self.data_dir = data_dir
        templates_dir = root / self.config.templates_dir
        for folder in (data_dir, templates_dir):
            if folder.is_dir() and os.fspath(folder) not in config.watch:
                config.watch.append(os.fspath(folder))
        docs_dir = Path(config.docs_dir)
        articles = find_articles(docs_dir)
        self.aliases = {}
        self.separate = set()
        problems: list[Problem] = []
        failure = ""
        try:
            catalog = Catalog.build(load_records(data_dir, root))
            pages = Renderer(catalog, templates_dir).render_all()
        except DataError as exc:
            problems = list(exc.problems)
            pages, catalog = self._fallback()
        except TemplateRenderError as exc:
            failure = str(exc)
            pages, catalog = self._fallback()
        else:
            if self.serving:
                self.last_good = (pages, catalog)
        if not problems and not failure:
            # The pages' directives against the data just loaded; an unknown id there is the page's fault.
            problems = check_pages(catalog, docs_dir, root, articles)
        uncited = catalog.uncited() if not problems and not failure else []
        for note in ignored_files(data_dir, root):
            log.info(str(note))
        self._report(problems, failure, uncited, strict=bool(config.strict))
        self.pages = pages
        self.exports = export_files(catalog)
        self.abbreviations = self._abbreviations(root, config)
        self.catalog = catalog
        self.articles = articles
        config.nav = expand_nav(config.nav, catalog, self.config.nav_max_records)
        log.info(f"{len(catalog.entries)} records loaded from {self.config.data_dir}/, {len(pages)} pages generated")
        self._stage(config)
        return config

    def _fallback(self) -> tuple[list[RenderedPage], Catalog]:
        """While serving, what to show when the files are broken: the last good pages, or none at all."""
        if not self.serving:
            return [], Catalog({})
        return self.last_good if self.last_good is not None else ([], Catalog({}))

    def _report(self, problems: list[Problem], failure: str, uncited: list[Problem], *, strict: bool) -> None:
        """Everything found in on_config, which runs before MkDocs cleans site_dir: fatal for a build (uncited
        sources only when strict), a terminal report and a banner in the browser while serving."""
        message = ""
        if problems:
            message = (
                f"problems in {self.config.data_dir}/ or in the pages that embed it:\n{DataError(problems).report()}"
            )
        elif failure:
            message = failure
        if not self.serving:
            if message:
                raise PluginError(message)
            if uncited and strict:
                raise PluginError("sources that no record cites:\n" + DataError(uncited).report())
            for problem in uncited:
                log.warning(str(problem))
            return
        for problem in uncited:
            log.warning(str(problem))
        was_broken = bool(self.errors)
        self.errors = message.splitlines()[1:] if problems else message.splitlines()
        if message:
            last = "the last good version of the pages" if self.last_good else "the pages without the data"
            log.error(f"{message}\nServing {last} until this is fixed; the browser shows these problems too.")
        elif was_broken:
            log.info("Fixed: the pages are built from the current files again.")

    def _stage(self, config: MkDocsConfig) -> None:
        """Point a build at a staging folder beside site_dir, swapped in by on_post_build only when the whole
        build succeeded, so a failed build (a broken link under --strict, say) never costs the last site."""
        if self.serving or self.dirty or self.command not in {"build", "gh-deploy"}:
            return
        self.site_dir = Path(config.site_dir)
        self.staging = self.site_dir.with_name(f".{self.site_dir.name}.building")
        if self.staging.exists():
            shutil.rmtree(self.staging)  # left by a build that was killed
        config.site_dir = os.fspath(self.staging)
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        search = page.meta.get("search") or {}
        named = search.get("aliases")
        if search.get("sections") == "separate":
            self.separate.add(page.url)
        if isinstance(named, list) and named:
            self.aliases[page.url] = [str(name) for name in named]
        if "data-search-aliases" in html:
            self.aliases.update(heading_aliases(page.url, html))
        return html

    @event_priority(-100)  # after every other plugin has written its files, Material's search index included
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.exists():
            index.write_text(
                add_aliases(index.read_text(encoding="utf-8"), self.aliases, self.separate), encoding="utf-8"
            )
        if self.staging is None or self.site_dir is None:
            return
        failed = bool(config.strict and self.warnings is not None and self.warnings.get_counts())
        staging, site_dir = self.staging, self.site_dir
        self._unstage()
        config.site_dir = os.fspath(site_dir)  # for gh-deploy, which publishes site_dir afterwards
        if failed:
            # MkDocs aborts next with its count of the warnings; the last site stays as it was.
            shutil.rmtree(staging, ignore_errors=True)
            return
        old = site_dir.with_name(f".{site_dir.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if site_dir.exists():
            site_dir.rename(old)
        staging.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)

    def on_build_error(self, *, error: Exception) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self._unstage()

    def _unstage(self) -> None:
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            self.warnings = None
        self.staging = None

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
        if page.file.src_uri.startswith(ARTICLES) and "boost" not in (page.meta.get("search") or {}):
            # Articles are written for readers looking a subject up: they rank with the records, not below them.
            page.meta["search"] = {**(page.meta.get("search") or {}), "boost": ARTICLE_BOOST}
        # Hand-written pages may embed data with [[...]]; they were checked in on_config already. The same step
        # as `ree-site generate` (tree.finish_page): expand, then append the abbreviations the page uses.
        if self.catalog is None:
            return markdown
        uri = page.file.src_uri
        hand_written = page.file.generated_by is None
        try:
            finished = finish_page(
                self.catalog, markdown, uri, uri, articles=self.articles, abbreviations=self.abbreviations,
                hand_written=hand_written,
            )  # fmt: skip
        except DataError as exc:
            if not self.serving:
                raise PluginError(exc.report()) from None
            # Reported with its place in on_config; the preview shows the page as it last expanded.
            return self.last_good_markdown.get(uri, markdown)
        if self.serving and hand_written:
            self.last_good_markdown[uri] = finished
        return finished

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if not (self.serving and self.errors):
            return output
        return _with_banner(output, self.errors)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        # Edit links: the data folder relative to docs_dir, worked out once rather than per page.
        data_from_docs = Path(os.path.relpath(self.data_dir, docs_dir)).as_posix()
        for page in self.pages:
            existing = files.get_file_from_path(page.uri)
            if existing is not None and existing.generated_by is None:
                raise PluginError(f"{Path(config.docs_dir).name}/{page.uri} {shadowing(self.config.templates_dir)}")
            file = File.generated(config, page.uri, content=page.text, inclusion=InclusionLevel.NOT_IN_NAV)
            if page.source_path is not None:
                file.edit_uri = f"{data_from_docs}/{page.source_path.parent.name}/{page.source_path.name}"
            files.append(file)
        for path, content in self.exports.items():
            files.append(File.generated(config, path, content=content))
        return files


def _with_banner(output: str, errors: list[str]) -> str:
    """``output`` with a banner listing ``errors`` at the top of the body (styled inline: it must show even when
    the site's own CSS is what broke)."""
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in errors if line.strip())
    banner = (
        f'<div class="{BANNER_CLASS}" role="alert" style="background:#fff3cd;color:#3d2c00;border-bottom:3px solid '
        '#b26a00;padding:.8em 1.2em;font:14px/1.5 sans-serif;position:relative;z-index:10">'
        "<strong>The preview is out of date: fix these problems and it rebuilds.</strong>"
        f'<ul style="margin:.4em 0 0;padding-left:1.2em">{items}</ul></div>'
    )
    head, body, rest = output.partition("<body")
    if not body:
        return banner + output
    tag_end = rest.find(">") + 1
    return head + body + rest[:tag_end] + banner + rest[tag_end:]
