"""Where the ``ree`` plugin reaches into MkDocs and Material beyond their plugin API: every such place is here.

MkDocs is pinned below 2 and Material below 10 (requirements.lock); each touch point below is what the public
API does not offer, and each is covered by a test that builds or serves a real site.

1. ``File.__class__`` is swapped for :class:`Tracked` (identity kept: other plugins hold the files), so that a
   dirty build's ``is_modified()`` answers from content (the planner) rather than modification times.
2. ``page.title`` and ``page.meta`` are written behind MkDocs' cached properties for the pages a dirty build does
   not read again, so that the navigation and the tags page still show them (:meth:`DirtyBuild.restore`).
3. ``item.__dict__`` is read for a navigation page's title without triggering its cached property
   (:func:`nav_signature`), which would read a page the dirty build did not read again.
4. MkDocs' "A 'dirty' build is being performed" warning is filtered by its text (:func:`quiet_dirty_warning`):
   the plugin rebuilds every page that warning is about.
5. Under ``mkdocs serve``, the livereload server's ``builder`` is wrapped so that a rebuild that fails (in this
   plugin, in MkDocs, in the blog or any other plugin, or a ``mkdocs.yml`` that no longer loads) never reaches
   the server, which would otherwise hold every request until the files are fixed; and its
   ``_inject_js_into_html`` is wrapped to put the banner of problems at the top of each page as it is served
   (:class:`ServeGuard`), so that entering or leaving an error state changes no built page.
6. Under ``mkdocs serve``, MkDocs' new Jinja environment of each rebuild is given a bytecode cache kept across
   rebuilds (:class:`CompiledTemplates`), so that Material's templates are not compiled again every time.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.structure.files import File
from mkdocs.utils import get_markdown_title
from mkdocs.utils.meta import get_data

from ..build.planner import FIRST, PageState, Plan, Planner
from ..render.banner import with_banner

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

#: The plugin's own logger (its errors are in the banner already).
LOGGER = "mkdocs.plugins.ree_site"
log = logging.getLogger(f"{LOGGER}.engines.plugin")
#: The plugin that generated a file, as MkDocs records it.
GENERATOR = "ree"


class Tracked(File):
    """A file whose ``is_modified()`` (which a dirty build asks of every file) the dirty build answers."""

    dirty: DirtyBuild | None = None

    def is_modified(self) -> bool:
        return self.dirty.is_modified(self) if self.dirty is not None else super().is_modified()


class DirtyBuild:
    """Applies the :class:`~ree_site.build.planner.Planner`'s plans to MkDocs' files and pages, build after build."""

    def __init__(self) -> None:
        self.planner = Planner()
        self.current: Plan = FIRST
        self.writing = False
        self.tracked: list[Tracked] = []
        #: Page path -> (title, metadata) after the last build that read it.
        self.state: dict[str, tuple[str | None, dict[str, Any]]] = {}
        self.outputs: set[str] = set()
        self._expanded: dict[str, str] = {}

    def is_modified(self, file: File) -> bool:
        return self.current.writes(file.src_uri) if self.writing else self.current.reads(file.src_uri)

    def track(self, files: Files, expanded: dict[str, str]) -> None:
        """Give every page and every generated file the class that asks this object (touch point 1)."""
        self.tracked = []
        self.writing = False
        for file in files:
            if file.is_documentation_page() or file.generated_by == GENERATOR:
                if not isinstance(file, Tracked):
                    file.__class__ = Tracked
                tracked = cast("Tracked", file)
                tracked.dirty = self
                self.tracked.append(tracked)
        self._expanded = expanded

    def plan(self, nav: Navigation, titles: dict[str, Any], settings: tuple[Any, ...]) -> None:
        """Plan this build once the navigation is final."""
        listed = {page.file.src_uri for page in nav.pages}
        pages = [replace(self._state(file, titles), in_nav=file.src_uri in listed) for file in self.tracked]
        self.current = self.planner.plan(pages, (settings, nav_signature(nav.items)))

    def _state(self, file: File, titles: dict[str, Any]) -> PageState:
        if file.generated_by == GENERATOR:
            # A page or download the plugin made, in memory: its text says whether it changed.
            key = hashlib.blake2b(file.content_bytes, digest_size=16).hexdigest()
            return PageState(file.src_uri, key, titles.get(file.src_uri))
        content = file.content_bytes
        digest = hashlib.blake2b(content, digest_size=16)
        digest.update(self._expanded.get(file.src_uri, "").encode("utf-8"))
        if not file.is_documentation_page():
            return PageState(file.src_uri, digest.hexdigest())
        head = titles.get(file.src_uri) or _head(content)
        return PageState(file.src_uri, digest.hexdigest(), head, b"<!-- material/tags" in content)

    def forget(self) -> None:
        self.planner.forget()

    def restore(self, files: Files) -> None:
        """Before the pages are written: the title and metadata of each page not read again (touch point 2)."""
        self.writing = True
        if self.current.complete:
            return
        for file in files.documentation_pages():
            page = file.page
            if page is not None and not self.current.reads(file.src_uri) and file.src_uri in self.state:
                page.title, page.meta = self.state[file.src_uri][0], dict(self.state[file.src_uri][1])

    def finish(self, files: Files) -> None:
        """After the build: remember what the pages read, remove the outputs of pages that are gone."""
        for file in files.documentation_pages():
            page = file.page
            if page is not None and self.current.reads(file.src_uri):
                self.state[file.src_uri] = (page.title, dict(page.meta))
        outputs = {file.abs_dest_path for file in self.tracked}
        for stale in self.outputs - outputs:
            Path(stale).unlink(missing_ok=True)  # a page or download removed since the last build
        self.outputs = outputs
        complete = self.current.complete
        built = len(self.tracked) if complete else len(self.current.write)
        why = f" ({complete})" if complete else ""
        log.info(f"Dirty build: {built} of {len(self.tracked)} pages and downloads written again{why}")


def _head(content: bytes) -> tuple[Any, Any]:
    """A page's title and tags as MkDocs will find them: front matter first, else the first heading."""
    body, meta = get_data(content.decode("utf-8-sig", errors="replace"))
    return (meta.get("title") or get_markdown_title(body), repr(meta.get("tags")))


def nav_signature(items: list[Any]) -> list[Any]:
    """The navigation as every page's sidebar and footer show it (touch point 3)."""
    found: list[Any] = []
    for item in items:
        if item.is_page:
            found.append(("page", item.file.src_uri, item.__dict__.get("title")))
        elif item.is_section:
            found.append(("section", item.title, nav_signature(item.children)))
        else:
            found.append(("link", item.title, item.url))
    return found


class WarningLog(logging.Handler):
    """The warnings MkDocs and its plugins log during one build (the preview's banner lists them), and the errors
    other plugins log before they stop a build (which say more than MkDocs' "Aborted with a BuildError!")."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.errors: list[str] = []
        logging.getLogger("mkdocs").addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        if record.levelno == logging.WARNING and message not in self.messages:
            self.messages.append(message)
        elif record.levelno == logging.ERROR and not record.name.startswith(LOGGER) and message not in self.errors:
            self.errors.append(message)

    def close(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self)
        super().close()


#: Where a YAML error is, as PyYAML writes it (inside MkDocs' message for a mkdocs.yml that does not load).
_YAML_MARK = re.compile(r'^\s*in "([^"]+)", line (\d+), column (\d+)$', re.MULTILINE)


def describe_failure(error: BaseException) -> str:
    """Why a rebuild stopped, in one line: ``path:line:column: problem`` when the message says where."""
    text = str(error).strip()
    marks = list(_YAML_MARK.finditer(text))
    if marks:
        last = marks[-1]
        before = [line.strip() for line in text[: last.start()].splitlines() if line.strip()]
        path = Path(last.group(1))
        shown = path.name if path.is_absolute() else last.group(1)
        return f"{shown}:{last.group(2)}:{last.group(3)}: {before[-1] if before else 'not valid YAML'}"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class ServeGuard:
    """Keeps ``mkdocs serve`` answering with the last good pages when a rebuild fails, and shows the banner on every
    page it serves (touch point 5). ``banner`` gives the banner's HTML now ("" for none); ``failed`` is told why a
    rebuild stopped."""

    def __init__(self, server: Any, banner: Callable[[], str], failed: Callable[[BaseException, str], None]) -> None:
        self.banner = banner
        build = server.builder
        inject = server._inject_js_into_html

        def guarded(*args: Any, **kwargs: Any) -> None:
            try:
                build(*args, **kwargs)
            except (Exception, SystemExit) as exc:  # any failure: the preview must keep answering
                failed(exc, describe_failure(exc))

        def injected(content: bytes, epoch: int) -> bytes:
            html = self.banner()
            content = inject(content, epoch)
            return with_banner(content.decode("utf-8"), html).encode("utf-8") if html else content

        server.builder = guarded
        server._inject_js_into_html = injected


class CompiledTemplates(BytecodeCache):
    """The theme's templates compiled, kept in memory across the rebuilds of `mkdocs serve`: MkDocs makes a new
    Jinja environment for every build, which would otherwise compile Material's templates again each time (about
    a third of a dirty rebuild of the real site). Jinja compiles again a template whose source changed (it keeps
    a checksum of the source); a new mkdocs.yml (``settings``), which may change the environment, starts afresh."""

    def __init__(self, settings: bytes = b"") -> None:
        self.settings = settings
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def quiet_dirty_warning() -> None:
    """Silence MkDocs' warning at every dirty build (touch point 4): the plugin rebuilds every page it is about."""
    logger = logging.getLogger("mkdocs.commands.build")
    if _dirty_warning not in logger.filters:
        logger.addFilter(_dirty_warning)


def _dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


__all__ = [
    "DirtyBuild",
    "ServeGuard",
    "Tracked",
    "WarningLog",
    "describe_failure",
    "nav_signature",
    "quiet_dirty_warning",
]  # fmt: skip
