"""Data inside hand-written pages: ``[[figure world mine-production latest]]`` and friends.

One syntax, ``[[name arguments]]``, expanded before Markdown runs. Every reference is checked against
the catalog; an unknown one is a problem at the page's ``path:line:column``. Code blocks and inline
code are left alone, so the syntax can be shown in documentation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..data.discovery import display_path
from ..data.frontmatter import split_front_matter
from ..data.text import long_date, md_escape, number, percent
from ..errors import DataError, Problem
from ..link import stats
from ..link.catalog import title_of
from ..link.pages import record_uri, relative_link
from .search import NOT_SEARCHED
from .views import Views

if TYPE_CHECKING:
    from ..data.articles import Article
    from ..data.loading import Entry
    from ..data.models import Record
    from ..data.parts import Figure
    from ..link.catalog import Catalog

SHORTCODE = re.compile(r"\[\[\s*([a-z][a-z-]*)((?:\s+[^\s\]]+)*)\s*\]\]")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_QUALIFIERS = {"more-than": "more than ", "less-than": "less than ", "about": "about "}

#: The directives, with the arguments each takes (shown in error messages and the README).
USAGE: dict[str, str] = {
    "figure": "[[figure PRODUCER MEASURE YEAR|latest]]",
    "share": "[[share PRODUCER YEAR|latest]]",
    "hhi": "[[hhi YEAR|latest]]",
    "year": "[[year]]",
    "count": "[[count elements|producers|issues|sources]]",
    "link": "[[link KIND/ID]]",
    "chart": "[[chart world-production YEAR|latest]], [[chart production PRODUCER]] or [[chart stages PRODUCER]]",
    "table": "[[table production YEAR|latest]] or [[table hhi]]",
    "latest-articles": "[[latest-articles N]]",
}


class EmbedError(Exception):
    """A directive that cannot be expanded; the message says why."""


class Embedder:
    """Expands the directives of one page against a catalog."""

    def __init__(self, catalog: Catalog, page_uri: str, articles: Sequence[Article] = ()) -> None:
        self.catalog = catalog
        self.page_uri = page_uri
        self.articles = articles
        self.views = Views(catalog, page_uri)
        self.handlers: dict[str, Callable[[list[str]], str]] = {
            "figure": self._figure,
            "share": self._share,
            "hhi": self._hhi,
            "year": self._year,
            "count": self._count,
            "link": self._link,
            "chart": self._chart,
            "table": self._table,
            "latest-articles": self._latest_articles,
        }

    def expand(self, text: str, path: str, first_line: int = 1) -> str:
        """``text`` with every directive replaced; raises :class:`DataError` listing each bad one."""
        problems: list[Problem] = []
        lines = text.split("\n")
        fence: str | None = None
        for index, line in enumerate(lines):
            opening = _FENCE.match(line)
            if fence is not None:
                if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                    fence = None
                continue
            if opening:
                fence = opening.group(1)
                continue
            if "[[" in line:
                lines[index] = self._expand_line(line, path, first_line + index, problems)
        if problems:
            raise DataError(problems)
        return "\n".join(lines)

    def _expand_line(self, line: str, path: str, number_: int, problems: list[Problem]) -> str:
        # Split on inline code spans so that `[[...]]` inside backticks stays as written.
        parts = re.split(r"(`+[^`]*`+)", line)
        offset = 0
        for i, part in enumerate(parts):
            if i % 2 == 0:
                parts[i] = SHORTCODE.sub(lambda m, base=offset: self._one(m, path, number_, base, problems), part)
            offset += len(part)
        return "".join(parts)

    def _one(self, match: re.Match[str], path: str, line: int, offset: int, problems: list[Problem]) -> str:
        name, args = match.group(1), match.group(2).split()
        handler = self.handlers.get(name)
        try:
            if handler is None:
                raise EmbedError(f"unknown directive {name!r}; known: {', '.join(sorted(self.handlers))}")
            return handler(args)
        except EmbedError as exc:
            problems.append(Problem(path, line, offset + match.start() + 1, f"[[{name}]]", str(exc)))
            return match.group(0)

    # --- helpers -------------------------------------------------------------------------------

    def _entry(self, kind: str, record_id: str) -> Entry[Record]:
        try:
            return self.catalog.get(kind, record_id)
        except KeyError:
            raise EmbedError(f"unknown {kind} {record_id!r}") from None

    def _arity(self, name: str, args: list[str], count: int) -> None:
        if len(args) != count:
            raise EmbedError(f"takes {count} argument{'s' if count != 1 else ''}: {USAGE[name]}")

    def _year_arg(self, value: str) -> int:
        if value == "latest":
            latest = stats.latest_year(self.catalog)
            if latest is None:
                raise EmbedError("no world mine production is recorded, so there is no latest year")
            return latest
        if not value.isdigit():
            raise EmbedError(f"{value!r} is not a year or 'latest'")
        return int(value)

    def _cite(self, figure: Figure) -> str:
        source = self._entry("source", figure.source)
        target = relative_link(self.page_uri, record_uri("source", source.id))
        title = md_escape(f"{source.record.publisher} ({source.record.year or 'n.d.'})")  # type: ignore[attr-defined]
        # Not searched: a result's excerpt would read "2,000 t REOsource".
        return f'<sup class="ree-cite" {NOT_SEARCHED}>[source]({target} "{title}")</sup>'

    # --- directives ----------------------------------------------------------------------------

    def _figure(self, args: list[str]) -> str:
        self._arity("figure", args, 3)
        entry = self._entry("producer", args[0])
        measure = args[1]
        year = None if args[2] == "latest" else self._year_arg(args[2])
        figure = stats.figure_for(entry, measure, year)
        if figure is None:
            when = "any year" if year is None else str(year)
            raise EmbedError(f"producer {args[0]!r} has no {measure!r} figure for {when}")
        qualifier = _QUALIFIERS.get(figure.qualifier or "", "")
        return f"{qualifier}{number(figure.value)} {md_escape(figure.unit)}{self._cite(figure)}"

    def _share(self, args: list[str]) -> str:
        self._arity("share", args, 2)
        entry = self._entry("producer", args[0])
        year = self._year_arg(args[1])
        share = stats.share_of_world(self.catalog, entry, year)
        if share is None:
            raise EmbedError(f"no share of world mine production can be computed for {args[0]!r} in {year}")
        return percent(share)

    def _hhi(self, args: list[str]) -> str:
        self._arity("hhi", args, 1)
        result = stats.hhi(self.catalog, self._year_arg(args[0]))
        if result is None:
            raise EmbedError(f"no mine production by country is recorded for {args[0]}")
        return f"{result.hhi:,.0f}"

    def _year(self, args: list[str]) -> str:
        self._arity("year", args, 0)
        return str(self._year_arg("latest"))

    def _count(self, args: list[str]) -> str:
        self._arity("count", args, 1)
        collections: dict[str, Sequence[object]] = {
            "elements": self.catalog.elements,
            "producers": self.catalog.producers,
            "issues": self.catalog.issues,
            "sources": self.catalog.sources,
        }
        if args[0] not in collections:
            raise EmbedError(f"unknown collection {args[0]!r}: {USAGE['count']}")
        return str(len(collections[args[0]]))

    def _link(self, args: list[str]) -> str:
        self._arity("link", args, 1)
        folder, _, record_id = args[0].partition("/")
        kinds = {"elements": "element", "producers": "producer", "issues": "issue", "sources": "source"}
        if folder not in kinds or not record_id:
            raise EmbedError(f"{args[0]!r} is not KIND/ID such as elements/neodymium")
        entry = self._entry(kinds[folder], record_id)
        return f"[{md_escape(title_of(entry))}]({relative_link(self.page_uri, record_uri(entry.kind, entry.id))})"

    def _chart(self, args: list[str]) -> str:
        if len(args) != 2:
            raise EmbedError(f"takes 2 arguments: {USAGE['chart']}")
        kind, target = args
        if kind == "world-production":
            year = self._year_arg(target)
            if not stats.country_shares(self.catalog, year):
                raise EmbedError(f"no mine production by country is recorded for {year}")
            return "\n\n" + self.views.world_production_chart(year) + "\n\n"
        if kind in {"production", "stages"}:
            entry = self._entry("producer", target)
            chart = self.views.production_chart(entry) if kind == "production" else self.views.stage_chart(entry)
            if not chart:
                raise EmbedError(f"producer {target!r} has no figures for a {kind} chart")
            return "\n\n" + chart + "\n\n"
        raise EmbedError(f"unknown chart {kind!r}: {USAGE['chart']}")

    def _latest_articles(self, args: list[str]) -> str:
        self._arity("latest-articles", args, 1)
        if not args[0].isdigit() or int(args[0]) < 1:
            raise EmbedError(f"{args[0]!r} is not a number of articles")
        if not self.articles:
            raise EmbedError("no articles (dated posts with a # title) were found")
        lines = []
        for article in self.articles[: int(args[0])]:
            target = relative_link(self.page_uri, article.uri)
            summary = f": {md_escape(article.description)}" if article.description else ""
            lines.append(f"- [{md_escape(article.title)}]({target}) ({long_date(article.date)}){summary}")
        return "\n\n" + "\n".join(lines) + "\n\n"

    def _table(self, args: list[str]) -> str:
        if not args or args[0] not in {"production", "hhi"}:
            raise EmbedError(f"unknown table: {USAGE['table']}")
        if args[0] == "hhi":
            self._arity("table", args, 1)
            rows = [stats.hhi(self.catalog, y) for y in stats.production_years(self.catalog)]
            lines = ["| Year | HHI | Largest producer | Its share |", "|---:|---:|---|---:|"]
            for row in rows:
                if row is not None and row.top is not None:
                    lines.append(
                        f"| {row.year} | {row.hhi:,.0f} | {self._link(['producers/' + row.top.id])} | "
                        f"{percent(row.top_share)} |"
                    )
            return "\n\n" + "\n".join(lines) + "\n\n"
        self._arity("table", args, 2)
        year = self._year_arg(args[1])
        shares = stats.country_shares(self.catalog, year)
        if not shares:
            raise EmbedError(f"no mine production by country is recorded for {year}")
        lines = [f"| Country | Mine production {year} (t REO) | Share of world |", "|---|---:|---:|"]
        for share in shares:
            lines.append(
                f"| {self._link(['producers/' + share.entry.id])} | {number(share.figure.value)}"
                f"{self._cite(share.figure)} | {percent(share.percent)} |"
            )
        return "\n\n" + "\n".join(lines) + "\n\n"


def expand_page(
    catalog: Catalog, text: str, page_uri: str, path: str, articles: Sequence[Article] = (), *, first_line: int = 1
) -> str:
    """Expand the directives of one hand-written page (raises :class:`DataError`)."""
    return Embedder(catalog, page_uri, articles).expand(text, path, first_line)


def check_pages(
    catalog: Catalog,
    docs_dir: Path,
    root: Path,
    articles: Sequence[Article] = (),
    expanded: dict[str, str] | None = None,
) -> list[Problem]:
    """Expand the directives of every hand-written page under ``docs_dir`` once: each bad one is a problem at
    the page's ``path:line:column`` (as shown from ``root``). The plugin does this before MkDocs cleans the site,
    and ``ree-site check`` does it too. ``expanded`` receives each expanded page by its path under ``docs_dir``
    (the plugin tells by it which pages an edit of the data changed)."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(display_path(path, root), 1, 1, "", f"cannot read the page: {exc}"))
            continue
        # The front matter is not expanded: directives there are refused where it is read (data.frontmatter).
        head, body = split_front_matter(text)
        if "[[" not in body:
            continue
        uri = path.relative_to(docs_dir).as_posix()
        try:
            result = expand_page(
                catalog, body, uri, display_path(path, root), articles, first_line=head.count("\n") + 1
            )
            if expanded is not None:
                expanded[uri] = head + result
        except DataError as exc:
            problems.extend(exc.problems)
    return problems


__all__ = ["USAGE", "EmbedError", "Embedder", "check_pages", "expand_page"]
