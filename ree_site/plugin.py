"""The ``ree`` MkDocs plugin: the only module that imports MkDocs. It wires the core into the build."""

from __future__ import annotations

import hashlib
import html
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import CountHandler, get_markdown_title
from mkdocs.utils.meta import get_data

from .abbreviations import Abbreviations
from .articles import Article, find_articles
from .catalog import Catalog
from .config import ReeConfig
from .discovery import ignored_files
from .embeds import check_pages
from .errors import DataError, Problem
from .export import export_files
from .incremental import Session, folder_signature
from .nav import expand_nav
from .render import RenderedPage, TemplateRenderError
from .search import ALIAS_BOOST, annotate, heading_aliases, with_docs
from .tree import TextTree, finish_page, shadowing, write_tree

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

#: Where the blog is, where its articles are, and how they weigh in search against a page's default of 1
#: (records: 2 or 3).
BLOG = "blog/"
ARTICLES = BLOG + "posts/"
ARTICLE_BOOST = 2.0

#: The class of the banner that shows build errors on every page while serving (never in `mkdocs build`).
BANNER_CLASS = "ree-build-errors"


class ReePlugin(BasePlugin[ReeConfig]):
    """Loads the YAML records, validates and links them, and adds one generated page per record."""

    def __init__(self) -> None:
        #: The generated pages (path, data file) and downloads (path) of this build, written under ``out``.
        self.generated: list[tuple[str, Path | None]] = []
        self.downloads: list[str] = []
        self.out: Path | None = None
        #: Generated page path -> (title, tags), for a dirty build's plan.
        self.titles: dict[str, Any] = {}
        self.serving = False
        self.command = "build"
        self.dirty = False
        #: The pages and catalog of the last build whose data was good (kept only while serving).
        self.last_good: tuple[list[RenderedPage], Catalog] | None = None
        #: Hand-written pages as last expanded without error, by source path (kept only while serving).
        self.last_good_markdown: dict[str, str] = {}
        #: What is wrong with the files now, shown in a banner on every served page; empty when all is well.
        self.errors: list[str] = []
        self.catalog: Catalog | None = None
        self.data_dir = Path("data")
        self.abbreviations: Abbreviations | None = None
        self.articles: list[Article] = []
        #: A build writes here, and replaces site_dir only once it has succeeded (see on_post_build).
        self.staging: Path | None = None
        self.site_dir: Path | None = None
        self.warnings: CountHandler | None = None
        #: Page URL -> its search index locations and their other names, from the page's rendered content.
        self.page_aliases: dict[str, dict[str, list[str]]] = {}
        #: Pages whose sections are search results of their own (front matter ``search: {sections: separate}``).
        self.separate: set[str] = set()
        #: Material's search plugin (found in on_config), and how many of its index entries have been seen.
        self.search: Any = None
        self.search_seen = 0
        #: Loads, links and renders; while serving it keeps what it can for the next rebuild.
        self.session: Session | None = None
        #: Hand-written pages with their directives expanded, by path under docs_dir (from on_config).
        self.expanded: dict[str, str] = {}
        #: Under --dirty: what each rebuild must build again (see _Changes).
        self.changes: _Changes | None = None
        self.files: Files | None = None
        self.config_file = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook keeps one plugin instance across the rebuilds of `mkdocs serve`, which
        # is what lets a rebuild with broken data fall back to the last good data.
        self.serving = command == "serve"
        self.command = command
        self.dirty = dirty
        if dirty:
            self.changes = _Changes()
            # MkDocs warns at every dirty build that navigation and links may be wrong; the plugin rebuilds every
            # page they touch (see _Changes), and says so in the warning's place.
            logging.getLogger("mkdocs.commands.build").addFilter(_dirty_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        if not config.repo_url:
            # No repository configured (REPO_URL unset): no edit pencil either, rather than a link to nowhere.
            config.edit_uri = None
        data_dir = root / self.config.data_dir
        self.data_dir = data_dir
        templates_dir = root / self.config.templates_dir
        for folder in (data_dir, templates_dir):
            if folder.is_dir() and os.fspath(folder) not in config.watch:
                config.watch.append(os.fspath(folder))
        docs_dir = Path(config.docs_dir)
        articles = find_articles(docs_dir)
        self.page_aliases = {}
        self.separate = set()
        self.expanded = {}
        self.config_file = config.config_file_path
        self.search, self.search_seen = None, 0
        problems: list[Problem] = []
        failure = ""
        rendered = ""
        try:
            rebuild = self._session(data_dir, root, templates_dir).update()
        except DataError as exc:
            problems = list(exc.problems)
            pages, catalog = self._fallback()
        except TemplateRenderError as exc:
            failure = str(exc)
            pages, catalog = self._fallback()
        else:
            pages, catalog = rebuild.pages, rebuild.catalog
            if self.serving:
                self.last_good = (pages, catalog)
                why = f" ({rebuild.complete})" if rebuild.complete else ""
                rendered = f", {len(rebuild.rendered)} rendered again{why}"
        if not problems and not failure:
            # The pages' directives against the data just loaded; an unknown id there is the page's fault.
            problems = check_pages(catalog, docs_dir, root, articles, self.expanded)
        uncited = catalog.uncited() if not problems and not failure else []
        for note in ignored_files(data_dir, root):
            log.info(str(note))
        self._report(problems, failure, uncited, strict=bool(config.strict))
        # The generated pages and downloads go to a folder of their own, as `ree-site generate` writes them, and
        # MkDocs reads them from there: the build holds no second copy of what MkDocs holds (see _write_pages).
        self.generated = [(page.uri, page.source_path) for page in pages]
        self.titles = {page.uri: (page.title, page.meta.get("tags")) for page in pages} if self.changes else {}
        exports = export_files(catalog)
        self.downloads = list(exports)
        self._write_pages(pages, exports)
        self.abbreviations = self._abbreviations(root, config)
        self.catalog = catalog
        self.articles = articles
        config.nav = expand_nav(config.nav, catalog, self.config.nav_max_records)
        loaded = f"{len(catalog.entries)} records loaded from {self.config.data_dir}/"
        log.info(f"{loaded}, {len(pages)} pages generated{rendered}")
        self._stage(config)
        return config

    def _write_pages(self, pages: list[RenderedPage], exports: dict[str, str]) -> None:
        """Write the generated pages and downloads into a temporary folder, only those that changed since the
        last build of this process (`mkdocs serve` keeps the folder; a build removes it when it ends)."""
        if self.out is None:
            self.out = Path(tempfile.mkdtemp(prefix="ree-site-pages-"))
        write_tree(self.out, TextTree(pages, exports))

    def _remove_pages(self) -> None:
        if self.out is not None:
            shutil.rmtree(self.out, ignore_errors=True)
            self.out = None

    def on_shutdown(self) -> None:
        self._remove_pages()

    def _session(self, data_dir: Path, root: Path, templates_dir: Path) -> Session:
        """One session for the life of `mkdocs serve` (it keeps what the next rebuild can reuse), a fresh one
        that keeps nothing for a build."""
        session = self.session
        keep = self.serving or self.dirty
        if session is None or not keep or (session.data_dir, session.templates_dir) != (data_dir, templates_dir):
            session = Session(data_dir, root, templates_dir, remember=keep)
        self.session = session if keep else None
        return session

    def _find_search(self, config: MkDocsConfig) -> Any:
        """Material's search plugin, declared the ``aliases`` field the plugin fills (see ree_site/search.py)."""
        for plugin in config.plugins.values():
            fields = getattr(getattr(plugin, "config", None), "fields", None)
            if hasattr(plugin, "search_index") and isinstance(fields, dict):
                fields.setdefault("aliases", {"boost": ALIAS_BOOST})
                return plugin
        return None

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
        found: dict[str, list[str]] = {}
        if isinstance(named, list) and named:
            found[page.url] = [str(name) for name in named]
        if "data-search-aliases" in html:
            found.update(heading_aliases(page.url, html))
        self.page_aliases[page.url] = found
        return html

    @event_priority(-100)  # after Material's search has indexed the page
    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if self.search is None:
            self.search = self._find_search(config)
            if self.search is None:
                return context
        entries = self.search.search_index.entries
        mine = entries[self.search_seen :]
        self.search_seen = len(entries)
        annotate(mine, self.page_aliases.pop(page.url, {}), page.url in self.separate)
        if self.changes is not None:
            self.changes.search[page.file.src_uri] = mine
        return context

    @event_priority(-100)  # after every other plugin has written its files, Material's search index included
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.changes is not None and self.files is not None:
            self.changes.finish(self.files, Path(config.site_dir), self.search is not None)
        if not self.serving:
            self._remove_pages()
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
        if not self.serving:
            self._remove_pages()
        if self.changes is not None:
            self.changes.signature = ""  # the next dirty build builds everything
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

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        # Edit links: the data folder relative to docs_dir, worked out once rather than per page.
        data_from_docs = Path(os.path.relpath(self.data_dir, docs_dir)).as_posix()
        out = cast("Path", self.out)
        for uri, source_path in self.generated:
            existing = files.get_file_from_path(uri)
            if existing is not None and existing.generated_by is None:
                raise PluginError(f"{Path(config.docs_dir).name}/{uri} {shadowing(self.config.templates_dir)}")
            file = File.generated(config, uri, abs_src_path=os.fspath(out / uri), inclusion=InclusionLevel.NOT_IN_NAV)
            if source_path is not None:
                file.edit_uri = f"{data_from_docs}/{source_path.parent.name}/{source_path.name}"
            files.append(file)
        for path in self.downloads:
            files.append(File.generated(config, path, abs_src_path=os.fspath(out / path)))
        return files

    @event_priority(-100)  # after the blog plugin has added its views
    def _track_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.files = files
        if self.changes is not None:
            self.changes.track(files, self.expanded)
        return files

    on_files = CombinedEvent(_add_files, _track_files)

    @event_priority(-100)  # after every plugin has changed the navigation
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.changes is None:
            return nav
        custom_dir = config.theme.custom_dir
        settings = (
            Path(self.config_file).read_bytes() if self.config_file else b"",
            folder_signature(Path(custom_dir) if custom_dir else None),
            repr(self.abbreviations.lines if self.abbreviations else None),
            tuple(self.errors),
        )
        self.changes.plan(nav, self.titles, settings)
        return nav

    @event_priority(110)  # before the tags plugin fills its listings (100), which read the pages' titles
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.changes is not None:
            self.changes.restore(files)
        if not (self.serving or self.dirty):
            self.catalog = None  # every page has been read: free the records before the pages are written
        return env


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


class _Tracked(File):
    """A file whose answer to MkDocs' ``is_modified()``, which a dirty build asks of every file, is the plugin's.

    MkDocs compares modification times, which cannot tell that a page embeds data that changed, or that a
    generated page is the same as last time. The plugin gives the files of the build this class (their identity
    kept: other plugins hold them) and answers from their content instead.
    """

    changes: _Changes | None = None

    def is_modified(self) -> bool:
        return self.changes.is_modified(self) if self.changes is not None else super().is_modified()


class _Changes:
    """What a dirty rebuild (``mkdocs serve --dirty``) must build again, told by content, not modification time.

    A page is built again when its Markdown, as MkDocs will read it, changed: the generated page's text, or the
    hand-written file with its directives expanded against the current data. Everything is built again when a
    change may reach every page: the configuration, the theme's overrides, the abbreviations, the navigation,
    the set of pages, any page's title or tags (the navigation and the tags page show them), or the build errors
    the preview's banner lists. The blog's posts and views are built together (its views show the posts), and
    the tags page is read every time (the tags plugin needs its listing) but written only when all pages are.

    Pages that are not built again keep their last output; their title and metadata are restored for the pages
    that show them, and their search index entries are kept and written with the new ones.
    """

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}
        self.heads: dict[str, Any] = {}
        self.signature = ""
        #: Page path -> (title, metadata) after the last build that read it.
        self.state: dict[str, tuple[str | None, dict[str, Any]]] = {}
        #: Page path -> its search index entries from the last build that built it.
        self.search: dict[str, list[dict[str, Any]]] = {}
        self.outputs: set[str] = set()
        self.complete = "first build"
        self.populate: set[str] = set()
        self.build: set[str] = set()
        self.building = False
        self.tracked: list[_Tracked] = []
        #: Hand-written pages with their directives expanded (the plugin's, from on_config).
        self._expanded: dict[str, str] = {}

    def is_modified(self, file: File) -> bool:
        if self.complete:
            return True
        return file.src_uri in (self.build if self.building else self.populate)

    def track(self, files: Files, expanded: dict[str, str]) -> None:
        """Give every page and every file the ree plugin generated the class that asks this object."""
        self.tracked = []
        self.building = False
        for file in files:
            if file.is_documentation_page() or file.generated_by == "ree":
                if not isinstance(file, _Tracked):
                    file.__class__ = _Tracked
                tracked = cast("_Tracked", file)
                tracked.changes = self
                self.tracked.append(tracked)
        self._expanded = expanded

    def plan(self, nav: Navigation, titles: dict[str, Any], settings: tuple[Any, ...]) -> None:
        """Decide what this build reads and writes again (called once the navigation is final)."""
        keys: dict[str, str] = {}
        heads: dict[str, Any] = {}
        listings: set[str] = set()
        for file in self.tracked:
            if file.generated_by == "ree" and file.abs_src_path:
                # Written by the plugin only when its content changed: its modification time says enough.
                stat = Path(file.abs_src_path).stat()
                keys[file.src_uri] = f"{stat.st_mtime_ns}:{stat.st_size}"
                if file.src_uri in titles:
                    heads[file.src_uri] = titles[file.src_uri]
                continue
            content = file.content_bytes
            digest = hashlib.blake2b(content, digest_size=16)
            digest.update(self._expanded.get(file.src_uri, "").encode("utf-8"))
            keys[file.src_uri] = digest.hexdigest()
            if file.is_documentation_page():
                heads[file.src_uri] = titles.get(file.src_uri) or _head(content)
                if b"<!-- material/tags" in content:
                    listings.add(file.src_uri)
        pages = sorted((f.src_uri, f.dest_uri, f.inclusion.name) for f in self.tracked)
        signature = hashlib.blake2b(repr((settings, _nav_signature(nav.items), pages)).encode("utf-8")).hexdigest()
        changed = {uri for uri, key in keys.items() if self.keys.get(uri) != key}
        if not self.signature:
            why = "first build"
        elif signature != self.signature:
            why = "the configuration, the navigation, the set of pages or the build errors changed"
        elif any(heads.get(uri) != self.heads.get(uri) for uri in changed):
            why = "a page's title or tags changed"
        elif changed & listings:
            why = "the tags page changed"
        else:
            why = ""
        blog = {uri for uri in keys if uri.startswith(BLOG)}
        if changed & blog:
            changed |= blog
        self.complete = why
        self.populate = changed | listings
        self.build = changed
        self.keys, self.heads, self.signature = keys, heads, signature

    def restore(self, files: Files) -> None:
        """Before the pages are written: the title and metadata of each page that was not read again."""
        self.building = True
        if self.complete:
            return
        for file in files.documentation_pages():
            page = file.page
            if page is not None and file.src_uri not in self.populate and file.src_uri in self.state:
                page.title, page.meta = self.state[file.src_uri][0], dict(self.state[file.src_uri][1])

    def finish(self, files: Files, site_dir: Path, searched: bool) -> None:
        """After the build: remember what the pages read, write the whole search index, remove stale outputs."""
        order = []
        for file in files.documentation_pages():
            page = file.page
            order.append(file.src_uri)
            if page is not None and (self.complete or file.src_uri in self.populate):
                self.state[file.src_uri] = (page.title, dict(page.meta))
        index = site_dir / "search" / "search_index.json"
        if searched and index.exists() and not self.complete:
            docs = [doc for uri in order for doc in self.search.get(uri, [])]
            index.write_text(with_docs(index.read_text(encoding="utf-8"), docs), encoding="utf-8")
        outputs = {file.abs_dest_path for file in self.tracked}
        for stale in self.outputs - outputs:
            Path(stale).unlink(missing_ok=True)  # a page or download removed since the last build
        self.outputs = outputs
        built = len(self.tracked) if self.complete else len(self.build)
        why = f" ({self.complete})" if self.complete else ""
        log.info(f"Dirty build: {built} of {len(self.tracked)} pages and downloads written again{why}")


def _head(content: bytes) -> tuple[Any, Any]:
    """A page's title and tags as MkDocs will find them: front matter first, else the first heading."""
    body, meta = get_data(content.decode("utf-8-sig", errors="replace"))
    return (meta.get("title") or get_markdown_title(body), repr(meta.get("tags")))


def _nav_signature(items: list[Any]) -> list[Any]:
    """The navigation as every page's sidebar and footer show it: sections, links and pages with their titles."""
    found: list[Any] = []
    for item in items:
        if item.is_page:
            found.append(("page", item.file.src_uri, item.__dict__.get("title")))
        elif item.is_section:
            found.append(("section", item.title, _nav_signature(item.children)))
        else:
            found.append(("link", item.title, item.url))
    return found


def _dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")
