"""The complete docs tree, for any engine: hand-written pages with their directives expanded, the generated
pages, the downloads and the glossary's abbreviations, as ``ree-site generate DIR`` writes it.

The ``ree`` plugin does the same work inside MkDocs, page by page, through :func:`finish_page`: the one place
where a page's directives are expanded and its abbreviations appended. The tree is deterministic (the same input
gives byte-identical files), a file is rewritten only when its content changes, and a manifest lets the next run
remove exactly the files this one wrote and no longer needs.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..data.abbreviations import Abbreviations
from ..data.articles import Article, find_articles
from ..data.frontmatter import read_front_matter, split_front_matter
from ..errors import DataError, Problem
from ..render.embeds import expand_page
from ..render.page_citation import HEAD_KEY
from ..render.renderer import RenderedPage, Renderer
from ..render.search import annotation, page_search
from .citing import Citing, with_head
from .export import export_files

if TYPE_CHECKING:
    from ..link.catalog import Catalog

#: Listed in the output folder: the files the last run wrote, relative to it, one per line.
MANIFEST = ".ree-site-manifest"
#: The ``nav:`` key of mkdocs.yml and its indented (or blank, or comment) lines.
_NAV = re.compile(r"(?m)^nav:[^\n]*\n(?:(?:[ \t-][^\n]*|[ \t]*|#[^\n]*)(?:\n|\Z))*")


def shadowed(pages: Sequence[RenderedPage], docs_dir: Path, root: Path, templates_dir: Path | None) -> list[Problem]:
    """A hand-written page where a generated one goes, as a problem at the page: the pipeline refuses it for every
    entry point (the plugin, ``check`` and ``generate``), and the tree never writes one over the other."""
    where = os.path.relpath(templates_dir, root) if templates_dir else "ree_site/templates"
    why = "would replace the page the ree plugin generates there; remove it, or change the template under "
    why += f"{where}/ instead"
    shown = [
        os.path.relpath(docs_dir / page.uri, root).replace(os.sep, "/")
        for page in pages
        if (docs_dir / page.uri).is_file()
    ]
    return [Problem(path, 1, 1, "", why) for path in shown]


def finish_page(
    catalog: Catalog,
    markdown: str,
    uri: str,
    shown: str,
    *,
    articles: Sequence[Article] = (),
    abbreviations: Abbreviations | None = None,
    hand_written: bool = True,
    first_line: int = 1,
    meta: Mapping[str, Any] | None = None,
    searched: bool = True,
) -> str:
    """A page's Markdown as an engine must read it: directives expanded (hand-written pages only), the
    definitions of the abbreviations it uses appended, and what the search files it under (from its front matter
    ``meta``: see :mod:`ree_site.render.search`; not for a page another plugin made, ``searched=False``). Raises
    :class:`DataError` for a bad directive."""
    if hand_written and "[[" in markdown:
        markdown = expand_page(catalog, markdown, uri, shown, articles, first_line=first_line)
    if abbreviations is not None:
        markdown += abbreviations.for_text(markdown)
    return markdown + annotation(page_search(uri, meta)) if searched else markdown


def docs_tree(
    catalog: Catalog,
    docs_dir: Path,
    templates_dir: Path | None,
    abbreviations: Abbreviations | None,
    *,
    exclude: Sequence[str] = ("includes/",),
    root: Path | None = None,
    pages: Sequence[RenderedPage] | None = None,
    articles: Sequence[Article] | None = None,
    exports: Mapping[str, str] | None = None,
    citing: Citing | None = None,
) -> dict[str, bytes]:
    """Every file of the docs tree, by path: what MkDocs with the ``ree`` plugin would read, made plain.
    ``pages`` are the generated pages when already rendered (by an incremental session), ``articles`` the blog's
    posts when already read (by the pipeline, with the blog's options), ``exports`` the downloads when already
    made (the pipeline's, with the release), ``citing`` what each page's citation needs (none without a release)."""
    if articles is None:
        articles = find_articles(docs_dir)
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    base = root if root is not None else docs_dir.parent
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        uri = path.relative_to(docs_dir).as_posix()
        if any(uri.startswith(prefix) for prefix in exclude):
            continue
        if path.suffix != ".md":
            files[uri] = path.read_bytes()
            continue
        text = path.read_text(encoding="utf-8-sig")
        head, body = split_front_matter(text)
        shown = os.path.relpath(path, base).replace(os.sep, "/")
        try:
            meta = read_front_matter(text, shown).data if head else {}
            body = finish_page(
                catalog, body, uri, shown, articles=articles, abbreviations=abbreviations,
                first_line=head.count("\n") + 1, meta=meta,
            )  # fmt: skip
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        if citing is not None:
            body, cite_head = citing.page(uri, body, read_front_matter(head + body, shown).data)
            head = with_head(head, cite_head)
        files[uri] = (head + body).encode("utf-8")
    if problems:
        raise DataError(problems)
    rendered = pages if pages is not None else Renderer(catalog, templates_dir).render_all()
    problems = shadowed(rendered, docs_dir, base, templates_dir)
    if problems:
        raise DataError(problems)
    for page in rendered:
        head, body = split_front_matter(page.text)
        body = finish_page(
            catalog, body, page.uri, page.uri, abbreviations=abbreviations, hand_written=False, meta=page.meta
        )
        if citing is not None:
            body, cite_head = citing.page(page.uri, body, page.meta, page.title)
            # A generated page's front matter is one line of JSON: the head joins it there.
            head = f"---\n{json.dumps({**page.meta, HEAD_KEY: cite_head}, ensure_ascii=False, sort_keys=True)}\n---\n\n"
        files[page.uri] = (head + body).encode("utf-8")
    for uri, content in (exports if exports is not None else export_files(catalog)).items():
        files[uri] = content.encode("utf-8")
    return dict(sorted(files.items()))


def engine_config(
    mkdocs_yml: str, docs_dir: str, site_dir: str, nav: list[Any] | None = None, extra: Mapping[str, Any] | None = None
) -> str:
    """The project's ``mkdocs.yml`` for an engine that reads it but runs no MkDocs plugin (Zensical): the same
    theme and Markdown extensions, with ``docs_dir`` pointing at the generated tree, without the ``ree`` plugin,
    whose work the tree already holds, and with ``nav`` (the navigation as the plugin expands it, so that both
    engines show the same sidebar) in place of the written one. Text in, text out: the file has tags a plain
    YAML load refuses, so only the lines of ``nav:``, ``docs_dir:`` and the plugin are replaced. ``extra`` is what
    the plugin adds to ``config.extra`` (the release, for the footer): each key a line of JSON under ``extra:``."""
    text = re.sub(r"(?m)^docs_dir:.*$", f"docs_dir: {docs_dir}\nsite_dir: {site_dir}", mkdocs_yml, count=1)
    if nav is not None:
        block = yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True, width=1000)
        text = _NAV.sub(lambda found: block + "\n" * found.group().endswith("\n\n"), text, count=1)
    text = re.sub(r"(?m)^  - ree:\n(?:      .*\n)+", "", text)
    text = re.sub(r"(?m)^  - ree\n", "", text)
    if extra:
        lines = "".join(f"  {key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in extra.items())
        if re.search(r"(?m)^extra:[ \t]*$", text):
            text = re.sub(r"(?m)^extra:[ \t]*\n", lambda found: found.group() + lines, text, count=1)
        else:
            text = text.rstrip("\n") + "\n\nextra:\n" + lines
    return "# Generated by `ree-site generate --config`: edit mkdocs.yml instead.\n" + text


class TextTree(Mapping[str, bytes]):
    """Generated pages and other text files by path, each encoded only when it is written: thousands of pages
    are never held a second time as bytes."""

    def __init__(self, pages: Sequence[RenderedPage], other: Mapping[str, str]) -> None:
        self._pages = {page.uri: page for page in pages}
        self._other = other

    def __getitem__(self, uri: str) -> bytes:
        page = self._pages.get(uri)
        return (page.text if page is not None else self._other[uri]).encode("utf-8")

    def __iter__(self) -> Iterator[str]:
        yield from self._pages
        yield from (uri for uri in self._other if uri not in self._pages)

    def __len__(self) -> int:
        return len(self._pages) + sum(uri not in self._pages for uri in self._other)


def write_tree(out: Path, files: Mapping[str, bytes], protected: Sequence[Path] = ()) -> tuple[int, int, int]:
    """Write ``files`` under ``out``: only those whose content changed, and remove the files the last run wrote
    that are no longer part of the tree. Returns (written, unchanged, removed). Refuses a folder that holds (or
    is inside) one of ``protected`` (content/, data/), or that has files this tool did not write."""
    out_resolved = out.resolve()
    for folder in protected:
        guarded = folder.resolve()
        if out_resolved == guarded or guarded.is_relative_to(out_resolved) or out_resolved.is_relative_to(guarded):
            raise ValueError(f"{out} would overlap {folder}; choose a folder outside it")
    manifest = out / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.exists() else set()
    if out.exists() and not manifest.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty and was not written by ree-site; choose an empty folder")
    written = unchanged = removed = 0
    for uri, content in files.items():
        path = out / uri
        if path.is_file() and path.read_bytes() == content:
            unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(content)
        temporary.replace(path)
        written += 1
    for uri in sorted(previous - set(files)):
        stale = out / uri
        if stale.is_file():
            stale.unlink()
            removed += 1
    listing = "\n".join(files) + "\n"
    if not manifest.exists() or manifest.read_text(encoding="utf-8") != listing:
        manifest.write_text(listing, encoding="utf-8")
    return written, unchanged, removed


__all__ = ["MANIFEST", "TextTree", "docs_tree", "engine_config", "finish_page", "shadowed", "write_tree"]
