"""Pydantic's validation errors in the project's words: each becomes a problem at the line of the offending key,
with a message that says what to write instead (a misspelt field, a number where text belongs, ...)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem, format_field
from .fields import FieldError
from .yamlfile import YamlDocument


def translate(exc: ValidationError, document: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    """Turn pydantic's errors into problems at the line of the offending key, in the project's words."""
    errors = exc.errors(include_url=False)
    # A misspelt field gives two errors: the unknown name and the missing one. Only the first is news.
    suggested = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            suggestion = _suggestion(model, loc)
            if suggestion is not None:
                suggested.add((*loc[:-1], suggestion))
    problems = []
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc in suggested:
            continue
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, FieldError):
            loc = (*loc, *cause.loc)
        message = _message(error, loc, model, document)
        problems.append(document.problem(loc, format_field(loc) or "(record)", message))
    return problems


def _suggestion(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1)
    return close[0] if close else None


#: How YAML 1.1 words for true and false are meant, for the message that says what to write instead.
_YES_NO = {"yes": "true", "y": "true", "on": "true", "no": "false", "n": "false", "off": "false"}


@dataclass(frozen=True)
class _Error:
    """One pydantic error with what the messages need: the value as written in the file, and its place."""

    kind: str
    given: Any
    written: str | None
    loc: tuple[str | int, ...]
    model: type[BaseModel]
    ctx: dict[str, Any]

    @property
    def got(self) -> str:
        if self.written is not None:
            return f" (got {self.written!r})" if isinstance(self.given, str) else f" (got {self.written})"
        return f" (got {self.given!r})" if _scalar(self.given) else ""


def _message(error: Any, loc: tuple[str | int, ...], model: type[BaseModel], document: YamlDocument) -> str:
    found = _Error(error["type"], error.get("input"), document.written(loc), loc, model, error.get("ctx") or {})
    translate = _MESSAGES.get(found.kind)
    if translate is not None:
        return translate(found)
    message: str = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if found.kind == "string_pattern_mismatch" and name in _PATTERN_HINTS:
        return _PATTERN_HINTS[name] + found.got
    if found.kind not in {"value_error", "assertion_error"} and _scalar(found.given):
        return message + found.got
    return message


def _unknown_field(error: _Error) -> str:
    if error.loc[-1] == "<<":
        return "unknown field: YAML merge keys (<<) are not part of YAML 1.2; write the fields out"
    suggestion = _suggestion(error.model, error.loc)
    if suggestion is None:
        return f"unknown field; known fields: {', '.join(sorted(_fields_at(error.model, error.loc[:-1])))}"
    required = " (a required field)" if _required(error.model, (*error.loc[:-1], suggestion)) else ""
    return f"unknown field; did you mean {suggestion!r}{required}?"


def _not_text(error: _Error) -> str:
    if isinstance(error.given, bool) or error.given is None:
        shown = error.written if error.written is not None else str(error.given).lower()
        what = "empty" if error.given is None else "true or false"
        return f"must be text, not {what}: write {shown!r} in quotes if you mean the text"
    if isinstance(error.given, int | float):
        return f"must be text{error.got}: put the number in quotes if it is meant as text"
    return f"must be text{error.got}"


def _not_boolean(error: _Error) -> str:
    if isinstance(error.given, str) and error.given.lower() in _YES_NO:
        return f"must be true or false: write {_YES_NO[error.given.lower()]} for {error.given!r}"
    return f"must be true or false{error.got}"


def _not_listed(error: _Error) -> str:
    expected = str(error.ctx.get("expected", ""))
    options = [part.strip(" '") for part in re.split(r",| or ", expected) if part.strip(" '")]
    close = difflib.get_close_matches(str(error.given), options, n=1) if isinstance(error.given, str) else []
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"must be one of {', '.join(options)}{error.got}{hint}"


def _out_of_range(error: _Error) -> str:
    words = {"greater_than_equal": ("at least", "ge"), "less_than_equal": ("at most", "le")}
    words |= {"greater_than": ("more than", "gt"), "less_than": ("less than", "lt")}
    bound, key = words[error.kind]
    limit = error.ctx.get(key)
    return f"must be {bound} {limit:g}{error.got}" if isinstance(limit, int | float) else f"must be {bound} {limit}"


_MESSAGES: dict[str, Callable[[_Error], str]] = {
    "missing": lambda error: "required field is missing",
    "extra_forbidden": _unknown_field,
    "string_type": _not_text,
    "bool_type": _not_boolean,
    "bool_parsing": _not_boolean,
    **dict.fromkeys(
        ["int_type", "int_parsing", "int_from_float"],
        lambda error: f"must be a whole number written in decimal digits{error.got}",
    ),
    **dict.fromkeys(
        ["float_type", "float_parsing"], lambda error: f"must be a number written in decimal digits{error.got}"
    ),
    "literal_error": _not_listed,
    **dict.fromkeys(["greater_than_equal", "less_than_equal", "greater_than", "less_than"], _out_of_range),
    **dict.fromkeys(
        ["list_type", "tuple_type"], lambda error: f"must be a list{error.got}: write [a, b] or one '- a' per line"
    ),
    **dict.fromkeys(
        ["model_type", "model_attributes_type", "dict_type"], lambda error: f"must be a mapping of fields{error.got}"
    ),
    "too_short": lambda error: "must list at least one item",
    "string_too_short": lambda error: "must not be empty",
}


def _scalar(value: object) -> bool:
    return value is not None and not isinstance(value, dict | list)


def _required(model: type[BaseModel], loc: tuple[str | int, ...]) -> bool:
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return False
        current = _model_in(field.annotation)
    field = getattr(current, "model_fields", {}).get(loc[-1])
    return bool(field is not None and field.is_required())


_SLUG_HINT = "must be a record id: a lowercase slug such as 'usgs-mcs-2025'"
_PATTERN_HINTS = {
    **dict.fromkeys(["source", "sources", "producers", "elements", "issues", "parent", "responses", "id"], _SLUG_HINT),
    "symbol": "must be a chemical symbol such as 'Nd'",
    "value": "must be written as CIAAW prints it, such as '144.242(3)' or '[6.938, 6.997]'",
    "date": "must be a date written YYYY-MM-DD, or 'YYYY-MM' or 'YYYY' in quotes",
}


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the (nested) model found at ``loc``, for spelling suggestions."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
