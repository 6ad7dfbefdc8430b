"""The annotated types the record fields are written with: ids, years, text, names, URLs and dates, each with its
checks and its JSON Schema; the markers inside free text; :class:`FieldError`, raised by checks across fields; and
:class:`RefTo`, the mark of a field whose values are ids of other records (from which
:meth:`ree_site.data.models.Record.references` finds them)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
#: A citation inside free text: ``... as USGS reports [@usgs-mcs-2026-rare-earths].``
CITATION = re.compile(rf"\[@({_ID})\]")
#: A link to another record inside free text, named by its folder and id: ``[[link issues/china-japan-2010]]``.
RECORD_LINK = re.compile(rf"\[\[link ((?:elements|producers|issues)/{_ID})\]\]")
#: Either marker, for the renderer: a citation (group ``cite``) or a record link (group ``link``, "issues/id").
TEXT_MARKER = re.compile(rf"\[@(?P<cite>{_ID})\]|\[\[link (?P<link>(?:elements|producers|issues)/{_ID})\]\]")

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Year = Annotated[int, Field(ge=1000, le=2100)]

#: Characters that never belong in data: C0 and C1 controls (NUL, ESC, ...), DEL, the line and paragraph
#: separators, and the bidirectional overrides and isolates that can make text display as something else.
UNSAFE_CHARACTERS = r"\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")
#: In free text, tabs and line breaks are whitespace like any other.
_UNSAFE_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: Characters that show nothing although Unicode files them among letters or symbols: the Hangul fillers and the
#: braille blank. (Spaces, zero-width and other format characters, and combining marks on their own, are known by
#: their Unicode category.)
FILLERS = "\u115f\u1160\u3164\uffa0\u2800"
_FILLERS_ESCAPED = "".join(f"\\u{ord(char):04X}" for char in FILLERS)
#: The same rules for editors' tooling (JSON Schema patterns are ECMA-262 regular expressions, which
#: yaml-language-server compiles with the u flag, so \p{...} classes work): a name holds a letter or digit, a text
#: a visible character (the address pattern follows the names of local hosts below).
NAME_PATTERN = rf"^[^{UNSAFE_CHARACTERS}]*(?![{_FILLERS_ESCAPED}])[\p{{L}}\p{{N}}][^{UNSAFE_CHARACTERS}]*$"
TEXT_PATTERN = rf"[^\s\p{{Z}}\p{{C}}\p{{M}}{_FILLERS_ESCAPED}]"
DATE_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
PARTIAL_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


class FieldError(ValueError):
    """A problem found by a check across a model's fields, raised with the field it concerns, so that the
    message points at that field's line rather than at the top of the record."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc


def _clean_text(value: object) -> object:
    # Control and bidirectional-override characters are dropped from free text (tabs and line breaks stay, as
    # whitespace); they would otherwise reach the HTML, or make a sentence display other than it reads.
    return _UNSAFE_IN_TEXT.sub("", value) if isinstance(value, str) else value


def _safe_name(value: str) -> str:
    found = _UNSAFE.search(value)
    if found:
        raise ValueError(
            f"contains the invisible character U+{ord(found.group()):04X} at position {found.start() + 1}; "
            "names and titles may hold only visible characters and spaces"
        )
    return value


def _shows(char: str) -> bool:
    """Whether ``char`` leaves a mark on the page: not a space, a control or format character (a zero-width
    space, a soft hyphen), a combining mark on its own or a filler."""
    return unicodedata.category(char)[0] not in "ZCM" and char not in FILLERS


def _named(text: str) -> str:
    """The distinct characters of ``text`` by code point and name, for a message: ``U+2800 BRAILLE PATTERN BLANK``."""
    found = dict.fromkeys(text)
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')}" for c in list(found)[:3])


def _visible(value: str) -> str:
    if not any(_shows(char) for char in value):
        raise ValueError(f"is blank: it holds only invisible characters ({_named(value)}); write the text")
    return value


def _has_letter(value: str) -> str:
    if not any(unicodedata.category(c)[0] in "LN" and c not in FILLERS for c in value):
        shown = "" if any(_shows(c) for c in value) else "only invisible characters, "
        raise ValueError(f"holds no letter or digit ({shown}{_named(value)}); a name or title must say what it names")
    return value


#: Free text (summaries, notes): not blank, stripped, with control characters removed.
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    BeforeValidator(_clean_text),
    AfterValidator(_visible),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": TEXT_PATTERN}),
]
#: A name or title: like text, but on one line, with no control characters and with a letter or digit.
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_safe_name),
    AfterValidator(_has_letter),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": NAME_PATTERN}),
]

#: Names no public host has: localhost and the names reserved for local networks and tests (RFC 2606, 6761, 6762,
#: 8375, and ICANN's .internal).
LOCAL_NAMES = ("localhost", "local", "localdomain", "internal", "home.arpa", "lan", "test", "invalid", "example")
_LOCAL = "|".join(name.replace(".", r"\.") for name in LOCAL_NAMES)
#: For editors' tooling: no user name, no local name, and a host with a domain (or an IP address in brackets).
URL_PATTERN = (
    rf"^https?://(?![^/?#]*@)(?!([^/?#:]*\.)?({_LOCAL})\.?([:/?#]|$))(?=\[|[^/?#:]*[^/?#:.]\.[^/?#:.])"
    r"[^\s\x00-\x1f\x7f]{4,}$"
)


def _http_url(value: str) -> str:
    if not value.startswith(("https://", "http://")) or len(value) < 12 or _URL_UNSAFE.search(value):
        raise ValueError("must be an http:// or https:// address without spaces")
    problem = _not_public(value)
    if problem is not None:
        raise ValueError(f"{problem}; a reference must be an address every reader can open, on a public host")
    return value


def _not_public(url: str) -> str | None:
    """Why ``url`` does not lead to a public host (None if it does)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return "is not a well-formed address"
    if parts.username is not None:
        return "holds a user name or password before its host; leave them out"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return _local_name(host)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    public = address.is_global and not address.is_multicast
    return None if public else f"points at {host}, {_address_kind(address)} address"


def _local_name(host: str) -> str | None:
    """Why the host name ``host`` is not a public one (None if it may be)."""
    labels = host.split(".")
    if any(host == name or host.endswith(f".{name}") for name in LOCAL_NAMES):
        return f"points at {host}, a name reserved for local machines and networks"
    if len(labels) == 1:
        return f"points at {host}, a host name without a domain (a machine on a local network)"
    if re.fullmatch(r"\d+|0x[0-9a-f]*", labels[-1]):
        return f"points at {host}, an IP address written in another notation"
    return None


def _address_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    kinds = ("loopback", "link-local", "unspecified", "multicast", "reserved", "private")
    kind = next((k for k in kinds if getattr(address, f"is_{k.replace('-', '_')}")), "reserved")  # 100.64.0.0/10
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


_URL_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f]")


def _partial_date(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(f"a year written as a number: write '{value}' in quotes, as text")
    return value.isoformat() if isinstance(value, dt.date) else value


def _on_the_calendar(value: str) -> str:
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a date on the calendar") from None
    return value


def _iso_date(value: object) -> object:
    # YAML 1.2 has no dates: a date reaches us as text, quoted or not.
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("must be a date written YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a date on the calendar") from None
    return value


Url = Annotated[
    str,
    AfterValidator(_http_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": URL_PATTERN}),
]
Date = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
#: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, checked against the calendar.
PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
    StringConstraints(pattern=PARTIAL_DATE_PATTERN),
    AfterValidator(_on_the_calendar),
    WithJsonSchema({"type": "string", "pattern": PARTIAL_DATE_PATTERN}),
]


@dataclass(frozen=True)
class RefTo:
    """In a field's ``Annotated`` metadata: the field's value (or each item of a list) is the id of a record of
    ``kind`` (``"source"``, ``"element"``, ``"producer"`` or ``"issue"``). Every field so marked, in a record or in
    its parts, is one of the record's references; pydantic ignores the mark."""

    kind: str


#: Ids of other records, by the kind of record they name.
SourceId = Annotated[Slug, RefTo("source")]
ElementId = Annotated[Slug, RefTo("element")]
ProducerId = Annotated[Slug, RefTo("producer")]
IssueId = Annotated[Slug, RefTo("issue")]


def refers_to(annotation: Any, metadata: Iterable[Any] = ()) -> str | None:
    """The kind of record a field with this type (and pydantic's metadata of the field) refers to, or None: the
    :class:`RefTo` in the metadata, or in the type itself, inside an optional or a list."""
    for item in metadata:
        if isinstance(item, RefTo):
            return item.kind
    if get_origin(annotation) is Annotated:
        return refers_to(get_args(annotation)[0], annotation.__metadata__)
    for arg in get_args(annotation):
        found = refers_to(arg)
        if found is not None:
            return found
    return None
