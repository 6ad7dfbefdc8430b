"""The package is grouped by layer, and no import runs back up a layer; only the MkDocs adapter imports MkDocs.

The modules are found by walking the package, so a new module is checked without being listed here.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "ree_site"
#: The layers, lowest first: a module may import its own layer and those before it, never one after it.
LAYERS = ["errors", "data", "link", "render", "outputs", "build", "engines"]
#: The only modules that may import MkDocs or Material.
MKDOCS_ADAPTER = {"ree_site.engines.plugin", "ree_site.engines.config", "ree_site.engines.mkdocs_adapter"}
#: The package's own entry modules, above every layer: the public surface and ``python -m ree_site``.
ENTRY = {"ree_site": "link", "ree_site.__main__": "engines"}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def layer_of(module: str) -> str:
    """The layer a module belongs to: its subpackage, or ``errors`` for ``ree_site.errors``."""
    if module in ENTRY:
        return ENTRY[module]
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports(module: str, path: Path) -> list[tuple[str, int]]:
    """Every module ``module`` imports (relative imports resolved), with the line of the import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.append((target, node.lineno))
            # ``from . import stats`` imports a module, not a name.
            found += [(f"{target}.{alias.name}", node.lineno) for alias in node.names if node.module is None]
    return found


def test_every_module_belongs_to_a_layer() -> None:
    strays = [name for name in modules() if name not in ENTRY and layer_of(name) not in LAYERS]
    assert strays == [], f"modules outside the layers {LAYERS}: {strays}"


def test_no_import_runs_up_a_layer() -> None:
    everything = modules()
    wrong = []
    for name, path in everything.items():
        own = LAYERS.index(layer_of(name))
        for target, line in imports(name, path):
            if not target.startswith("ree_site") or target not in everything:
                continue
            if target in ENTRY and name != "ree_site.__main__":
                wrong.append(f"{path.relative_to(ROOT)}:{line}: imports the package's entry {target}")
            elif LAYERS.index(layer_of(target)) > own:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {layer_of(name)} imports {target} ({layer_of(target)})")
    assert wrong == [], "\n".join(wrong)


def test_only_the_mkdocs_adapter_imports_mkdocs_or_material() -> None:
    wrong = []
    for name, path in modules().items():
        for target, line in imports(name, path):
            if target.split(".")[0] in {"mkdocs", "material"} and name not in MKDOCS_ADAPTER:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: imports {target}")
    assert wrong == [], "\n".join(wrong)


def test_the_layering_check_sees_a_violation(tmp_path: Path) -> None:
    """The import walk finds a relative import that climbs a layer (so the tests above can fail)."""
    module = tmp_path / "catalog.py"
    module.write_text("from ..render.views import Views\nfrom . import stats\nimport mkdocs.plugins\n")
    found = dict(imports("ree_site.link.catalog", module))
    assert found == {"ree_site.render.views": 1, "ree_site.link": 2, "ree_site.link.stats": 2, "mkdocs.plugins": 3}
    assert LAYERS.index(layer_of("ree_site.render.views")) > LAYERS.index(layer_of("ree_site.link.catalog"))


def test_the_core_and_the_command_run_without_importing_mkdocs(data_dir: Path) -> None:
    core = [name for name in modules() if name not in MKDOCS_ADAPTER and name != "ree_site.__main__"]
    script = f"""
import sys
from pathlib import Path
{"".join(f"import {name}{chr(10)}" for name in core)}
from ree_site import build_catalog
from ree_site.outputs.export import export_files
from ree_site.render.embeds import expand_page
from ree_site.render.renderer import Renderer
catalog = build_catalog(Path({str(data_dir)!r}))
assert export_files(catalog)
assert "270,000" in expand_page(catalog, "[[figure china mine-production 2024]]", "index.md", "index.md")
pages = Renderer(build_catalog(Path({str(data_dir)!r}))).render_all()
assert len(pages) == 17, len(pages)
leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("mkdocs", "material"))
print("LEAKED" if leaked else "CLEAN", leaked)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.startswith("CLEAN"), result.stdout
    assert "ree_site.engines.cli" in core and "ree_site.build.project" in core
