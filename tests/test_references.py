"""A record's references are found from the fields marked with RefTo: every id field carries the mark, a newly
marked field counts with no more code, and on the real data they are the references the models once listed by
hand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Annotated, Any, get_args, get_origin

import pytest
from pydantic import BaseModel, Field, StringConstraints

from ree_site.data.fields import SLUG_PATTERN, ElementId, ProducerId, Slug, SourceId, refers_to
from ree_site.data.loading import load_records
from ree_site.data.models import KINDS, Element, Issue, Producer, Record, Reference, Source, text_references
from ree_site.data.parts import Cited
from ree_site.data.vocabulary import FOLDERS, PROPERTY_LABELS

from .conftest import ROOT


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> Iterator[type[BaseModel]]:
    """``model`` and every model its fields hold, however deep."""
    if model in seen:
        return
    seen.add(model)
    yield model
    for field in model.model_fields.values():
        for inner in _inner_models(field.annotation):
            yield from _models(inner, seen)


def _inner_models(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _inner_models(arg)


def _holds_slugs(annotation: Any, metadata: list[Any]) -> bool:
    """Whether values of this type are record ids: lowercase slugs, alone, optional or in a list."""
    if any(isinstance(item, StringConstraints) and item.pattern == SLUG_PATTERN for item in metadata):
        return True
    if get_origin(annotation) is Annotated:
        return _holds_slugs(get_args(annotation)[0], list(annotation.__metadata__))
    return any(_holds_slugs(arg, []) for arg in get_args(annotation))


ALL_MODELS = sorted({m for kind in KINDS.values() for m in _models(kind, set())}, key=lambda m: m.__name__)


@pytest.mark.parametrize("model", ALL_MODELS, ids=[m.__name__ for m in ALL_MODELS])
def test_every_field_of_record_ids_is_marked(model: type[BaseModel]) -> None:
    """A field whose values are record ids (slugs) must say what kind of record they name, or the catalog would
    never check or link them. A record's own ``id`` is the one slug that names no other record."""
    for name, field in model.model_fields.items():
        kind = refers_to(field.annotation, field.metadata)
        if _holds_slugs(field.annotation, field.metadata) and not (issubclass(model, Record) and name == "id"):
            assert kind is not None, f"{model.__name__}.{name} holds record ids but is not marked with RefTo"
        if kind is not None:
            assert kind in FOLDERS, f"{model.__name__}.{name} refers to an unknown kind {kind!r}"


def test_the_marks_name_the_kinds_the_field_names_say() -> None:
    expected = {
        "source": "source",
        "sources": "source",
        "element": "element",
        "elements": "element",
        "producers": "producer",
        "parent": "producer",
        "issues": "issue",
        "responses": "issue",
    }
    marked = {
        (model.__name__, name): refers_to(field.annotation, field.metadata)
        for model in ALL_MODELS
        for name, field in model.model_fields.items()
        if refers_to(field.annotation, field.metadata) is not None
    }
    assert marked, "no field is marked"
    for (model_name, name), kind in marked.items():
        assert expected.get(name) == kind, f"{model_name}.{name} refers to {kind}"


class _Note(Cited):
    about: ElementId
    label: Slug  # a slug without the mark names no record


class _Tagged(Source):
    successor: SourceId | None = None
    related: list[ProducerId] = Field(default_factory=list)
    notes: list[_Note] = Field(default_factory=list)


def test_a_new_marked_field_is_a_reference_with_no_more_code() -> None:
    record = _Tagged.model_validate(
        {
            "title": "A report",
            "publisher": "A publisher",
            "year": 2020,
            "url": "https://example.org/report",
            "reviewed": "2024-01-01",
            "sources": ["first"],
            "successor": "later-report",
            "related": ["china", "lynas"],
            "notes": [{"source": "cited", "about": "neodymium", "label": "not-a-record"}],
            "note": "See [[link issues/export-controls]].",
        }
    )
    assert list(record.references()) == [
        (("sources", 0), "source", "first"),
        (("successor",), "source", "later-report"),
        (("related", 0), "producer", "china"),
        (("related", 1), "producer", "lynas"),
        (("notes", 0, "source"), "source", "cited"),
        (("notes", 0, "about"), "element", "neodymium"),
        (("note",), "issue", "export-controls"),
    ]


# The references as each model listed them by hand before they were found from the marks.


def _by_hand(record: Record) -> Iterator[Reference]:
    for index, source in enumerate(record.sources):
        yield ("sources", index), "source", source
    if "[@" in (dumped := record.model_dump_json()) or "[[link " in dumped:
        yield from text_references(record.model_dump(exclude={"editor_note"}), ())
    if isinstance(record, Element):
        yield from _element_by_hand(record)
    elif isinstance(record, Producer):
        yield from _producer_by_hand(record)
    elif isinstance(record, Issue):
        yield from _issue_by_hand(record)


def _element_by_hand(record: Element) -> Iterator[Reference]:
    yield ("atomic_weight", "source"), "source", record.atomic_weight.source
    yield ("group", "source"), "source", record.group.source
    yield ("discovery", "source"), "source", record.discovery.source
    for index, app in enumerate(record.applications):
        yield ("applications", index, "source"), "source", app.source
    if record.properties is not None:
        for name in PROPERTY_LABELS:
            yield ("properties", name, "source"), "source", getattr(record.properties, name).source
    for index, figure in enumerate(record.figures):
        yield ("figures", index, "source"), "source", figure.source
    for index, producer in enumerate(record.producers):
        yield ("producers", index), "producer", producer
    for index, issue in enumerate(record.issues):
        yield ("issues", index), "issue", issue


def _producer_by_hand(record: Producer) -> Iterator[Reference]:
    if record.parent is not None:
        yield ("parent",), "producer", record.parent
    if record.location is not None:
        yield ("location", "source"), "source", record.location.source
    for index, figure in enumerate(record.figures):
        yield ("figures", index, "source"), "source", figure.source
        if figure.element is not None:
            yield ("figures", index, "element"), "element", figure.element
        for position, element in enumerate(figure.elements):
            yield ("figures", index, "elements", position), "element", element
    for index, element in enumerate(record.elements):
        yield ("elements", index), "element", element
    for index, issue in enumerate(record.issues):
        yield ("issues", index), "issue", issue


def _issue_by_hand(record: Issue) -> Iterator[Reference]:
    for index, response in enumerate(record.responses):
        yield ("responses", index), "issue", response
    for index, event in enumerate(record.events):
        yield ("events", index, "source"), "source", event.source
    for index, element in enumerate(record.elements):
        yield ("elements", index), "element", element
    for index, producer in enumerate(record.producers):
        yield ("producers", index), "producer", producer


def test_the_real_data_refers_as_it_did_when_references_were_listed_by_hand() -> None:
    shapes: set[tuple[str, ...]] = set()
    for entry in load_records(ROOT / "data", ROOT):
        found = list(entry.record.references())
        assert Counter(found) == Counter(_by_hand(entry.record)), f"{entry.kind} {entry.id}"
        shapes.update((entry.kind, *(part for part in loc if isinstance(part, str))) for loc, _, _ in found)
    # Every sort of reference is there to compare: marked fields in records, in parts and in lists of parts, and
    # the markers inside text.
    assert {
        ("element", "sources"),
        ("element", "atomic_weight", "source"),
        ("element", "properties", "density", "source"),
        ("element", "figures", "source"),
        ("producer", "parent"),
        ("producer", "location", "source"),
        ("producer", "figures", "element"),
        ("producer", "figures", "elements"),
        ("producer", "issues"),
        ("issue", "responses"),
        ("issue", "events", "source"),
        ("issue", "elements"),
        ("issue", "producers"),
        ("issue", "summary"),
        ("issue", "events", "text"),
    } <= shapes
