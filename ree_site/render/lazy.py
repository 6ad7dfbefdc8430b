"""Templates whose imports are evaluated on first use: a page that never calls an imported macro library does
not pay for evaluating it (see :class:`LazyImports`)."""

from __future__ import annotations

from typing import Any, cast

from jinja2 import Template
from jinja2.environment import TemplateModule
from markupsafe import Markup


class LazyImports(Template):
    """A template whose ``{% import ... with context %}`` is evaluated when the page first uses it: every page
    imports the texts of ``_texts.md.j2`` (62 macros, and ``_macros.md.j2`` again), and most use none of them.
    Evaluating an imported template defines its macros and prints nothing that is kept, so the pages are the
    same; only code at the top of an imported template (outside its macros) runs later, or not at all."""

    def make_module(
        self, vars: dict[str, Any] | None = None, shared: bool = False, locals: Any = None
    ) -> TemplateModule:
        return cast("TemplateModule", _LazyModule(self, vars, shared, locals))


class _LazyModule:
    """An imported template's module, made on first use (see :class:`LazyImports`)."""

    __slots__ = ("_args", "_module", "_template")

    def __init__(self, template: Template, vars: dict[str, Any] | None, shared: bool, locals: Any) -> None:
        self._template = template
        self._args = (vars, shared, locals)
        self._module: TemplateModule | None = None

    def _made(self) -> TemplateModule:
        if self._module is None:
            self._module = Template.make_module(self._template, *self._args)
        return self._module

    def __getattr__(self, name: str) -> Any:
        return getattr(self._made(), name)

    def __html__(self) -> Markup:
        return self._made().__html__()

    def __str__(self) -> str:
        return str(self._made())


__all__ = ["LazyImports"]
