"""Text helpers shared by templates and views: escaping data for Markdown and HTML, numbers, dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from markupsafe import Markup

#: Characters that Markdown, its extensions or HTML would interpret; data text shows them literally.
SPECIAL = re.compile(r"[\\`*_{}\[\]<>&|~^=$\"']")
SPACE = re.compile(r"\s+")


def md_escape(text: str) -> Markup:
    """Escape ``text`` for HTML and Markdown alike: the result reads as plain text on the page."""
    return escape_chars(SPACE.sub(" ", text).strip())


def escape_chars(text: str) -> Markup:
    return Markup(SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text))


def finalize(value: Any) -> Any:
    """Applied to every ``{{ ... }}`` output: data text can never become markup or a template."""
    if isinstance(value, (Markup, int | float)):
        return value
    return md_escape(str(value))


def join(items: Any, separator: str = "") -> Markup:
    """Like Jinja's ``join``, but each plain-text item is escaped for Markdown too, not only for HTML."""
    return escape_chars(separator).join(item if isinstance(item, Markup) else md_escape(str(item)) for item in items)


def number(value: float | None) -> str:
    """``270000.0`` -> ``270,000``; keeps decimals that are there (``0.5``); ``None`` -> ``n/a``."""
    if value is None:
        return "n/a"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def long_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"
