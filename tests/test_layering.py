"""The core never imports MkDocs: only ree_site.plugin and ree_site.config may."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

CORE = [
    "errors", "yamlfile", "fields", "vocabulary", "schema_rules", "parts", "models", "discovery", "messages",
    "tracking", "loading", "catalog", "pages", "nav", "text", "stats", "charts", "views", "render", "embeds",
    "export", "schema", "cli", "abbreviations", "articles", "incremental", "tree", "search",
]  # fmt: skip


def test_core_runs_without_importing_mkdocs(data_dir: Path) -> None:
    script = f"""
import sys
from pathlib import Path
import ree_site
from ree_site import build_catalog
{"".join(f"import ree_site.{name}{chr(10)}" for name in CORE)}
from ree_site.render import Renderer
from ree_site.export import export_files
from ree_site.embeds import expand_page
catalog = build_catalog(Path({str(data_dir)!r}))
assert export_files(catalog)
assert "270,000" in expand_page(catalog, "[[figure china mine-production 2024]]", "index.md", "index.md")
pages = Renderer(build_catalog(Path({str(data_dir)!r}))).render_all()
assert len(pages) == 13, len(pages)
leaked = sorted(m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs."))
print("LEAKED" if leaked else "CLEAN", leaked)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.startswith("CLEAN"), result.stdout


def test_only_the_plugin_layer_imports_mkdocs() -> None:
    for name in [*CORE, "__init__"]:
        source = (ROOT / "ree_site" / f"{name}.py").read_text()
        assert "import mkdocs" not in source and "from mkdocs" not in source, name
