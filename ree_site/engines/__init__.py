"""Engines: the ``ree`` MkDocs plugin (``plugin``, ``config``, and ``mkdocs_adapter``, the one module that touches
MkDocs' and Material's internals) and the ``ree-site`` command (``cli``). Only ``plugin``, ``config`` and
``mkdocs_adapter`` import MkDocs; nothing is imported here, so that ``ree_site.engines.cli`` runs without it.
"""

from __future__ import annotations
