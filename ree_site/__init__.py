"""ree_site: a reference site on rare earth elements built from YAML records.

The core never imports MkDocs: ``errors`` (one error format), ``fields`` (the annotated field types, and the mark
of a field that refers to another record), ``vocabulary`` (kinds, stages, measures and their labels),
``schema_rules`` (the rules between fields in the JSON Schemas), ``parts`` and ``models`` (the parts records are
made of, and the record kinds), ``discovery`` (which files are records), ``yamlfile`` and ``loading`` (read and
validate), ``messages`` (validation errors in the project's words), ``tracking`` (which records a page read),
``catalog`` (references and backlinks), ``pages`` and ``nav`` (URLs and the sidebar), ``text``, ``render``,
``views``, ``stats`` and ``charts`` (pages, figures and SVG), ``embeds`` and ``articles`` (data inside
hand-written pages), ``abbreviations``, ``export`` and ``schema`` (downloads), and ``cli`` (the ``ree-site``
command). ``plugin`` and ``config`` are the thin MkDocs layer on top.
"""

from __future__ import annotations

from pathlib import Path

from .catalog import Catalog
from .errors import DataError, Problem
from .loading import load_records

__version__ = "0.1.0"

__all__ = ["Catalog", "DataError", "Problem", "__version__", "build_catalog", "load_records"]


def build_catalog(data_dir: Path, root: Path | None = None) -> Catalog:
    """Load, validate and link every record under ``data_dir`` (raises :class:`DataError`)."""
    return Catalog.build(load_records(data_dir, root))
