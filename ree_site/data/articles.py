"""The articles (Material blog posts) under the docs folder, for lists such as the home page's latest ones."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_TITLE = re.compile(r"^# (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Article:
    title: str
    date: dt.date
    uri: str  # relative to the docs folder, e.g. blog/posts/what-are-rare-earths.md
    description: str


def find_articles(docs_dir: Path, folder: str = "blog/posts") -> list[Article]:
    """Posts with a date and a ``# title``, newest first; files without them are not articles."""
    found = []
    base = docs_dir / folder
    if not base.is_dir():
        return []
    for path in sorted(base.rglob("*.md")):
        text = path.read_text(encoding="utf-8-sig")
        front = _FRONT.match(text)
        meta = yaml.safe_load(front.group(1)) if front else None
        title = _TITLE.search(text)
        if not isinstance(meta, dict) or not title:
            continue
        date = meta.get("date")
        if isinstance(date, dict):  # Material also accepts {created: ..., updated: ...}
            date = date.get("created")
        if isinstance(date, dt.datetime):
            date = date.date()
        if not isinstance(date, dt.date):
            continue
        uri = path.relative_to(docs_dir).as_posix()
        found.append(Article(title.group(1).strip(), date, uri, str(meta.get("description", ""))))
    return sorted(found, key=lambda a: (a.date, a.uri), reverse=True)
