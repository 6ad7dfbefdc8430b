"""ree_site: a reference site on rare earth elements built from YAML records.

The package is grouped by layer, each a package that imports only the layers before it (a test enforces it):

    errors ← data ← link ← render ← outputs ← build ← engines

``errors`` is the one error format; ``data`` reads and validates the records; ``link`` resolves references and
computes across records; ``render`` writes the pages, charts and directives; ``outputs`` writes the downloads, the
docs tree and the navigation; ``build`` is the one pipeline every entry point runs, the incremental session and the
dirty-build planner; ``engines`` holds the ``ree`` MkDocs plugin (the only code that imports MkDocs) and the
``ree-site`` command. This module is the public surface of the core: load and link the records without MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from .data.loading import load_records
from .errors import DataError, Problem, ReeError
from .link.catalog import Catalog

__version__ = "0.1.0"

__all__ = ["Catalog", "DataError", "Problem", "ReeError", "__version__", "build_catalog", "load_records"]


def build_catalog(data_dir: Path, root: Path | None = None) -> Catalog:
    """Load, validate and link every record under ``data_dir`` (raises :class:`DataError`)."""
    return Catalog.build(load_records(data_dir, root))
