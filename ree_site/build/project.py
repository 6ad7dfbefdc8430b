"""One pipeline for every entry point: the MkDocs plugin, ``ree-site check``, ``generate`` and ``export``.

A :class:`Project` is a folder with its ``mkdocs.yml``: the plugin's options (:class:`Options`, whose defaults
are the only ones), the docs folder and the navigation. :meth:`Project.run` loads, validates and links the
records, renders every generated page (only those an edit changed, when the project remembers), expands the
directives of the hand-written pages, finds the sources nothing cites and the files passed over, and returns
all of it as an :class:`Outcome`. Each entry point only decides what to do with the outcome: the plugin hands
it to MkDocs, ``check`` prints it, ``generate`` writes it as a docs tree.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from ..data.abbreviations import Abbreviations
from ..data.articles import NO_BLOG, Article
from ..data.discovery import display_path, ignored_files
from ..data.history import DataHistory, read_history
from ..data.loading import load_records
from ..data.pages import read_pages
from ..data.release import Release, read_release
from ..errors import DataError, Problem, ReeError
from ..link.catalog import Catalog
from ..link.changes import History
from ..outputs.citing import Citing
from ..outputs.export import export_files
from ..outputs.feeds import FEEDS, articles_feed, changes_feed
from ..outputs.nav import NavItem, expand_nav
from ..outputs.tree import shadowed
from ..render.embeds import check_pages
from ..render.renderer import RenderedPage, TemplateRenderError
from .incremental import Rebuild, Session
from .settings import DEFAULT_DOCS_DIR, Options, Settings


@dataclass
class Outcome:
    """What one run of the pipeline found and made."""

    catalog: Catalog
    pages: list[RenderedPage]
    #: Problems in the data, or (once the data is good) in the directives of the hand-written pages.
    problems: list[Problem] = field(default_factory=list)
    #: A template that failed to render, as its message.
    failure: str = ""
    #: Sources no record cites: the strict build and ``check`` refuse them.
    uncited: list[Problem] = field(default_factory=list)
    #: Files passed over (editors' backups, hidden files): notes, not problems.
    notes: list[Problem] = field(default_factory=list)
    #: Hand-written pages whose directives were expanded, by path under the docs folder.
    expanded: dict[str, str] = field(default_factory=dict)
    articles: list[Article] = field(default_factory=list)
    abbreviations: Abbreviations | None = None
    #: The folder of the blog's posts, under the docs folder (their URLs are under its parent).
    blog_posts: str = "blog/posts"
    #: Pages rendered anew, and why all of them were ("" when only some were).
    rendered: set[str] = field(default_factory=set)
    complete: str = ""
    #: True when the pages and catalog are the last good ones, kept while the files are broken.
    stale: bool = False
    #: The release ``CITATION.cff`` names (version, date, licence); None for a project without the file.
    release: Release | None = None
    #: The history of the values, from the repository (empty, with a note, without one).
    history: History = field(default_factory=History)
    #: What the feeds need of mkdocs.yml: the site's name and address (None: links relative to the feed).
    site: tuple[str, str | None] = ("", None)

    @property
    def broken(self) -> bool:
        return bool(self.problems or self.failure)

    def report(self) -> str:
        """The problems, one a line with a count, and the template failure; "" when there are none."""
        return "\n".join(part for part in (self.problems and DataError(self.problems).report(), self.failure) if part)

    def error(self, data_dir: str) -> str:
        """The message that stops a build, or "" (uncited sources are the caller's to weigh: see ``strict``)."""
        if self.problems:
            return f"problems in {data_dir}/, in the pages or in mkdocs.yml:\n{self.report()}"
        return self.failure

    def citing(self, site_url: str) -> Citing | None:
        """What every page's citation needs, for a site published at ``site_url``; None without a release."""
        if self.release is None:
            return None
        return Citing(self.release, site_url, self.catalog, tuple(self.exports), self.articles)

    @cached_property
    def exports(self) -> dict[str, str]:
        """The downloads, by path."""
        files = export_files(self.catalog, self.release)
        name, url = self.site[0] or (self.release.title if self.release else "") or "Site", self.site[1]
        blog_dir = posixpath.dirname(self.blog_posts) or "blog"
        files[FEEDS["articles"]] = articles_feed(
            self.articles, site_name=name, site_url=url, release=self.release, blog_dir=blog_dir
        )
        files[FEEDS["changes"]] = changes_feed(self.history, self.catalog, site_name=name, site_url=url,
                                               release=self.release)  # fmt: skip
        return files


class Project:
    """A project folder and its options; with ``remember``, runs reuse what they can (``mkdocs serve``)."""

    def __init__(
        self,
        root: Path,
        options: Options | None = None,
        *,
        docs_dir: str | Path = DEFAULT_DOCS_DIR,
        remember: bool = False,
        keep_last_good: bool = False,
        settings: Settings | None = None,
    ) -> None:
        self.root = root
        self.options = options or Options()
        self.docs_dir = root / docs_dir
        #: The project's mkdocs.yml as read by :func:`read_settings`: its problems and the blog's options.
        self.settings = settings
        self.blog = settings.blog if settings is not None and settings.blog is not None else NO_BLOG
        self.remember = remember
        #: While serving: show the last good pages when the files are broken (else none at all).
        self.keep_last_good = keep_last_good
        #: The pages, catalog and expanded hand-written pages of the last run whose data was good.
        self.last_good: tuple[list[RenderedPage], Catalog, dict[str, str]] | None = None
        #: The history of the values, and the data history it was made from (read again only after a commit).
        self._history: tuple[DataHistory, History] | None = None
        templates = self.templates_dir
        self.session = Session(self.data_dir, root, templates if templates.is_dir() else None, remember=remember)

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> Project:
        """The project ``settings`` describe; keyword arguments replace options (None keeps the configured)."""
        docs_dir = overrides.pop("docs_dir", None) or settings.docs_dir
        remember = overrides.pop("remember", False)
        options = replace(settings.options, **{k: v for k, v in overrides.items() if v is not None})
        return cls(settings.root, options, docs_dir=docs_dir, remember=remember, settings=settings)

    @property
    def data_dir(self) -> Path:
        return self.root / self.options.data_dir

    @property
    def templates_dir(self) -> Path:
        return self.root / self.options.templates_dir

    @property
    def abbreviations_file(self) -> Path | None:
        return self.root / self.options.abbreviations if self.options.abbreviations else None

    def watched(self) -> list[Path]:
        """The inputs outside the docs folder that a preview must watch."""
        return [p for p in (self.data_dir, self.templates_dir, self.abbreviations_file) if p is not None]

    def catalog(self) -> Catalog:
        """The records loaded, validated and linked: the first step of :meth:`run` (raises :class:`DataError`)."""
        return Catalog.build(load_records(self.data_dir, self.root))

    def release(self) -> Release | None:
        """The release the project's ``CITATION.cff`` names (raises :class:`DataError` for a file it cannot use)."""
        return read_release(self.root)

    def history(self) -> History:
        """The history of the values from the repository's commits, worked out once per commit checked out."""
        data = read_history(self.root, self.data_dir)
        if self._history is None or self._history[0] is not data:
            self._history = (data, History.build(data))
        return self._history[1]

    def run(self) -> Outcome:
        """Every step of the pipeline; broken files give an outcome with problems, not an exception."""
        # What the build reads besides the records, read first: mkdocs.yml itself, and the front matter of the
        # pages and the blog's posts.
        settled = list(self.settings.problems) if self.settings is not None else []
        content = read_pages(self.docs_dir, self.root, self.blog)
        settled += content.problems
        articles = content.articles
        release: Release | None = None
        try:
            release = self.release()
        except DataError as exc:
            settled += exc.problems
        notes = ignored_files(self.data_dir, self.root)
        problems: list[Problem] = []
        failure = ""
        rebuild: Rebuild | None = None
        if not self.data_dir.is_dir():
            # Said at its line when mkdocs.yml names the folder; else here.
            if not any(p.field.endswith(".data_dir") for p in settled):
                problems = [Problem(display_path(self.data_dir, self.root), 1, 1, "", "no such folder of records")]
        else:
            try:
                self.session.site = release.title if release is not None else ""
                history = self.history()
                notes += self._history[0].notes if self._history else []  # old files the history passed over
                site_url = (self.settings.site_url if self.settings is not None else None) or ""
                rebuild = self.session.update(history, release, site_url)
            except DataError as exc:
                problems = list(exc.problems)
            except TemplateRenderError as exc:
                failure = str(exc)
        if rebuild is None:
            last = self.last_good if self.keep_last_good and self.last_good else ([], Catalog({}), {})
            problems = [*settled, *problems]
            outcome = Outcome(last[1], last[0], problems, failure, notes=notes, expanded=last[2], articles=articles)
            outcome.abbreviations, outcome.stale, outcome.release = self.read_abbreviations(), True, release
            outcome.site, outcome.blog_posts = self.site, self.blog.posts
            if self._history is not None and last[0]:
                # The last good pages go with the history they were made with (the feed of changes is the same).
                outcome.history = self._history[1]
            return outcome
        expanded: dict[str, str] = {}
        if self.docs_dir.is_dir():
            settled += check_pages(rebuild.catalog, self.docs_dir, self.root, articles, expanded)
            settled += shadowed(rebuild.pages, self.docs_dir, self.root, self.templates_dir)
        if self.keep_last_good:
            self.last_good = (rebuild.pages, rebuild.catalog, expanded)
        return Outcome(
            rebuild.catalog,
            rebuild.pages,
            settled,
            uncited=rebuild.catalog.uncited(),
            notes=notes,
            expanded=expanded,
            articles=articles,
            abbreviations=self.read_abbreviations(),
            rendered=rebuild.rendered,
            complete=rebuild.complete,
            release=release,
            history=history,
            site=self.site,
            blog_posts=self.blog.posts,
        )

    @property
    def site(self) -> tuple[str, str | None]:
        """The site's name and address, as mkdocs.yml gives them (for the feeds)."""
        return (self.settings.site_name, self.settings.site_url) if self.settings is not None else ("", None)

    def read_abbreviations(self) -> Abbreviations | None:
        path = self.abbreviations_file
        if path is None or (not path.exists() and self.settings is not None and self.settings.problems):
            return None  # a file mkdocs.yml names but that is not there: one of the settings' problems
        try:
            return Abbreviations.parse(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ReeError(f"abbreviations file {self.options.abbreviations}: {exc.strerror}") from None

    def nav(self, nav: list[NavItem] | None, catalog: Catalog) -> list[NavItem] | None:
        """The configured navigation with the records of each small collection listed under its index."""
        return expand_nav(nav, catalog, self.options.nav_max_records)


__all__ = ["Outcome", "Project"]
