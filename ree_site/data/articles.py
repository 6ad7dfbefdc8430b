"""The articles (Material blog posts) under the docs folder: their front matter checked as the blog plugin will
read it, and the articles themselves for lists such as the home page's latest ones.

Material's blog refuses a post without front matter or without a date, a date it cannot read, an author its
authors file does not name and a category outside ``categories_allowed``, each when it builds; here each is a
problem at its place, found by ``check`` and before MkDocs cleans the site.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataError, Problem
from .discovery import display_path
from .frontmatter import FrontMatter, read_front_matter, text_problems
from .yamlfile import load_yaml

_TITLE = re.compile(r"^# (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Article:
    title: str
    date: dt.date
    uri: str  # relative to the docs folder, e.g. blog/posts/what-are-rare-earths.md
    description: str
    #: The ``slug`` its front matter gives ("" for the blog's own, made from the title).
    slug: str = ""


@dataclass(frozen=True)
class Blog:
    """What Material's blog plugin reads, from its options in mkdocs.yml (paths relative to the docs folder)."""

    #: The folder of the posts.
    posts: str = "blog/posts"
    #: The authors file; None when the blog shows no authors (``authors: false``), so that any name goes.
    authors_file: str | None = "blog/.authors.yml"
    #: The categories a post may name; empty when any goes (Material's default, or ``categories: false``).
    categories_allowed: tuple[str, ...] = ()
    #: Whether the blog plugin is configured: without it posts are plain pages, and only their dates are read.
    enabled: bool = True

    @classmethod
    def from_options(cls, options: Mapping[str, Any] | None) -> Blog:
        """The blog as the plugin's options in mkdocs.yml set it, Material's defaults for the rest."""
        values = dict(options or {})
        blog_dir = posixpath.normpath(str(values.get("blog_dir") or "blog"))

        def place(key: str, default: str) -> str:
            written = str(values.get(key) or default)
            try:
                return posixpath.normpath(written.format(blog=blog_dir))
            except (KeyError, IndexError, ValueError):
                return posixpath.normpath(written)

        allowed = values.get("categories_allowed") if values.get("categories", True) is not False else None
        return cls(
            posts=place("post_dir", "{blog}/posts"),
            authors_file=place("authors_file", "{blog}/.authors.yml") if values.get("authors", True) else None,
            categories_allowed=tuple(str(c) for c in allowed) if isinstance(allowed, list) else (),
            enabled=values.get("enabled", True) is not False,
        )


#: The articles where nothing configures a blog: Material's defaults, with no blog plugin to check them.
NO_BLOG = Blog(authors_file=None, enabled=False)


def read_posts(docs_dir: Path, root: Path, blog: Blog = NO_BLOG) -> tuple[list[Article], list[Problem]]:
    """The articles under ``blog.posts``, newest first, and the problems of their front matter (with the page's
    ``path:line:column``, shown from ``root``). Never raises: a post with problems is left out of the articles."""
    base = docs_dir / blog.posts
    if not base.is_dir():
        return [], []
    authors, problems = _authors(docs_dir, root, blog)
    authors_file = display_path(docs_dir / blog.authors_file, root) if blog.authors_file else ""
    found = []
    for path in sorted(base.rglob("*.md")):
        shown = display_path(path, root)
        try:
            text = path.read_text(encoding="utf-8-sig")
            front = read_front_matter(text, shown)
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(shown, 1, 1, "", f"cannot read the post: {exc}"))
            continue
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        own = text_problems(front)
        if blog.enabled:
            own += _post_problems(front, shown, blog, authors, authors_file)
        problems += own
        article = _article(front, path.relative_to(docs_dir).as_posix())
        if article is not None and not own:
            found.append(article)
    return sorted(found, key=lambda a: (a.date, a.uri), reverse=True), problems


def find_articles(docs_dir: Path, folder: str = "blog/posts") -> list[Article]:
    """Posts with a date and a title, newest first; a post whose front matter has problems is left out (the
    pipeline reports them: :func:`read_posts`)."""
    return read_posts(docs_dir, docs_dir.parent, Blog(posts=folder, authors_file=None, enabled=False))[0]


def _article(front: FrontMatter, uri: str) -> Article | None:
    """The article a post makes, or None without a date it can be sorted by or a title."""
    created = front.dates.get(("date",)) or front.dates.get(("date", "created"))
    if isinstance(created, dt.datetime):
        created = created.date()
    heading = _TITLE.search(front.body)
    title = front.data.get("title") if isinstance(front.data.get("title"), str) else None
    title = title or (heading.group(1).strip() if heading else None)
    if created is None or not title:
        return None
    description = front.data.get("description")
    slug = front.data.get("slug")
    return Article(
        title, created, uri, description if isinstance(description, str) else "", slug if isinstance(slug, str) else ""
    )


def _post_problems(
    front: FrontMatter, shown: str, blog: Blog, authors: set[str] | None, authors_file: str
) -> list[Problem]:
    """What Material's blog would refuse in the front matter of one post."""
    if front.document is None:
        message = "a post needs front matter with its date (---, date: YYYY-MM-DD, ---): Material's blog refuses it"
        return [Problem(shown, 1, 1, "", message)]
    problems = _date_problems(front)
    listed = {"authors": authors if blog.authors_file is not None else None, "categories": None}
    if blog.categories_allowed:
        listed["categories"] = set(blog.categories_allowed)
    for key, known in listed.items():
        value = front.data.get(key)
        if value is None:
            continue
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            problems.append(front.problem((key,), f"must be a list of names, such as {key}: [{_example(key)}]"))
            continue
        if known is None:
            continue
        for index, name in enumerate(value):
            if name not in known:
                problems.append(front.problem((key, index), _unknown(key, name, known, authors_file)))
    return problems


def _example(key: str) -> str:
    return "editors" if key == "authors" else "Supply chain, Security"


def _unknown(key: str, name: str, known: set[str], authors_file: str) -> str:
    names = ", ".join(sorted(known))
    if key == "categories":
        return f"category {name!r} is not in the blog's categories_allowed in mkdocs.yml ({names})"
    if not known:
        return f"unknown author {name!r}: there is no authors file {authors_file} (or it names none)"
    return f"unknown author {name!r}: the authors in {authors_file} are {names}"


def _date_problems(front: FrontMatter) -> list[Problem]:
    """``date:`` as Material reads it: a date (or date and time) written as YAML reads one, unquoted, or a mapping
    of such dates with at least ``created``."""
    if "date" not in front.data:
        return [front.problem(("date",), "a post needs a date: add date: YYYY-MM-DD to its front matter")]
    date = front.data["date"]
    if isinstance(date, dict):
        created = "needs a created date: {created: YYYY-MM-DD}"
        problems = [] if "created" in date else [front.problem(("date",), created)]
        dates = [("date", str(key)) for key in date]
        return problems + [_not_a_date(front, loc) for loc in dates if loc not in front.dates]
    return [] if ("date",) in front.dates else [_not_a_date(front, ("date",))]


def _not_a_date(front: FrontMatter, loc: tuple[str, ...]) -> Problem:
    written = front.written(loc)
    got = f" (got {written!r})" if written is not None else ""
    message = f"must be a date written YYYY-MM-DD, without quotes, as Material's blog reads it{got}"
    return front.problem(loc, message)


def _authors(docs_dir: Path, root: Path, blog: Blog) -> tuple[set[str] | None, list[Problem]]:
    """The author ids of the blog's authors file (an empty set when there is none) and its problems; None when
    the blog shows no authors."""
    if blog.authors_file is None or not blog.enabled:
        return None, []
    path = docs_dir / blog.authors_file
    if not path.is_file():
        return set(), []
    shown = display_path(path, root)
    try:
        document = load_yaml(path, shown)
    except DataError as exc:
        return set(), list(exc.problems)
    authors = document.data.get("authors")
    if not isinstance(authors, dict):
        where = ("authors",) if "authors" in document.data else ()
        return set(), [document.problem(where, "authors", "must map each author's id to their name and description")]
    return {str(key) for key in authors}, []


__all__ = ["NO_BLOG", "Article", "Blog", "find_articles", "read_posts"]
