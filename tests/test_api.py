"""The public surface: what each package exports, the entry points MkDocs and the shell use, the command's
subcommands and the plugin's options. A name added, removed or left undocumented fails here, on purpose: change
the snapshot below with the change, and say so in the README."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
from importlib.metadata import entry_points

import pytest

#: Each package's ``__all__``: the names other code may import from it.
SURFACE = {
    "ree_site": {"Catalog", "DataError", "Problem", "ReeError", "__version__", "build_catalog", "load_records"},
    "ree_site.errors": {"DataError", "Problem", "ReeError", "format_field"},
    "ree_site.data": {"Element", "Entry", "Issue", "KINDS", "Producer", "Record", "Source", "load_records"},
    "ree_site.link": {"Catalog", "title_of"},
    "ree_site.render": {"RenderedPage", "Renderer", "TemplateRenderError"},
    "ree_site.outputs": {"docs_tree", "expand_nav", "export_files", "write_tree"},
    "ree_site.build": {"Options", "Outcome", "PageState", "Plan", "Planner", "Project", "Session", "read_settings"},
}
COMMANDS = {"check", "new", "schema", "export", "generate", "review", "build", "index"}


@pytest.mark.parametrize("package", sorted(SURFACE))
def test_each_package_exports_exactly_its_surface_and_documents_it(package: str) -> None:
    module = importlib.import_module(package)
    assert set(module.__all__) == SURFACE[package], package
    assert module.__doc__, f"{package} has no docstring"
    for name in module.__all__:
        value = getattr(module, name)  # importable
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"{package}.{name} has no docstring"


def test_the_mkdocs_plugin_and_the_command_are_registered() -> None:
    plugin = entry_points(group="mkdocs.plugins", name="ree")
    assert [ep.value for ep in plugin] == ["ree_site.engines.plugin:ReePlugin"]
    assert next(iter(plugin)).load().__name__ == "ReePlugin"
    script = entry_points(group="console_scripts", name="ree-site")
    assert [ep.value for ep in script] == ["ree_site.engines.cli:main"]


def test_the_command_has_its_subcommands() -> None:
    from ree_site.engines.cli import build_parser

    parser = build_parser()
    actions = [a for a in parser._actions if a.dest == "command"]
    assert set(actions[0].choices) == COMMANDS  # type: ignore[arg-type]


def test_the_plugin_declares_exactly_the_pipeline_options_with_the_same_defaults() -> None:
    from ree_site.build.settings import Options
    from ree_site.engines.config import ReeConfig

    config = ReeConfig()
    config.load_dict({})
    assert not config.validate()[0]
    assert set(dict(config)) == {field.name for field in dataclasses.fields(Options)}
    assert config.options() == Options()
