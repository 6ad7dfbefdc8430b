"""Build: the one pipeline every entry point runs (``project``), the incremental session that renders again only
what an edit changed (``incremental``), the dirty-build planner (``planner``, plain data in, a plan out) and the
staging that keeps the last good site (``staging``). Imports every layer below it, and never MkDocs.
"""

from __future__ import annotations

from .incremental import Session
from .planner import PageState, Plan, Planner
from .project import Outcome, Project
from .settings import Options, read_settings

__all__ = ["Options", "Outcome", "PageState", "Plan", "Planner", "Project", "Session", "read_settings"]
