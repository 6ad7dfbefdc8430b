"""Text helpers shared by templates and views: escaping data for Markdown and HTML, numbers, dates."""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from .parts import Figure

#: Characters that Markdown, its extensions or HTML would interpret; data text shows them literally.
SPECIAL_CHARACTERS = "\\`*_{}[]<>&|~^=$\"'"
_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in SPECIAL_CHARACTERS})
SPACE = re.compile(r"\s+")


#: ``62%`` in data text is printed in the site's one style, ``62 %`` (a percent sign alone is left as it is).
PERCENT_SIGN = re.compile(r"(?<=\d)%")


@functools.lru_cache(maxsize=8192)
def md_escape(text: str) -> Markup:
    """Escape ``text`` for HTML and Markdown alike: the result reads as plain text on the page."""
    words = " ".join(text.split())
    if not words.startswith(("http://", "https://")):  # an address keeps its %-escapes
        words = PERCENT_SIGN.sub(" %", words)
    return escape_chars(words)


def escape_chars(text: str) -> Markup:
    """Each special character as a numeric entity; whitespace is kept as it is."""
    return Markup(text.translate(_ENTITIES))


#: What :func:`finalize` prints as it is.
_KEPT = (Markup, int, float)


def finalize(value: Any) -> Any:
    """Applied to every ``{{ ... }}`` output: data text can never become markup or a template."""
    if isinstance(value, _KEPT):
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


def percent(value: float | None, places: int = 1) -> str:
    """A computed share in the site's one style: ``69.2 %``; a share above zero that would round to zero is
    ``< 0.1 %``, never ``0.0 %``; ``None`` is a dash."""
    if value is None:
        return "–"
    smallest = 10**-places
    if 0 < value < smallest / 2:
        return f"< {smallest:.{places}f} %"
    return f"{value:,.{places}f} %"


#: How a figure's qualifier is printed before its value.
QUALIFIER_SIGNS = {"more-than": ">", "less-than": "<", "about": "about "}


def figure_value(figure: Figure) -> str:
    """A figure's value as printed: ``>95``, ``890–1,000``, ``about 3``; ``n/a`` where there is none."""
    if figure.value is None:
        return "n/a"
    if figure.high is not None:
        return f"{number(figure.value)}–{number(figure.high)}"
    return QUALIFIER_SIGNS.get(figure.qualifier or "", "") + number(figure.value)


def long_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def partial_date(value: str) -> str:
    """A date of the timelines in the site's one style: ``2014``, ``August 2014``, ``7 August 2014``."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = dt.date(parts[0], parts[1], 1)
    return f"{month:%B %Y}" if len(parts) == 2 else long_date(dt.date(parts[0], parts[1], parts[2]))


def html_title(text: str) -> str:
    """A record's title for places where MkDocs or Material print it as raw HTML (nav, page title, meta tags)."""
    return html.escape(" ".join(text.split()), quote=True)


#: Scripts other than Latin that titles are written in, and the language their text is taken to be in.
_SCRIPTS = ((re.compile(r"[\u3040-\u30ff]"), "ja"), (re.compile(r"[\uac00-\ud7af]"), "ko"),
            (re.compile(r"[\u4e00-\u9fff]"), "zh"), (re.compile(r"[\u0400-\u04ff]"), "ru"))  # fmt: skip


def language_of(text: str) -> str | None:
    """The language of a title in another script (Japanese kana first: Japanese also uses Han characters)."""
    return next((lang for pattern, lang in _SCRIPTS if pattern.search(text)), None)


def titled(text: str) -> Markup:
    """A title as plain text, in a ``lang`` span when it is written in another script (for screen readers)."""
    lang = language_of(text)
    return Markup(f'<span lang="{lang}">{md_escape(text)}</span>') if lang else md_escape(text)


def note_mark(number: int) -> str:
    """The letter of the ``number``-th note under a table: a, b, ..., z, aa, ab, ..."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
