"""Render: each record, index and view as a Markdown page through the Jinja templates (``renderer``), with the
charts (``charts``, ``chart_views``), the helpers the templates call (``views``), the search policy (``search``),
the ``[[...]]`` directives of hand-written pages (``embeds``) and the preview's error banner (``banner``).
Imports the link and data layers.
"""

from __future__ import annotations

from .renderer import RenderedPage, Renderer, TemplateRenderError

__all__ = ["RenderedPage", "Renderer", "TemplateRenderError"]
