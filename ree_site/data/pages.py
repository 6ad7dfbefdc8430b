"""What the build reads in the docs folder besides the Markdown: the front matter of every page, and the blog's
posts with the rules Material's blog applies to them. The pipeline reads it all before MkDocs does, so that
``check`` refuses what the build would refuse or silently publish as text."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError, Problem
from .articles import NO_BLOG, Article, Blog, read_posts
from .discovery import display_path
from .frontmatter import read_front_matter, text_problems


@dataclass
class Pages:
    """The articles (newest first) and the problems of the pages' front matter, at their places."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_pages(docs_dir: Path, root: Path, blog: Blog = NO_BLOG) -> Pages:
    """Read the front matter of every Markdown page under ``docs_dir`` (shown from ``root``), the posts under
    ``blog.posts`` as Material's blog reads them. Never raises."""
    if not docs_dir.is_dir():
        return Pages()
    articles, problems = read_posts(docs_dir, root, blog)
    posts = (docs_dir / blog.posts).resolve()
    for path in sorted(docs_dir.rglob("*.md")):
        if path.resolve().is_relative_to(posts):
            continue  # read with the blog's rules
        shown = display_path(path, root)
        try:
            front = read_front_matter(path.read_text(encoding="utf-8-sig"), shown)
        except (OSError, UnicodeDecodeError):
            continue  # reported by the directives' check, which reads every page
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        problems += text_problems(front)
    return Pages(articles, problems)


__all__ = ["Pages", "read_pages"]
