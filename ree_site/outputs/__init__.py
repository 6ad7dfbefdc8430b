"""Outputs: the downloads (``export``), the complete docs tree any engine can build (``tree``) and the navigation
with each small collection's records (``nav``). Imports the render, link and data layers.
"""

from __future__ import annotations

from .export import export_files
from .nav import expand_nav
from .tree import docs_tree, write_tree

__all__ = ["docs_tree", "expand_nav", "export_files", "write_tree"]
