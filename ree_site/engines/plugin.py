"""The ``ree`` MkDocs plugin: it wires the pipeline (:class:`~ree_site.build.project.Project`) into MkDocs' events.

The work is elsewhere: the pipeline in :mod:`ree_site.build.project`, the dirty-build plan in
:mod:`ree_site.build.planner`, every touch of MkDocs' and Material's internals in
:mod:`ree_site.engines.mkdocs_adapter` and the preview's error banner in :mod:`ree_site.render.banner`. The
build that keeps the last site when it fails is outside MkDocs, so that it holds without this plugin too
(``ree-site build``, :mod:`ree_site.build.staging`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from ..build.incremental import folder_signature
from ..build.project import Outcome, Project
from ..build.settings import read_settings
from ..errors import DataError, ReeError
from ..link.catalog import Catalog
from ..outputs.citing import Citing
from ..outputs.search_index import index_site
from ..outputs.tree import finish_page
from ..render.banner import banner
from ..render.page_citation import HEAD_KEY
from .config import ReeConfig
from .mkdocs_adapter import (
    GENERATOR,
    CompiledTemplates,
    DirtyBuild,
    ServeGuard,
    WarningLog,
    quiet_dirty_warning,
)

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


class ReePlugin(BasePlugin[ReeConfig]):
    """Loads the YAML records, validates and links them, and adds one generated page per record."""

    def __init__(self) -> None:
        self.serving = False
        #: The project, kept across the rebuilds of `mkdocs serve` (it keeps what the next rebuild can reuse).
        self.project: Project | None = None
        self.outcome: Outcome | None = None
        #: The catalog while pages are read (freed before a build writes them).
        self.catalog: Catalog | None = None
        #: What is wrong with the files now, the warnings of the last build, and why the last rebuild stopped (if
        #: it did): shown in a banner at the top of every page the preview serves; empty when all is well.
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.failure = ""
        self.logged: WarningLog | None = None
        #: While serving: the theme's templates as compiled by the last build (see :class:`CompiledTemplates`).
        self.compiled = CompiledTemplates()
        #: Hand-written pages as last expanded without error, by source path (kept only while serving).
        self.last_good_markdown: dict[str, str] = {}
        #: Under --dirty: what each rebuild must build again.
        self.dirty: DirtyBuild | None = None
        self.files: Files | None = None
        #: What each page's citation needs (the release, the site's address, the records), while pages are read.
        self.citing: Citing | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook keeps one plugin instance across the rebuilds of `mkdocs serve`, which is what lets a
        # rebuild with broken data fall back to the last good data.
        self.serving = command == "serve"
        if dirty:
            self.dirty = DirtyBuild()
            quiet_dirty_warning()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.repo_url:
            # No repository configured (REPO_URL unset): no edit pencil either, rather than a link to nowhere.
            config.edit_uri = None
        if self.serving:
            if self.logged is not None:
                self.logged.close()
            self.logged = WarningLog()
        project = self._project(config)
        for path in project.watched():
            if path.exists() and os.fspath(path) not in config.watch:
                config.watch.append(os.fspath(path))
        try:
            outcome = project.run()
        except ReeError as exc:
            raise PluginError(str(exc)) from None
        for note in outcome.notes:
            log.info(str(note))
        self._report(outcome, strict=bool(config.strict))
        self.outcome, self.catalog = outcome, outcome.catalog
        config.nav = project.nav(config.nav, outcome.catalog)
        if outcome.release is not None:
            # The footer (overrides/partials/copyright.html) and the citations read the release from here.
            config.extra["release"] = outcome.release.as_dict()
        self.citing = outcome.citing(config.site_url or "")
        rendered = ""
        if self.serving and not outcome.stale:
            why = f" ({outcome.complete})" if outcome.complete else ""
            rendered = f", {len(outcome.rendered)} rendered again{why}"
        loaded = f"{len(outcome.catalog.entries)} records loaded from {self.config.data_dir}/"
        log.info(f"{loaded}, {len(outcome.pages)} pages generated{rendered}")
        return config

    def _project(self, config: MkDocsConfig) -> Project:
        """One project for the life of `mkdocs serve` (it keeps what the next rebuild can reuse), a fresh one that
        keeps nothing for a build."""
        root = Path(config.config_file_path).parent
        keep = self.serving or self.dirty is not None
        options = self.config.options()
        # mkdocs.yml as `ree-site check` reads it: its own problems, and the blog's options for the posts.
        settings = read_settings(Path(config.config_file_path)) if config.config_file_path else None
        project = self.project
        same = (options, Path(config.docs_dir), settings)
        if project is None or not keep or (project.options, project.docs_dir, project.settings) != same:
            project = Project(root, options, docs_dir=config.docs_dir, remember=keep, settings=settings)
            project.keep_last_good = self.serving
        self.project = project if keep else None
        return project

    def _report(self, outcome: Outcome, *, strict: bool) -> None:
        """Fatal for a build (uncited sources only when strict); a terminal report and a banner while serving."""
        message = outcome.error(self.config.data_dir)
        if not self.serving:
            if message:
                raise PluginError(message)
            if outcome.uncited and strict:
                raise PluginError("sources that no record cites:\n" + DataError(outcome.uncited).report())
        for problem in outcome.uncited:
            log.warning(str(problem))  # while serving, the banner lists it too (see on_post_build)
        if not self.serving:
            return
        was_broken = bool(self.errors)
        self.errors = message.splitlines()[1:] if outcome.problems else message.splitlines()
        if message:
            last = "the last good version of the pages" if outcome.pages else "the pages without the data"
            log.error(f"{message}\nServing {last} until this is fixed; the browser shows these problems too.")
        elif was_broken:
            log.info("Fixed: the pages are built from the current files again.")

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        if self.catalog is None or self.outcome is None:
            return markdown
        # The same step as `ree-site generate`: expand the directives (checked in on_config already), then
        # append the abbreviations the page uses and what the search files it under (not for the blog's lists).
        hand_written = page.file.generated_by is None
        try:
            finished = finish_page(
                self.catalog, markdown, uri, uri, articles=self.outcome.articles,
                abbreviations=self.outcome.abbreviations, hand_written=hand_written, meta=page.meta,
                searched=hand_written or page.file.generated_by == GENERATOR,
            )  # fmt: skip
        except DataError as exc:
            if not self.serving:
                raise PluginError(exc.report()) from None
            # Reported with its place in on_config; the preview shows the page as it last expanded.
            return self._cite(self.last_good_markdown.get(uri, markdown), page)
        if self.serving and hand_written:
            self.last_good_markdown[uri] = finished
        if not hand_written and page.file.generated_by == GENERATOR:
            page.file.content_string = ""  # read: MkDocs holds the page's Markdown now, the text is not needed again
        return self._cite(finished, page)

    def _cite(self, markdown: str, page: Page) -> str:
        """The page with its "Cite this page" block, and its citation tags and JSON-LD in ``page.meta`` (the same
        step as `ree-site generate`, which writes them into the page's front matter)."""
        if self.citing is None:
            return markdown
        markdown, head = self.citing.page(page.file.src_uri, markdown, page.meta, page.title or "", page.url)
        page.meta[HEAD_KEY] = head
        return markdown

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        ServeGuard(server, self._banner, self._rebuild_failed)
        return server

    def _banner(self) -> str:
        project = self.project
        where = project.templates_dir if project else None
        return banner(self.errors, where, warnings=self.warnings, failure=self.failure)

    def _rebuild_failed(self, error: BaseException, why: str) -> None:
        """A rebuild stopped (anywhere: here, in MkDocs, in another plugin, in mkdocs.yml): the server keeps the
        last good pages, and the banner says why."""
        others = self.logged.errors if self.logged is not None else []
        self.failure = "; ".join(others) if others and why.startswith("Abort:") else why
        log.error(f"The rebuild stopped: {self.failure}\nServing the last good pages until this is fixed; the "
                  "browser shows this too.")  # fmt: skip
        log.debug("The rebuild stopped", exc_info=error)

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        outcome = self.outcome
        if outcome is None:
            return files
        # Edit links: the data folder relative to docs_dir, worked out once rather than per page.
        docs_dir = Path(config.docs_dir)
        data_dir = self.project.data_dir if self.project else Path(self.config.data_dir)
        data_from_docs = Path(os.path.relpath(data_dir, docs_dir)).as_posix()
        for page in outcome.pages:
            existing = files.get_file_from_path(page.uri)
            if existing is not None and existing.generated_by is None:
                continue  # a hand-written page in its place: a problem the pipeline reported (only served as is)
            # Handed to MkDocs in memory: no file to write, read back and remove, and MkDocs lets go of a page's
            # text once it has read it (on_page_markdown).
            text = page.text
            if "\r" in text:  # as a file read in text mode gives it
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            file = File.generated(config, page.uri, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
            if page.source_path is not None:
                file.edit_uri = f"{data_from_docs}/{page.source_path.parent.name}/{page.source_path.name}"
            files.append(file)
        for path in outcome.exports:
            files.append(File.generated(config, path, content=outcome.exports[path]))
        if not (self.serving or self.dirty):
            outcome.pages = []  # the files hold the texts now, each let go once MkDocs has read it
        return files

    @event_priority(-100)  # after the blog plugin has added its views
    def _track_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.files = files
        if self.dirty is not None and self.outcome is not None:
            self.dirty.track(files, self.outcome.expanded)
        return files

    on_files = CombinedEvent(_add_files, _track_files)

    @event_priority(-100)  # after every plugin has changed the navigation
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.dirty is None or self.outcome is None:
            return nav
        custom_dir = config.theme.custom_dir
        abbreviations = self.outcome.abbreviations
        settings = (
            Path(config.config_file_path).read_bytes() if config.config_file_path else b"",
            folder_signature(Path(custom_dir) if custom_dir else None),
            repr(abbreviations.lines if abbreviations else None),
        )
        titles = {page.uri: (page.title, page.meta.get("tags")) for page in self.outcome.pages}
        self.dirty.plan(nav, titles, settings)
        return nav

    @event_priority(110)  # before the tags plugin fills its listings (100), which read the pages' titles
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.dirty is not None:
            self.dirty.restore(files)
        if not (self.serving or self.dirty):
            # Every page has been read: free the records and the pipeline's outcome before the pages are written.
            self.catalog = self.outcome = self.citing = None
        if self.serving and env.bytecode_cache is None:
            settings = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
            if settings != self.compiled.settings:
                self.compiled = CompiledTemplates(settings)
            env.bytecode_cache = self.compiled
        return env

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.dirty is not None and self.files is not None:
            self.dirty.finish(self.files)
        # The search index, built from the pages as written (under `mkdocs serve` too, into its temporary folder).
        try:
            indexed = index_site(Path(config.site_dir))
        except ReeError as exc:
            raise PluginError(str(exc)) from None
        log.info(str(indexed))
        if self.logged is not None:
            # MkDocs logs a few warnings after this hook (the build's summary); the next build collects anew.
            self.warnings, self.failure = list(self.logged.messages), ""

    def on_build_error(self, *, error: Exception) -> None:
        if self.dirty is not None:
            self.dirty.forget()  # the next dirty build builds everything


__all__ = ["GENERATOR", "ReePlugin"]
