"""The site's Atom feeds, written with feedgen: the articles (the blog's posts, newest first) and the changes to the
data (a record's values changed by one commit per entry, newest first), at :data:`FEEDS`.

Links in a feed are absolute when ``site_url`` is set (the published site). Without it (a local build, which names
no host anywhere) they are relative to the feed's own address, which Atom allows (RFC 4287 resolves them against
the feed document's URI), and the feed leaves out its ``rel="self"`` link, which must be absolute. Ids are
``urn:uuid:`` names made from the site's name and the item, so they stay the same wherever the site is published.
Output is deterministic: a feed's ``updated`` is its newest entry's date, never the time of the build.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from feedgen.feed import FeedGenerator

from ..link.catalog import title_of
from ..link.pages import record_url

if TYPE_CHECKING:
    from ..data.articles import Article
    from ..data.release import Release
    from ..link.catalog import Catalog
    from ..link.changes import History, Step
    from ..link.values import ValueChange

#: Where each feed is written, under the site.
FEEDS: dict[str, str] = {"articles": "feed-articles.xml", "changes": "feed-changes.xml"}
#: The most entries the changes feed carries (the page lists them all).
MAX_CHANGES = 100
#: A feed with no entry yet is dated from this day (deterministic, and before any entry).
_EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def post_path(article: Article, blog_dir: str = "blog") -> str:
    """The site path of a post as Material's blog publishes it with its default ``post_url_format``:
    ``blog/2026/11/16/what-are-rare-earths/`` (the post's ``slug``, else its title made a slug)."""
    from pymdownx.slugs import slugify  # noqa: PLC0415 - what the blog plugin slugs titles with, needed here only

    slug = article.slug or slugify(case="lower")(article.title, "-")
    return f"{blog_dir}/{article.date:%Y/%m/%d}/{slug}/"


class _Links:
    """Makes links for a feed at ``feed_path``: absolute under ``site_url``, else relative to the feed."""

    def __init__(self, site_url: str | None, feed_path: str) -> None:
        self.base = (site_url.rstrip("/") + "/") if site_url else None
        self.feed_dir = posixpath.dirname(feed_path)

    def to(self, path: str) -> str:
        """``path`` is site-relative without a leading slash (``producers/china/``, "" for the home page)."""
        if self.base is not None:
            return self.base + path
        relative = posixpath.relpath(path or ".", self.feed_dir)
        return relative + ("/" if path.endswith("/") or not path else "")


def _id(site_name: str, item: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'ree-site:{site_name}:{item}')}"


def _feed(
    name: str, title: str, subtitle: str, links: _Links, *, site_name: str, release: Release | None
) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(_id(site_name, f"feed:{name}"))
    feed.title(f"{site_name}: {title}")
    feed.subtitle(subtitle)
    feed.language("en")
    feed.author({"name": release.authors[0] if release and release.authors else site_name})
    if release is not None:
        feed.rights(f"{release.licence_title} ({release.licence_url})")
    if links.base is not None:
        feed.link(href=links.to(FEEDS[name]), rel="self", type="application/atom+xml")
    feed.generator(site_name)
    return feed


def articles_feed(
    articles: Sequence[Article], *, site_name: str, site_url: str | None, release: Release | None, blog_dir: str
) -> str:
    """The Atom feed of the articles, newest first."""
    links = _Links(site_url, FEEDS["articles"])
    feed = _feed("articles", "articles", f"The articles of {site_name}.", links, site_name=site_name, release=release)
    feed.link(href=links.to(f"{blog_dir}/"), rel="alternate", type="text/html")
    newest = _EPOCH
    for article in sorted(articles, key=lambda a: (a.date, a.uri), reverse=True):
        when = dt.datetime.combine(article.date, dt.time(), tzinfo=dt.UTC)
        newest = max(newest, when)
        entry = feed.add_entry(order="append")
        entry.id(_id(site_name, f"article:{article.uri}"))
        entry.title(article.title)
        entry.link(href=links.to(post_path(article, blog_dir)), rel="alternate", type="text/html")
        entry.published(when)
        entry.updated(when)
        if article.description:
            entry.summary(article.description)
    feed.updated(newest)
    return str(feed.atom_str(pretty=True).decode("utf-8"))


def _source(catalog: Catalog, source: str | None) -> str:
    if source is None:
        return ""
    entry = catalog.entries.get(("source", source))
    return title_of(entry) if entry is not None else source


def _change_html(change: ValueChange, catalog: Catalog) -> str:
    old, new = change.old, change.new
    if old is not None and new is not None:
        sources = _source(catalog, old.source)
        if new.source != old.source:
            sources = f"{sources} → {_source(catalog, new.source)}"
        text = f"{new.label}: {old.shown} → {new.shown}"
    elif new is not None:
        text, sources = f"{new.label}: {new.shown} added", _source(catalog, new.source)
    else:
        assert old is not None
        text, sources = f"{old.label}: {old.shown} removed", _source(catalog, old.source)
    return f"<li>{html.escape(text)}{f' (source: {html.escape(sources)})' if sources else ''}</li>"


def _step_text(step: Step, catalog: Catalog) -> tuple[str, str]:
    """The entry's title and its HTML content."""
    if step.record:
        values = f"{step.count} {'value' if step.count == 1 else 'values'}"
        verb = "first recorded" if step.record == "added" else "removed"
        return f"{step.title}: {verb}, with {values}", f"<p>{html.escape(step.title)}: {verb}, with {values}.</p>"
    count = len(step.changes)
    title = f"{step.title}: {count} {'value' if count == 1 else 'values'} changed"
    items = "".join(_change_html(change, catalog) for change in step.changes)
    return title, f"<ul>{items}</ul>"


def changes_feed(
    history: History, catalog: Catalog, *, site_name: str, site_url: str | None, release: Release | None
) -> str:
    """The Atom feed of the changes to the data: one entry per record a commit changed, newest first."""
    links = _Links(site_url, FEEDS["changes"])
    subtitle = f"Every value of {site_name} added, changed or removed, with its old and new value and source."
    if history.note:
        subtitle += f" {history.note}"
    feed = _feed("changes", "changes to the data", subtitle, links, site_name=site_name, release=release)
    feed.link(href=links.to("changes/"), rel="alternate", type="text/html")
    newest = _EPOCH
    for step in history.steps[:MAX_CHANGES]:
        newest = max(newest, step.date)
        title, content = _step_text(step, catalog)
        known = (step.kind, step.id) in catalog.entries and step.record != "removed"
        entry = feed.add_entry(order="append")
        entry.id(_id(site_name, f"change:{step.sha}:{step.kind}/{step.id}"))
        entry.title(title)
        target = record_url(step.kind, step.id).lstrip("/") if known else "changes/"
        entry.link(href=links.to(target), rel="alternate", type="text/html")
        entry.updated(step.date)
        entry.content(content, type="html")
    feed.updated(newest)
    return str(feed.atom_str(pretty=True).decode("utf-8"))


__all__ = ["FEEDS", "MAX_CHANGES", "articles_feed", "changes_feed", "post_path"]
