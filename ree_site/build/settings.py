"""The settings of a project, read from its ``mkdocs.yml`` without MkDocs: the ``ree`` plugin's options (whose
defaults are the only ones), the docs folder, the navigation and the blog's, with a problem at its line for a
configuration the build cannot use (no ``ree`` plugin, a folder that is not there)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from ..data.articles import Blog
from ..data.discovery import display_path
from ..errors import Problem, ReeError, format_field
from ..outputs.nav import NavItem

#: The file that configures a project, and the docs folder of a project without one (with one that names no
#: docs folder, MkDocs' own default: docs/).
CONFIG_FILE = "mkdocs.yml"
DEFAULT_DOCS_DIR = "content"
#: The plugin's name under ``plugins:`` in mkdocs.yml.
PLUGIN = "ree"

#: The names Material's blog plugin goes by under ``plugins:``.
BLOG_PLUGINS = ("blog", "material/blog")
#: MkDocs' own default docs folder, for an mkdocs.yml that names none.
MKDOCS_DOCS_DIR = "docs"
DEFAULT_SITE_DIR = "site"


@dataclass(frozen=True)
class Options:
    """The ``ree`` plugin's options, as written under ``plugins: - ree:`` in mkdocs.yml; paths are relative to
    the project folder. These defaults are the only ones: the MkDocs config class and the command read them."""

    #: Folder of YAML records.
    data_dir: str = "data"
    #: Folder whose ``<name>.md.j2`` files replace the packaged templates one by one.
    templates_dir: str = "overrides/ree"
    #: A collection with at most this many records lists each record in the sidebar; larger ones are reached
    #: through their index page only, which keeps build time linear in the number of pages.
    nav_max_records: int = 30
    #: A file of Markdown abbreviations (``*[REO]: Rare-earth oxide``). Each page gets the definitions of the
    #: terms it uses, so that they show their meaning on hover (needs the ``abbr`` extension).
    abbreviations: str | None = None

    @classmethod
    def from_mapping(cls, values: dict[str, Any] | None) -> Options:
        """The options given in mkdocs.yml, the defaults for the others (unknown keys are MkDocs' to refuse)."""
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in (values or {}).items() if key in known})


@dataclass(frozen=True)
class Settings:
    """What a project's mkdocs.yml says that the pipeline needs, read without MkDocs (see :func:`read_settings`)."""

    root: Path
    docs_dir: str = DEFAULT_DOCS_DIR
    options: Options = field(default_factory=Options)
    nav: list[NavItem] | None = None
    #: The file as written, or "" when there is none.
    text: str = ""
    #: Material's blog as its plugin's options in the file set it; None without the blog plugin.
    blog: Blog | None = None
    #: Where MkDocs writes the site, relative to the file's folder.
    site_dir: str = DEFAULT_SITE_DIR
    #: Where the site is published (``site_url``, ``!ENV`` resolved as MkDocs does), or "" when it names none.
    site_url: str = ""
    #: What is wrong with the file itself, at the line of the setting: no ree plugin, a folder or file it names
    #: that does not exist. The pipeline reports them with every other problem.
    problems: tuple[Problem, ...] = ()


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags: ``!ENV [NAME, default]`` as MkDocs does, any other tag as its plain value."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    value: Any
    if isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node)
    else:
        value = loader.construct_scalar(node)  # type: ignore[arg-type]
    if suffix == "ENV":
        names = value if isinstance(value, list) else [value]
        for name in names[:-1] if len(names) > 1 else names:
            if isinstance(name, str) and name in os.environ:
                return os.environ[name]
        return names[-1] if len(names) > 1 else None
    return value


_TolerantLoader.add_multi_constructor("!", _tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tag)


def read_settings(config_file: Path) -> Settings:
    """The pipeline's settings from ``config_file``; the defaults beside it when the file does not exist."""
    root = config_file.parent
    if not config_file.is_file():
        return Settings(root)
    text = config_file.read_text(encoding="utf-8-sig")
    try:
        config = yaml.load(text, Loader=_TolerantLoader)  # noqa: S506 (a safe loader with two more tags)
    except yaml.YAMLError as exc:
        raise ReeError(f"{config_file}: not valid YAML: {exc}") from None
    if not isinstance(config, dict):
        return Settings(root, text=text)
    plugins = _plugins(config.get("plugins"))
    options: dict[str, Any] | None = None
    blog: Blog | None = None
    for name, values, _ in plugins:
        if name == PLUGIN and _enabled(values):
            options = values
        elif name in BLOG_PLUGINS:
            blog = Blog.from_options(values)
    nav = config.get("nav")
    settings = Settings(
        root,
        docs_dir=str(config.get("docs_dir") or MKDOCS_DOCS_DIR),
        options=Options.from_mapping(options),
        nav=nav if isinstance(nav, list) else None,
        text=text,
        blog=blog,
        site_dir=str(config.get("site_dir") or DEFAULT_SITE_DIR),
        site_url=str(config.get("site_url") or ""),
    )
    return replace(settings, problems=tuple(_config_problems(config_file, config, plugins, options, settings)))


_Plugin = tuple[str, dict[str, Any], tuple[str | int, ...]]


def _plugins(plugins: Any) -> list[_Plugin]:
    """Each plugin under ``plugins:`` (a list of names and one-key mappings, or a mapping), with its options and
    its place in the file."""
    found: list[_Plugin] = []
    if isinstance(plugins, dict):
        items: list[tuple[Any, tuple[str | int, ...]]] = [({k: v}, ("plugins",)) for k, v in plugins.items()]
    elif isinstance(plugins, list):
        items = [(item, ("plugins", index)) for index, item in enumerate(plugins)]
    else:
        items = []
    for item, loc in items:
        if isinstance(item, str):
            found.append((item, {}, loc))
        elif isinstance(item, dict):
            for name, values in item.items():
                found.append((str(name), values if isinstance(values, dict) else {}, (*loc, str(name))))
    return found


def _enabled(values: dict[str, Any]) -> bool:
    """MkDocs skips a plugin whose options say ``enabled: false``."""
    return values.get("enabled", True) not in (False, "false", "False", "0")


def _config_problems(
    config_file: Path,
    config: dict[str, Any],
    plugins: list[_Plugin],
    options: dict[str, Any] | None,
    settings: Settings,
) -> list[Problem]:
    """What in mkdocs.yml would make the build fail, or make a site without its records: at the setting's line."""
    positions = _positions(settings.text)
    shown = display_path(config_file, settings.root)
    name = config_file.name

    def problem(loc: tuple[str | int, ...], message: str) -> Problem:
        for end in range(len(loc), 0, -1):
            if loc[:end] in positions:
                line, column = positions[loc[:end]]
                break
        else:
            line, column = 1, 1
        return Problem(shown, line, column, format_field(loc), message)

    def missing(value: str, kind: str) -> bool:
        path = settings.root / value
        return not (path.is_dir() if kind == "folder" else path.is_file())

    found = []
    if "docs_dir" in config and missing(settings.docs_dir, "folder"):
        found.append(problem(("docs_dir",), f"no folder {settings.docs_dir!r} (relative to {name}): MkDocs would "
                             "find no pages"))  # fmt: skip
    if options is None:
        # A configuration that inherits another (INHERIT) may have the plugin there: MkDocs merges the two.
        if "INHERIT" not in config:
            message = f"the ree plugin is not in {name}'s plugins: the site would have no record pages"
            found.append(problem(("plugins",), message))
        return found
    place = next(loc for plugin, values, loc in plugins if plugin == PLUGIN and _enabled(values))
    given = settings.options
    checks = [
        ("data_dir", given.data_dir, "folder", "the site would have no records", True),
        ("templates_dir", given.templates_dir, "folder", "no template would be replaced", "templates_dir" in options),
        ("abbreviations", given.abbreviations, "file", "no abbreviation would be defined", True),
    ]
    for key, value, kind, consequence, explicit in checks:
        if value is not None and explicit and missing(value, kind):
            found.append(problem((*place, key), f"no {kind} {value!r} (relative to {name}): {consequence}"))
    return found


def _positions(text: str) -> dict[tuple[str | int, ...], tuple[int, int]]:
    """The line and column of every key and list item of mkdocs.yml (its tags are only composed, not read)."""
    try:
        root = yaml.compose(text, Loader=_TolerantLoader)
    except yaml.YAMLError:
        return {}
    positions: dict[tuple[str | int, ...], tuple[int, int]] = {}
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())] if root is not None else []
    while stack:
        node, loc = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                positions[(*loc, str(key.value))] = (key.start_mark.line + 1, key.start_mark.column + 1)
                stack.append((value, (*loc, str(key.value))))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                positions[(*loc, index)] = (item.start_mark.line + 1, item.start_mark.column + 1)
                stack.append((item, (*loc, index)))
    return positions


__all__ = ["CONFIG_FILE", "DEFAULT_DOCS_DIR", "Options", "Settings", "read_settings"]
