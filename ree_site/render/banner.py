"""The banner that lists the build's problems and warnings at the top of every page the preview serves.

Its HTML is the template ``build_errors.html.j2``, which a project overrides like any other template (a file of
that name in the plugin's ``templates_dir``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape

TEMPLATE = "build_errors.html.j2"
#: The class of the banner, which the browser tests look for.
BANNER_CLASS = "ree-build-errors"


def banner(
    errors: Sequence[str], override_dir: Path | None = None, *, warnings: Sequence[str] = (), failure: str = ""
) -> str:
    """The banner's HTML for ``errors``, ``warnings`` and a stopped rebuild's ``failure`` (blank lines left out),
    from the override folder's template if any; "" when there is nothing to say."""
    if not (errors or warnings or failure):
        return ""
    loaders: list[FileSystemLoader | PackageLoader] = []
    if override_dir is not None and (override_dir / TEMPLATE).is_file():
        loaders.append(FileSystemLoader(override_dir))
    loaders.append(PackageLoader("ree_site", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders), autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True
    )
    return env.get_template(TEMPLATE).render(
        errors=[line for line in errors if line.strip()],
        warnings=[line for line in warnings if line.strip()],
        failure=failure,
        banner_class=BANNER_CLASS,
    )


def with_banner(output: str, html: str) -> str:
    """``output`` with ``html`` at the top of its body."""
    head, body, rest = output.partition("<body")
    if not body:
        return html + output
    tag_end = rest.find(">") + 1
    return head + body + rest[:tag_end] + html + rest[tag_end:]


__all__ = ["BANNER_CLASS", "banner", "with_banner"]
