"""A citation for each figure in a table: the site (with its version) as APA gives it, then the original source.

Each row of a figures table gets a small "cite" link to ``#fig-N``; the citations are listed under the table in a
folded block (:meth:`FigureCites.block`), plain text that works without JavaScript (ree.js only opens the block
when a link leads into it). The site's part is formatted by citeproc-py like a page's citation (see
:func:`ree_site.render.citations.formatted`: once per build, then the figure's label and address filled in);
the source's part is the page's own reference-list style, so the two name a source alike.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, cast

from markupsafe import Markup

from ..data.text import figure_value
from ..data.vocabulary import MEASURE_LABELS
from ..link.catalog import title_of
from ..link.pages import page_url
from .citations import cited, formatted
from .search import NOT_SEARCHED

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Record, Source
    from ..data.parts import Figure
    from ..data.release import Release
    from ..link.catalog import Catalog


class FigureCites:
    """The figure citations of one table of one page, numbered from ``start``."""

    def __init__(self, catalog: Catalog, release: Release, site_url: str, page_uri: str, start: int = 1) -> None:
        self._catalog = catalog
        self._release = release
        self._url = (site_url.rstrip("/") + "/" if site_url else "/") + page_url(page_uri)
        self._items: list[tuple[str, str]] = []
        self._start = start

    def label(self, entry: Entry[Record], figure: Figure) -> str:
        """What the figure is: ``China: mine production, 2024: 270,000 t REO``."""
        about = [part for part in (figure.product, figure.partner) if part]
        what = MEASURE_LABELS[figure.measure] + (f" ({', '.join(about)})" if about else "")
        return f"{title_of(entry)}: {what}, {figure.period}: {figure_value(figure)} {figure.unit}"

    def link(self, entry: Entry[Record], figure: Figure) -> Markup:
        """The row's "cite" link; the citation joins the list :meth:`block` prints."""
        anchor = f"fig-{self._start + len(self._items)}"
        page = cited(self._release, self.label(entry, figure), f"{self._url}#{anchor}", "dataset", key=anchor)
        source = cast("Source", self._catalog.get("source", figure.source).record)
        original = (
            f"Original source: {html.escape(source.publisher)} ({source.year or 'n.d.'}). "
            f"<i>{html.escape(source.title)}</i>. {html.escape(source.url)}"
        )
        self._items.append((anchor, f"{formatted('apa', self._release, page)}. {original}"))
        return Markup(
            f'<a class="ree-fig-cite" href="#{anchor}" title="Cite this figure" data-pagefind-ignore>cite</a>'
        )

    def block(self) -> Markup:
        """The folded list of the citations linked so far ("" when there are none)."""
        if not self._items:
            return Markup("")
        items = "\n".join(f'<li id="{anchor}" value="{anchor[4:]}">{text}</li>' for anchor, text in self._items)
        return Markup(
            f'<details class="ree-cite ree-figure-cite" {NOT_SEARCHED}>\n<summary>Cite a figure</summary>\n'
            f'<ol class="ree-figure-cites">\n{items}\n</ol>\n</details>'
        )


__all__ = ["FigureCites"]
